{{BANNER}}
`default_nettype none

// SIMULATION MODEL (not synthesized): DIMA functional read (FR), bit-line processing (BLP) and
// cross bit-line processing (CBLP) of one task. At `sample` the model holds the level
//   dot: SUM g_i w_i x_i     l1: SUM |g_i w_i - x_i|     sum: SUM g_i w_i      (op 3: 0)
// (signed values, -0 is 0) in units of 2^-FRAC of one LSB, plus the CBLP noise. Bit-exact by
// default (g_i = 1, no noise). Noise mode (seeded, xorshift32, Irwin-Hall sums of 12 uniforms):
//   +dima_gain_sigma_milli=G  static FR gain mismatch per column, g_i = 1 + e_i, sigma(e) = G/1000
//   +noise_sigma_milli=S      additive Gaussian noise at the CBLP output per sample, sigma =
//                             S/1000 of one column's full-scale level (2^m-1)(2^n-1) LSB
//   +noise_seed=K
// The gain is held in Q16, the arithmetic is exact in 128 bits; the level saturates at +-LV_MAX.
module {{NAME}}_dima_analog #(
  parameter integer N      = {{N}},       // columns
  parameter integer M      = {{M}},       // weight magnitude bits
  parameter integer NB     = {{NB}},      // input magnitude bits
  parameter integer LV_W   = {{LV_W}},    // level width, two's complement with FRAC fraction bits
  parameter integer FRAC   = {{FRAC}}     // fraction bits of the level (< 16)
) (
  input  wire                   clk,
  input  wire                   sample,  // compute cycle: sample and hold the level
  input  wire [1:0]             op,      // 0 dot, 1 l1, 2 sum
  input  wire [N*(M+1)-1:0]     cells,   // the word row, element i at [i*(M+1) +: M+1]
  input  wire [N*(NB+1)-1:0]    x,       // the input vector, element i at [i*(NB+1) +: NB+1]
  output wire signed [LV_W-1:0] level
);
`ifndef SYNTHESIS  // a black box in synthesis: Yosys reads only the ports
  localparam signed [127:0] LV_MAX = (128'sd1 <<< (LV_W - 1)) - 128'sd1;
  localparam signed [127:0] ONE_Q16 = 128'sd65536;
  localparam signed [127:0] COL_FS  = ((128'sd1 <<< M) - 128'sd1) * ((128'sd1 <<< NB) - 128'sd1);

  reg signed [LV_W-1:0] level_reg;
  reg [N*64-1:0]        gain_q;  // e_i in Q16 at [i*64 +: 64]
  reg signed [127:0]    v, wv, xv, t, lv, noise, noise_scale, gm, sm, e;
  integer               i, k, gain_milli, sigma_milli, noise_seed;
  reg [31:0]            rng_reg, rng;
  reg [19:0]            uni_sum;

  initial begin
    if (!$value$plusargs("dima_gain_sigma_milli=%d", gain_milli)) gain_milli = 0;
    if (!$value$plusargs("noise_sigma_milli=%d", sigma_milli)) sigma_milli = 0;
    if (!$value$plusargs("noise_seed=%d", noise_seed)) noise_seed = 1;
    gm = {{96{gain_milli[31]}}, gain_milli};
    sm = {{96{sigma_milli[31]}}, sigma_milli};
    rng = (noise_seed * 32'h85ebca6b) ^ 32'h9e3779b9;
    if (rng == 32'd0) rng = 32'h1;
    for (i = 0; i < N; i = i + 1) begin
      uni_sum = 20'd0;
      for (k = 0; k < 12; k = k + 1) begin
        rng     = rng ^ (rng << 13);
        rng     = rng ^ (rng >> 17);
        rng     = rng ^ (rng << 5);
        uni_sum = uni_sum + {4'd0, rng[15:0]};
      end
      // e_i = (uni_sum / 2^16 - 6) * G / 1000, in Q16
      e = (($signed({108'd0, uni_sum}) - 128'sd393216) * gm) / 128'sd1000;
      gain_q[i*64 +: 64] = e[63:0];
    end
    rng_reg = rng ^ 32'h6a09e667;
    if (rng_reg == 32'd0) rng_reg = 32'h1;
    // noise sigma in Q16 level units (2^-FRAC LSB): S/1000 * COL_FS * 2^FRAC * 2^16 per unit Gaussian
    noise_scale = (128'sd1 <<< FRAC) * COL_FS * sm;
  end

  always @* begin
    v = 128'sd0;
    for (i = 0; i < N; i = i + 1) begin
      wv = 128'sd0;
      xv = 128'sd0;
      wv[M-1:0]  = cells[i*(M+1) +: M];
      xv[NB-1:0] = x[i*(NB+1) +: NB];
      if (cells[i*(M+1) + M]) wv = -wv;
      if (x[i*(NB+1) + NB]) xv = -xv;
      e  = {{64{gain_q[i*64 + 63]}}, gain_q[i*64 +: 64]};
      wv = wv * (ONE_Q16 + e);  // the FR level of the column, Q16
      xv = xv * ONE_Q16;
      case (op)
        2'd0: t = (wv * xv) >>> 16;
        2'd1: t = (wv > xv) ? wv - xv : xv - wv;
        2'd2: t = wv;
        default: t = 128'sd0;
      endcase
      v = v + t;  // Q16
    end
    rng     = rng_reg;
    uni_sum = 20'd0;
    for (k = 0; k < 12; k = k + 1) begin
      rng     = rng ^ (rng << 13);
      rng     = rng ^ (rng >> 17);
      rng     = rng ^ (rng << 5);
      uni_sum = uni_sum + {4'd0, rng[15:0]};
    end
    noise = (($signed({108'd0, uni_sum}) - 128'sd393216) * noise_scale) / 128'sd1000;  // Q16 * Q16
    lv = (v <<< FRAC) + noise;
    lv = lv >>> 16;  // Q16 -> 2^-FRAC units (floor)
    if (lv > LV_MAX) lv = LV_MAX;  // the level saturates (reached only with noise)
    else if (lv < -LV_MAX) lv = -LV_MAX;
  end

  always @(posedge clk) begin
    if (sample) begin
      level_reg <= lv[LV_W-1:0];
      rng_reg   <= rng;
    end
  end

  assign level = level_reg;
`endif
endmodule

`default_nettype wire
