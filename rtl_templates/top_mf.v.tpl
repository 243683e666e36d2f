{{BANNER}}
`default_nettype none

// Top level of the MF compute-in-SRAM macro (DESIGN.md section 5).
// Per vector: {{M}} weight-plane row reads gated by step(x) (A), then {{NB}} input-plane
// reads of the sign row gated by x[k] (B) and of the shared dummy row (Sx).
module {{NAME}}_top (
{{PORTS}}
);
  localparam [{{CNT_W}}-1:0] M_STEPS  = {{M}};      // weight-plane steps
  localparam [{{ROW_W}}-1:0] ROW_TOP  = {{M}} - 1;  // row of the first weight plane
  localparam [{{ROW_W}}-1:0] ROW_SIGN = {{M}};      // step(w) row
  localparam [{{PL_W}}-1:0]  K_TOP    = {{NB}} - 1; // first input plane

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

  // ---- issue side: weight planes m-1..0 gated by step(x), then the sign row gated by x[k] ----
  reg                 issue_a_reg;  // weight-plane phase
  reg [{{ROW_W}}-1:0] rd_row_reg;
  reg [{{PL_W}}-1:0]  plane_reg;

  always @(posedge clk) begin
    if (x_load) begin
      issue_a_reg <= 1'b1;
      rd_row_reg  <= ROW_TOP;
      plane_reg   <= K_TOP;
    end else if (issue_valid) begin
      if (issue_a_reg) begin
        if (rd_row_reg == {{ROW_W}}'d0) begin
          issue_a_reg <= 1'b0;
          rd_row_reg  <= ROW_SIGN;
        end else begin
          rd_row_reg <= rd_row_reg - {{ROW_W}}'d1;
        end
      end else begin
        plane_reg <= plane_reg - {{PL_W}}'d1;
      end
    end
  end

  // ---- accumulate side: which term the arriving count belongs to ----
  wire                 acc_a   = acc_valid && acc_idx < M_STEPS;
  wire                 acc_b   = acc_valid && acc_idx >= M_STEPS;
  wire                 first   = acc_idx == {{CNT_W}}'d0 || acc_idx == M_STEPS;

  // ---- sense-amp gating, shared by all channels ----
  wire [{{PW}}-1:0] gate;
  wire [{{PW}}-1:0] col_en = gate & {{{PW}}{issue_valid}};

{{GATING}}

  // ---- dummy all-ones row: Sx = SUM_k 2^k popcount(x[k]), shared by all channels ----
  wire [{{S}}*{{COUNT_W}}-1:0] dummy_counts;
  wire [{{B_W}}-1:0]           dummy_sum;
  wire [{{B_W}}-1:0]           sx;

  genvar s, c;
  generate
    for (s = 0; s < {{S}}; s = s + 1) begin : g_dummy
      {{NAME}}_adder_tree u_tree (
        .clk(clk), .bits(col_en[s*{{L}} +: {{L}}]), .count(dummy_counts[s*{{COUNT_W}} +: {{COUNT_W}}])
      );
    end
  endgenerate

  {{NAME}}_seg_sum #(.S({{S}}), .CW({{COUNT_W}}), .IW({{SUM_IW}}), .OW({{B_W}})) u_dummy_sum (.counts(dummy_counts), .sum(dummy_sum));
  {{NAME}}_shift_acc #(.W({{B_W}})) u_acc_sx (.clk(clk), .en(acc_b), .first(first), .in(dummy_sum), .acc(sx));

  // ---- channels: S uArrays each, stitched by a uChannel ----
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
      wire [{{S}}*{{COUNT_W}}-1:0] seg_counts;

      for (s = 0; s < {{S}}; s = s + 1) begin : g_seg
        {{NAME}}_uarray u_uarray (
          .clk(clk),
          .wr_en(ch_sel && !wr_sum && seg_wr[s]), .wr_col(seg_col[s*{{COL_W}} +: {{COL_W}}]), .wr_elem(wr_data[{{M}}:0]),
          .rd_row(rd_row_reg), .col_en(col_en[s*{{L}} +: {{L}}]),
          .count(seg_counts[s*{{COUNT_W}} +: {{COUNT_W}}])
        );
      end

      {{NAME}}_channel u_channel (
        .clk(clk),
        .sw_wr(ch_sel && wr_sum), .sw_data(wr_data[{{SW_W}}-1:0]),
        .seg_counts(seg_counts), .acc_a(acc_a), .acc_b(acc_b), .acc_first(first),
        .sx(sx), .y(y_comb[c*{{Y_W}} +: {{Y_W}}])
      );
    end
  endgenerate

{{OUTPUT_STAGE}}
endmodule

`default_nettype wire
