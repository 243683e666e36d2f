// cimgen — golden model of pruned weights: the direct formula and the hardware decomposition.
#include "pruned.hpp"

#include "pruning.hpp"
#include "vecfile.hpp"

namespace cimgen::golden {

int64_t mf_direct_pruned(const Spec& s, int c, const Vec& w, const Vec& x) {
  int64_t y = 0;
  for (int i = 0; i < s.N; ++i)
    if (!s.pruning || s.pruning->kept(c, i)) y += sign(x[i]) * int64_t(w[i].mag) + sign(w[i]) * int64_t(x[i].mag);
  return y;
}

int64_t sum_abs_kept(const Spec& s, int c, const Vec& w) {
  int64_t t = 0;
  for (int i = 0; i < s.N; ++i)
    if (!s.pruning || s.pruning->kept(c, i)) t += w[i].mag;
  return t;
}

Terms mf_terms_pruned(const Spec& s, int c, const Vec& w, const Vec& x) {
  const Pruning& p = *s.pruning;
  const std::vector<int>& cols = p.groups[p.group_of[c]].columns;
  const int W = int(cols.size());
  Terms t;
  t.Sw = sum_abs_kept(s, c, w);
  // Count over uArray `seg` of the group column: gate(i) & cell(i) for the columns it holds.
  const auto count = [&](int seg, auto gate, auto cell) {
    int64_t n = 0;
    for (int j = seg * s.L; j < std::min(W, (seg + 1) * s.L); ++j) n += (gate(cols[j]) & cell(cols[j])) ? 1 : 0;
    return convert(s, n);
  };
  const auto kept = [&](int i) { return p.kept(c, i) ? 1 : 0; };
  for (int seg = 0; seg * s.L < W; ++seg) {
    // Weight planes: pruned cells hold magnitude 0.
    for (int j = 0; j < s.m; ++j)
      t.A += count(seg, [&](int i) { return step(x[i]); }, [&](int i) { return kept(i) & int(w[i].mag >> j) & 1; }) << j;
    // Input planes: the sign row (pruned cells hold step 0) and the channel's kept row.
    for (int k = 0; k < s.n; ++k) {
      auto gate = [&](int i) { return int(x[i].mag >> k) & 1; };
      t.B += count(seg, gate, [&](int i) { return kept(i) & step(w[i]); }) << k;
      t.Sx += count(seg, gate, kept) << k;
    }
  }
  return t;
}

int64_t evaluate_channel(const Spec& s, int c, const Vec& w, const Vec& x) {
  return s.pruning ? mf_terms_pruned(s, c, w, x).y() : evaluate(s, w, x);
}

std::string format_weights(const Spec& s, const std::vector<Vec>& w) {
  if (!s.pruning) return format_rows(w);
  std::string out;
  for (size_t c = 0; c < w.size(); ++c) {
    for (int i = 0; i < s.N; ++i)
      out += (i ? " " : "") + (s.pruning->kept(int(c), i) ? format_signmag(w[c][i]) : std::string("x"));
    out += "\n";
  }
  return out;
}

} // namespace cimgen::golden
