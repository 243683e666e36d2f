// cimgen — derived parameters of the DIMA datapath (DESIGN.md section 12).
#include "dima_params.hpp"

#include <algorithm>

#include "spec.hpp"

namespace cimgen {

namespace {

/// floor(v / 2^d) (arithmetic shift right, also for negative v).
int64_t floor_shift(int64_t v, int d) { return v >= 0 ? v >> d : -((-v + (int64_t{1} << d) - 1) >> d); }

} // namespace

void dima_bounds(Spec& s) {
  DimaParams& p = s.dima;
  const int64_t vdot = int64_t(s.N) * s.w_max() * s.x_max();
  const int b = s.adc_bits, d = s.adc_lsb_shift;
  s.r_bias = (s.adc_rounding == Rounding::Nearest && d > 0) ? (int64_t{1} << (d - 1)) : 0;
  const int64_t code_hi = (int64_t{1} << (b - 1)) - 1, code_lo = -(int64_t{1} << (b - 1));
  s.lossless = d == 0 && code_hi >= vdot;
  // The default program's outputs code << d of the dot product: the extremes of
  // clamp((v + r) >> d) << d over |v| <= vdot.
  const int64_t hi = std::min(code_hi, floor_shift(vdot + s.r_bias, d)) << d;
  const int64_t lo = std::max(code_lo, floor_shift(-vdot + s.r_bias, d)) * (int64_t{1} << d);
  s.y_max = std::max(hi, -lo);
  s.c_max = 0;
  p.lossless_bits = clog2(uint64_t(vdot) + 1) + 1;
  p.v_max = std::max(vdot, int64_t(s.N) * (s.w_max() + s.x_max()));
  p.V_W = clog2(uint64_t(p.v_max) + 1) + 1;
  p.CODE_W = b;
}

void dima_timing(Spec& s) {
  DimaParams& p = s.dima;
  p.cycles_per_task = 1 + s.adc_bits;
  s.compute_cycles = s.C;  // one FR + BLP + CBLP cycle per task
  s.conversions = 1;       // one conversion per channel and vector
  s.steps = s.C * p.cycles_per_task;
  s.initiation_interval = s.steps + 1;
  s.latency = s.steps + 2;
}

void dima_organisation(Spec& s) {
  DimaParams& p = s.dima;
  p.d_max = p.lossless_bits - 1;
  p.D_W = bits_for(uint64_t(p.d_max));
  p.PC_W = std::max(1, clog2(uint64_t(p.program_words)));
  p.I_W = 5 + 2 * s.CH_W + p.D_W + s.Y_W;
  s.BIT_W = std::max(1, clog2(uint64_t(s.adc_bits)));
  s.array_cells = int64_t(s.m + 1) * s.N * s.C;  // C word rows of N columns, m + 1 rows each
  s.SUM_IW = 0;
  s.A_W = 0;
  s.B_W = 0;
}

} // namespace cimgen
