{{BANNER}}
`default_nettype none

// The part every top shares: the controller hookup, the input-vector register and the output
// register with its y handshake (a result is held until the y beat; nothing is dropped or
// repeated under back-pressure).
module {{NAME}}_frontend #(
  parameter integer X_W   = {{X_W}},    // x_data width, N*(n+1)
  parameter integer YS_W  = {{YS_W}},   // y_data width, C*Y_W
  parameter integer CNT_W = {{CNT_W}}   // controller step counter width
) (
  input  wire             clk,
  input  wire             rst_n,
  // handshakes of the top-level ports
  input  wire             wr_valid,
  output wire             wr_ready,
  input  wire             x_valid,
  output wire             x_ready,
  input  wire [X_W-1:0]   x_data,
  output wire             y_valid,
  input  wire             y_ready,
  output wire [YS_W-1:0]  y_data,
  // to the datapath
  output reg  [X_W-1:0]   x_reg,        // the vector in flight
  output wire             x_load,       // vector accepted this cycle
  output wire             issue_valid,  // an array step is issued this cycle
  output wire             acc_valid,    // count of step acc_idx arrives this cycle
  output wire [CNT_W-1:0] acc_idx,
  input  wire [YS_W-1:0]  y_comb        // combined results, loaded into the output register
);
  wire             out_load;
  reg              y_valid_reg;
  reg [YS_W-1:0]   y_data_reg;

  {{NAME}}_ctrl u_ctrl (
    .clk(clk), .rst_n(rst_n),
    .x_valid(x_valid), .x_ready(x_ready), .wr_valid(wr_valid), .wr_ready(wr_ready),
    .y_valid(y_valid_reg), .y_ready(y_ready),
    .x_load(x_load), .issue_valid(issue_valid),
    .acc_valid(acc_valid), .acc_idx(acc_idx), .out_load(out_load)
  );

  always @(posedge clk) begin
    if (x_load) x_reg <= x_data;
  end

  always @(posedge clk) begin
    if (out_load) y_data_reg <= y_comb;
  end

  always @(posedge clk or negedge rst_n) begin
    if (!rst_n) y_valid_reg <= 1'b0;
    else if (out_load) y_valid_reg <= 1'b1;
    else if (y_ready) y_valid_reg <= 1'b0;
  end

  assign y_valid = y_valid_reg;
  assign y_data  = y_data_reg;
endmodule

`default_nettype wire
