// MC-Dropout (DESIGN.md section 11): spec, beat model, program reader, scheduler and cost flows.
#include <doctest/doctest.h>

#include <numeric>

#include "dropout.hpp"
#include "dropout_sched.hpp"
#include "stimulus.hpp"

using namespace cimgen;
using golden::BeatOp;
using golden::Mask;
using golden::Vec;

namespace {

Spec dspec(const std::string& extra, int N = 6, int C = 2) {
  return Spec::from_json_text("{\"vector_length\":" + std::to_string(N) + ",\"channels\":" + std::to_string(C) +
                              ",\"weight_bits\":2,\"input_bits\":2,\"uarray_columns\":4" + extra + "}");
}

Mask mask(const std::string& bits) {
  Mask m;
  for (char c : bits) m.push_back(c == '1');
  return m;
}

std::string error_of(const Spec& s, const std::string& text) {
  try {
    golden::parse_program(s, text, "p.txt");
  } catch (const InputError& e) {
    return e.what();
  }
  return "";
}

} // namespace

TEST_CASE("dropout spec: registers, widths, refused combinations") {
  const Spec s = dspec(",\"dropout\":{\"registers\":5}");
  CHECK(s.dropout_registers == 5);
  CHECK(s.R_W == 3);
  CHECK(dspec(",\"dropout\":{\"registers\":1}").R_W == 1);
  CHECK(s.canonical.find("\"dropout\":{\"registers\":5}") != std::string::npos);
  CHECK(dspec("").canonical.find("dropout") == std::string::npos);  // hashes of other specs unchanged
  CHECK_THROWS_WITH_AS(dspec(",\"dropout\":{\"registers\":17}"), "/dropout/registers: must be in 1..16, got 17", InputError);
  CHECK_THROWS_WITH_AS(dspec(",\"dropout\":{}"), "/dropout/registers: required (integer in 1..16)", InputError);
  CHECK_THROWS_WITH_AS(dspec(",\"dropout\":{\"registers\":2,\"x\":1}"), "/dropout/x: unknown key (allowed: registers)", InputError);
  CHECK_THROWS_AS(dspec(",\"operator\":\"conventional\",\"dropout\":{\"registers\":2}"), InputError);
  CHECK_THROWS_AS(dspec(",\"datapath\":\"htree\",\"htree\":{\"banks\":2},\"dropout\":{\"registers\":2}"), InputError);
  CHECK_THROWS_AS(dspec(",\"datapath\":\"in_memory\",\"adc\":{\"bits\":2},\"dropout\":{\"registers\":2}"), InputError);
  CHECK(dspec(",\"datapath\":\"in_memory\",\"dropout\":{\"registers\":2}").has_dropout());
}

TEST_CASE("dropout timing: the Sw of the active columns costs m row reads / one compute cycle and m conversions") {
  // near_memory, m = n = 2, no pipeline: 2m + n = 6 row reads, II = 7, latency 8 (m + n = 4 without).
  const Spec nm = dspec(",\"dropout\":{\"registers\":2}");
  CHECK(dspec("").steps == 4);
  CHECK(nm.steps == 6);
  CHECK(nm.row_reads == 6);
  CHECK(nm.initiation_interval == 7);
  CHECK(nm.latency == 8);
  // in_memory per_row, b = clog2(4+1) = 3: (1 + 3) * 2 compute-and-convert + 2 * (1 + 3) = 16 steps.
  const Spec im = dspec(",\"datapath\":\"in_memory\",\"dropout\":{\"registers\":2}");
  CHECK(im.compute_cycles == 2 + 2);
  CHECK(im.conversions == 2 * 2 + 2 * 2);
  CHECK(im.steps == 16);
  CHECK(im.initiation_interval == 17);
}

TEST_CASE("dropout beat model: hand-worked S over masked columns, ops 0/1/2, wrap") {
  // w = (+3, -1, -0, +2, -3, +1), x = (+2, -0, -3, +1, +3, -2), m = n = 2.
  // f(w,x) = sign(x)|w| + sign(w)|x| per column: 3+2=5, -1-0=-1, -0-3=-3, 2+1=3, 3-3=0, -1+2=1.
  const Spec s = dspec(",\"dropout\":{\"registers\":2}", 6, 1);
  const std::vector<Vec> w{{{false, 3}, {true, 1}, {true, 0}, {false, 2}, {true, 3}, {false, 1}}};
  const Vec x{{false, 2}, {true, 0}, {true, 3}, {false, 1}, {false, 3}, {true, 2}};
  CHECK(golden::masked_direct(w[0], x, mask("111111")) == 5);
  CHECK(golden::masked_direct(w[0], x, mask("101010")) == 5 - 3 + 0);
  CHECK(golden::masked_terms(s, w[0], x, mask("101010")).y() == 2);
  CHECK(golden::masked_terms(s, w[0], x, mask("000000")).y() == 0);
  golden::DropoutModel md(s);
  CHECK(md.step(w, x, {BeatOp::Set, 0, 0, mask("110000")})[0] == 4);
  CHECK(md.step(w, x, {BeatOp::Add, 0, 1, mask("000100")})[0] == 7);   // P1 = P0 + 3
  CHECK(md.step(w, x, {BeatOp::Sub, 1, 1, mask("001000")})[0] == 10);  // src = dst: P1 = 7 - (-3)
  CHECK(md.reg(0)[0] == 4);
  CHECK(md.reg(1)[0] == 10);
  CHECK(golden::wrap(int64_t{1} << (s.Y_W - 1), s.Y_W) == -(int64_t{1} << (s.Y_W - 1)));
  CHECK(golden::wrap(-1, s.Y_W) == -1);
}

TEST_CASE("dropout beat model equals the direct formula for random masks (both datapaths)") {
  for (const char* dp : {"", ",\"datapath\":\"in_memory\""}) {
    const Spec s = dspec(std::string(dp) + ",\"dropout\":{\"registers\":3}", 37, 3);
    golden::Rng rng(7);
    const auto w = golden::random_weights(s, rng);
    for (const Vec& x : golden::random_inputs(s, rng, 20)) {
      Mask m;
      for (int i = 0; i < s.N; ++i) m.push_back(rng.chance(50));
      for (int c = 0; c < s.C; ++c) CHECK(golden::masked_terms(s, w[c], x, m).y() == golden::masked_direct(w[c], x, m));
    }
  }
}

TEST_CASE("program reader: file:line errors") {
  const Spec s = dspec(",\"dropout\":{\"registers\":2}", 6, 2);
  const golden::Program p = golden::parse_program(s, "# c\n0 0 1 101010\nsample 0 1 101010 11\n2 1 1 000000 # x\n", "p");
  REQUIRE(p.beats.size() == 2);
  CHECK(p.beats[1].op == BeatOp::Sub);
  CHECK(p.samples.at(0).after == 1);
  CHECK(error_of(s, "0 0 0 101010\n3 0 0 101010\n") == "p.txt:2: op must be in 0..2, got '3'");
  CHECK(error_of(s, "1 2 0 101010\n") == "p.txt:1: src register must be in 0..1, got '2'");
  CHECK(error_of(s, "1 0 -1 101010\n") == "p.txt:1: dst register must be in 0..1, got '-1'");
  CHECK(error_of(s, "0 0 0 10101\n") == "p.txt:1: mask must have 6 characters 0/1, got 5");
  CHECK(error_of(s, "0 0 0 1010x0\n") == "p.txt:1: mask must contain only 0 and 1, got 'x'");
  CHECK(error_of(s, "0 0 0\n") == "p.txt:1: beat line must be 'OP SRC DST MASK', got 3 fields");
  CHECK(error_of(s, "0 0 0 101010\nsample 0 0 101010 1\n") == "p.txt:2: output mask must have 2 characters 0/1, got 1");
  CHECK(error_of(s, "# nothing\n") == "p.txt: no beat lines");
  CHECK(error_of(dspec(""), "0 0 0 101010\n").find("has no /dropout object") != std::string::npos);
}

TEST_CASE("hand-worked 3-sample, 6-column schedule: cost per flow") {
  // s0 = 111100, s1 = 111010, s2 = 111000, one channel kept. |a| = 4, 4, 3.
  // Columns that differ: d(s0,s1) = 2, d(s0,s2) = 1, d(s1,s2) = 1.
  const std::vector<dropout::Sample> ss{{mask("111100"), mask("1")}, {mask("111010"), mask("1")}, {mask("111000"), mask("1")}};
  const dropout::CostModel cm(ss, 1);
  const std::vector<int> drawn{0, 1, 2};
  CHECK(cm.order_cost(drawn, 1) == 4 + 2 + 1);  // drawn order: 7
  // Every order of a path: best is 6 (e.g. s2, s0, s1 = 3 + 1 + 2).
  const std::vector<int> path = dropout::order_path(cm, 1);
  CHECK(cm.order_cost(path, 1) == 6);
  // Window of 2: s2, s0, s1 = 3 + 1 + min(d(s2,s1) = 1, d(s0,s1) = 2) = 5.
  CHECK(cm.order_cost({2, 0, 1}, 2) == 5);
  CHECK(cm.order_cost(dropout::improve(cm, path, 2), 2) == 5);
  // MST from the empty start: root-s2 3, s2-s0 1, s2-s1 1.
  CHECK(cm.mst_bound(ss) == 5);
  // Dense 3*6 = 18, gated 4 + 4 + 3 = 11.
  int64_t gated = 0;
  for (int t = 0; t < 3; ++t) gated += cm.edge(dropout::CostModel::kStart, t);
  CHECK(gated == 11);
}

TEST_CASE("output dropout in the cost model: a re-activated channel is recomputed") {
  // s0 keeps channel 0 only, s1 keeps both; a = 1100, 1110: d = 1, |a1| = 3.
  const std::vector<dropout::Sample> ss{{mask("1100"), mask("10")}, {mask("1110"), mask("11")}};
  const dropout::CostModel cm(ss, 2);
  CHECK(cm.edge(0, 1) == 1 + 3);
  CHECK(cm.edge(1, 0) == 1);                       // channel 1 dropped in s0: free
  CHECK(cm.edge(dropout::CostModel::kStart, 1) == 6);
  CHECK(cm.mst_bound(ss) == (2 + 1) + 3);          // channel 0: root-s0 2, s0-s1 1; channel 1: root-s1 3
}

TEST_CASE("scheduler properties over random masks (seeds 1..12)") {
  for (uint64_t seed = 1; seed <= 12; ++seed) {
    const int N = seed % 2 ? 31 : 16, C = 3, T = 5 + int(seed * 3);
    for (double p_out : {0.0, 0.3}) {
      const auto sc = dropout::schedule(N, C, 4, T, seed % 3 ? 0.5 : 0.2, p_out, seed);
      const auto total = [&](const char* k) {
        for (const auto& f : sc.flows)
          if (f.key == k) return f.total;
        FAIL("no flow ", k);
        return int64_t{0};
      };
      INFO("seed " << seed << " p_out " << p_out);
      CHECK(total("dense") == int64_t(N) * C * T);
      CHECK(total("gated") <= total("dense"));
      CHECK(total("path") <= total("drawn"));    // the ordered path is never costlier than drawn order
      CHECK(total("window") <= total("path"));
      CHECK(total("mst") <= total("window"));
      const dropout::CostModel cm(sc.samples, C);
      CHECK(cm.order_cost(dropout::improve(cm, sc.path, 1), 1) == total("path"));  // window R = 1 == path
      if (p_out == 0) CHECK(sc.program_pairs == total("window"));
    }
  }
}

TEST_CASE("scheduler program: every sample equals its from-scratch result (golden)") {
  for (int R : {1, 2, 8}) {
    const Spec s = dspec(",\"dropout\":{\"registers\":" + std::to_string(R) + "}", 11, 3);
    const auto sc = dropout::schedule(s.N, s.C, R, 30, 0.5, 0.2, uint64_t(R));
    golden::Rng rng(3);
    const auto w = golden::random_weights(s, rng);
    for (const Vec& x : golden::random_inputs(s, rng, 4)) {
      const auto run = golden::run_program(s, w, x, sc.program);
      CHECK(run.failures.empty());
      CHECK(run.y.size() == sc.program.beats.size());
    }
    CHECK(sc.program.samples.size() == 30);
  }
}
