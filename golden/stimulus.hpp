// cimgen — seeded random test data with the corners (-0, full scale, all zero).
#pragma once

#include <cstdint>
#include <vector>

#include "golden.hpp"

namespace cimgen::golden {

/// Deterministic 64-bit generator (splitmix64): same seed, same data on every platform.
class Rng {
public:
  explicit Rng(uint64_t seed) : state_(seed) {}
  uint64_t next();
  /// Uniform in [0, n).
  uint64_t below(uint64_t n) { return n ? next() % n : 0; }
  bool chance(int percent) { return below(100) < uint64_t(percent); }

private:
  uint64_t state_;  ///< splitmix64 state
};

/// C weight rows: random with biased corners; channel 1 is all full scale, channel 2 all -0.
std::vector<Vec> random_weights(const Spec& s, Rng& rng);
/// `count` input vectors; the first ones are the corners (all +0, all -0, all +max, all -max,
/// alternating), the rest biased random.
std::vector<Vec> random_inputs(const Spec& s, Rng& rng, int count);

} // namespace cimgen::golden
