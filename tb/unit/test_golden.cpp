// Golden model: hand-worked examples, ADC codes, decomposition == direct formula when lossless.
#include <doctest/doctest.h>

#include "golden.hpp"
#include "stimulus.hpp"

using namespace cimgen;
using golden::SignMag;
using golden::Vec;

namespace {
Spec spec(const std::string& extra, int N, int m, int n, int L) {
  return Spec::from_json_text("{\"vector_length\":" + std::to_string(N) + ",\"channels\":1,\"weight_bits\":" +
                              std::to_string(m) + ",\"input_bits\":" + std::to_string(n) +
                              ",\"uarray_columns\":" + std::to_string(L) + extra + "}");
}
} // namespace

TEST_CASE("hand-worked MF example with -0") {
  // w = (+3, -1, -0), x = (+2, -0, -3); m = n = 2.
  // sign(x)|w| + sign(w)|x|: (+3 + 2) + (-1 - 0) + (-0*... ) -> i0: 1*3 + 1*2 = 5; i1: -1*1 + -1*0 = -1;
  // i2: -1*0 + -1*3 = -3. y = 1.
  const Vec w{{false, 3}, {true, 1}, {true, 0}};
  const Vec x{{false, 2}, {true, 0}, {true, 3}};
  CHECK(golden::mf_direct(w, x) == 1);
  const Spec s = spec("", 3, 2, 2, 2);
  const golden::Terms t = golden::mf_terms(s, w, x);
  CHECK(t.A == 3);   // step(x) = (1,0,0): |w0| = 3
  CHECK(t.B == 2);   // step(w) = (1,0,0): |x0| = 2
  CHECK(t.Sx == 5);  // 2 + 0 + 3
  CHECK(t.Sw == 4);  // 3 + 1 + 0
  CHECK(t.y() == 2 * 3 - 4 + 2 * 2 - 5);
  CHECK(t.y() == 1);
  // +0 instead of -0 changes the result: x1 = +0 now has sign +1 -> i1 = +1*1 + -1*0 = 1.
  const Vec x2{{false, 2}, {false, 0}, {true, 3}};
  CHECK(golden::mf_direct(w, x2) == 3);
  CHECK(golden::evaluate(s, w, x2) == 3);
}

TEST_CASE("hand-worked conventional example") {
  const Vec w{{false, 3}, {true, 1}, {true, 0}};
  const Vec x{{false, 2}, {true, 2}, {true, 3}};
  CHECK(golden::conv_direct(w, x) == 6 + 2 + 0);
  const Spec s = Spec::from_json_text(
      R"({"operator":"conventional","vector_length":3,"channels":1,"weight_bits":2,"input_bits":2,"uarray_columns":2})");
  CHECK(golden::evaluate(s, w, x) == 8);
}

TEST_CASE("ADC codes: floor, nearest, saturation, shift") {
  const Spec lossless = spec(R"(,"datapath":"in_memory")", 8, 1, 1, 8);
  for (int c = 0; c <= 8; ++c) CHECK(golden::convert(lossless, c) == c);
  const Spec sat = spec(R"(,"datapath":"in_memory","adc":{"bits":3})", 8, 1, 1, 8);
  CHECK(golden::convert(sat, 7) == 7);
  CHECK(golden::convert(sat, 8) == 7);  // the paper's b = clog2(L): only all-ones saturates
  const Spec floor2 = spec(R"(,"datapath":"in_memory","adc":{"bits":2,"lsb_shift":2})", 16, 1, 1, 16);
  CHECK(golden::convert(floor2, 3) == 0);
  CHECK(golden::convert(floor2, 4) == 4);
  CHECK(golden::convert(floor2, 7) == 4);
  CHECK(golden::convert(floor2, 12) == 12);
  CHECK(golden::convert(floor2, 16) == 12);  // code saturates at 3
  const Spec near2 = spec(R"(,"datapath":"in_memory","adc":{"bits":3,"lsb_shift":2,"rounding":"nearest"})", 16, 1, 1, 16);
  CHECK(golden::convert(near2, 1) == 0);
  CHECK(golden::convert(near2, 2) == 4);   // (2+2)>>2 = 1
  CHECK(golden::convert(near2, 5) == 4);
  CHECK(golden::convert(near2, 6) == 8);
  CHECK(golden::convert(near2, 16) == 16);  // code 4 fits in 3 bits
}

TEST_CASE("lossy in_memory example worked by hand") {
  // L = 2, S = 2 (N = 4), b = 1: each segment count saturates at 1.
  const Spec s = spec(R"(,"datapath":"in_memory","adc":{"bits":1})", 4, 1, 1, 2);
  const Vec w{{false, 1}, {false, 1}, {false, 1}, {false, 1}};
  const Vec x{{false, 1}, {false, 1}, {false, 1}, {false, 1}};
  const golden::Terms t = golden::mf_terms(s, w, x);
  CHECK(t.A == 2);   // two segments, each count 2 -> 1
  CHECK(t.B == 2);
  CHECK(t.Sx == 2);
  CHECK(t.Sw == 4);  // exact
  CHECK(t.y() == 4 - 4 + 4 - 2);
}

TEST_CASE("decomposition equals the direct formula whenever conversion is lossless") {
  golden::Rng rng(20261124);
  // What the 3000 random specs exercised (the agreement below proves nothing if they were all
  // near_memory, single-segment, or all-zero results).
  int in_memory = 0, short_segment = 0, negative = 0, positive = 0;
  for (int trial = 0; trial < 3000; ++trial) {
    const int N = 1 + int(rng.below(70));
    const int L = 1 + int(rng.below(uint64_t(N)));
    const int m = 1 + int(rng.below(8)), n = 1 + int(rng.below(8));
    const bool in_mem = rng.chance(50);
    const Spec s = spec(in_mem ? R"(,"datapath":"in_memory")" : "", N, m, n, L);
    REQUIRE(s.lossless);
    const auto w = golden::random_weights(s, rng)[0];
    const auto x = golden::random_inputs(s, rng, 6 + int(rng.below(3))).back();
    const int64_t y = golden::evaluate(s, w, x);
    REQUIRE(y == golden::mf_direct(w, x));
    REQUIRE(std::llabs(y) <= s.y_max);
    const Spec c = Spec::from_json_text("{\"operator\":\"conventional\",\"vector_length\":" + std::to_string(N) +
                                        ",\"channels\":1,\"weight_bits\":" + std::to_string(m) +
                                        ",\"input_bits\":" + std::to_string(n) + ",\"uarray_columns\":" +
                                        std::to_string(L) + "}");
    REQUIRE(golden::evaluate(c, w, x) == golden::conv_direct(w, x));
    in_memory += in_mem;
    short_segment += N % L != 0;
    negative += y < 0;
    positive += y > 0;
  }
  CHECK(in_memory >= 1000);
  CHECK(short_segment >= 500);
  CHECK(negative >= 500);
  CHECK(positive >= 500);
}

TEST_CASE("full-scale corners stay within Y_W for the largest widths") {
  const Spec s = spec("", 65536, 16, 16, 64);
  const Vec w(65536, SignMag{false, 65535});
  const Vec x(65536, SignMag{true, 65535});
  // sign(x) = -1, sign(w) = +1: y = N*(-65535 + 65535) = 0; with both positive: N*2*65535.
  CHECK(golden::evaluate(s, w, x) == 0);
  const Vec xp(65536, SignMag{false, 65535});
  CHECK(golden::evaluate(s, w, xp) == int64_t(65536) * 2 * 65535);
  CHECK(int64_t(65536) * 2 * 65535 < (int64_t{1} << (s.Y_W - 1)));
}

TEST_CASE("the lossy regression specs really lose information on their random data") {
  for (const char* name : {"r16_im_shared_sat", "r17_im_nearest", "r18_im_floor_shared", "r20_im_n256_c8"}) {
    const Spec s = Spec::from_file(std::string(CIMGEN_SOURCE_DIR) + "/tb/specs/" + name + ".json");
    REQUIRE_FALSE(s.lossless);
    golden::Rng rng(1);
    const auto w = golden::random_weights(s, rng);
    const auto x = golden::random_inputs(s, rng, 200);
    int differ = 0;
    for (const auto& v : x)
      for (int c = 0; c < s.C; ++c) differ += golden::evaluate(s, w[c], v) != golden::mf_direct(w[c], v);
    CAPTURE(name);
    CHECK(differ > 0);
  }
}
