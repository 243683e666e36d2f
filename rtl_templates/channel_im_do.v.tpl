{{BANNER}}
`default_nettype none

// One channel of the in-memory MF macro with MC-Dropout (DESIGN.md section 11): sums the
// converted counts of its segments, builds A from the weight-plane conversions gated by
// mask & step(x), Sw of the active columns from the same rows converted with the column lines
// at the mask (both: PER_ROW all rows at once, weighted by 2^j; else Horner over the rows, MSB
// first), B from the sign-row conversions, S = 2A - Sw + 2B - Sx. The beat's op combines S with
// partial-sum register P[src] (0: S, 1: P[src] + S, 2: P[src] - S), modulo 2^Y_W; the result is
// kept in P[dst] when the output register takes it.
module {{NAME}}_channel_im_do #(
  parameter integer S       = {{S}},        // segments (uArrays) per channel
  parameter integer NCONV   = {{NCONV}},    // converters per uArray
  parameter integer PER_ROW = {{PER_ROW}},  // 1: a converter per weight row; 0: one time-shared
  parameter integer CHAT_W  = {{CHAT_W}},   // converted count width, b + lsb_shift
  parameter integer CV_W    = {{CV_W}},     // bits a converted count can occupy, clog2(c_max+1)
  parameter integer SUM_W   = {{SUM_W}},    // width of a converter's sum over the segments
  parameter integer A_W     = {{A_W}},      // width of A
  parameter integer B_W     = {{B_W}},      // width of B and Sx
  parameter integer Y_W     = {{Y_W}},      // output width, two's complement
  parameter integer R       = {{R}},        // partial-sum registers
  parameter integer R_W     = {{R_W}}       // register index width
) (
  input  wire                      clk,
  input  wire [S*NCONV*CHAT_W-1:0] c_hat,    // segment s, converter i at [(s*NCONV+i)*CHAT_W +: CHAT_W]
  input  wire                      acc_a,    // weight-plane conversion (mask & step(x)) ends this cycle
  input  wire                      acc_w,    // weight-plane conversion (mask alone: Sw) ends this cycle
  input  wire                      acc_b,    // sign-row conversion ends this cycle
  input  wire                      first_a,  // most significant weight row (time-shared converter)
  input  wire                      first_b,  // most significant input plane
  input  wire [B_W-1:0]            sx,
  // the beat's combine
  input  wire [1:0]                op,       // 0: S, 1: P[src] + S, 2: P[src] - S
  input  wire [R_W-1:0]            src,
  input  wire [R_W-1:0]            dst,
  input  wire                      p_wr,     // the output register takes y: P[dst] <= y
  output reg  [Y_W-1:0]            y
);
  // c_hat <= c_max: its bits at and above CV_W are always zero.
  wire unused_c_hat = ^c_hat;

  // uChannel: per converter, the sum over segments
  reg  [NCONV*SUM_W-1:0] sums;  // converter i at [i*SUM_W +: SUM_W]
  reg  [SUM_W-1:0] sum, term;
  integer s, i;
  always @* begin
    for (i = 0; i < NCONV; i = i + 1) begin
      sum = {SUM_W{1'b0}};
      for (s = 0; s < S; s = s + 1) begin
        term = {SUM_W{1'b0}};
        term[CV_W-1:0] = c_hat[(s*NCONV+i)*CHAT_W +: CV_W];
        sum = sum + term;
      end
      sums[i*SUM_W +: SUM_W] = sum;
    end
  end

  // The weight-plane term of this conversion: converter i holds row i (PER_ROW), so sum_i 2^i.
  reg [A_W-1:0] a_in, a_term;
  reg [B_W-1:0] b_in;
  always @* begin
    a_in = {A_W{1'b0}};
    for (i = 0; i < NCONV; i = i + 1) begin
      a_term = {A_W{1'b0}};
      a_term[SUM_W-1:0] = sums[i*SUM_W +: SUM_W];
      a_in = a_in + (a_term << i);
    end
    b_in = {B_W{1'b0}};
    b_in[SUM_W-1:0] = sums[SUM_W-1:0];
  end

  reg  [A_W-1:0]  a_reg;
  reg  [B_W-1:0]  b_reg;
  reg  [A_W-1:0]  sw_reg;   // Sw of the active columns (<= A's bound)
  wire [A_W-1:0]  a_next;

  generate
    if (PER_ROW != 0) begin : g_rows_parallel
      assign a_next = a_in;
      wire unused_first_a = first_a;  // A arrives in one conversion
    end else begin : g_rows_horner
      // Horner over the rows: a_reg accumulates in phase A, sw_reg in the Sw phase.
      assign a_next = first_a ? a_in : ((acc_w ? sw_reg : a_reg) << 1) + a_in;
    end
  endgenerate

  always @(posedge clk) begin
    if (acc_w) sw_reg <= a_next;
    if (acc_a) a_reg <= a_next;
    if (acc_b) b_reg <= first_b ? b_in : (b_reg << 1) + b_in;
  end

  reg [Y_W-1:0] a_x, sw_x, b_x, sx_x, s_y;
  always @* begin
    a_x  = {Y_W{1'b0}};
    sw_x = {Y_W{1'b0}};
    b_x  = {Y_W{1'b0}};
    sx_x = {Y_W{1'b0}};
    a_x[A_W-1:0]   = a_reg;
    sw_x[A_W-1:0]  = sw_reg;
    b_x[B_W-1:0]   = b_reg;
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
  integer k;
  always @* begin
    p_src = {Y_W{1'b0}};
    for (k = 0; k < R; k = k + 1)
      if (src == k[R_W-1:0]) p_src = p_flat[k*Y_W +: Y_W];
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
