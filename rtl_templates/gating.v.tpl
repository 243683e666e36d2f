{{BANNER}}
`default_nettype none

// Sense-amp / column-line gating of one uArray (one segment), shared by all channels:
// step(x_i) in weight-plane steps, x_i[k] in input-plane steps. The top instantiates one per
// segment; columns at or past USED (padding of the last uArray) are never enabled.
module {{NAME}}_gating #(
  parameter integer L    = {{L}},     // columns of a uArray
  parameter integer EW   = {{EW}},    // element width n+1: {sign, mag}
  parameter integer PL_W = {{PL_W}},  // input-plane index width
  parameter integer USED = {{L}}      // columns of this segment that hold elements, 1..L
) (
  input  wire [USED*EW-1:0] x_seg,    // element i of the segment at [i*EW +: EW]
  input  wire               sel_step, // 1: gate by step(x), 0: gate by x[plane]
  input  wire [PL_W-1:0]    plane,
  output wire [L-1:0]       col_en
);
  genvar i;
  generate
    for (i = 0; i < L; i = i + 1) begin : g_col
      if (i < USED) begin : g_used
        wire [EW-1:0] e = x_seg[i*EW +: EW];
        assign col_en[i] = sel_step ? ~e[EW-1] : e[plane];
      end else begin : g_pad
        assign col_en[i] = 1'b0;
      end
    end
  endgenerate
endmodule

`default_nettype wire
