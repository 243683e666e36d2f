{{BANNER}}
`default_nettype none

// One channel of the MF macro with MC-Dropout (DESIGN.md section 11): A over the masked
// columns gated by step(x), the Sw of the masked columns counted from the weight planes (no
// host-loaded register), B and Sx over the masked columns; S = 2A - Sw + 2B - Sx. The beat's
// op combines S with partial-sum register P[src] (0: S, 1: P[src] + S, 2: P[src] - S), modulo
// 2^Y_W; the result is kept in P[dst] when the output register takes it.
module {{NAME}}_channel_do #(
  parameter integer S       = {{S}},        // segments (uArrays) per channel
  parameter integer COUNT_W = {{COUNT_W}},  // segment count width
  parameter integer SUM_IW  = {{SUM_IW}},   // width of a step's count over all segments
  parameter integer SW_W    = {{SW_W}},     // width of Sw and of A
  parameter integer B_W     = {{B_W}},      // width of B and Sx
  parameter integer Y_W     = {{Y_W}},      // output width, two's complement
  parameter integer R       = {{R}},        // partial-sum registers
  parameter integer R_W     = {{R_W}}       // register index width
) (
  input  wire                 clk,
  // segment counts of this step (after the adder-tree pipeline)
  input  wire [S*COUNT_W-1:0] seg_counts,
  input  wire                 acc_a,       // count of a weight plane gated by mask & step(x)
  input  wire                 acc_w,       // count of a weight plane gated by mask (Sw)
  input  wire                 acc_b,       // count of an input plane
  input  wire                 acc_first,   // most significant plane of its phase
  input  wire [B_W-1:0]       sx,          // shared dummy-row accumulator
  // the beat's combine
  input  wire [1:0]           op,          // 0: S, 1: P[src] + S, 2: P[src] - S
  input  wire [R_W-1:0]       src,
  input  wire [R_W-1:0]       dst,
  input  wire                 p_wr,        // the output register takes y: P[dst] <= y
  output reg  [Y_W-1:0]       y
);
  localparam integer SUM_OW = SW_W > B_W ? SW_W : B_W;

  wire [SUM_OW-1:0] sum;
  wire [SW_W-1:0]   a;
  wire [SW_W-1:0]   sw;
  wire [B_W-1:0]    b;

  // One uChannel sum serves every phase (a step is a weight plane or an input plane).
  {{NAME}}_seg_sum #(.S(S), .CW(COUNT_W), .IW(SUM_IW), .OW(SUM_OW)) u_sum (.counts(seg_counts), .sum(sum));
  {{NAME}}_shift_acc #(.W(SW_W)) u_acc_a (.clk(clk), .en(acc_a), .first(acc_first), .in(sum[SW_W-1:0]), .acc(a));
  {{NAME}}_shift_acc #(.W(SW_W)) u_acc_w (.clk(clk), .en(acc_w), .first(acc_first), .in(sum[SW_W-1:0]), .acc(sw));
  {{NAME}}_shift_acc #(.W(B_W))  u_acc_b (.clk(clk), .en(acc_b), .first(acc_first), .in(sum[B_W-1:0]), .acc(b));

  // S in Y_W-bit two's complement; every operand is zero-extended first.
  reg [Y_W-1:0] a_x, sw_x, b_x, sx_x, s_y;
  always @* begin
    a_x  = {Y_W{1'b0}};
    sw_x = {Y_W{1'b0}};
    b_x  = {Y_W{1'b0}};
    sx_x = {Y_W{1'b0}};
    a_x[SW_W-1:0]  = a;
    sw_x[SW_W-1:0] = sw;
    b_x[B_W-1:0]   = b;
    sx_x[B_W-1:0]  = sx;
    s_y = (a_x << 1) - sw_x + (b_x << 1) - sx_x;
  end

  // Partial-sum registers: P[dst] written when the result is taken, P[src] by a mux.
  wire [R*Y_W-1:0] p_flat;  // P[r] at [r*Y_W +: Y_W]
  genvar r;
  generate
    for (r = 0; r < R; r = r + 1) begin : g_p
      localparam integer   RID_I = r;
      localparam [R_W-1:0] RID   = RID_I[R_W-1:0];
      reg [Y_W-1:0] p_reg;
      always @(posedge clk) begin
        if (p_wr && dst == RID) p_reg <= y;
      end
      assign p_flat[r*Y_W +: Y_W] = p_reg;
    end
  endgenerate

  reg [Y_W-1:0] p_src;
  integer i;
  always @* begin
    p_src = {Y_W{1'b0}};
    for (i = 0; i < R; i = i + 1)
      if (src == i[R_W-1:0]) p_src = p_flat[i*Y_W +: Y_W];
  end

  always @* begin
    case (op)
      2'd1:    y = p_src + s_y;
      2'd2:    y = p_src - s_y;
      default: y = s_y;
    endcase
  end
endmodule

`default_nettype wire
