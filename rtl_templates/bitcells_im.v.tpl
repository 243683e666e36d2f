{{BANNER}}
`default_nettype none

// 8T bit-cell array of one uArray (behavioural model; a black box with analytic area in
// synthesis): ROWS = m+1 rows of L columns. Every row has its own read port (product line), so
// all rows are visible at once. Rows 0..m-1: weight magnitude bit-planes, row m: step(w).
module {{NAME}}_bitcells_im #(
  parameter integer ROWS  = {{ROWS}},   // m + 1
  parameter integer L     = {{L}},      // columns
  parameter integer COL_W = {{COL_W}}   // column index width
) (
  input  wire              clk,
  input  wire              wr_en,    // write column wr_col
  input  wire [COL_W-1:0]  wr_col,
  input  wire [ROWS-1:0]   wr_bits,  // bit r is written into row r
  output wire [ROWS*L-1:0] rows      // row r at [r*L +: L]
);
  reg [L-1:0] mem [0:ROWS-1];

  integer r;
  always @(posedge clk) begin
    if (wr_en) begin
      for (r = 0; r < ROWS; r = r + 1) mem[r][wr_col] <= wr_bits[r];
    end
  end

  genvar g;
  generate
    for (g = 0; g < ROWS; g = g + 1) begin : g_row
      assign rows[g*L +: L] = mem[g];
    end
  endgenerate
endmodule

`default_nettype wire
