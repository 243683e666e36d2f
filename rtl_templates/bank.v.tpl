{{BANNER}}
`default_nettype none

// H-tree bank (DESIGN.md section 9): the near-memory uArrays of one slice of NBK elements for
// every channel. On `go` it latches the slice's step(x) bits, reads its M weight planes (MSB
// first) gated by them, counts each plane (PIPE adder-tree stages), shift-accumulates
// A_b = SUM step(x_i)|w_i| per channel, and offers it with a one-cycle a_valid.
module {{NAME}}_bank #(
  parameter integer NBK     = {{NBK}},      // element slots of a bank (the last bank may use fewer)
  parameter integer SB      = {{SB}},       // segments (uArrays) per channel, ceil(NBK/L)
  parameter integer L       = {{L}},        // uArray columns
  parameter integer C       = {{C}},        // channels
  parameter integer M       = {{M}},        // weight magnitude bits
  parameter integer COUNT_W = {{COUNT_W}},  // segment count width
  parameter integer SUM_IW  = {{SUM_IW}},   // width of a plane's count over the bank, clog2(NBK+1)
  parameter integer AB_W    = {{AB_W}},     // partial sum A_b per channel
  parameter integer CH_W    = {{CH_W}},     // channel index width
  parameter integer IDX_W   = {{IDX_W}},    // element index width
  parameter integer COL_W   = {{COL_W}},    // column index width in a uArray
  parameter integer ROW_W   = {{ROW_W}},    // row address width
  parameter integer CNT_W   = {{CNT_W}},    // sequencer counter width, holds M + PIPE
  parameter integer PIPE    = {{PIPE}}      // adder-tree pipeline stages
) (
  input  wire              clk,
  input  wire              rst_n,
  // element write routed to this bank
  input  wire              wr_en,
  input  wire [CH_W-1:0]   wr_channel,
  input  wire [IDX_W-1:0]  wr_index,   // index inside the bank
  input  wire [M-1:0]      wr_mag,
  // vector
  input  wire              go,
  input  wire [NBK-1:0]    step,       // step(x_i) of the slice, zeros past its last element
  output reg               a_valid,
  output wire [C*AB_W-1:0] a_data      // A_b of channel c at [c*AB_W +: AB_W]
);
  localparam integer PW = SB * L;  // padded columns
  localparam integer ONE_I = 1, LAST_I = M + PIPE - 1, ROW_TOP_I = M - 1;
  localparam [CNT_W-1:0] ONE_C   = ONE_I[CNT_W-1:0];
  localparam [CNT_W-1:0] M_C     = M[CNT_W-1:0];
  localparam [CNT_W-1:0] PIPE_C  = PIPE[CNT_W-1:0];
  localparam [CNT_W-1:0] LAST_C  = LAST_I[CNT_W-1:0];
  localparam [ROW_W-1:0] ROW_TOP = ROW_TOP_I[ROW_W-1:0];
  localparam [ROW_W-1:0] ROW_ONE = ONE_I[ROW_W-1:0];

  // ---- sequencer: M plane reads after go, counts PIPE cycles later ----
  reg             run_reg;
  reg [CNT_W-1:0] cnt_reg;
  reg [ROW_W-1:0] row_reg;
  reg [NBK-1:0]   step_reg;
  wire            last  = run_reg && cnt_reg == LAST_C;
  wire            issue = run_reg && cnt_reg < M_C;
  wire            acc;  // a plane count arrives (PIPE cycles after its read)
  wire            first = cnt_reg == PIPE_C;

  generate
    if (PIPE == 0) begin : g_comb_tree
      assign acc = run_reg;
    end else begin : g_pipelined_tree
      assign acc = run_reg && cnt_reg >= PIPE_C;
    end
  endgenerate

  always @(posedge clk or negedge rst_n) begin
    if (!rst_n) begin
      run_reg <= 1'b0;
      a_valid <= 1'b0;
    end else begin
      a_valid <= last;
      if (go) run_reg <= 1'b1;
      else if (last) run_reg <= 1'b0;
    end
  end

  always @(posedge clk) begin
    if (go) begin
      step_reg <= step;
      cnt_reg  <= {CNT_W{1'b0}};
      row_reg  <= ROW_TOP;
    end else if (run_reg) begin
      cnt_reg <= cnt_reg + ONE_C;
      if (issue) row_reg <= row_reg - ROW_ONE;
    end
  end

  // ---- column enables: step(x) of the slice during a plane read ----
  wire [PW-1:0] col_en;
  generate
    if (PW > NBK) begin : g_padded
      assign col_en = {{(PW-NBK){1'b0}}, step_reg} & {PW{issue}};
    end else begin : g_full
      assign col_en = step_reg & {PW{issue}};
    end
  endgenerate

  // ---- writes: segment and column of the local index ----
  wire [SB-1:0]       seg_wr;
  wire [SB*COL_W-1:0] seg_col;
  {{NAME}}_wr_decode #(.S(SB)) u_wr_decode (.wr_index(wr_index), .seg_wr(seg_wr), .seg_col(seg_col));

  // ---- per channel: SB uArrays, their plane counts summed and shift-accumulated ----
  genvar c, s;
  generate
    for (c = 0; c < C; c = c + 1) begin : g_ch
      localparam integer    CID_I = c;
      localparam [CH_W-1:0] CID   = CID_I[CH_W-1:0];
      wire [SB*COUNT_W-1:0] counts;
      wire [AB_W-1:0]       plane_sum;

      for (s = 0; s < SB; s = s + 1) begin : g_seg
        wire [L-1:0] row_data;
        {{NAME}}_bitcells u_cells (
          .clk(clk), .wr_en(wr_en && wr_channel == CID && seg_wr[s]), .wr_col(seg_col[s*COL_W +: COL_W]),
          .wr_bits(wr_mag), .rd_row(row_reg), .rd_data(row_data)
        );
        {{NAME}}_adder_tree u_tree (
          .clk(clk), .bits(row_data & col_en[s*L +: L]), .count(counts[s*COUNT_W +: COUNT_W])
        );
      end

      {{NAME}}_seg_sum #(.S(SB), .CW(COUNT_W), .IW(SUM_IW), .OW(AB_W)) u_sum (.counts(counts), .sum(plane_sum));
      {{NAME}}_shift_acc #(.W(AB_W)) u_acc (
        .clk(clk), .en(acc), .first(first), .in(plane_sum), .acc(a_data[c*AB_W +: AB_W])
      );
    end
  endgenerate
endmodule

`default_nettype wire
