// DIMA datapath (DESIGN.md section 12): spec fields and refusals, hand-worked FR/BLP/CBLP levels,
// the signed ADC code with -0, rounding and saturation, the RDL and the program interpreter.
#include <doctest/doctest.h>

#include "dima.hpp"

using namespace cimgen;
using golden::SignMag;
using golden::Vec;
namespace gd = golden::dima;

namespace {
/// N = 4 columns, m = n = 2 (magnitudes up to 3), C channels, plus `extra` JSON members.
Spec dima_spec(const std::string& extra, int C = 1) {
  return Spec::from_json_text("{\"datapath\":\"dima\",\"vector_length\":4,\"channels\":" + std::to_string(C) +
                              ",\"weight_bits\":2,\"input_bits\":2" + extra + "}");
}
// w0 = (+3, -0, -2, +1), w1 = (-1, +2, +0, -3), x = (+2, -3, -0, +3).
const Vec kW0{{false, 3}, {true, 0}, {true, 2}, {false, 1}};
const Vec kW1{{true, 1}, {false, 2}, {false, 0}, {true, 3}};
const Vec kX{{false, 2}, {true, 3}, {true, 0}, {false, 3}};
} // namespace

TEST_CASE("dima spec: defaults and derived widths") {
  const Spec s = dima_spec("");
  CHECK(s.op == Operator::Conventional);
  CHECK(s.L == 4);
  CHECK(s.dima.lossless_bits == 7);  // clog2(4*3*3 + 1) + 1
  CHECK(s.adc_bits == 7);
  CHECK(s.lossless);
  CHECK(s.Y_W == 7);                 // the conventional operator's, clog2(37) + 1
  CHECK(s.dima.program_words == 1);
  CHECK(s.dima.v_max == 36);         // dot 36 > l1 4*(3+3) = 24
  CHECK(s.dima.cycles_per_task == 8);
  CHECK(s.latency == 10);            // 1 task of 1 + 7 cycles, then the output register
  CHECK(s.initiation_interval == 9);
  CHECK(s.array_cells == 3 * 4);
  // lossy: 4 bits, d = 1: y in [-8 << 1, 7 << 1] = [-16, 14]
  const Spec l = dima_spec(",\"adc\":{\"bits\":4,\"lsb_shift\":1}");
  CHECK_FALSE(l.lossless);
  CHECK(l.y_max == 16);
  CHECK(l.Y_W == 6);
}

TEST_CASE("dima spec: refusals name the path and the range") {
  const auto msg = [](const std::string& extra, int C = 1) {
    try {
      dima_spec(extra, C);
    } catch (const InputError& e) {
      return std::string(e.what());
    }
    return std::string("accepted");
  };
  CHECK(msg(",\"operator\":\"mf\"").rfind("/operator: must be \"conventional\" or absent", 0) == 0);
  CHECK(msg(",\"uarray_columns\":2").rfind("/uarray_columns: not used by datapath \"dima\"", 0) == 0);
  CHECK(msg(",\"adc\":{\"converters\":1}").rfind("/adc/converters: unknown key", 0) == 0);
  CHECK(msg(",\"adc\":{\"bits\":8}") == "/adc/bits: must be in 1..7, got 8");
  CHECK(msg(",\"adc\":{\"lsb_shift\":7}") == "/adc/lsb_shift: must be in 0..6, got 7");
  CHECK(msg(",\"dima\":{\"program_words\":2}", 3) == "/dima/program_words: must be in 3..256, got 2");
  CHECK(msg(",\"dima\":{\"words\":2}").rfind("/dima/words: unknown key", 0) == 0);
  CHECK(msg(",\"adder_tree\":{}").rfind("/adder_tree: only allowed when /datapath is \"near_memory\"", 0) == 0);
  CHECK_THROWS_WITH_AS(Spec::from_json_text("{\"vector_length\":4,\"channels\":1,\"weight_bits\":2,\"input_bits\":2,"
                                            "\"dima\":{\"program_words\":2}}"),
                       "/dima: only allowed when /datapath is \"dima\"", InputError);
}

TEST_CASE("dima levels by hand on 4 columns, -0 is 0") {
  // dot: 3*2 + 0*(-3) + (-2)*0 + 1*3 = 9; l1: 1 + 3 + 2 + 2 = 8; sum: 3 + 0 - 2 + 1 = 2
  CHECK(gd::level(DimaOp::Dot, kW0, kX) == 9);
  CHECK(gd::level(DimaOp::L1, kW0, kX) == 8);
  CHECK(gd::level(DimaOp::Sum, kW0, kX) == 2);
  // dot: -2 - 6 + 0 - 9 = -17; l1: 3 + 5 + 0 + 6 = 14; sum: -1 + 2 + 0 - 3 = -2
  CHECK(gd::level(DimaOp::Dot, kW1, kX) == -17);
  CHECK(gd::level(DimaOp::L1, kW1, kX) == 14);
  CHECK(gd::level(DimaOp::Sum, kW1, kX) == -2);
  // -0 and +0 weights give the same level
  const Vec plus0{{false, 3}, {false, 0}, {true, 2}, {false, 1}};
  CHECK(gd::level(DimaOp::Dot, plus0, kX) == 9);
}

TEST_CASE("dima ADC: lossless, floor and nearest, arithmetic shift of negatives, saturation") {
  const Spec exact = dima_spec("");
  CHECK(golden::evaluate(exact, kW0, kX) == 9);
  CHECK(golden::evaluate(exact, kW1, kX) == -17);
  const Spec fl = dima_spec(",\"adc\":{\"bits\":4,\"lsb_shift\":1,\"rounding\":\"floor\"}");
  const Spec nr = dima_spec(",\"adc\":{\"bits\":4,\"lsb_shift\":1,\"rounding\":\"nearest\"}");
  CHECK(gd::adc_code(fl, 9, 1) == 4);     // floor(9/2)
  CHECK(gd::adc_code(nr, 9, 1) == 5);     // floor(10/2)
  CHECK(gd::adc_code(fl, -9, 1) == -5);   // floor(-4.5), arithmetic shift
  CHECK(gd::adc_code(nr, -9, 1) == -4);   // floor(-8/2)
  CHECK(golden::evaluate(fl, kW0, kX) == 8);
  CHECK(golden::evaluate(nr, kW0, kX) == 10);
  CHECK(golden::evaluate(fl, kW1, kX) == -16);  // floor(-17/2) = -9 saturates at -8
  const Vec full{{false, 3}, {false, 3}, {false, 3}, {false, 3}};
  const Vec neg{{true, 3}, {true, 3}, {true, 3}, {true, 3}};
  CHECK(gd::adc_code(fl, 36, 1) == 7);    // 18 saturates at 2^3 - 1
  CHECK(golden::evaluate(fl, full, full) == 14);
  CHECK(golden::evaluate(fl, full, neg) == -16);  // -18 saturates at -2^3
  CHECK(golden::evaluate(nr, full, neg) == -16);
}

TEST_CASE("dima program: default, l1 with max and its index, acc and threshold") {
  const Spec s = dima_spec(",\"dima\":{\"program_words\":4}", 2);  // lossless, Y_W 7
  const std::vector<Vec> w{kW0, kW1};
  CHECK(gd::run(s, gd::default_program(s), w, kX) == std::vector<int64_t>{9, -17});
  // template matching: l1 distances 8 and 14; max keeps 14 and its index 1 (in slot dst + 1)
  const gd::Program match = gd::parse_program(s, "l1 0 rdl=max dst=0\nl1 1 rdl=max dst=0 # worst match\n", "m.txt");
  REQUIRE(match.size() == 2);
  CHECK_FALSE(match[0].last);
  CHECK(match[1].last);
  CHECK(gd::run(s, match, w, kX) == std::vector<int64_t>{14, 1});
  // acc: 9 + (-17) = -8 in slot 1; threshold: -17 >= -5 is false -> 0 in slot 0
  const gd::Program acc = gd::parse_program(s, "dot 0 rdl=acc dst=1\ndot 1 rdl=acc dst=1\ndot 1 rdl=threshold thr=-5 dst=0", "a");
  CHECK(gd::run(s, acc, w, kX) == std::vector<int64_t>{0, -8});
  CHECK(gd::executed_tasks(s, acc) == 3);
  CHECK(gd::program_latency(s, acc) == 3 * 8 + 2);
  // a task's own d: d = 2, floor: floor(-17/4) = -5 -> -20; sum: 2 >> 2 = 0
  const gd::Program shifted = gd::parse_program(s, "dot 1 d=2 dst=0\nsum 0 d=2 dst=1 last\n", "d");
  CHECK(gd::run(s, shifted, w, kX) == std::vector<int64_t>{-20, 0});
}

TEST_CASE("dima program: encoding and bad programs") {
  const Spec s = dima_spec("", 2);  // CH_W 1, D_W 3 (d_max 6), Y_W 7: I_W = 5 + 2 + 3 + 7 = 17
  CHECK(s.dima.I_W == 17);
  gd::Task t;
  t.op = DimaOp::L1;
  t.rdl = DimaRdl::Threshold;
  t.last = true;
  t.channel = 1;
  t.d = 5;
  t.dst = 0;
  t.thr = -2;
  const std::vector<bool> bits = gd::encode(s, t);
  uint64_t word = 0;
  for (size_t i = 0; i < bits.size(); ++i) word |= uint64_t(bits[i]) << i;
  // thr -2 = 1111110, dst 0, d 101, channel 1, last 1, rdl 11, op 01
  CHECK(word == 0b1111110'0'101'1'1'11'01);
  const auto msg = [&](const std::string& text) {
    try {
      gd::parse_program(s, text, "p.txt");
    } catch (const InputError& e) {
      return std::string(e.what());
    }
    return std::string("accepted");
  };
  CHECK(msg("dot 2") == "p.txt:1: channel must be an integer in 0..1, got '2'");
  CHECK(msg("dot 0\ndot 1 d=7") == "p.txt:2: d must be an integer in 0..6, got '7'");
  CHECK(msg("dot 0 thr=64") == "p.txt:1: thr must be an integer in -64..63, got '64'");
  CHECK(msg("mul 0") == "p.txt:1: op must be one of dot | l1 | sum, got 'mul'");
  CHECK(msg("dot 0 rdl=min") == "p.txt:1: rdl must be one of none | acc | max | threshold, got 'min'");
  CHECK(msg("dot 0 x=1").rfind("p.txt:1: unknown field 'x=1'", 0) == 0);
  CHECK(msg("dot 0\ndot 1\n# c\ndot 0\n") == "p.txt:4: program longer than the instruction memory (dima.program_words = 2)");
  CHECK(msg("# nothing\n") == "p.txt: empty program (at least one task)");
}

TEST_CASE("dima spec: the largest lossless code is within the limits") {
  const Spec s = Spec::from_json_text(
      R"({"datapath":"dima","vector_length":65536,"channels":1,"weight_bits":16,"input_bits":16})");
  CHECK(s.adc_bits == Limits::kMaxDimaAdcBits);
  CHECK(s.dima.d_max == Limits::kMaxDimaLsbShift);
  CHECK(s.Y_W == 49);
}
