// cimgen — golden model of pruned weights (DESIGN.md section 10): a pruned entry contributes
// nothing, a kept zero (+0 or -0) still contributes +|x| or -|x|.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "golden.hpp"

namespace cimgen::golden {

/// Direct pruned operator of channel c: SUM over kept i of sign(x_i)|w_i| + sign(w_i)|x_i|.
int64_t mf_direct_pruned(const Spec& s, int c, const Vec& w, const Vec& x);
/// Sw of channel c: SUM over kept i of |w_i| (dense: SUM |w_i|).
int64_t sum_abs_kept(const Spec& s, int c, const Vec& w);
/// A, B, Sx, Sw as the pruned hardware computes them: channel c's group column U_g cut into
/// uArrays of L columns, pruned cells stored as magnitude 0 / step 0, Sx on the kept row.
Terms mf_terms_pruned(const Spec& s, int c, const Vec& w, const Vec& x);
/// Output of channel c: the pruned decomposition when the spec prunes, else evaluate().
int64_t evaluate_channel(const Spec& s, int c, const Vec& w, const Vec& x);
/// Weights text with `x` at the pruned positions (dense specs: format_rows).
std::string format_weights(const Spec& s, const std::vector<Vec>& w);

} // namespace cimgen::golden
