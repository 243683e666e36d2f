{{BANNER}}
`default_nettype none

// One uArray of one channel for the multiply-based baseline: bit cells, a sign-agreement
// mask latched from the sign row, and two adder trees counting the sensed bits of the
// columns whose signs agree (count_p) and differ (count_n).
module {{NAME}}_uarray_conv #(
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
  input  wire [M:0]         wr_elem,    // {sign, mag}
  // compute
  input  wire               mask_load,  // rd_row is the sign row: latch sign agreement
  input  wire [L-1:0]       x_step,     // step(x) of the segment's columns
  input  wire [ROW_W-1:0]   rd_row,
  input  wire [L-1:0]       col_en,     // x[k] of the segment's columns
  output wire [COUNT_W-1:0] count_p,
  output wire [COUNT_W-1:0] count_n
);
  wire [L-1:0] row_data;
  reg  [L-1:0] agree_reg;  // step(w) == step(x), per column

  always @(posedge clk) begin
    if (mask_load) agree_reg <= ~(row_data ^ x_step);
  end

  {{NAME}}_bitcells u_cells (
    .clk     (clk),
    .wr_en   (wr_en),
    .wr_col  (wr_col),
    .wr_bits ({~wr_elem[M], wr_elem[M-1:0]}),
    .rd_row  (rd_row),
    .rd_data (row_data)
  );

  {{NAME}}_adder_tree u_tree_p (
    .clk   (clk),
    .bits  (row_data & col_en & agree_reg),
    .count (count_p)
  );

  {{NAME}}_adder_tree u_tree_n (
    .clk   (clk),
    .bits  (row_data & col_en & ~agree_reg),
    .count (count_n)
  );
endmodule

`default_nettype wire
