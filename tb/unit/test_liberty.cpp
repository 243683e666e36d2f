// Liberty reader: boolean functions evaluated by hand-worked truth tables, cells, areas,
// flip-flops, dont_use, the gate-equivalent NAND2, and errors that name file and line.
#include <doctest/doctest.h>

#include "liberty.hpp"
#include "spec.hpp"

using namespace cimgen;

TEST_CASE("liberty functions: hand-worked truth tables") {
  // Index k has input j at bit j: for {A, B}, k = A + 2B; NAND is 1 at k = 0, 1, 2.
  const std::vector<std::string> ab = {"A", "B"};
  CHECK(truth_table("!(A&B)", ab) == 0x7);
  CHECK(truth_table("(A B)'", ab) == 0x7);   // juxtaposition is AND, postfix ' is NOT
  CHECK(truth_table("!A + !B", ab) == 0x7);
  CHECK(truth_table("A*B", ab) == 0x8);
  CHECK(truth_table("A|B", ab) == 0xE);
  CHECK(truth_table("A^B", ab) == 0x6);
  CHECK(truth_table("!(A^B)", ab) == 0x9);
  CHECK(truth_table("1", ab) == 0xF);
  CHECK(truth_table("0", ab) == 0x0);
  // 2:1 mux over {A, B, S}, k = A + 2B + 4S: S=0 -> A (k = 1, 3), S=1 -> B (k = 6, 7).
  CHECK(truth_table("(A&!S)|(B&S)", {"A", "B", "S"}) == 0xCA);
  // AOI21 !((A&B)|C) over {A, B, C}: 0 where C=1 (k >= 4) or A=B=1 (k = 3): 1 at k = 0, 1, 2.
  CHECK(truth_table("!((A&B)|C)", {"A", "B", "C"}) == 0x07);
  CHECK_THROWS_AS(truth_table("A & C", ab), InputError);
  CHECK_THROWS_AS(truth_table("(A & B", ab), InputError);
  CHECK_THROWS_AS(truth_table("A & & B", ab), InputError);
}

TEST_CASE("liberty cells, flip-flops, dont_use and the NAND2") {
  const std::string text = R"LIB(/* a comment */
library (tiny) {
  time_unit : "1ns" ;
  capacitive_load_unit (1, pf);
  cell (ND2) { area : 2.5 ; pin (a) { direction : input ; } pin (b) { direction : input ; }
    pin (z) { direction : output ; function : "!(a b)" ; } }
  cell (ND2_BIG) { area : 5.0 ; pin (a) { direction : input ; } pin (b) { direction : input ; }
    pin (z) { direction : output ; function : "(a*b)'" ; } }
  cell (ND2_SMALL_BAD) { area : 1.0 ; dont_use : true ;
    pin (a) { direction : input ; } pin (b) { direction : input ; }
    pin (z) { direction : output ; function : "!(a&b)" ; } }
  cell (NR2) { area : 2.5 ; pin (a) { direction : input ; } pin (b) { direction : input ; }
    pin (z) { direction : output ; function : "!(a|b)" ; } }
  cell (DF) { area : 12.0
    ff (IQ, IQN) { clocked_on : "ck" ; next_state : "d" ; }
    pin (ck) { direction : input ; clock : true ; } pin (d) { direction : input ; }
    pin (q) { direction : output ; function : "IQ" ; } }
}
)LIB";
  const Liberty lib = Liberty::parse(text, "tiny.lib");
  CHECK(lib.name == "tiny");
  REQUIRE(lib.cells.size() == 5);
  CHECK(lib.cells.at("ND2").area == doctest::Approx(2.5));
  CHECK(lib.cells.at("DF").area == doctest::Approx(12.0));  // value without ';' at the end of its line
  CHECK(lib.cells.at("DF").sequential);
  CHECK_FALSE(lib.cells.at("ND2").sequential);
  CHECK(lib.cells.at("ND2_SMALL_BAD").dont_use);
  CHECK(lib.cells.at("ND2").inputs == std::vector<std::string>{"a", "b"});
  CHECK(lib.cells.at("ND2").outputs.at("z") == "!(a b)");
  // Smallest usable NAND: not the dont_use one, not the bigger one, not the NOR of equal area.
  CHECK(lib.nand2() == "ND2");
}

TEST_CASE("liberty errors name the file and line") {
  try {
    Liberty::parse("library (x) {\n  cell (A) {\n    area : 1;\n", "broken.lib");
    FAIL("no error");
  } catch (const InputError& e) {
    CHECK(std::string(e.what()).find("broken.lib:4:") == 0);
  }
  CHECK_THROWS_AS(Liberty::parse("library (x) { }", "empty.lib"), InputError);
  CHECK_THROWS_AS(Liberty::parse("cell (A) { }", "nolib.lib"), InputError);
  CHECK_THROWS_AS(Liberty::from_file("/nonexistent/cells.lib"), InputError);
}

TEST_CASE("the generic library: NAND2 is one gate equivalent, every gate evaluates") {
  const Liberty lib = Liberty::parse(generic_liberty_text(), "cimgen_generic.lib");
  CHECK(lib.name == "cimgen_generic");
  CHECK(lib.nand2() == "NAND2");
  CHECK(lib.cells.at("NAND2").area == 1.0);
  int ffs = 0;
  for (const auto& [name, c] : lib.cells) {
    CHECK_MESSAGE(c.area > 0, name);
    if (c.sequential) {
      ++ffs;
      continue;
    }
    REQUIRE_MESSAGE(c.outputs.size() == 1, name);
    CHECK_NOTHROW(truth_table(c.outputs.begin()->second, c.inputs));
  }
  CHECK(ffs == 3);  // DFF, DFFR (async clear), DFFS (async preset)
  CHECK(truth_table(lib.cells.at("MUX2").outputs.at("Y"), lib.cells.at("MUX2").inputs) == 0xCA);
}

TEST_CASE("hostile Liberty texts: bounded nesting, one-line errors") {
  std::string deep = "library (x) {";
  for (int i = 0; i < 100000; ++i) deep += " g () {";
  try {
    Liberty::parse(deep, "deep.lib");
    FAIL("no error");
  } catch (const InputError& e) {
    CHECK(std::string(e.what()) == "deep.lib:1: groups nested deeper than 64 levels");
  }
  CHECK_THROWS_AS(truth_table(std::string(100000, '(') + "A" + std::string(100000, ')'), {"A"}), InputError);
  CHECK(truth_table(std::string(100001, '!') + "A", {"A"}) == 0x1);  // a run of '!' is a loop
  CHECK_THROWS_AS(Liberty::from_file("/dev/zero"), InputError);
  CHECK_THROWS_AS(Liberty::from_file("/tmp"), InputError);
}
