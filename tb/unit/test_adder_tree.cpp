// Adder trees: the generated FA/HA netlist, emulated gate by gate, counts exactly; cell counts
// respect the N - clog2(N+1) full-adder lower bound of a column compressor.
#include <doctest/doctest.h>

#include "blocks/adder_tree.hpp"
#include "stimulus.hpp"

using namespace cimgen;

TEST_CASE("structural trees count exactly") {
  golden::Rng rng(7);
  for (TreeKind kind : {TreeKind::Ripple, TreeKind::Wallace, TreeKind::Dadda}) {
    for (int width : {1, 2, 3, 4, 5, 7, 8, 9, 16, 31, 32, 33, 63, 64}) {
      const int out_w = clog2(uint64_t(width) + 1);
      const uint64_t mask = width == 64 ? ~uint64_t(0) : ((uint64_t{1} << width) - 1);
      std::vector<uint64_t> pats = {0, mask};
      for (int i = 0; i < 200; ++i) pats.push_back(rng.next() & mask);
      for (uint64_t p : pats)
        REQUIRE_MESSAGE(emulate_adder_tree(kind, width, out_w, p) == __builtin_popcountll(p),
                        to_string(kind) << " width " << width << " pattern " << p);
    }
  }
}

TEST_CASE("full-adder counts against the lower bound") {
  for (TreeKind kind : {TreeKind::Wallace, TreeKind::Dadda, TreeKind::Ripple}) {
    for (int width : {8, 32, 64}) {
      TreeStats st;
      adder_tree_module("t", kind, width, clog2(uint64_t(width) + 1), 0, &st);
      const int bound = width - clog2(uint64_t(width) + 1);
      // Each FA removes one bit, each HA none: any N-input counter needs >= N - clog2(N+1) FAs.
      CHECK(st.full_adders >= bound);
      CHECK(st.full_adders <= 2 * width);
    }
  }
}

TEST_CASE("pipelined trees, emulated gate by gate and cycle by cycle, count with latency = stages") {
  // Every kind, every pipeline depth: the count of the inputs of cycle t appears in cycle t+P
  // (all output bits aligned, whatever level a register stage sits after).
  golden::Rng rng(11);
  for (const auto& e : EnumTable<TreeKind>::entries) {
    for (int width : {1, 2, 3, 5, 8, 13, 32, 64}) {
      for (int pipe = 0; pipe <= 4; ++pipe) {
        const int out_w = clog2(uint64_t(width) + 1);
        const uint64_t mask = width == 64 ? ~uint64_t(0) : ((uint64_t{1} << width) - 1);
        auto tree = adder_tree_model(e.value, width, out_w, pipe);
        std::vector<uint64_t> history;
        for (int t = 0; t < 60; ++t) {
          const uint64_t bits = t % 7 == 0 ? mask : rng.next() & mask;
          const int got = tree(bits);
          history.push_back(bits);
          if (t >= pipe)
            REQUIRE_MESSAGE(got == __builtin_popcountll(history[t - pipe]),
                            e.name << " width " << width << " pipeline " << pipe << " cycle " << t);
        }
      }
    }
  }
}

TEST_CASE("pipeline stages add registers, not adders") {
  for (TreeKind kind : {TreeKind::Ripple, TreeKind::Wallace, TreeKind::Dadda}) {
    TreeStats st0, st2;
    adder_tree_module("t", kind, 16, 5, 0, &st0);
    adder_tree_module("t", kind, 16, 5, 2, &st2);
    CHECK(st0.registers == 0);
    CHECK(st2.registers >= 2 * 5);  // at least the output bits, twice
    CHECK(st0.full_adders == st2.full_adders);
    CHECK(st0.half_adders == st2.half_adders);
  }
  // Behavioral: the registers sit at the output.
  TreeStats b3;
  adder_tree_module("t", TreeKind::Behavioral, 16, 5, 3, &b3);
  CHECK(b3.registers == 15);
}
