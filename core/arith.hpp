// cimgen — arithmetic helpers shared by the spec, the golden model, the generator and synthesis.
#pragma once

#include <cstdint>
#include <string>

namespace cimgen {

/// ceil(log2(x)) for x >= 1; clog2(1) == 0.
int clog2(uint64_t x);

/// Bits of an unsigned counter that holds 0..v (at least 1).
inline int bits_for(uint64_t v) { return clog2(v + 1) > 0 ? clog2(v + 1) : 1; }

/// 2^k - 1, the largest magnitude of k bits.
inline int64_t full_scale(int k) { return (int64_t{1} << k) - 1; }

/// FNV-1a 64-bit hash of `s` as 16 hex digits.
std::string fnv1a64(const std::string& s);

} // namespace cimgen
