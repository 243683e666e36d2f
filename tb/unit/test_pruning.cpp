// Pruned weights (DESIGN.md section 10): mask reader errors, hand-worked grouping of a 4x8
// mask, hand-worked pruned outputs with kept -0 and +0, decomposition == direct formula.
#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>
#include <unistd.h>

#include "pruned.hpp"
#include "pruning.hpp"
#include "stimulus.hpp"

using namespace cimgen;
using golden::SignMag;
using golden::Vec;

namespace {

/// A fresh folder holding `mask` as m.txt; specs read from it name "m.txt".
std::string mask_dir(const std::string& mask) {
  static int n = 0;
  const auto dir = std::filesystem::temp_directory_path() /
                   ("cimgen_unit_pruning_" + std::to_string(getpid()) + "_" + std::to_string(n++));
  std::filesystem::create_directories(dir);
  std::ofstream(dir / "m.txt") << mask;
  return dir.string();
}

Spec pruned_spec(const std::string& mask, int N, int C, int k, const std::string& extra = "", int L = 2) {
  return Spec::from_json_text("{\"vector_length\":" + std::to_string(N) + ",\"channels\":" + std::to_string(C) +
                                  ",\"weight_bits\":2,\"input_bits\":2,\"uarray_columns\":" + std::to_string(L) +
                                  ",\"pruning\":{\"mask\":\"m.txt\","
                                  "\"group_size\":" + std::to_string(k) + extra + "}}",
                              mask_dir(mask));
}

std::string error_of(const std::string& mask, int N, int C) {
  try {
    pruned_spec(mask, N, C, 1);
  } catch (const InputError& e) {
    return e.what();
  }
  return "";
}

// c0 keeps {0,1}, c1 {2,3}, c2 {0}, c3 {2,7}.
const char* kMask4x8 =
    "1 1 0 0 0 0 0 0\n"
    "0 0 1 1 0 0 0 0\n"
    "1 0 0 0 0 0 0 0  # comment\n"
    "0 0 1 0 0 0 0 1\n";

} // namespace

TEST_CASE("mask reader: shape and token errors name file:line and the token") {
  CHECK(error_of("1 0\n0 1\n", 2, 3).find("2 mask lines, expected C = 3") != std::string::npos);
  CHECK(error_of("1 0\n0 1\n1 1\n", 2, 2).find("m.txt:3: mask has more than 2 lines") != std::string::npos);
  CHECK(error_of("1 0 1\n0 1\n", 2, 2).find("m.txt:1: 3 tokens, expected N = 2") != std::string::npos);
  CHECK(error_of("1 0\n0 2\n", 2, 2).find("m.txt:2: token '2': must be 0 (pruned) or 1 (kept)") != std::string::npos);
  CHECK(error_of("1 0\n\n# c\n0 x\n", 2, 2).find("m.txt:4: token 'x'") != std::string::npos);
  CHECK_THROWS_AS(Spec::from_json_text(R"({"vector_length":2,"channels":1,"weight_bits":2,"input_bits":2,
                                           "pruning":{"mask":"missing_mask.txt"}})", "/nonexistent"),
                  InputError);
  CHECK_THROWS_WITH_AS(pruned_spec("1 0\n0 1\n", 2, 2, 3), doctest::Contains("/pruning/group_size"), InputError);
  CHECK_THROWS_WITH_AS(pruned_spec("1 0\n0 1\n", 2, 2, 1, ",\"grouping\":\"best\""), doctest::Contains("/pruning/grouping"),
                       InputError);
  CHECK_THROWS_WITH_AS(pruned_spec("1 0\n0 1\n", 2, 2, 1, ",\"extra\":1"), doctest::Contains("/pruning/extra"), InputError);
}

TEST_CASE("the mask's content is part of the spec hash") {
  const Spec a = pruned_spec("1 0\n0 1\n", 2, 2, 1), b = pruned_spec("1 1\n0 1\n", 2, 2, 1);
  const Spec a2 = pruned_spec("1 0 # same\n0   1\n", 2, 2, 1);
  CHECK(a.hash != b.hash);
  CHECK(a.hash == a2.hash);
}

TEST_CASE("hand-worked grouping of a 4x8 mask") {
  const Mask mask = parse_mask(kMask4x8, "m", 4, 8);
  // in_order, k = 2: {0,1} over U = {0,1,2,3}, {2,3} over U = {0,2,7}: 4*2 + 3*2 = 14 stored.
  const auto io = map_groups(mask, 2, Grouping::InOrder);
  REQUIRE(io.size() == 2);
  CHECK(io[0].channels == std::vector<int>{0, 1});
  CHECK(io[0].columns == std::vector<int>{0, 1, 2, 3});
  CHECK(io[1].columns == std::vector<int>{0, 2, 7});
  CHECK(prune_stats(mask, io).stored == 14);
  CHECK(prune_stats(mask, io).ideal == 7);
  CHECK(prune_stats(mask, io).dense == 32);
  // greedy, k = 2: seed c0 (2 kept, lowest index); c2 adds no column -> {0,2} over {0,1};
  // seed c1; c3 adds column 7 -> {1,3} over {2,3,7}: 2*2 + 3*2 = 10 stored.
  const auto gr = map_groups(mask, 2, Grouping::Greedy);
  REQUIRE(gr.size() == 2);
  CHECK(gr[0].channels == std::vector<int>{0, 2});
  CHECK(gr[0].columns == std::vector<int>{0, 1});
  CHECK(gr[1].channels == std::vector<int>{1, 3});
  CHECK(gr[1].columns == std::vector<int>{2, 3, 7});
  CHECK(prune_stats(mask, gr).stored == 10);
  CHECK(prune_stats(mask, gr).input_wires == 5);
  // k = 1: stored == ideal; greedy places c2 next to c0 (shares input 0), c3 next to c1
  // (shares input 2): order c0 c2 c1 c3, 2 shared inputs; in_order shares none.
  const auto g1 = map_groups(mask, 1, Grouping::Greedy);
  std::vector<int> order;
  for (const auto& g : g1) order.push_back(g.channels[0]);
  CHECK(order == std::vector<int>{0, 2, 1, 3});
  CHECK(prune_stats(mask, g1).shared_inputs == 2);
  CHECK(prune_stats(mask, g1).stored == 7);
  CHECK(prune_stats(mask, map_groups(mask, 1, Grouping::InOrder)).shared_inputs == 0);
  // Deterministic, and never more than in_order on random masks.
  for (uint64_t seed = 1; seed <= 20; ++seed) {
    const Mask r = random_mask(16, 32, 0.3, 0, seed);
    CHECK(prune_stats(r, map_groups(r, 4, Grouping::Greedy)).stored <=
          prune_stats(r, map_groups(r, 4, Grouping::InOrder)).stored);
    CHECK(format_mask(r) == format_mask(random_mask(16, 32, 0.3, 0, seed)));
  }
}

TEST_CASE("hand-worked pruned outputs with kept -0 and +0") {
  // N = 4, C = 2, m = n = 2, L = 2, one group {0,1}: U = {0,1,3} -> uArrays [0,1], [3].
  const Spec s = pruned_spec("1 1 0 1\n0 1 0 1\n", 4, 2, 2);
  const Vec w0{{false, 0}, {true, 3}, {false, 3}, {true, 0}};  // +0, -3, (pruned 3), -0
  const Vec w1{{true, 1}, {false, 2}, {true, 2}, {false, 1}};  // (pruned), +2, (pruned), +1
  const Vec x{{true, 2}, {false, 1}, {false, 3}, {false, 2}};  // -2, +1, +3, +2
  // c0: i0 (+0 kept): -1*0 + 1*2 = 2; i1: 1*3 - 1*1 = 2; i3 (-0 kept): 1*0 - 1*2 = -2. y = 2.
  CHECK(golden::mf_direct_pruned(s, 0, w0, x) == 2);
  const golden::Terms t = golden::mf_terms_pruned(s, 0, w0, x);
  CHECK(t.A == 3);   // step(x) = (0,1,-,1): |w1| + |w3| = 3 + 0
  CHECK(t.B == 2);   // step(w) kept = (1,0,-,0): |x0| = 2
  CHECK(t.Sx == 5);  // kept row: 2 + 1 + 2
  CHECK(t.Sw == 3);
  CHECK(golden::evaluate_channel(s, 0, w0, x) == 2);
  // c1: i1: 1*2 + 1*1 = 3; i3: 1*1 + 1*2 = 3. Cell 0 of the group is pruned in c1 (stored 0).
  CHECK(golden::evaluate_channel(s, 1, w1, x) == 6);
  CHECK(golden::sum_abs_kept(s, 1, w1) == 3);
  // The dense value differs (the pruned entries would contribute).
  CHECK(golden::mf_direct(w0, x) != 2);
}

TEST_CASE("pruned decomposition equals the direct formula (near_memory, random masks)") {
  golden::Rng rng(13);
  for (int trial = 0; trial < 30; ++trial) {
    const int N = 1 + int(rng.below(20)), C = 1 + int(rng.below(6)), k = 1 + int(rng.below(uint64_t(C)));
    const Mask m = random_mask(C, N, 0.1 * double(rng.below(10)), trial % 2 ? 0 : 2, uint64_t(trial));
    const Spec s = pruned_spec(format_mask(m), N, C, k, trial % 3 ? "" : ",\"grouping\":\"in_order\"",
                               1 + int(rng.below(uint64_t(N))));
    const auto w = golden::random_weights(s, rng);
    for (const Vec& x : golden::random_inputs(s, rng, 8))
      for (int c = 0; c < C; ++c)
        REQUIRE(golden::evaluate_channel(s, c, w[c], x) == golden::mf_direct_pruned(s, c, w[c], x));
  }
}

TEST_CASE("an all-kept mask gives the dense outputs") {
  const Spec p = pruned_spec("1 1 1\n1 1 1\n", 3, 2, 2);
  golden::Rng rng(5);
  const auto w = golden::random_weights(p, rng);
  for (const Vec& x : golden::random_inputs(p, rng, 10))
    for (int c = 0; c < 2; ++c) CHECK(golden::evaluate_channel(p, c, w[c], x) == golden::mf_direct(w[c], x));
}

TEST_CASE("in_memory: converted counts are per uArray of the group column (hand-worked, lossy)") {
  // N = 6, L = 2, m = n = 1, a 1-bit ADC (c_hat = min(1, c)); mask 1 0 0 1 1 0: U = {0,3,4},
  // uArrays [0,3] and [4]. w = x = +1 everywhere: every count is its uArray's kept columns,
  // 2 -> 1 and 1 -> 1: A = B = Sx = 2, Sw = 3, y = 2*2 - 3 + 2*2 - 2 = 3 (the direct value is 6;
  // the dense segments [0,1] [2,3] [4,5] would give Sx = 3).
  const Spec s = Spec::from_json_text(
      R"({"datapath":"in_memory","vector_length":6,"channels":1,"weight_bits":1,"input_bits":1,"uarray_columns":2,
          "adc":{"bits":1},"pruning":{"mask":"m.txt"}})",
      mask_dir("1 0 0 1 1 0\n"));
  const Vec one(6, SignMag{false, 1});
  const golden::Terms t = golden::mf_terms_pruned(s, 0, one, one);
  CHECK(t.A == 2);
  CHECK(t.B == 2);
  CHECK(t.Sx == 2);
  CHECK(t.Sw == 3);
  CHECK(golden::evaluate_channel(s, 0, one, one) == 3);
  CHECK(golden::mf_direct_pruned(s, 0, one, one) == 6);
}

TEST_CASE("in_memory, lossless ADC: pruned decomposition equals the direct formula") {
  golden::Rng rng(17);
  for (int trial = 0; trial < 20; ++trial) {
    const int N = 1 + int(rng.below(16)), C = 1 + int(rng.below(5)), k = 1 + int(rng.below(uint64_t(C)));
    const int L = 1 + int(rng.below(uint64_t(N)));
    const Spec s = Spec::from_json_text(
        "{\"datapath\":\"in_memory\",\"vector_length\":" + std::to_string(N) + ",\"channels\":" + std::to_string(C) +
            ",\"weight_bits\":3,\"input_bits\":2,\"uarray_columns\":" + std::to_string(L) +
            ",\"pruning\":{\"mask\":\"m.txt\",\"group_size\":" + std::to_string(k) + "}}",
        mask_dir(format_mask(random_mask(C, N, 0.5, trial % 2, uint64_t(trial)))));
    REQUIRE(s.lossless);
    const auto w = golden::random_weights(s, rng);
    for (const Vec& x : golden::random_inputs(s, rng, 6))
      for (int c = 0; c < C; ++c)
        REQUIRE(golden::evaluate_channel(s, c, w[c], x) == golden::mf_direct_pruned(s, c, w[c], x));
  }
}
