{{BANNER}}
`default_nettype none

// Top level of the MF compute-in-SRAM macro (DESIGN.md section 5).
// Per vector: M weight-plane row reads gated by step(x) (A), then NB input-plane reads of the
// sign row gated by x[k] (B) and of the shared dummy row (Sx).
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
  parameter integer CNT_W   = {{CNT_W}}     // controller step counter width
) (
{{PORTS}}
);
  localparam integer EW = NB + 1;  // element width {sign, mag}
  localparam integer PW = S * L;   // padded columns of a channel
  localparam integer ONE_I = 1, ROW_TOP_I = M - 1, K_TOP_I = NB - 1;
  localparam [CNT_W-1:0] M_STEPS  = M[CNT_W-1:0];             // weight-plane steps
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

  // ---- issue side: weight planes m-1..0 gated by step(x), then the sign row gated by x[k] ----
  // The next issue state is computed here so that the column enables can be registered one
  // cycle early: plane select and gating stay off the path into the adder trees.
  reg             issue_a_reg, issue_a_next;  // weight-plane phase
  reg [ROW_W-1:0] rd_row_reg, rd_row_next;
  reg [PL_W-1:0]  plane_reg, plane_next;

  always @* begin
    issue_a_next = issue_a_reg;
    rd_row_next  = rd_row_reg;
    plane_next   = plane_reg;
    if (x_load) begin
      issue_a_next = 1'b1;
      rd_row_next  = ROW_TOP;
      plane_next   = K_TOP;
    end else if (issue_valid) begin
      if (issue_a_reg) begin
        if (rd_row_reg == {ROW_W{1'b0}}) begin
          issue_a_next = 1'b0;
          rd_row_next  = ROW_SIGN;
        end else begin
          rd_row_next = rd_row_reg - ROW_ONE;
        end
      end else begin
        plane_next = plane_reg - PL_ONE;
      end
    end
  end

  always @(posedge clk) begin
    issue_a_reg <= issue_a_next;
    rd_row_reg  <= rd_row_next;
    plane_reg   <= plane_next;
  end

  // A step is issued next cycle after an x beat, or after any step but the last input plane.
  wire issue_next = x_load || (issue_valid && (issue_a_reg || plane_reg != {PL_W{1'b0}}));

  // ---- accumulate side: which term the arriving count belongs to ----
  wire acc_a = acc_valid && acc_idx < M_STEPS;
  wire acc_b = acc_valid && acc_idx >= M_STEPS;
  wire first = acc_idx == {CNT_W{1'b0}} || acc_idx == M_STEPS;

  // ---- sense-amp gating, shared by all channels (one gating block per segment), registered:
  //      the enables of the next step, from the vector accepted now (step(x)) or the one held ----
  wire [PW-1:0] gate_held, gate_new;
  reg  [PW-1:0] col_en_reg;
  wire [PW-1:0] col_en = col_en_reg;

  always @(posedge clk) begin
    col_en_reg <= (x_load ? gate_new : gate_held) & {PW{issue_next}};
  end

  genvar s, c;
  generate
    for (s = 0; s < S; s = s + 1) begin : g_gate
      localparam integer USED = (s == S - 1) ? N - s * L : L;  // columns holding elements
      {{NAME}}_gating #(.USED(USED)) u_gating (
        .x_seg(x_reg[s*L*EW +: USED*EW]), .sel_step(issue_a_next), .plane(plane_next), .col_en(gate_held[s*L +: L])
      );
    end
  endgenerate

  // step(x) of the vector accepted now: the enables of its first weight plane.
  genvar i;
  generate
    for (i = 0; i < PW; i = i + 1) begin : g_new
      if (i < N) begin : g_used
        assign gate_new[i] = ~x_data[i*EW + NB];
      end else begin : g_pad
        assign gate_new[i] = 1'b0;
      end
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

  // ---- element writes: segment select and column offset, shared by all channels ----
  wire               wr_fire = wr_valid && wr_ready;
  wire [S-1:0]       seg_wr;
  wire [S*COL_W-1:0] seg_col;

  {{NAME}}_wr_decode u_wr_decode (.wr_index(wr_index), .seg_wr(seg_wr), .seg_col(seg_col));

  // ---- channels: one slice each (its S uArrays and its uChannel) ----
  generate
    for (c = 0; c < C; c = c + 1) begin : g_ch
      localparam integer    CID_I = c;
      localparam [CH_W-1:0] CID   = CID_I[CH_W-1:0];
      {{NAME}}_slice u_slice (
        .clk(clk),
        .ch_sel(wr_fire && wr_channel == CID), .wr_sum(wr_sum), .seg_wr(seg_wr), .seg_col(seg_col), .wr_data(wr_data),
        .rd_row(rd_row_reg), .col_en(col_en), .acc_a(acc_a), .acc_b(acc_b), .acc_first(first),
        .sx(sx), .y(y_comb[c*Y_W +: Y_W])
      );
    end
  endgenerate
endmodule

`default_nettype wire
