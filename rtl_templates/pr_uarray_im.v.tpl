{{BANNER}}
`default_nettype none

// One in-memory uArray of one channel of a pruned group (DESIGN.md section 10): 8T bit cells
// over L columns of the group's CIM column, a product line per row, NCONV memory-immersed SAR
// converter(s) (one per weight row if PER_ROW, else one time-shared over the rows), and the
// channel's kept row KEEP (1 = kept; a static row) on its own product line and converter for
// Sx. A cell pruned in this channel is never written and holds magnitude 0 / step 0. The reference cells of each converter are in the neighbouring uArray of the same
// channel (segment s^1; a one-segment channel uses its own spare reference columns); their
// level is modelled inside the comparator.
module {{NAME}}_pr_uarray_im #(
  parameter integer M       = {{M}},        // weight magnitude bits (rows 0..M-1, sign row M)
  parameter integer L       = {{L}},        // columns
  parameter integer ROW_W   = {{ROW_W}},    // row index width
  parameter integer COUNT_W = {{COUNT_W}},  // product-line level width, clog2(L+1)
  parameter integer BITS    = {{BITS}},     // ADC bits
  parameter integer BIT_W   = {{BIT_W}},    // SAR bit index width
  parameter integer CHAT_W  = {{CHAT_W}},   // converted count width, BITS + lsb_shift
  parameter integer PER_ROW = {{PER_ROW}},  // 1: a converter per weight row; 0: one time-shared
  parameter integer NCONV   = {{NCONV}},    // converters: M if PER_ROW, else 1
  parameter integer ID      = 0,            // distinct per uArray (simulation noise decorrelation)
  parameter [L-1:0] KEEP    = {L{1'b1}}     // kept row of this channel and segment
) (
  input  wire                    clk,
  // element write (decoded to this channel and segment)
  input  wire                    wr_en,
  input  wire [L-1:0]            wr_cols,  // one-hot column
  input  wire [M:0]              wr_elem,  // {sign, mag}
  // compute and conversion
  input  wire                    sample,   // compute cycle
  input  wire [L-1:0]            cl,       // column lines
  input  wire                    phase_a,  // weight planes (else the sign row)
  input  wire [ROW_W-1:0]        row,      // row converted now by a time-shared converter
  input  wire                    step,
  input  wire [BIT_W-1:0]        bit_idx,
  input  wire                    last,
  output wire [NCONV*CHAT_W-1:0] c_hat,    // converter i at [i*CHAT_W +: CHAT_W]
  output wire [CHAT_W-1:0]       kept_c_hat  // kept-row converter
);
  localparam integer ROWS = M + 1;

  wire [ROWS*L-1:0]       rows;
  wire [ROWS*COUNT_W-1:0] levels;

  {{NAME}}_pr_bitcells_im u_cells (
    .clk(clk), .wr_en(wr_en), .wr_cols(wr_cols & KEEP),  // writes to pruned positions are ignored
    .wr_bits({~wr_elem[M], wr_elem[M-1:0]}), .rows(rows)
  );

  // kept row: its own product line and converter (Sx of this channel)
  wire [COUNT_W-1:0] kept_level;
  wire [BITS-1:0]    kept_trial;
  wire               kept_decision;
  localparam [31:0]  KEPT_ID = ID*(ROWS+1) + ROWS;  // noise decorrelation (simulation model)
  {{NAME}}_product_line u_pl_kept (
    .clk(clk), .id(KEPT_ID), .sample(sample), .cells(KEEP), .cl(cl), .level(kept_level)
  );
  {{NAME}}_comparator u_cmp_kept (.level(kept_level), .trial(kept_trial), .decision(kept_decision));
  {{NAME}}_sar u_sar_kept (
    .clk(clk), .start(sample), .step(step), .bit_idx(bit_idx), .last(last),
    .decision(kept_decision), .trial(kept_trial), .c_hat(kept_c_hat)
  );

  genvar r, i;
  generate
    for (r = 0; r < ROWS; r = r + 1) begin : g_pl
      localparam [31:0] PL_ID = ID*(ROWS+1) + r;
      {{NAME}}_product_line u_pl (
        .clk(clk), .id(PL_ID), .sample(sample), .cells(rows[r*L +: L] & KEEP), .cl(cl),
        .level(levels[r*COUNT_W +: COUNT_W])
      );
    end
    if (PER_ROW != 0) begin : g_rows_parallel
      wire unused_row = |row;  // every weight row has its own converter
    end
    for (i = 0; i < NCONV; i = i + 1) begin : g_conv
      wire [COUNT_W-1:0] level_a;  // weight row converted by this converter now
      wire [COUNT_W-1:0] level;
      wire [BITS-1:0]    trial;
      wire               decision;
      if (PER_ROW != 0) begin : g_own_row
        assign level_a = levels[i*COUNT_W +: COUNT_W];
      end else begin : g_row_select
        wire [COUNT_W-1:0] row_level [0:ROWS-1];
        for (r = 0; r < ROWS; r = r + 1) begin : g_sel
          assign row_level[r] = levels[r*COUNT_W +: COUNT_W];
        end
        assign level_a = row_level[row];
      end
      assign level = phase_a ? level_a : levels[M*COUNT_W +: COUNT_W];
      {{NAME}}_comparator u_cmp (.level(level), .trial(trial), .decision(decision));
      {{NAME}}_sar u_sar (
        .clk(clk), .start(sample), .step(step), .bit_idx(bit_idx), .last(last),
        .decision(decision), .trial(trial), .c_hat(c_hat[i*CHAT_W +: CHAT_W])
      );
    end
  endgenerate
endmodule

`default_nettype wire
