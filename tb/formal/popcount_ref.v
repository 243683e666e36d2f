// References for the adder-tree proofs (tb/formal/tree_equiv.sh).
`default_nettype none

// Popcount of `bits`: a plain chain of adds (combinational).
module popcount_ref #(
  parameter integer W     = 8,  // input bits
  parameter integer OUT_W = 4   // count width, clog2(W+1)
) (
  input  wire [W-1:0]     bits,
  output reg  [OUT_W-1:0] count
);
  integer i;
  always @* begin
    count = {OUT_W{1'b0}};
    for (i = 0; i < W; i = i + 1) count = count + {{(OUT_W-1){1'b0}}, bits[i]};
  end
endmodule

// PIPE register stages of W bits (PIPE >= 1); no reset: the proofs start from any state.
module delay_ref #(
  parameter integer W    = 8,  // data bits
  parameter integer PIPE = 1   // register stages
) (
  input  wire         clk,
  input  wire [W-1:0] d,
  output wire [W-1:0] q
);
  reg [W*PIPE-1:0] r;
  integer p;
  always @(posedge clk) begin
    r[W-1:0] <= d;
    for (p = 1; p < PIPE; p = p + 1) r[p*W +: W] <= r[(p-1)*W +: W];
  end
  assign q = r[W*PIPE-1 -: W];
endmodule
`default_nettype wire
