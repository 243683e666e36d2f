{{BANNER}}
`default_nettype none

// SIMULATION MODEL (not synthesized): the comparator of the DIMA ADC. The trial code is offset
// binary (code = trial - 2^(BITS-1)); the reference is code << d LSBs, the level carries the
// rounding bias r = 2^(d-1) when ROUND and d > 0 (DESIGN.md section 12). Noise mode: a static
// Gaussian offset, +dima_offset_sigma_milli=O (sigma = O/1000 of one column's full-scale level
// (2^m-1)(2^n-1) LSB), seeded by +noise_seed=K. Exact (128-bit) comparison.
module {{NAME}}_dima_comparator #(
  parameter integer M     = {{M}},      // weight magnitude bits
  parameter integer NB    = {{NB}},     // input magnitude bits
  parameter integer LV_W  = {{LV_W}},   // level width (FRAC fraction bits)
  parameter integer FRAC  = {{FRAC}},   // fraction bits of the level
  parameter integer BITS  = {{BITS}},   // ADC bits
  parameter integer D_W   = {{D_W}},    // LSB-shift width
  parameter integer ROUND = {{ROUND}}   // 1: adc.rounding "nearest"
) (
  input  wire signed [LV_W-1:0] level,
  input  wire [BITS-1:0]        trial,
  input  wire [D_W-1:0]         d,
  output wire                   decision  // level + r (+ offset) >= (trial - 2^(BITS-1)) << d
);
`ifndef SYNTHESIS
  localparam signed [127:0] COL_FS = ((128'sd1 <<< M) - 128'sd1) * ((128'sd1 <<< NB) - 128'sd1);

  reg signed [127:0] lhs, rhs, bias, offset, om;
  integer            k, offset_milli, noise_seed;
  reg [31:0]         rng;
  reg [19:0]         uni_sum;

  initial begin
    if (!$value$plusargs("dima_offset_sigma_milli=%d", offset_milli)) offset_milli = 0;
    if (!$value$plusargs("noise_seed=%d", noise_seed)) noise_seed = 1;
    om  = {{96{offset_milli[31]}}, offset_milli};
    rng = (noise_seed * 32'h85ebca6b) ^ 32'hbb67ae85;
    if (rng == 32'd0) rng = 32'h1;
    uni_sum = 20'd0;
    for (k = 0; k < 12; k = k + 1) begin
      rng     = rng ^ (rng << 13);
      rng     = rng ^ (rng >> 17);
      rng     = rng ^ (rng << 5);
      uni_sum = uni_sum + {4'd0, rng[15:0]};
    end
    // (uni_sum / 2^16 - 6) * O/1000 * COL_FS LSB, in 2^-FRAC units
    offset = (($signed({108'd0, uni_sum}) - 128'sd393216) * om * COL_FS * (128'sd1 <<< FRAC)) / 128'sd65536000;
  end

  always @* begin
    rhs = 128'sd0;
    rhs[BITS-1:0] = trial;
    rhs = rhs - (128'sd1 <<< (BITS - 1));
    rhs = rhs <<< d;
    rhs = rhs <<< FRAC;
    lhs = {{(128-LV_W){level[LV_W-1]}}, level};
    bias = 128'sd0;
    if (ROUND != 0 && d != {D_W{1'b0}}) bias = (128'sd1 <<< FRAC) <<< (d - 1'b1);
    lhs = lhs + bias + offset;
  end
  assign decision = lhs >= rhs;
`endif
endmodule

`default_nettype wire
