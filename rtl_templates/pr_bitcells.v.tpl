{{BANNER}}
`default_nettype none

// Bit-cell array of one uArray of a pruned group (behavioural SRAM model; a black box with
// analytic area in synthesis): ROWS = m+1 rows of L columns, rows 0..m-1 the weight magnitude
// bit-planes, row m step(w). A write stores one column in every row; the column is one-hot
// (wr_cols), decoded from the group's static input index map.
module {{NAME}}_pr_bitcells #(
  parameter integer ROWS  = {{ROWS}},   // m + 1
  parameter integer L     = {{L}},      // columns
  parameter integer ROW_W = {{ROW_W}}   // row address width
) (
  input  wire             clk,
  input  wire             wr_en,
  input  wire [L-1:0]     wr_cols,  // one-hot column written
  input  wire [ROWS-1:0]  wr_bits,  // bit r is written into row r
  input  wire [ROW_W-1:0] rd_row,   // row read this cycle
  output wire [L-1:0]     rd_data
);
  // One register per row, written through the one-hot column mask (a loop over columns with a
  // delayed array write is not supported by Verilator beyond its unroll limit).
  wire [ROWS*L-1:0] rows;  // row r at [r*L +: L]

  genvar r;
  generate
    for (r = 0; r < ROWS; r = r + 1) begin : g_row
      reg [L-1:0] row_reg;
      always @(posedge clk)
        if (wr_en) row_reg <= (row_reg & ~wr_cols) | (wr_cols & {L{wr_bits[r]}});
      assign rows[r*L +: L] = row_reg;
    end
  endgenerate

  assign rd_data = rows[rd_row*L +: L];
endmodule

`default_nettype wire
