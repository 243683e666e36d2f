{{BANNER}}
`default_nettype none

// Bit-cell array of one uArray (behavioural SRAM model; a black box with analytic area in
// synthesis): ROWS = m+1 rows of L columns. Rows 0..m-1 hold the weight magnitude bit-planes,
// row m holds step(w). An element write is a masked write of one column in every row.
module {{NAME}}_bitcells #(
  parameter integer ROWS  = {{ROWS}},   // m + 1
  parameter integer L     = {{L}},      // columns
  parameter integer COL_W = {{COL_W}},  // column index width
  parameter integer ROW_W = {{ROW_W}}   // row address width
) (
  input  wire             clk,
  input  wire             wr_en,    // write column wr_col
  input  wire [COL_W-1:0] wr_col,
  input  wire [ROWS-1:0]  wr_bits,  // bit r is written into row r
  input  wire [ROW_W-1:0] rd_row,   // row read this cycle
  output wire [L-1:0]     rd_data
);
  reg [L-1:0] mem [0:ROWS-1];

  integer r;
  always @(posedge clk) begin
    if (wr_en) begin
      for (r = 0; r < ROWS; r = r + 1) mem[r][wr_col] <= wr_bits[r];
    end
  end

  assign rd_data = mem[rd_row];
endmodule

`default_nettype wire
