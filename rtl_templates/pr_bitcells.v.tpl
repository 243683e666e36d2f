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
  reg [L-1:0] mem [0:ROWS-1];

  integer r, i;
  always @(posedge clk) begin
    if (wr_en) begin
      for (r = 0; r < ROWS; r = r + 1)
        for (i = 0; i < L; i = i + 1)
          if (wr_cols[i]) mem[r][i] <= wr_bits[r];
    end
  end

  assign rd_data = mem[rd_row];
endmodule

`default_nettype wire
