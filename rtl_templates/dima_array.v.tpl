{{BANNER}}
`default_nettype none

// DIMA word rows (behavioural model; a black box with analytic area in synthesis): channel c's
// weights are word row c, N columns of m+1 cells {sign, mag} (DESIGN.md section 12). The
// functional read sees every cell of the word row rd_row at once.
module {{NAME}}_dima_array #(
  parameter integer N     = {{N}},      // columns (vector length)
  parameter integer C     = {{C}},      // word rows (channels)
  parameter integer M     = {{M}},      // weight magnitude bits
  parameter integer CH_W  = {{CH_W}},   // row index width
  parameter integer IDX_W = {{IDX_W}}   // column index width
) (
  input  wire               clk,
  input  wire               wr_en,    // write element (wr_row, wr_col)
  input  wire [CH_W-1:0]    wr_row,
  input  wire [IDX_W-1:0]   wr_col,
  input  wire [M:0]         wr_elem,  // {sign, mag}
  input  wire [CH_W-1:0]    rd_row,   // word row of the functional read
  output wire [N*(M+1)-1:0] cells     // element i at [i*(M+1) +: M+1]
);
  genvar i;
  generate
    for (i = 0; i < N; i = i + 1) begin : g_col
      localparam integer     COL_I = i;
      localparam [IDX_W-1:0] COL   = COL_I[IDX_W-1:0];
      reg [M:0] mem [0:C-1];
      always @(posedge clk) begin
        if (wr_en && wr_col == COL) mem[wr_row] <= wr_elem;
      end
      assign cells[i*(M+1) +: M+1] = mem[rd_row];
    end
  endgenerate
endmodule

`default_nettype wire
