{{BANNER}}
`default_nettype none

// One channel of the MF macro as one repeated module: its S uArrays (segments of L columns)
// and its uChannel. The top instantiates C of them; synthesis and the Verilator model build the
// module once (a simulation block of C instances, not C x S).
module {{NAME}}_slice #(
  parameter integer M       = {{M}},        // weight magnitude bits
  parameter integer L       = {{L}},        // uArray columns
  parameter integer S       = {{S}},        // segments (uArrays) of the channel
  parameter integer WR_W    = {{WR_W}},     // wr_data width
  parameter integer SW_W    = {{SW_W}},     // Sw width
  parameter integer B_W     = {{B_W}},      // B and Sx width
  parameter integer COUNT_W = {{COUNT_W}},  // segment count width
  parameter integer COL_W   = {{COL_W}},    // column index width in a uArray
  parameter integer ROW_W   = {{ROW_W}},    // row address width
  parameter integer Y_W     = {{Y_W}}       // output width, two's complement
) (
  input  wire               clk,
  // element and Sw writes of this channel
  input  wire               ch_sel,    // a write beat for this channel is taken
  input  wire               wr_sum,    // 0: element, 1: Sw
  input  wire [S-1:0]       seg_wr,    // segment of the element
  input  wire [S*COL_W-1:0] seg_col,   // column of the element in its segment
  input  wire [WR_W-1:0]    wr_data,
  // compute, shared by all channels
  input  wire [ROW_W-1:0]   rd_row,
  input  wire [S*L-1:0]     col_en,
  input  wire               acc_a,     // count belongs to a weight plane
  input  wire               acc_b,     // count belongs to an input plane
  input  wire               acc_first, // most significant plane of its phase
  input  wire [B_W-1:0]     sx,        // shared dummy-row accumulator
  output wire [Y_W-1:0]     y
);
  wire [S*COUNT_W-1:0] seg_counts;

  genvar s;
  generate
    for (s = 0; s < S; s = s + 1) begin : g_seg
      {{NAME}}_uarray u_uarray (
        .clk(clk),
        .wr_en(ch_sel && !wr_sum && seg_wr[s]), .wr_col(seg_col[s*COL_W +: COL_W]), .wr_elem(wr_data[M:0]),
        .rd_row(rd_row), .col_en(col_en[s*L +: L]),
        .count(seg_counts[s*COUNT_W +: COUNT_W])
      );
    end
  endgenerate

  {{NAME}}_channel u_channel (
    .clk(clk),
    .sw_wr(ch_sel && wr_sum), .sw_data(wr_data[SW_W-1:0]),
    .seg_counts(seg_counts), .acc_a(acc_a), .acc_b(acc_b), .acc_first(acc_first),
    .sx(sx), .y(y)
  );
endmodule

`default_nettype wire
