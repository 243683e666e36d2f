{{BANNER}}
`default_nettype none

// 8T bit-cell array of one uArray of a pruned group (behavioural model; a black box with
// analytic area in synthesis): ROWS = m+1 rows of L columns, every row on its own product
// line. Rows 0..m-1: weight magnitude bit-planes, row m: step(w). A write stores one column
// (one-hot wr_cols, decoded from the group's static input index map) in every row.
module {{NAME}}_pr_bitcells_im #(
  parameter integer ROWS = {{ROWS}},  // m + 1
  parameter integer L    = {{L}}      // columns
) (
  input  wire              clk,
  input  wire              wr_en,
  input  wire [L-1:0]      wr_cols,  // one-hot column written
  input  wire [ROWS-1:0]   wr_bits,  // bit r is written into row r
  output wire [ROWS*L-1:0] rows      // row r at [r*L +: L]
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

  genvar g;
  generate
    for (g = 0; g < ROWS; g = g + 1) begin : g_row
      assign rows[g*L +: L] = mem[g];
    end
  endgenerate
endmodule

`default_nettype wire
