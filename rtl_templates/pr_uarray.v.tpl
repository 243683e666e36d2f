{{BANNER}}
`default_nettype none

// One uArray of one channel of a pruned group (DESIGN.md section 10): bit cells over L columns
// of the group's CIM column, the channel's kept row KEEP (1 = kept; a static row of the
// array), sense amplifiers gated by the column enables, and two adder trees: the selected row
// (weight plane or sign row) and the kept row (Sx of this channel). A cell pruned in this
// channel is never written and reads as magnitude 0 / step 0.
module {{NAME}}_pr_uarray #(
  parameter integer M       = {{M}},        // weight magnitude bits
  parameter integer L       = {{L}},        // columns
  parameter integer ROW_W   = {{ROW_W}},    // row address width
  parameter integer COUNT_W = {{COUNT_W}},  // segment count width, clog2(L+1)
  parameter [L-1:0] KEEP    = {L{1'b1}}     // kept row of this channel and segment
) (
  input  wire               clk,
  // element write (decoded to this channel; one-hot column of this segment)
  input  wire               wr_en,
  input  wire [L-1:0]       wr_cols,
  input  wire [M:0]         wr_elem,   // {sign, mag}
  // compute
  input  wire [ROW_W-1:0]   rd_row,
  input  wire [L-1:0]       col_en,
  output wire [COUNT_W-1:0] count,      // selected row & col_en
  output wire [COUNT_W-1:0] kept_count  // kept row & col_en
);
  wire [L-1:0] row_data;

  {{NAME}}_pr_bitcells u_cells (
    .clk     (clk),
    .wr_en   (wr_en),
    .wr_cols (wr_cols & KEEP),  // a write to a pruned position is accepted and ignored
    .wr_bits ({~wr_elem[M], wr_elem[M-1:0]}),
    .rd_row  (rd_row),
    .rd_data (row_data)
  );

  {{NAME}}_adder_tree u_tree (
    .clk   (clk),
    .bits  (row_data & KEEP & col_en),
    .count (count)
  );

  {{NAME}}_adder_tree u_kept (
    .clk   (clk),
    .bits  (KEEP & col_en),
    .count (kept_count)
  );
endmodule

`default_nettype wire
