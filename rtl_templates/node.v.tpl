{{BANNER}}
`default_nettype none

// Internal H-tree node (and the root's adder): adds its children's partial sums, one adder per
// channel, into a register. The children run in lockstep, so child 0's valid stands for all.
module {{NAME}}_node #(
  parameter integer NCH   = 2,        // children present, 1..fanout
  parameter integer C     = {{C}},    // channels
  parameter integer W_IN  = 1,        // a child's partial sum per channel
  parameter integer W_OUT = 1         // this node's partial sum per channel, >= W_IN
) (
  input  wire                 clk,
  input  wire                 rst_n,
  input  wire [NCH-1:0]       in_valid,
  input  wire [NCH*C*W_IN-1:0] in_data,  // child k, channel c at [(k*C+c)*W_IN +: W_IN]
  output reg                  out_valid,
  output reg  [C*W_OUT-1:0]   out_data   // channel c at [c*W_OUT +: W_OUT]
);
  wire unused_valid = ^in_valid;  // children in lockstep: only in_valid[0] is read

  reg [C*W_OUT-1:0] sums;
  reg [W_OUT-1:0]   sum, term;
  integer c, k;
  always @* begin
    for (c = 0; c < C; c = c + 1) begin
      sum = {W_OUT{1'b0}};
      for (k = 0; k < NCH; k = k + 1) begin
        term = {W_OUT{1'b0}};
        term[W_IN-1:0] = in_data[(k*C+c)*W_IN +: W_IN];
        sum = sum + term;
      end
      sums[c*W_OUT +: W_OUT] = sum;
    end
  end

  always @(posedge clk or negedge rst_n) begin
    if (!rst_n) out_valid <= 1'b0;
    else out_valid <= in_valid[0];
  end

  always @(posedge clk) begin
    if (in_valid[0]) out_data <= sums;
  end
endmodule

`default_nettype wire
