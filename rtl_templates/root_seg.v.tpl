{{BANNER}}
`default_nettype none

// One segment (L columns) of the H-tree root's input side, repeated ceil(N/L) times so that
// each distinct module stays small: its slice of the input-vector register, the step(x) bits
// sent down the tree, the input-plane gating of the root's sign-row copy and the dummy
// all-ones row's count of the plane (Sx).
module {{NAME}}_root_seg #(
  parameter integer L       = {{L}},        // columns of a segment
  parameter integer EW      = {{EW}},       // element width n+1: {sign, mag}
  parameter integer PL_W    = {{PL_W}},     // input-plane index width
  parameter integer COUNT_W = {{COUNT_W}},  // segment count width
  parameter integer USED    = {{L}}         // columns of this segment that hold elements, 1..L
) (
  input  wire               clk,
  input  wire               x_load,   // a vector is accepted this cycle
  input  wire [USED*EW-1:0] x_data,   // the segment's elements of x_data
  input  wire [PL_W-1:0]    plane,    // input plane read this cycle
  input  wire               b_issue,  // an input plane is read this cycle
  output wire [USED-1:0]    step,     // step(x_i) of the segment's elements
  output wire [L-1:0]       col_en,   // x_i[plane] during an input-plane read
  output wire [COUNT_W-1:0] count     // dummy all-ones row: popcount of col_en
);
  reg  [USED*EW-1:0] x_reg;
  wire [L-1:0]       gate;

  always @(posedge clk) begin
    if (x_load) x_reg <= x_data;
  end

  genvar i;
  generate
    for (i = 0; i < USED; i = i + 1) begin : g_step
      assign step[i] = ~x_reg[i*EW + EW - 1];
    end
  endgenerate

  {{NAME}}_gating #(.USED(USED)) u_gating (.x_seg(x_reg), .sel_step(1'b0), .plane(plane), .col_en(gate));
  assign col_en = gate & {L{b_issue}};

  {{NAME}}_adder_tree u_tree (.clk(clk), .bits(col_en), .count(count));
endmodule

`default_nettype wire
