{{BANNER}}
`default_nettype none

// Top level of the multiply-based baseline macro (DESIGN.md sections 3 and 5).
// Per vector: one read of the sign row latches the sign-agreement mask, then MxNB plane pairs
// (row j gated by x[k]) counted separately for agreeing and differing signs.
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
  parameter integer COL_W   = {{COL_W}},    // column index width in a uArray
  parameter integer ROW_W   = {{ROW_W}},    // row address width
  parameter integer PL_W    = {{PL_W}},     // input-plane index width
  parameter integer CNT_W   = {{CNT_W}}     // controller step counter width
) (
{{PORTS}}
);
  localparam integer EW = NB + 1;  // element width {sign, mag}
  localparam integer PW = S * L;   // padded columns of a channel
  localparam integer ONE_I = 1, J_TOP_I = M - 1, K_TOP_I = NB - 1;
  localparam [ROW_W-1:0] ROW_SIGN = M[ROW_W-1:0];
  localparam [ROW_W-1:0] J_TOP    = J_TOP_I[ROW_W-1:0];
  localparam [ROW_W-1:0] ROW_ONE  = ONE_I[ROW_W-1:0];
  localparam [PL_W-1:0]  K_TOP    = K_TOP_I[PL_W-1:0];
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

  // ---- plane counters: issue side (the sign-row read first, then j, k of the row read now) ----
  reg             mask_reg;  // the next step reads the sign row
  reg [ROW_W-1:0] issue_j_reg;
  reg [PL_W-1:0]  issue_k_reg;
  wire            issue_mask = issue_valid && mask_reg;

  // The next issue state is computed here so that the column enables can be registered one
  // cycle early: plane select and gating stay off the path into the adder trees.
  reg             mask_next;
  reg [ROW_W-1:0] issue_j_next;
  reg [PL_W-1:0]  issue_k_next;

  always @* begin
    mask_next    = mask_reg;
    issue_j_next = issue_j_reg;
    issue_k_next = issue_k_reg;
    if (x_load) begin
      mask_next    = 1'b1;
      issue_j_next = J_TOP;
      issue_k_next = K_TOP;
    end else if (issue_valid) begin
      mask_next = 1'b0;
      if (!mask_reg) begin
        if (issue_k_reg == {PL_W{1'b0}}) begin
          issue_k_next = K_TOP;
          issue_j_next = issue_j_reg - ROW_ONE;
        end else begin
          issue_k_next = issue_k_reg - PL_ONE;
        end
      end
    end
  end

  always @(posedge clk) begin
    mask_reg    <= mask_next;
    issue_j_reg <= issue_j_next;
    issue_k_reg <= issue_k_next;
  end

  // A step is issued next cycle after an x beat, or after any step but the last plane pair.
  wire issue_next = x_load || (issue_valid && (mask_reg || issue_j_reg != {ROW_W{1'b0}} || issue_k_reg != {PL_W{1'b0}}));

  // ---- plane counters: accumulate side (position of the count arriving now) ----
  reg            acc_k_first_reg;  // the arriving count has k = n-1
  reg            acc_j_first_reg;  // the arriving count has j = m-1
  reg [PL_W-1:0] acc_k_reg;        // k of the arriving count
  wire           acc_mask = acc_valid && acc_idx == {CNT_W{1'b0}};
  wire           acc_en   = acc_valid && !acc_mask;
  wire           k_last   = acc_k_reg == {PL_W{1'b0}};

  always @(posedge clk) begin
    if (acc_mask) begin
      acc_k_reg       <= K_TOP;
      acc_k_first_reg <= 1'b1;
      acc_j_first_reg <= 1'b1;
    end else if (acc_en) begin
      acc_k_reg       <= k_last ? K_TOP : acc_k_reg - PL_ONE;
      acc_k_first_reg <= k_last;
      if (k_last) acc_j_first_reg <= 1'b0;
    end
  end

  wire [ROW_W-1:0] rd_row = issue_mask ? ROW_SIGN : issue_j_reg;

  // ---- column gating: x[k] for the plane pairs, step(x) for the sign-agreement mask ----
  //      (registered: the enables of the next step; those of the sign-row step, computed while
  //      its vector is being loaded, are never counted)
  wire [PW-1:0] gate, x_step;
  reg  [PW-1:0] col_en_reg;
  wire [PW-1:0] col_en = col_en_reg;

  always @(posedge clk) begin
    col_en_reg <= gate & {PW{issue_next}};
  end

  genvar s, c;
  generate
    for (s = 0; s < S; s = s + 1) begin : g_gate
      localparam integer USED = (s == S - 1) ? N - s * L : L;  // columns holding elements
      {{NAME}}_gating #(.USED(USED)) u_gating (
        .x_seg(x_reg[s*L*EW +: USED*EW]), .sel_step(1'b0), .plane(issue_k_next), .col_en(gate[s*L +: L])
      );
      {{NAME}}_gating #(.USED(USED)) u_step (
        .x_seg(x_reg[s*L*EW +: USED*EW]), .sel_step(1'b1), .plane({PL_W{1'b0}}), .col_en(x_step[s*L +: L])
      );
    end
  endgenerate

  // ---- element writes: segment select and column offset, shared by all channels ----
  wire               wr_fire = wr_valid && wr_ready;
  wire [S-1:0]       seg_wr;
  wire [S*COL_W-1:0] seg_col;

  {{NAME}}_wr_decode u_wr_decode (.wr_index(wr_index), .seg_wr(seg_wr), .seg_col(seg_col));

  // Sw beats are accepted and ignored: the baseline needs no Sw.
  generate
    if (WR_W > M + 1) begin : g_sw_ignored
      wire unused_wr_data = &{1'b0, wr_data[WR_W-1:M+1]};
    end
  endgenerate

  // ---- channels: one slice (S uArrays and the channel) each ----
  generate
    for (c = 0; c < C; c = c + 1) begin : g_ch
      localparam integer    CID_I = c;
      localparam [CH_W-1:0] CID   = CID_I[CH_W-1:0];
      wire                  ch_sel = wr_fire && wr_channel == CID;

      {{NAME}}_slice u_slice (
        .clk(clk),
        .ch_sel(ch_sel), .wr_sum(wr_sum), .seg_wr(seg_wr), .seg_col(seg_col), .wr_elem(wr_data[M:0]),
        .mask_load(issue_mask), .x_step(x_step), .rd_row(rd_row), .col_en(col_en),
        .acc_en(acc_en), .j_first(acc_j_first_reg), .k_first(acc_k_first_reg), .k_last(k_last),
        .y(y_comb[c*Y_W +: Y_W])
      );
    end
  endgenerate
endmodule

`default_nettype wire
