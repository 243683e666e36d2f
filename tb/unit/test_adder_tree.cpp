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

TEST_CASE("pipeline stages add registers") {
  TreeStats st0, st2;
  adder_tree_module("t", TreeKind::Dadda, 16, 5, 0, &st0);
  adder_tree_module("t", TreeKind::Dadda, 16, 5, 2, &st2);
  CHECK(st0.registers == 0);
  CHECK(st2.registers > 0);
  CHECK(st0.full_adders == st2.full_adders);
}
