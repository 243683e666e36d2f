{{BANNER}}
`default_nettype none

// SIMULATION MODEL (not synthesized): DIMA functional read (FR), bit-line processing (BLP) and
// cross bit-line processing (CBLP) of one task. At `sample` the model holds the level
//   dot: SUM w_i * x_i     l1: SUM |w_i - x_i|     sum: SUM w_i      (op 3: 0)
// (signed values, -0 is 0) in units of 2^-FRAC of one LSB. Bit-exact by default.
module {{NAME}}_dima_analog #(
  parameter integer N      = {{N}},       // columns
  parameter integer M      = {{M}},       // weight magnitude bits
  parameter integer NB     = {{NB}},      // input magnitude bits
  parameter integer LV_W   = {{LV_W}},    // level width, two's complement with FRAC fraction bits
  parameter integer FRAC   = {{FRAC}},    // fraction bits of the level
  parameter integer COL_FS = {{COL_FS}}   // one column's full-scale product (2^m-1)(2^n-1)
) (
  input  wire                   clk,
  input  wire                   sample,  // compute cycle: sample and hold the level
  input  wire [1:0]             op,      // 0 dot, 1 l1, 2 sum
  input  wire [N*(M+1)-1:0]     cells,   // the word row, element i at [i*(M+1) +: M+1]
  input  wire [N*(NB+1)-1:0]    x,       // the input vector, element i at [i*(NB+1) +: NB+1]
  output wire signed [LV_W-1:0] level
);
`ifndef SYNTHESIS  // a black box in synthesis: Yosys reads only the ports
  localparam signed [63:0] LV_MAX = (64'sd1 <<< (LV_W - 1)) - 64'sd1;
  reg signed [LV_W-1:0] level_reg;
  reg signed [63:0]     v, wv, xv, t, lv;
  integer               i;

  always @* begin
    v = 64'sd0;
    for (i = 0; i < N; i = i + 1) begin
      wv = 64'sd0;
      xv = 64'sd0;
      wv[M-1:0]  = cells[i*(M+1) +: M];
      xv[NB-1:0] = x[i*(NB+1) +: NB];
      if (cells[i*(M+1) + M]) wv = -wv;
      if (x[i*(NB+1) + NB]) xv = -xv;
      case (op)
        2'd0: t = wv * xv;
        2'd1: t = (wv > xv) ? wv - xv : xv - wv;
        2'd2: t = wv;
        default: t = 64'sd0;
      endcase
      v = v + t;
    end
    lv = v <<< FRAC;
    if (lv > LV_MAX) lv = LV_MAX;  // the level saturates (reached only with noise)
    else if (lv < -LV_MAX) lv = -LV_MAX;
  end

  always @(posedge clk) begin
    if (sample) level_reg <= lv[LV_W-1:0];
  end

  assign level = level_reg;
  wire unused_fs = COL_FS[0];
`endif
endmodule

`default_nettype wire
