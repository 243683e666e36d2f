{{BANNER}}
`default_nettype none

// Top level of the MF compute-in-SRAM macro with MC-Dropout (DESIGN.md sections 5 and 11).
// Per beat, every gate ANDed with x_mask: M weight-plane row reads gated by step(x) (A), M
// more reads of the same planes gated by the mask alone (the Sw of the active columns), then
// NB input-plane reads of the sign row gated by x[k] (B) and of the shared dummy row (Sx).
// Each channel combines S with its partial-sum register P[x_src] by x_op and keeps the result
// in P[x_dst].
module {{NAME}}_top #(
  parameter integer N       = {{N}},        // vector length
  parameter integer C       = {{C}},        // channels
  parameter integer M       = {{M}},        // weight magnitude bits
  parameter integer NB      = {{NB}},       // input magnitude bits
  parameter integer L       = {{L}},        // uArray columns
  parameter integer S       = {{S}},        // segments per channel, ceil(N/L)
  parameter integer Y_W     = {{Y_W}},      // output width, two's complement
  parameter integer CH_W    = {{CH_W}},     // wr_channel width
  parameter integer IDX_W   = {{IDX_W}},    // wr_index width
  parameter integer WR_W    = {{WR_W}},     // wr_data width
  parameter integer B_W     = {{B_W}},      // B and Sx width
  parameter integer COUNT_W = {{COUNT_W}},  // segment count width
  parameter integer SUM_IW  = {{SUM_IW}},   // width of a step's count over all segments
  parameter integer COL_W   = {{COL_W}},    // column index width in a uArray
  parameter integer ROW_W   = {{ROW_W}},    // row address width
  parameter integer PL_W    = {{PL_W}},     // input-plane index width
  parameter integer CNT_W   = {{CNT_W}},    // controller step counter width
  parameter integer R       = {{R}},        // partial-sum registers per channel
  parameter integer R_W     = {{R_W}}       // x_src / x_dst width
) (
{{PORTS}}
);
  localparam integer EW = NB + 1;  // element width {sign, mag}
  localparam integer PW = S * L;   // padded columns of a channel
  localparam integer ONE_I = 1, ROW_TOP_I = M - 1, K_TOP_I = NB - 1;
  localparam integer M2_I = 2 * M, LAST_STEP_I = 2 * M + NB - 1;
  localparam [CNT_W-1:0] M_STEPS  = M[CNT_W-1:0];             // weight-plane steps (A)
  localparam [CNT_W-1:0] M2_STEPS = M2_I[CNT_W-1:0];          // ... and the Sw steps after them
  localparam [CNT_W-1:0] LAST_STEP = LAST_STEP_I[CNT_W-1:0];  // the last input plane
  localparam [1:0] PH_A = 2'd0, PH_W = 2'd1, PH_B = 2'd2;     // issue phases
  localparam [ROW_W-1:0] ROW_TOP  = ROW_TOP_I[ROW_W-1:0];     // row of the first weight plane
  localparam [ROW_W-1:0] ROW_SIGN = M[ROW_W-1:0];             // step(w) row
  localparam [ROW_W-1:0] ROW_ONE  = ONE_I[ROW_W-1:0];
  localparam [PL_W-1:0]  K_TOP    = K_TOP_I[PL_W-1:0];        // first input plane
  localparam [PL_W-1:0]  PL_ONE   = ONE_I[PL_W-1:0];

  // ---- controller, input register, output register ----
  wire               x_load, issue_valid, acc_valid;
  wire [CNT_W-1:0]   acc_idx;
  wire [N*EW-1:0]    x_reg;
  wire [C*Y_W-1:0]   y_comb;

  {{NAME}}_frontend u_frontend (
    .clk(clk), .rst_n(rst_n),
    .wr_valid(wr_valid), .wr_ready(wr_ready), .x_valid(x_valid), .x_ready(x_ready), .x_data(x_data),
    .y_valid(y_valid), .y_ready(y_ready), .y_data(y_data),
    .x_reg(x_reg), .x_load(x_load), .issue_valid(issue_valid), .acc_valid(acc_valid), .acc_idx(acc_idx),
    .y_comb(y_comb)
  );

  // ---- the beat's dropout fields, held while it is in flight ----
  reg [N-1:0]   mask_reg;
  reg [1:0]     op_reg;
  reg [R_W-1:0] src_reg, dst_reg;

  always @(posedge clk) begin
    if (x_load) begin
      mask_reg <= x_mask;
      op_reg   <= x_op;
      src_reg  <= x_src;
      dst_reg  <= x_dst;
    end
  end

  // ---- issue side: weight planes m-1..0 gated by step(x), again gated by the mask alone,
  //      then the sign row gated by x[k] ----
  reg [1:0]       phase_reg;
  reg [ROW_W-1:0] rd_row_reg;
  reg [PL_W-1:0]  plane_reg;

  always @(posedge clk) begin
    if (x_load) begin
      phase_reg  <= PH_A;
      rd_row_reg <= ROW_TOP;
      plane_reg  <= K_TOP;
    end else if (issue_valid) begin
      if (phase_reg != PH_B) begin
        if (rd_row_reg == {ROW_W{1'b0}}) begin
          phase_reg  <= phase_reg == PH_A ? PH_W : PH_B;
          rd_row_reg <= phase_reg == PH_A ? ROW_TOP : ROW_SIGN;
        end else begin
          rd_row_reg <= rd_row_reg - ROW_ONE;
        end
      end else begin
        plane_reg <= plane_reg - PL_ONE;
      end
    end
  end

  // ---- accumulate side: which term the arriving count belongs to ----
  wire acc_a = acc_valid && acc_idx < M_STEPS;
  wire acc_w = acc_valid && acc_idx >= M_STEPS && acc_idx < M2_STEPS;
  wire acc_b = acc_valid && acc_idx >= M2_STEPS;
  wire first = acc_idx == {CNT_W{1'b0}} || acc_idx == M_STEPS || acc_idx == M2_STEPS;

  // ---- the cycle the output register takes the result (the controller's out_load): the
  //      last count has arrived and the output register is free ----
  reg  pend_reg;
  wire p_wr = pend_reg && (!y_valid || y_ready);

  always @(posedge clk or negedge rst_n) begin
    if (!rst_n) pend_reg <= 1'b0;
    else if (acc_valid && acc_idx == LAST_STEP) pend_reg <= 1'b1;
    else if (p_wr) pend_reg <= 1'b0;
  end

  // ---- sense-amp gating, shared by all channels (one gating block per segment), ANDed with
  //      the mask; the Sw phase enables every active column ----
  wire [PW-1:0] gate;
  wire [PW-1:0] mask_pad;
  wire [PW-1:0] col_en = (phase_reg == PH_W ? mask_pad : gate & mask_pad) & {PW{issue_valid}};

  generate
    if (PW > N) begin : g_mask_pad
      assign mask_pad = {{(PW-N){1'b0}}, mask_reg};
    end else begin : g_mask_full
      assign mask_pad = mask_reg;
    end
  endgenerate

  genvar s, c;
  generate
    for (s = 0; s < S; s = s + 1) begin : g_gate
      localparam integer USED = (s == S - 1) ? N - s * L : L;  // columns holding elements
      {{NAME}}_gating #(.USED(USED)) u_gating (
        .x_seg(x_reg[s*L*EW +: USED*EW]), .sel_step(phase_reg != PH_B), .plane(plane_reg), .col_en(gate[s*L +: L])
      );
    end
  endgenerate

  // ---- dummy all-ones row: Sx = SUM_k 2^k popcount(x[k]), shared by all channels ----
  wire [S*COUNT_W-1:0] dummy_counts;
  wire [B_W-1:0]       dummy_sum;
  wire [B_W-1:0]       sx;

  generate
    for (s = 0; s < S; s = s + 1) begin : g_dummy
      {{NAME}}_adder_tree u_tree (
        .clk(clk), .bits(col_en[s*L +: L]), .count(dummy_counts[s*COUNT_W +: COUNT_W])
      );
    end
  endgenerate

  {{NAME}}_seg_sum #(.S(S), .CW(COUNT_W), .IW(SUM_IW), .OW(B_W)) u_dummy_sum (.counts(dummy_counts), .sum(dummy_sum));
  {{NAME}}_shift_acc #(.W(B_W)) u_acc_sx (.clk(clk), .en(acc_b), .first(first), .in(dummy_sum), .acc(sx));

  // Sw is counted in the macro: a host Sw write (wr_sum) is accepted and ignored.
  wire unused_wr_data = ^wr_data;

  // ---- element writes: segment select and column offset, shared by all channels ----
  wire               wr_fire = wr_valid && wr_ready;
  wire [S-1:0]       seg_wr;
  wire [S*COL_W-1:0] seg_col;

  {{NAME}}_wr_decode u_wr_decode (.wr_index(wr_index), .seg_wr(seg_wr), .seg_col(seg_col));

  // ---- channels: S uArrays each, stitched by a uChannel ----
  generate
    for (c = 0; c < C; c = c + 1) begin : g_ch
      localparam integer    CID_I = c;
      localparam [CH_W-1:0] CID   = CID_I[CH_W-1:0];
      wire                  ch_sel = wr_fire && wr_channel == CID;
      wire [S*COUNT_W-1:0]  seg_counts;

      for (s = 0; s < S; s = s + 1) begin : g_seg
        {{NAME}}_uarray u_uarray (
          .clk(clk),
          .wr_en(ch_sel && !wr_sum && seg_wr[s]), .wr_col(seg_col[s*COL_W +: COL_W]), .wr_elem(wr_data[M:0]),
          .rd_row(rd_row_reg), .col_en(col_en[s*L +: L]),
          .count(seg_counts[s*COUNT_W +: COUNT_W])
        );
      end

      {{NAME}}_channel_do #(.R(R), .R_W(R_W)) u_channel (
        .clk(clk),
        .seg_counts(seg_counts), .acc_a(acc_a), .acc_w(acc_w), .acc_b(acc_b), .acc_first(first),
        .sx(sx), .op(op_reg), .src(src_reg), .dst(dst_reg), .p_wr(p_wr), .y(y_comb[c*Y_W +: Y_W])
      );
    end
  endgenerate
endmodule

`default_nettype wire
