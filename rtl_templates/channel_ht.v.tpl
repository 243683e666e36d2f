{{BANNER}}
`default_nettype none

// One channel at the H-tree root: B from the root's sign-row copy (its plane counts
// shift-accumulated, MSB first), Sw, A from the tree, and the combine y = 2A - Sw + 2B - Sx.
module {{NAME}}_channel_ht #(
  parameter integer S       = {{S}},        // root segments, ceil(N/L)
  parameter integer COUNT_W = {{COUNT_W}},  // segment count width
  parameter integer SUM_IW  = {{SUM_IW}},   // width of a plane's count over all segments
  parameter integer SW_W    = {{SW_W}},     // width of Sw and of A
  parameter integer B_W     = {{B_W}},      // width of B and Sx
  parameter integer Y_W     = {{Y_W}}       // output width, two's complement
) (
  input  wire                 clk,
  input  wire                 sw_wr,
  input  wire [SW_W-1:0]      sw_data,
  input  wire [S*COUNT_W-1:0] seg_counts,  // sign-row counts of this input plane
  input  wire                 acc_b,       // a plane count arrives
  input  wire                 acc_first,   // the most significant plane
  input  wire [SW_W-1:0]      a,           // A from the tree
  input  wire [B_W-1:0]       sx,          // shared dummy-row accumulator
  output reg  [Y_W-1:0]       y
);
  reg  [SW_W-1:0] sw_reg;
  wire [B_W-1:0]  sum_b;
  wire [B_W-1:0]  b;

  always @(posedge clk) begin
    if (sw_wr) sw_reg <= sw_data;
  end

  {{NAME}}_seg_sum #(.S(S), .CW(COUNT_W), .IW(SUM_IW), .OW(B_W)) u_sum (.counts(seg_counts), .sum(sum_b));
  {{NAME}}_shift_acc #(.W(B_W)) u_acc_b (.clk(clk), .en(acc_b), .first(acc_first), .in(sum_b), .acc(b));

  // Combine in Y_W-bit two's complement; every operand is zero-extended first.
  reg [Y_W-1:0] a_x, sw_x, b_x, sx_x;
  always @* begin
    a_x  = {Y_W{1'b0}};
    sw_x = {Y_W{1'b0}};
    b_x  = {Y_W{1'b0}};
    sx_x = {Y_W{1'b0}};
    a_x[SW_W-1:0]  = a;
    sw_x[SW_W-1:0] = sw_reg;
    b_x[B_W-1:0]   = b;
    sx_x[B_W-1:0]  = sx;
    y = (a_x << 1) - sw_x + (b_x << 1) - sx_x;
  end
endmodule

`default_nettype wire
