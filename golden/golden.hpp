// cimgen — bit-exact golden model of DESIGN.md section 3.
#pragma once

#include <cstdint>
#include <vector>

#include "spec.hpp"

namespace cimgen::golden {

/// One sign-magnitude number; `-0` (neg=true, mag=0) is distinct from `+0`.
struct SignMag {
  bool neg = false;  ///< sign bit (1 = negative)
  uint32_t mag = 0;  ///< magnitude
  bool operator==(const SignMag& o) const { return neg == o.neg && mag == o.mag; }
};
using Vec = std::vector<SignMag>;

/// step(v) = 1 - signbit(v); sign(v) = 2*step(v) - 1.
inline int step(SignMag v) { return v.neg ? 0 : 1; }
inline int sign(SignMag v) { return v.neg ? -1 : 1; }
/// Value as an integer (-0 becomes 0).
inline int64_t value(SignMag v) { return v.neg ? -int64_t(v.mag) : int64_t(v.mag); }

/// The four terms of y = 2A - Sw + 2B - Sx, each built from converted per-segment counts.
struct Terms {
  int64_t A = 0, B = 0, Sx = 0, Sw = 0;
  int64_t y() const { return 2 * A - Sw + 2 * B - Sx; }
};

/// Direct MF operator SUM sign(x_i)|w_i| + sign(w_i)|x_i| (no conversion).
int64_t mf_direct(const Vec& w, const Vec& x);
/// Direct conventional operator SUM w_i * x_i.
int64_t conv_direct(const Vec& w, const Vec& x);
/// Sw = SUM |w_i| (exact, loaded by the host).
int64_t sum_abs(const Vec& w);

/// Converted count c_hat of a segment count c (identity for near_memory).
int64_t convert(const Spec& s, int64_t c);
/// Count over segment `seg` of gate[i] & cell[i]; gate and cell are functions of the column.
template <class Gate, class Cell>
int64_t segment_count(const Spec& s, int seg, Gate gate, Cell cell) {
  int64_t c = 0;
  const int hi = std::min(s.N, (seg + 1) * s.L);
  for (int i = seg * s.L; i < hi; ++i) c += (gate(i) & cell(i)) ? 1 : 0;
  return c;
}

/// A, B, Sx, Sw exactly as the hardware computes them (per-segment counts, converted).
Terms mf_terms(const Spec& s, const Vec& w, const Vec& x);
/// Conventional bit-serial result SUM_{j,k} 2^(j+k) (P_jk - N_jk) from per-segment counts.
int64_t conv_hw(const Spec& s, const Vec& w, const Vec& x);
/// The macro's output for one channel: dispatches on the spec's operator.
int64_t evaluate(const Spec& s, const Vec& w, const Vec& x);

} // namespace cimgen::golden
