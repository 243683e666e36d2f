{{BANNER}}
`default_nettype none

// Top level (root) of the H-tree near-memory core (DESIGN.md sections 5 and 9). Per vector the
// root sends only step(x) down the tree (one bit per element) and receives A = SUM_b A_b per
// channel; meanwhile it counts its NB input planes against its copy of the sign rows (B) and
// against all ones (Sx), then combines y = 2A - Sw + 2B - Sx. Writes travel down to the bank
// that holds wr_index; the root keeps step(w) of every element in one-row bit-cell arrays.
// The root's wide logic is split into repeated modules (an input segment per L elements, a
// channel per weight vector), so that each distinct module is small to synthesize.
module {{NAME}}_top #(
  parameter integer N       = {{N}},        // vector length
  parameter integer C       = {{C}},        // channels
  parameter integer M       = {{M}},        // weight magnitude bits
  parameter integer NB      = {{NB}},       // input magnitude bits
  parameter integer L       = {{L}},        // uArray columns (root segments and bank uArrays)
  parameter integer S       = {{S}},        // root segments, ceil(N/L)
  parameter integer Y_W     = {{Y_W}},      // output width, two's complement
  parameter integer CH_W    = {{CH_W}},     // wr_channel width
  parameter integer IDX_W   = {{IDX_W}},    // wr_index width
  parameter integer WR_W    = {{WR_W}},     // wr_data width
  parameter integer SW_W    = {{SW_W}},     // Sw and A width
  parameter integer B_W     = {{B_W}},      // B and Sx width
  parameter integer COUNT_W = {{COUNT_W}},  // segment count width
  parameter integer COL_W   = {{COL_W}},    // column index width in a segment
  parameter integer SUM_IW  = {{SUM_IW}},   // width of a plane's count over all segments
  parameter integer PL_W    = {{PL_W}},     // input-plane index width
  parameter integer CNT_W   = {{CNT_W}}     // controller step counter width
) (
{{PORTS}}
);
  localparam integer EW = NB + 1;  // element width {sign, mag}
  localparam integer PW = S * L;   // padded root columns
  localparam integer ONE_I = 1, K_TOP_I = NB - 1;
  localparam [PL_W-1:0]  K_TOP  = K_TOP_I[PL_W-1:0];
  localparam [PL_W-1:0]  PL_ONE = ONE_I[PL_W-1:0];
  localparam [CNT_W-1:0] NB_C   = NB[CNT_W-1:0];

  // ---- controller and output handshake (the output register is in the channels) ----
  wire             x_load, issue_valid, acc_valid, out_load;
  wire [CNT_W-1:0] acc_idx;
  reg              y_valid_reg;

  {{NAME}}_ctrl u_ctrl (
    .clk(clk), .rst_n(rst_n),
    .x_valid(x_valid), .x_ready(x_ready), .wr_valid(wr_valid), .wr_ready(wr_ready),
    .y_valid(y_valid_reg), .y_ready(y_ready),
    .x_load(x_load), .issue_valid(issue_valid),
    .acc_valid(acc_valid), .acc_idx(acc_idx), .out_load(out_load)
  );

  always @(posedge clk or negedge rst_n) begin
    if (!rst_n) y_valid_reg <= 1'b0;
    else if (out_load) y_valid_reg <= 1'b1;
    else if (y_ready) y_valid_reg <= 1'b0;
  end

  assign y_valid = y_valid_reg;

  // ---- root sequencing: go down the tree in the first run cycle; input planes n-1..0 ----
  reg            go_reg;       // the next issue cycle sends go
  reg            b_phase_reg;  // input planes left to read
  reg [PL_W-1:0] plane_reg;
  wire           go      = issue_valid && go_reg;
  wire           b_issue = issue_valid && b_phase_reg;

  always @(posedge clk) begin
    if (x_load) begin
      go_reg      <= 1'b1;
      b_phase_reg <= 1'b1;
      plane_reg   <= K_TOP;
    end else if (issue_valid) begin
      go_reg <= 1'b0;
      if (b_phase_reg) begin
        if (plane_reg == {PL_W{1'b0}}) b_phase_reg <= 1'b0;
        else plane_reg <= plane_reg - PL_ONE;
      end
    end
  end

  wire acc_b = acc_valid && acc_idx < NB_C;
  wire first = acc_idx == {CNT_W{1'b0}};

  // ---- input segments: the input register, step(x) (the only vector bits that travel), the
  //      input-plane gating and the dummy all-ones row's counts ----
  wire [N-1:0]         x_step;
  wire [PW-1:0]        col_en;
  wire [S*COUNT_W-1:0] dummy_counts;
  wire [B_W-1:0]       dummy_sum;
  wire [B_W-1:0]       sx;
  genvar s, c;

  generate
    for (s = 0; s < S; s = s + 1) begin : g_seg
      localparam integer USED = (s == S - 1) ? N - s * L : L;  // columns holding elements
      {{NAME}}_root_seg #(.USED(USED)) u_seg (
        .clk(clk), .x_load(x_load), .x_data(x_data[s*L*EW +: USED*EW]), .plane(plane_reg), .b_issue(b_issue),
        .step(x_step[s*L +: USED]), .col_en(col_en[s*L +: L]), .count(dummy_counts[s*COUNT_W +: COUNT_W])
      );
    end
  endgenerate

  {{NAME}}_seg_sum #(.S(S), .CW(COUNT_W), .IW(SUM_IW), .OW(B_W)) u_dummy_sum (.counts(dummy_counts), .sum(dummy_sum));
  {{NAME}}_shift_acc #(.W(B_W)) u_acc_sx (.clk(clk), .en(acc_b), .first(first), .in(dummy_sum), .acc(sx));

  // ---- the tree: step(x) and writes down, A up ----
  wire              wr_fire = wr_valid && wr_ready;
  wire              a_valid;
  wire [C*SW_W-1:0] a_data;
  wire              unused_a_valid = a_valid;  // A arrives at a fixed cycle (manifest a_ready)

  {{NAME}}_htree u_htree (
    .clk(clk), .rst_n(rst_n), .go(go), .step(x_step),
    .wr_en(wr_fire && !wr_sum), .wr_channel(wr_channel), .wr_index(wr_index), .wr_mag(wr_data[M-1:0]),
    .a_valid(a_valid), .a_data(a_data)
  );

  // ---- element writes: segment and column of the root's sign-row copy ----
  wire [S-1:0]       seg_wr;
  wire [S*COL_W-1:0] seg_col;

  {{NAME}}_wr_decode u_wr_decode (.wr_index(wr_index), .seg_wr(seg_wr), .seg_col(seg_col));

  // ---- channels: the root's copy of the sign rows, B, Sw, combine, output register ----
  generate
    for (c = 0; c < C; c = c + 1) begin : g_ch
      localparam integer    CID_I = c;
      localparam [CH_W-1:0] CID   = CID_I[CH_W-1:0];
      wire                  ch_sel = wr_fire && wr_channel == CID;

      {{NAME}}_channel_ht u_channel (
        .clk(clk), .el_wr(ch_sel && !wr_sum), .seg_wr(seg_wr), .seg_col(seg_col), .wr_step(~wr_data[M]),
        .sw_wr(ch_sel && wr_sum), .sw_data(wr_data[SW_W-1:0]), .col_en(col_en),
        .acc_b(acc_b), .acc_first(first), .a(a_data[c*SW_W +: SW_W]), .sx(sx),
        .out_load(out_load), .y(y_data[c*Y_W +: Y_W])
      );
    end
  endgenerate
endmodule

`default_nettype wire
