{{BANNER}}
`default_nettype none

// Top level of the multiply-based baseline macro (DESIGN.md sections 3 and 5).
// Per vector: one read of the sign row latches the sign-agreement mask, then {{M}}x{{NB}}
// plane pairs (row j gated by x[k]) counted separately for agreeing and differing signs.
module {{NAME}}_top (
{{PORTS}}
);
  localparam [{{ROW_W}}-1:0] ROW_SIGN = {{M}};
  localparam [{{ROW_W}}-1:0] J_TOP    = {{M}} - 1;
  localparam [{{PL_W}}-1:0]  K_TOP    = {{NB}} - 1;

  // ---- controller ----
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

  always @(posedge clk) begin
    if (x_load) x_reg <= x_data;
  end

  // ---- plane counters: issue side (the sign-row read first, then j, k of the row read now) ----
  reg                 mask_reg;  // the next step reads the sign row
  reg [{{ROW_W}}-1:0] issue_j_reg;
  reg [{{PL_W}}-1:0]  issue_k_reg;
  wire                issue_mask = issue_valid && mask_reg;

  always @(posedge clk) begin
    if (x_load) begin
      mask_reg    <= 1'b1;
      issue_j_reg <= J_TOP;
      issue_k_reg <= K_TOP;
    end else if (issue_valid) begin
      mask_reg <= 1'b0;
      if (!mask_reg) begin
        if (issue_k_reg == {{PL_W}}'d0) begin
          issue_k_reg <= K_TOP;
          issue_j_reg <= issue_j_reg - {{ROW_W}}'d1;
        end else begin
          issue_k_reg <= issue_k_reg - {{PL_W}}'d1;
        end
      end
    end
  end

  // ---- plane counters: accumulate side (position of the count arriving now) ----
  reg                 acc_k_first_reg;  // the arriving count has k = n-1
  reg                 acc_j_first_reg;  // the arriving count has j = m-1
  reg [{{PL_W}}-1:0]  acc_k_reg;        // k of the arriving count
  wire                acc_mask = acc_valid && acc_idx == {{CNT_W}}'d0;
  wire                acc_en   = acc_valid && !acc_mask;
  wire                k_last   = acc_k_reg == {{PL_W}}'d0;

  always @(posedge clk) begin
    if (acc_mask) begin
      acc_k_reg       <= K_TOP;
      acc_k_first_reg <= 1'b1;
      acc_j_first_reg <= 1'b1;
    end else if (acc_en) begin
      acc_k_reg       <= k_last ? K_TOP : acc_k_reg - {{PL_W}}'d1;
      acc_k_first_reg <= k_last;
      if (k_last) acc_j_first_reg <= 1'b0;
    end
  end

  wire [{{ROW_W}}-1:0] rd_row = issue_mask ? ROW_SIGN : issue_j_reg;

  // ---- column gating: x[k] for the plane pairs, step(x) for the sign-agreement mask ----
  wire [{{PW}}-1:0] gate, x_step;
  wire [{{PW}}-1:0] col_en = gate & {{{PW}}{issue_valid}};

{{GATING}}

  // ---- channels ----
  genvar s, c;

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

  wire [{{C}}*{{Y_W}}-1:0] y_comb;

  generate
    for (c = 0; c < {{C}}; c = c + 1) begin : g_ch
      localparam [{{CH_W}}-1:0] CID = c;
      wire                         ch_sel = wr_fire && wr_channel == CID;
      wire [{{S}}*{{COUNT_W}}-1:0] seg_counts_p, seg_counts_n;

      for (s = 0; s < {{S}}; s = s + 1) begin : g_seg
        {{NAME}}_uarray_conv u_uarray (
          .clk(clk),
          .wr_en(ch_sel && !wr_sum && seg_wr[s]), .wr_col(seg_col[s*{{COL_W}} +: {{COL_W}}]), .wr_elem(wr_data[{{M}}:0]),
          .mask_load(issue_mask), .x_step(x_step[s*{{L}} +: {{L}}]),
          .rd_row(rd_row), .col_en(col_en[s*{{L}} +: {{L}}]),
          .count_p(seg_counts_p[s*{{COUNT_W}} +: {{COUNT_W}}]),
          .count_n(seg_counts_n[s*{{COUNT_W}} +: {{COUNT_W}}])
        );
      end

      {{NAME}}_channel_conv u_channel (
        .clk(clk), .seg_counts_p(seg_counts_p), .seg_counts_n(seg_counts_n),
        .acc_en(acc_en), .j_first(acc_j_first_reg), .k_first(acc_k_first_reg),
        .k_last(k_last), .y(y_comb[c*{{Y_W}} +: {{Y_W}}])
      );
    end
  endgenerate

{{OUTPUT_STAGE}}
endmodule

`default_nettype wire
