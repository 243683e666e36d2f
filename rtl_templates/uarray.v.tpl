{{BANNER}}
`default_nettype none

// One uArray of one channel: bit cells, sense amplifiers gated by the column enables,
// and the adder tree that counts the sensed column bits (the segment count).
module {{NAME}}_uarray #(
  parameter integer M       = {{M}},        // weight magnitude bits
  parameter integer L       = {{L}},        // columns
  parameter integer COL_W   = {{COL_W}},    // column index width
  parameter integer ROW_W   = {{ROW_W}},    // row address width
  parameter integer COUNT_W = {{COUNT_W}}   // segment count width, clog2(L+1)
) (
  input  wire               clk,
  // element write (decoded to this channel and segment)
  input  wire               wr_en,
  input  wire [COL_W-1:0]   wr_col,
  input  wire [M:0]         wr_elem,   // {sign, mag}
  // compute
  input  wire [ROW_W-1:0]   rd_row,
  input  wire [L-1:0]       col_en,
  output wire [COUNT_W-1:0] count
);
  wire [L-1:0] row_data;

  {{NAME}}_bitcells u_cells (
    .clk     (clk),
    .wr_en   (wr_en),
    .wr_col  (wr_col),
    .wr_bits ({~wr_elem[M], wr_elem[M-1:0]}),
    .rd_row  (rd_row),
    .rd_data (row_data)
  );

  {{NAME}}_adder_tree u_tree (
    .clk   (clk),
    .bits  (row_data & col_en),
    .count (count)
  );
endmodule

`default_nettype wire
