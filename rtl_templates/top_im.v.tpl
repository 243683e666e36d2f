{{BANNER}}
`default_nettype none

// Top level of the in-memory MF macro (DESIGN.md sections 3 to 5). Per vector: one compute
// cycle with the column lines at step(x) puts all {{M}} weight rows on their product lines,
// converted by {{CONV_TEXT}}; then for each of the {{NB}} input planes one compute cycle with
// the column lines at x[k] and a conversion of the sign row (B) and of the shared dummy row (Sx).
module {{NAME}}_top (
{{PORTS}}
);
  localparam [{{PL_W}}-1:0]  K_TOP   = {{NB}} - 1;
  localparam [{{BIT_W}}-1:0] BIT_TOP = {{BITS}} - 1;

  // ---- controller: {{STEPS}} array cycles per vector ----
  wire                 x_load, issue_valid, acc_valid, out_load;
  wire [{{CNT_W}}-1:0] acc_idx;
  reg                  y_valid_reg;
  reg  [{{C}}*{{Y_W}}-1:0] y_data_reg;
  reg  [{{X_W}}-1:0]   x_reg;

  {{NAME}}_ctrl u_ctrl (
    .clk(clk), .rst_n(rst_n),
    .x_valid(x_valid), .x_ready(x_ready), .wr_valid(wr_valid), .wr_ready(wr_ready),
    .y_valid(y_valid_reg), .y_ready(y_ready),
    .x_load(x_load), .issue_valid(issue_valid),
    .acc_valid(acc_valid), .acc_idx(acc_idx), .out_load(out_load)
  );
  // The step index is not needed: the sequencer below tracks compute and conversion cycles.
  wire unused_acc_idx = |acc_idx;

  always @(posedge clk) begin
    if (x_load) x_reg <= x_data;
  end

  // ---- sequencer: compute cycle, then SAR bits MSB first (per row when time-shared) ----
  reg                 compute_reg;  // this cycle is a compute cycle
  reg                 phase_a_reg /*verilator public_flat_rd*/;  // weight planes (else input planes)
  reg [{{BIT_W}}-1:0] bit_reg;
  reg [{{PL_W}}-1:0]  plane_reg;
{{ROW_REG_DECL}}
  // sample, conv_last and phase_a_reg are read by the testbench, which counts compute cycles and
  // conversions on the RTL (Verilator metacomments; no effect on synthesis or other simulators).
  wire conv = issue_valid && !compute_reg;
  wire conv_last /*verilator public_flat_rd*/;
  wire sample /*verilator public_flat_rd*/;
  assign conv_last = conv && bit_reg == {{BIT_W}}'d0;
  assign sample    = issue_valid && compute_reg;

  always @(posedge clk) begin
    if (x_load) begin
      compute_reg <= 1'b1;
      phase_a_reg <= 1'b1;
      plane_reg   <= K_TOP;
{{ROW_REG_INIT}}
    end else if (issue_valid) begin
      if (compute_reg) begin
        compute_reg <= 1'b0;
        bit_reg     <= BIT_TOP;
      end else if (bit_reg != {{BIT_W}}'d0) begin
        bit_reg <= bit_reg - {{BIT_W}}'d1;
      end else begin
{{ROW_REG_STEP}}
      end
    end
  end

  // ---- column lines, shared by all channels ----
  wire [{{PW}}-1:0] gate;
  wire [{{PW}}-1:0] cl = gate & {{{PW}}{sample}};

{{GATING}}

  // ---- dummy all-ones row per segment, with its own converter, shared by all channels ----
  wire [{{S}}*{{CHAT_W}}-1:0] dummy_c_hat;
  wire [{{B_W}}-1:0]          dummy_sum;
  wire [{{B_W}}-1:0]          sx;
  reg  [{{B_W}}-1:0]          sx_reg;
  wire                        acc_b = acc_valid && conv_last && !phase_a_reg;
  wire                        first_b = plane_reg == K_TOP;

  genvar s, c;
  generate
    for (s = 0; s < {{S}}; s = s + 1) begin : g_dummy
      wire [{{COUNT_W}}-1:0] level;
      wire [{{BITS}}-1:0]    trial;
      wire                   decision;
      {{NAME}}_product_line #(.ID({{C}}*{{S}}*({{M}}+1) + s)) u_pl (
        .clk(clk), .sample(sample), .cells({{{L}}{1'b1}}), .cl(cl[s*{{L}} +: {{L}}]), .level(level)
      );
      {{NAME}}_comparator u_cmp (.level(level), .trial(trial), .decision(decision));
      {{NAME}}_sar u_sar (
        .clk(clk), .start(sample), .step(conv), .bit_idx(bit_reg), .last(conv_last),
        .decision(decision), .trial(trial), .c_hat(dummy_c_hat[s*{{CHAT_W}} +: {{CHAT_W}}])
      );
    end
  endgenerate

  {{NAME}}_seg_sum #(.S({{S}}), .CW({{CHAT_W}}), .IW({{SUM_IW}}), .OW({{B_W}})) u_dummy_sum (.counts(dummy_c_hat), .sum(dummy_sum));

  always @(posedge clk) begin
    if (acc_b) sx_reg <= first_b ? dummy_sum : (sx_reg << 1) + dummy_sum;
  end
  assign sx = sx_reg;

  // ---- element writes: segment select and column offset, shared by all channels ----
  wire                     wr_fire = wr_valid && wr_ready;
  wire [{{S}}-1:0]         seg_wr;
  wire [{{S}}*{{COL_W}}-1:0] seg_col;

  generate
    for (s = 0; s < {{S}}; s = s + 1) begin : g_wr
      localparam [{{IDX_W}}:0] BASE = s*{{L}};
      // Offset in this segment; an index below BASE wraps to a value >= L.
      wire [{{IDX_W}}:0] offset = {1'b0, wr_index} - BASE;
      assign seg_wr[s] = offset < {{IDX_W_P1}}'d{{L}};
      assign seg_col[s*{{COL_W}} +: {{COL_W}}] = offset[{{COL_W}}-1:0];
    end
  endgenerate

  // ---- channels ----
  wire                     acc_a = acc_valid && conv_last && phase_a_reg;
  wire [{{C}}*{{Y_W}}-1:0] y_comb;

  generate
    for (c = 0; c < {{C}}; c = c + 1) begin : g_ch
      localparam [{{CH_W}}-1:0] CID = c;
      wire                                  ch_sel = wr_fire && wr_channel == CID;
      wire [{{S}}*{{NCONV}}*{{CHAT_W}}-1:0] c_hat;

      for (s = 0; s < {{S}}; s = s + 1) begin : g_seg
        {{NAME}}_uarray_im #(.ID(c*{{S}} + s)) u_uarray (
          .clk(clk),
          .wr_en(ch_sel && !wr_sum && seg_wr[s]), .wr_col(seg_col[s*{{COL_W}} +: {{COL_W}}]), .wr_elem(wr_data[{{M}}:0]),
          .sample(sample), .cl(cl[s*{{L}} +: {{L}}]), .phase_a(phase_a_reg),{{ROW_CONN}}
          .step(conv), .bit_idx(bit_reg), .last(conv_last),
          .c_hat(c_hat[s*{{NCONV}}*{{CHAT_W}} +: {{NCONV}}*{{CHAT_W}}])
        );
      end

      {{NAME}}_channel_im u_channel (
        .clk(clk),
        .sw_wr(ch_sel && wr_sum), .sw_data(wr_data[{{SW_W}}-1:0]),
        .c_hat(c_hat), .acc_a(acc_a), .acc_b(acc_b),{{FIRST_A_CONN}} .first_b(first_b),
        .sx(sx), .y(y_comb[c*{{Y_W}} +: {{Y_W}}])
      );
    end
  endgenerate

{{OUTPUT_STAGE}}
endmodule

`default_nettype wire
