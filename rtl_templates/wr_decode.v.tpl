{{BANNER}}
`default_nettype none

// Element-write decoder shared by all channels: which segment (uArray) holds wr_index, and the
// column inside it.
module {{NAME}}_wr_decode #(
  parameter integer S     = {{S}},      // segments per channel
  parameter integer L     = {{L}},      // columns per uArray
  parameter integer IDX_W = {{IDX_W}},  // wr_index width
  parameter integer COL_W = {{COL_W}}   // column index width
) (
  input  wire [IDX_W-1:0]   wr_index,
  output wire [S-1:0]       seg_wr,   // segment s holds wr_index
  output wire [S*COL_W-1:0] seg_col   // column in segment s at [s*COL_W +: COL_W]
);
  localparam [IDX_W:0] L_C = L[IDX_W:0];

  genvar s;
  generate
    for (s = 0; s < S; s = s + 1) begin : g_seg
      localparam integer   BASE_I = s * L;
      localparam [IDX_W:0] BASE   = BASE_I[IDX_W:0];
      // Offset in this segment; an index below BASE wraps to a value >= L.
      wire [IDX_W:0] offset = {1'b0, wr_index} - BASE;
      assign seg_wr[s] = offset < L_C;
      assign seg_col[s*COL_W +: COL_W] = offset[COL_W-1:0];
    end
  endgenerate
endmodule

`default_nettype wire
