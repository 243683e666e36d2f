// cimgen — golden model: DESIGN.md section 3 term by term, plus the direct formulas.
#include "golden.hpp"

#include <algorithm>

#include "dima.hpp"

namespace cimgen::golden {

int64_t mf_direct(const Vec& w, const Vec& x) {
  int64_t y = 0;
  for (size_t i = 0; i < w.size(); ++i) y += sign(x[i]) * int64_t(w[i].mag) + sign(w[i]) * int64_t(x[i].mag);
  return y;
}

int64_t conv_direct(const Vec& w, const Vec& x) {
  int64_t y = 0;
  for (size_t i = 0; i < w.size(); ++i) y += value(w[i]) * value(x[i]);
  return y;
}

int64_t sum_abs(const Vec& w) {
  int64_t t = 0;
  for (const SignMag& v : w) t += v.mag;
  return t;
}

int64_t convert(const Spec& s, int64_t c) {
  switch (s.datapath) {
  case Datapath::NearMemory:
  case Datapath::HTree:
  case Datapath::Dima:  // no counts: golden/dima.cpp converts the whole dot product
    return c;  // the adder tree counts exactly
  case Datapath::InMemory: {
    // code = min(2^b - 1, (c + r) >> s), c_hat = code << s (DESIGN.md section 3); the spec
    // derives r (Spec::r_bias) once.
    const int64_t code = std::min(full_scale(s.adc_bits), (c + s.r_bias) >> s.adc_lsb_shift);
    return code << s.adc_lsb_shift;
  }
  }
  return c;
}

Terms mf_terms(const Spec& s, const Vec& w, const Vec& x) {
  Terms t;
  t.Sw = sum_abs(w);
  for (int seg = 0; seg < s.S; ++seg) {
    // Weight planes j: row j gated by step(x_i).
    for (int j = 0; j < s.m; ++j)
      t.A += convert(s, segment_count(s, seg, [&](int i) { return step(x[i]); },
                                      [&](int i) { return int(w[i].mag >> j) & 1; }))
             << j;
    // Input planes k: sign row step(w) and dummy all-ones row, both gated by x_i[k].
    for (int k = 0; k < s.n; ++k) {
      auto gate = [&](int i) { return int(x[i].mag >> k) & 1; };
      t.B += convert(s, segment_count(s, seg, gate, [&](int i) { return step(w[i]); })) << k;
      t.Sx += convert(s, segment_count(s, seg, gate, [](int) { return 1; })) << k;
    }
  }
  return t;
}

int64_t conv_hw(const Spec& s, const Vec& w, const Vec& x) {
  int64_t y = 0;
  for (int seg = 0; seg < s.S; ++seg)
    for (int j = 0; j < s.m; ++j)
      for (int k = 0; k < s.n; ++k) {
        auto cell = [&](int i) { return int(w[i].mag >> j) & 1; };
        const int64_t p = segment_count(s, seg, [&](int i) { return int(x[i].mag >> k) & int(w[i].neg == x[i].neg); }, cell);
        const int64_t q = segment_count(s, seg, [&](int i) { return int(x[i].mag >> k) & int(w[i].neg != x[i].neg); }, cell);
        y += (convert(s, p) - convert(s, q)) << (j + k);
      }
  return y;
}

int64_t evaluate(const Spec& s, const Vec& w, const Vec& x) {
  switch (s.datapath) {
  case Datapath::NearMemory:
  case Datapath::InMemory:
  case Datapath::HTree: break;
  case Datapath::Dima: return dima::evaluate(s, w, x);  // the default program's y_c
  }
  switch (s.op) {
  case Operator::Mf: return mf_terms(s, w, x).y();
  case Operator::Conventional: return conv_hw(s, w, x);
  }
  return 0;
}

} // namespace cimgen::golden
