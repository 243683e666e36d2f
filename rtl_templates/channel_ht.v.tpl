{{BANNER}}
`default_nettype none

// One channel at the H-tree root, repeated C times: the root's copy of the channel's sign rows
// (one one-row bit-cell array per segment, written at weight load), their counts of each input
// plane (B, shift-accumulated, MSB first), Sw, A from the tree, the combine
// y = 2A - Sw + 2B - Sx and the channel's slice of the output register.
module {{NAME}}_channel_ht #(
  parameter integer S       = {{S}},        // root segments, ceil(N/L)
  parameter integer L       = {{L}},        // columns of a segment
  parameter integer COL_W   = {{COL_W}},    // column index width in a segment
  parameter integer COUNT_W = {{COUNT_W}},  // segment count width
  parameter integer SUM_IW  = {{SUM_IW}},   // width of a plane's count over all segments
  parameter integer SW_W    = {{SW_W}},     // width of Sw and of A
  parameter integer B_W     = {{B_W}},      // width of B and Sx
  parameter integer Y_W     = {{Y_W}}       // output width, two's complement
) (
  input  wire               clk,
  input  wire               el_wr,     // element write of this channel
  input  wire [S-1:0]       seg_wr,    // its segment
  input  wire [S*COL_W-1:0] seg_col,   // its column in each segment
  input  wire               wr_step,   // its step(w)
  input  wire               sw_wr,     // Sw write of this channel
  input  wire [SW_W-1:0]    sw_data,
  input  wire [S*L-1:0]     col_en,    // x_i[plane] during an input-plane read
  input  wire               acc_b,     // a plane count arrives
  input  wire               acc_first, // the most significant plane
  input  wire [SW_W-1:0]    a,         // A from the tree
  input  wire [B_W-1:0]     sx,        // shared dummy-row accumulator
  input  wire               out_load,  // load the output register
  output reg  [Y_W-1:0]     y
);
  reg  [SW_W-1:0]      sw_reg;
  wire [S*COUNT_W-1:0] seg_counts;
  wire [B_W-1:0]       sum_b;
  wire [B_W-1:0]       b;

  always @(posedge clk) begin
    if (sw_wr) sw_reg <= sw_data;
  end

  genvar s;
  generate
    for (s = 0; s < S; s = s + 1) begin : g_seg
      wire [L-1:0] sign_row;  // step(w) of the segment's elements
      {{NAME}}_bitcells #(.ROWS(1), .ROW_W(1)) u_sign (
        .clk(clk), .wr_en(el_wr && seg_wr[s]), .wr_col(seg_col[s*COL_W +: COL_W]),
        .wr_bits(wr_step), .rd_row(1'b0), .rd_data(sign_row)
      );
      {{NAME}}_adder_tree u_tree (
        .clk(clk), .bits(sign_row & col_en[s*L +: L]), .count(seg_counts[s*COUNT_W +: COUNT_W])
      );
    end
  endgenerate

  {{NAME}}_seg_sum #(.S(S), .CW(COUNT_W), .IW(SUM_IW), .OW(B_W)) u_sum (.counts(seg_counts), .sum(sum_b));
  {{NAME}}_shift_acc #(.W(B_W)) u_acc_b (.clk(clk), .en(acc_b), .first(acc_first), .in(sum_b), .acc(b));

  // Combine in Y_W-bit two's complement; every operand is zero-extended first.
  reg [Y_W-1:0] a_x, sw_x, b_x, sx_x;
  always @* begin
    a_x  = {Y_W{1'b0}};
    sw_x = {Y_W{1'b0}};
    b_x  = {Y_W{1'b0}};
    sx_x = {Y_W{1'b0}};
    a_x[SW_W-1:0]  = a;
    sw_x[SW_W-1:0] = sw_reg;
    b_x[B_W-1:0]   = b;
    sx_x[B_W-1:0]  = sx;
  end

  always @(posedge clk) begin
    if (out_load) y <= (a_x << 1) - sw_x + (b_x << 1) - sx_x;
  end
endmodule

`default_nettype wire
