// cimgen — seeded random test data.
#include "stimulus.hpp"

namespace cimgen::golden {

uint64_t Rng::next() {
  uint64_t z = (state_ += 0x9e3779b97f4a7c15ull);
  z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ull;
  z = (z ^ (z >> 27)) * 0x94d049bb133111ebull;
  return z ^ (z >> 31);
}

namespace {

/// One element: 20 % zero (either sign), 20 % full scale, else uniform.
SignMag biased(Rng& rng, uint32_t max) {
  const bool neg = rng.chance(50);
  const uint64_t pick = rng.below(10);
  if (pick < 2) return {neg, 0};
  if (pick < 4) return {neg, max};
  return {neg, uint32_t(rng.below(uint64_t(max) + 1))};
}

Vec random_vec(const Spec& s, Rng& rng, uint32_t max) {
  Vec v(s.N);
  for (auto& e : v) e = biased(rng, max);
  return v;
}

} // namespace

std::vector<Vec> random_weights(const Spec& s, Rng& rng) {
  const uint32_t max = uint32_t(s.w_max());
  std::vector<Vec> w;
  for (int c = 0; c < s.C; ++c) {
    if (c == 1) w.push_back(Vec(s.N, SignMag{rng.chance(50), max}));
    else if (c == 2) w.push_back(Vec(s.N, SignMag{true, 0}));
    else w.push_back(random_vec(s, rng, max));
  }
  return w;
}

std::vector<Vec> random_inputs(const Spec& s, Rng& rng, int count) {
  const uint32_t max = uint32_t(s.x_max());
  const std::vector<Vec> corners = {
      Vec(s.N, SignMag{false, 0}), Vec(s.N, SignMag{true, 0}), Vec(s.N, SignMag{false, max}),
      Vec(s.N, SignMag{true, max}), [&] {
        Vec v(s.N);
        for (int i = 0; i < s.N; ++i) v[i] = SignMag{i % 2 == 1, i % 3 == 0 ? max : 0};
        return v;
      }()};
  std::vector<Vec> x;
  for (int k = 0; k < count; ++k)
    x.push_back(k < int(corners.size()) ? corners[k] : random_vec(s, rng, max));
  return x;
}

} // namespace cimgen::golden
