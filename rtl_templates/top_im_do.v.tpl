{{BANNER}}
`default_nettype none

// Top level of the in-memory MF macro with MC-Dropout (DESIGN.md sections 3 to 5 and 11).
// Per beat, the column lines always ANDed with x_mask: one compute cycle with the column lines
// at step(x) puts the M weight rows on their product lines (A), converted by one SAR converter
// per row or by one time-shared converter; a second compute cycle with the column lines at the
// mask alone converts the same rows again (the Sw of the active columns); then for each of the
// NB input planes one compute cycle at x[k] and a conversion of the sign row (B) and of the
// shared dummy row (Sx). Each channel combines S with its partial-sum register P[x_src] by x_op
// and keeps the result in P[x_dst].
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
  parameter integer SUM_W   = {{SUM_W}},    // width of a converter's sum over the segments
  parameter integer COUNT_W = {{COUNT_W}},  // product-line level width
  parameter integer COL_W   = {{COL_W}},    // column index width in a uArray
  parameter integer ROW_W   = {{ROW_W}},    // row index width
  parameter integer PL_W    = {{PL_W}},     // input-plane index width
  parameter integer CNT_W   = {{CNT_W}},    // controller step counter width
  parameter integer BITS    = {{BITS}},     // ADC bits
  parameter integer BIT_W   = {{BIT_W}},    // SAR bit index width
  parameter integer CHAT_W  = {{CHAT_W}},   // converted count width, b + lsb_shift
  parameter integer CV_W    = {{CV_W}},     // bits a converted count can occupy, clog2(c_max+1)
  parameter integer PER_ROW = {{PER_ROW}},  // 1: a converter per weight row; 0: one time-shared
  parameter integer NCONV   = {{NCONV}},    // converters per uArray
  parameter integer R       = {{R}},        // partial-sum registers per channel
  parameter integer R_W     = {{R_W}}       // x_src / x_dst width
) (
{{PORTS}}
);
  localparam integer EW = NB + 1;  // element width {sign, mag}
  localparam integer PW = S * L;   // padded columns of a channel
  localparam integer ONE_I = 1, ROW_TOP_I = M - 1, K_TOP_I = NB - 1, BIT_TOP_I = BITS - 1;
  localparam [ROW_W-1:0] ROW_TOP = ROW_TOP_I[ROW_W-1:0];
  localparam [ROW_W-1:0] ROW_ONE = ONE_I[ROW_W-1:0];
  localparam [PL_W-1:0]  K_TOP   = K_TOP_I[PL_W-1:0];
  localparam [PL_W-1:0]  PL_ONE  = ONE_I[PL_W-1:0];
  localparam [BIT_W-1:0] BIT_TOP = BIT_TOP_I[BIT_W-1:0];
  localparam [BIT_W-1:0] BIT_ONE = ONE_I[BIT_W-1:0];

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
  // The step index is not needed: the sequencer below tracks compute and conversion cycles.
  wire unused_acc_idx = |acc_idx;

  // ---- sequencer: compute cycle, then SAR bits MSB first (per row when time-shared) ----
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

  reg             compute_reg;  // this cycle is a compute cycle
  reg             phase_w_reg;  // weight rows again, column lines at the mask (Sw)
  reg             phase_a_reg /*verilator public_flat_rd*/;  // weight planes (else input planes)
  reg [BIT_W-1:0] bit_reg;
  reg [PL_W-1:0]  plane_reg;
  wire            row_last;     // the weight-row conversion in progress is the last one
  wire            first_a;      // it is the most significant weight row
  wire [ROW_W-1:0] row;         // weight row converted now by a time-shared converter

  // sample, conv_last and phase_a_reg are read by the testbench, which counts compute cycles and
  // conversions on the RTL (Verilator metacomments; no effect on synthesis or other simulators).
  wire conv = issue_valid && !compute_reg;
  wire conv_last /*verilator public_flat_rd*/;
  wire sample /*verilator public_flat_rd*/;
  assign conv_last = conv && bit_reg == {BIT_W{1'b0}};
  assign sample    = issue_valid && compute_reg;

  always @(posedge clk) begin
    if (x_load) begin
      compute_reg <= 1'b1;
      phase_a_reg <= 1'b1;
      phase_w_reg <= 1'b0;
      plane_reg   <= K_TOP;
    end else if (issue_valid) begin
      if (compute_reg) begin
        compute_reg <= 1'b0;
        bit_reg     <= BIT_TOP;
      end else if (bit_reg != {BIT_W{1'b0}}) begin
        bit_reg <= bit_reg - BIT_ONE;
      end else if (phase_a_reg && !row_last) begin
        bit_reg <= BIT_TOP;  // next weight row on the time-shared converter
      end else begin
        if (phase_a_reg && !phase_w_reg) phase_w_reg <= 1'b1;  // A done: the Sw compute cycle
        else if (phase_a_reg) begin
          phase_a_reg <= 1'b0;
          phase_w_reg <= 1'b0;
        end else plane_reg <= plane_reg - PL_ONE;
        compute_reg <= 1'b1;
      end
    end
  end

  generate
    if (PER_ROW != 0) begin : g_rows_parallel
      assign row      = {ROW_W{1'b0}};
      assign row_last = 1'b1;
      assign first_a  = 1'b1;
    end else begin : g_rows_shared
      reg [ROW_W-1:0] row_reg;  // row converted by the time-shared converters
      always @(posedge clk) begin
        if (x_load) row_reg <= ROW_TOP;
        else if (conv_last && phase_a_reg) row_reg <= row_last ? ROW_TOP : row_reg - ROW_ONE;
      end
      assign row      = row_reg;
      assign row_last = row_reg == {ROW_W{1'b0}};
      assign first_a  = row_reg == ROW_TOP;
    end
  endgenerate

  // ---- column lines, shared by all channels (one gating block per segment) ----
  wire [PW-1:0] gate;
  wire [PW-1:0] mask_pad;
  wire [PW-1:0] cl = (phase_w_reg ? mask_pad : gate & mask_pad) & {PW{sample}};

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
        .x_seg(x_reg[s*L*EW +: USED*EW]), .sel_step(phase_a_reg), .plane(plane_reg), .col_en(gate[s*L +: L])
      );
    end
  endgenerate

  // ---- dummy all-ones row per segment, with its own converter, shared by all channels ----
  wire [S*CHAT_W-1:0] dummy_c_hat;
  wire [B_W-1:0]      dummy_sum;
  reg  [B_W-1:0]      sx_reg;
  wire                acc_b   = acc_valid && conv_last && !phase_a_reg;
  wire                first_b = plane_reg == K_TOP;

  generate
    for (s = 0; s < S; s = s + 1) begin : g_dummy
      wire [COUNT_W-1:0] level;
      wire [BITS-1:0]    trial;
      wire               decision;
      localparam [31:0]  PL_ID = C*S*(M+1) + s;  // after the uArrays' product lines
      {{NAME}}_product_line u_pl (
        .clk(clk), .id(PL_ID), .sample(sample), .cells({L{1'b1}}), .cl(cl[s*L +: L]), .level(level)
      );
      {{NAME}}_comparator u_cmp (.level(level), .trial(trial), .decision(decision));
      {{NAME}}_sar u_sar (
        .clk(clk), .start(sample), .step(conv), .bit_idx(bit_reg), .last(conv_last),
        .decision(decision), .trial(trial), .c_hat(dummy_c_hat[s*CHAT_W +: CHAT_W])
      );
    end
  endgenerate

  // c_hat <= c_max: only its low CV_W bits can be set.
  wire [S*CV_W-1:0] dummy_cv;
  wire              unused_dummy_c_hat = ^dummy_c_hat;
  generate
    for (s = 0; s < S; s = s + 1) begin : g_dummy_cv
      assign dummy_cv[s*CV_W +: CV_W] = dummy_c_hat[s*CHAT_W +: CV_W];
    end
  endgenerate

  {{NAME}}_seg_sum #(.S(S), .CW(CV_W), .IW(SUM_W), .OW(B_W)) u_dummy_sum (.counts(dummy_cv), .sum(dummy_sum));

  always @(posedge clk) begin
    if (acc_b) sx_reg <= first_b ? dummy_sum : (sx_reg << 1) + dummy_sum;
  end

  // ---- element writes: segment select and column offset, shared by all channels ----
  wire               wr_fire = wr_valid && wr_ready;
  wire [S-1:0]       seg_wr;
  wire [S*COL_W-1:0] seg_col;

  {{NAME}}_wr_decode u_wr_decode (.wr_index(wr_index), .seg_wr(seg_wr), .seg_col(seg_col));

  // ---- channels ----
  wire acc_a = acc_valid && conv_last && phase_a_reg && !phase_w_reg;
  wire acc_w = acc_valid && conv_last && phase_w_reg;

  // ---- the cycle the output register takes the result (the controller's out_load): the
  //      last input plane is converted and the output register is free ----
  reg  pend_reg;
  wire p_wr = pend_reg && (!y_valid || y_ready);

  always @(posedge clk or negedge rst_n) begin
    if (!rst_n) pend_reg <= 1'b0;
    else if (acc_b && plane_reg == {PL_W{1'b0}}) pend_reg <= 1'b1;
    else if (p_wr) pend_reg <= 1'b0;
  end

  // Sw is counted in the macro: a host Sw write (wr_sum) is accepted and ignored.
  wire unused_wr_data = ^wr_data;

  generate
    for (c = 0; c < C; c = c + 1) begin : g_ch
      localparam integer        CID_I = c;
      localparam [CH_W-1:0]     CID   = CID_I[CH_W-1:0];
      wire                      ch_sel = wr_fire && wr_channel == CID;
      wire [S*NCONV*CHAT_W-1:0] c_hat;

      for (s = 0; s < S; s = s + 1) begin : g_seg
        localparam [31:0] UA_ID = c*S + s;
        {{NAME}}_uarray_im u_uarray (
          .clk(clk), .id(UA_ID),
          .wr_en(ch_sel && !wr_sum && seg_wr[s]), .wr_col(seg_col[s*COL_W +: COL_W]), .wr_elem(wr_data[M:0]),
          .sample(sample), .cl(cl[s*L +: L]), .phase_a(phase_a_reg), .row(row),
          .step(conv), .bit_idx(bit_reg), .last(conv_last),
          .c_hat(c_hat[s*NCONV*CHAT_W +: NCONV*CHAT_W])
        );
      end

      {{NAME}}_channel_im_do #(.R(R), .R_W(R_W)) u_channel (
        .clk(clk),
        .c_hat(c_hat), .acc_a(acc_a), .acc_w(acc_w), .acc_b(acc_b), .first_a(first_a), .first_b(first_b),
        .sx(sx_reg), .op(op_reg), .src(src_reg), .dst(dst_reg), .p_wr(p_wr), .y(y_comb[c*Y_W +: Y_W])
      );
    end
  endgenerate
endmodule

`default_nettype wire
