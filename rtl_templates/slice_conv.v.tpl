{{BANNER}}
`default_nettype none

// One channel of the multiply-based baseline as one repeated module: its S uArrays (segments of
// L columns) and its channel. The top instantiates C of them; synthesis and the Verilator model
// build the module once (a simulation block of C instances, not C x S).
module {{NAME}}_slice #(
  parameter integer M       = {{M}},        // weight magnitude bits
  parameter integer L       = {{L}},        // uArray columns
  parameter integer S       = {{S}},        // segments (uArrays) of the channel
  parameter integer COUNT_W = {{COUNT_W}},  // segment count width
  parameter integer COL_W   = {{COL_W}},    // column index width in a uArray
  parameter integer ROW_W   = {{ROW_W}},    // row address width
  parameter integer Y_W     = {{Y_W}}       // output width, two's complement
) (
  input  wire               clk,
  // element writes of this channel
  input  wire               ch_sel,     // a write beat for this channel is taken
  input  wire               wr_sum,     // 1: an Sw beat (ignored by the baseline)
  input  wire [S-1:0]       seg_wr,     // segment of the element
  input  wire [S*COL_W-1:0] seg_col,    // column of the element in its segment
  input  wire [M:0]         wr_elem,    // element {sign, mag}
  // compute, shared by all channels
  input  wire               mask_load,  // the sign row is read: latch the sign-agreement mask
  input  wire [S*L-1:0]     x_step,     // step(x) of every column
  input  wire [ROW_W-1:0]   rd_row,
  input  wire [S*L-1:0]     col_en,
  input  wire               acc_en,     // a plane-pair count arrives
  input  wire               j_first,    // it has j = m-1
  input  wire               k_first,    // it has k = n-1
  input  wire               k_last,     // it has k = 0
  output wire [Y_W-1:0]     y
);
  wire [S*COUNT_W-1:0] seg_counts_p, seg_counts_n;

  genvar s;
  generate
    for (s = 0; s < S; s = s + 1) begin : g_seg
      {{NAME}}_uarray_conv u_uarray (
        .clk(clk),
        .wr_en(ch_sel && !wr_sum && seg_wr[s]), .wr_col(seg_col[s*COL_W +: COL_W]), .wr_elem(wr_elem),
        .mask_load(mask_load), .x_step(x_step[s*L +: L]),
        .rd_row(rd_row), .col_en(col_en[s*L +: L]),
        .count_p(seg_counts_p[s*COUNT_W +: COUNT_W]),
        .count_n(seg_counts_n[s*COUNT_W +: COUNT_W])
      );
    end
  endgenerate

  {{NAME}}_channel_conv u_channel (
    .clk(clk), .seg_counts_p(seg_counts_p), .seg_counts_n(seg_counts_n),
    .acc_en(acc_en), .j_first(j_first), .k_first(k_first),
    .k_last(k_last), .y(y)
  );
endmodule

`default_nettype wire
