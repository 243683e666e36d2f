{{BANNER}}
`default_nettype none

// One channel of the MF macro: sums its segment counts, shift-accumulates A (weight planes)
// and B (input planes), holds Sw, and combines y = 2A - Sw + 2B - Sx.
module {{NAME}}_channel #(
  parameter integer S       = {{S}},        // segments (uArrays) per channel
  parameter integer COUNT_W = {{COUNT_W}},  // segment count width
  parameter integer SUM_IW  = {{SUM_IW}},   // width of a step's count over all segments
  parameter integer SW_W    = {{SW_W}},     // width of Sw and of A
  parameter integer B_W     = {{B_W}},      // width of B and Sx
  parameter integer Y_W     = {{Y_W}}       // output width, two's complement
) (
  input  wire                 clk,
  // Sw register write
  input  wire                 sw_wr,
  input  wire [SW_W-1:0]      sw_data,
  // segment counts of this step (after the adder-tree pipeline)
  input  wire [S*COUNT_W-1:0] seg_counts,
  input  wire                 acc_a,       // count belongs to a weight plane
  input  wire                 acc_b,       // count belongs to an input plane
  input  wire                 acc_first,   // most significant plane of its phase
  input  wire [B_W-1:0]       sx,          // shared dummy-row accumulator
  output reg  [Y_W-1:0]       y
);
  localparam integer SUM_OW = SW_W > B_W ? SW_W : B_W;

  wire [SW_W-1:0] sum_a;
  wire [B_W-1:0]  sum_b;
  wire [SW_W-1:0] a;
  wire [B_W-1:0]  b;
  reg  [SW_W-1:0] sw_reg;

  always @(posedge clk) begin
    if (sw_wr) sw_reg <= sw_data;
  end

  // One uChannel sum serves both phases (a step is either a weight plane or an input plane).
  wire [SUM_OW-1:0] sum;
  {{NAME}}_seg_sum #(.S(S), .CW(COUNT_W), .IW(SUM_IW), .OW(SUM_OW)) u_sum (.counts(seg_counts), .sum(sum));
  assign sum_a = sum[SW_W-1:0];
  assign sum_b = sum[B_W-1:0];

  {{NAME}}_shift_acc #(.W(SW_W)) u_acc_a (.clk(clk), .en(acc_a), .first(acc_first), .in(sum_a), .acc(a));
  {{NAME}}_shift_acc #(.W(B_W))  u_acc_b (.clk(clk), .en(acc_b), .first(acc_first), .in(sum_b), .acc(b));

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
