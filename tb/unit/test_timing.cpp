// Static-timing helpers: the OpenSTA report reader on a hand-made report, energy and throughput
// worked by hand, full/half-adder cells found from Liberty functions, and the adder tree built of
// them (one cell per adder of the manifest).
#include <doctest/doctest.h>

#include <string>

#include "blocks/adder_tree.hpp"
#include "liberty.hpp"
#include "timing.hpp"

using namespace cimgen;

namespace {

const char* kStaLog = R"(Startpoint: a (input port clocked by clk)
Endpoint: y (output port clocked by clk)
Path Group: clk
Path Type: max

    Delay      Time   Description
-------------------------------------------------------------
   0.0000    0.0000   clock clk (rise edge)
   0.0000    0.0000   clock network delay (ideal)
   0.0000    0.0000 v input external delay
   0.0000    0.0000 v a (in)
   0.0719    0.0719 ^ u1/Y (INVX1)
   0.0667    0.1386 v u2/Y (INVX1)
   0.0000    0.1386 v y (out)
             0.1386   data arrival time

  10.0000   10.0000   clock clk (rise edge)
             10.0000   data required time
-------------------------------------------------------------
             10.0000   data required time
             -0.1386   data arrival time
-------------------------------------------------------------
              9.8614   slack (MET)

Group                   Internal   Switching     Leakage       Total
--------------------------------------------------------------------
Total                1.000000e-03 5.000000e-04 1.000000e-09 1.500001e-03 100.0%
)";

const char* kStat = "   Number of cells:                  2\n   Chip area for module '\\chain': 32.000000\n";

} // namespace

TEST_CASE("timing: OpenSTA report read") {
  const StaFigures f = parse_sta(kStaLog, kStat);
  CHECK(f.startpoint == "a");
  CHECK(f.endpoint == "y");
  REQUIRE(f.stages.size() == 4);  // a (in), u1/Y, u2/Y, y (out)
  CHECK(f.stages[1].pin == "u1/Y");
  CHECK(f.stages[1].cell == "INVX1");
  CHECK(f.stages[1].edge == '^');
  CHECK(f.stages[2].delay == doctest::Approx(0.0667));
  CHECK(f.arrival_ns == doctest::Approx(0.1386));
  CHECK(f.slack_ns == doctest::Approx(9.8614));
  CHECK(f.power_total_w == doctest::Approx(1.500001e-3));
  CHECK(f.power_switching_w == doctest::Approx(5e-4));
  CHECK(f.area == doctest::Approx(32.0));
  CHECK(f.cells == 2);
  CHECK_THROWS(parse_sta("no path here", kStat));
}

TEST_CASE("timing: a hierarchical stat gives the totals of the design hierarchy") {
  // `stat -top` lists each module first (here a submodule of 3 cells, 30 um^2), then the totals.
  const std::string stat = "=== inv ===\n   Number of cells:                  3\n   Chip area for module '\\inv': 30.000000\n"
                           "=== chain ===\n   Number of cells:                  2\n   Chip area for module '\\chain': 8.000000\n"
                           "=== design hierarchy ===\n   chain 1\n     inv 2\n   Number of cells:                  8\n"
                           "   Chip area for top module '\\chain': 68.000000\n";
  const StaFigures f = parse_sta(kStaLog, stat);
  CHECK(f.cells == 8);
  CHECK(f.area == doctest::Approx(68.0));
}

TEST_CASE("timing: energy and throughput worked by hand") {
  TimingReport t;
  t.opt.clock_ns = 10;
  t.macro.power_total_w = 0.01;  // 10 mW
  t.macro.critical_ns = 4;
  t.initiation_interval = 9;     // 90 ns per vector
  t.ops_per_vector = 512;
  t.array_um2 = 1000;
  const Throughput x = throughput(t, 9000);
  CHECK(x.fmax_mhz == doctest::Approx(250));
  CHECK(x.energy_per_vector_pj == doctest::Approx(900));            // 10 mW x 90 ns
  CHECK(x.vectors_per_s == doctest::Approx(1e9 / 90));
  CHECK(x.tops_per_w == doctest::Approx(512 / 900e-12 / 1e12));     // 0.5689
  CHECK(x.tops_per_mm2 == doctest::Approx(512 * 1e9 / 90 / 1e12 / 0.01));  // 10000 um^2 = 0.01 mm^2
  CHECK(x.edp_pj_ns == doctest::Approx(900 * 90));
}

TEST_CASE("timing: adder cells found from functions, tree built of them") {
  const Liberty lib = Liberty::parse(R"LIB(library (t) {
    cell (FA_BIG) { area : 9; pin(X) { direction : input; } pin(Y) { direction : input; } pin(Z) { direction : input; }
      pin(S) { direction : output; function : "X^Y^Z"; } pin(CO) { direction : output; function : "X Y + Y Z + X Z"; } }
    cell (FA_SMALL) { area : 5; pin(X) { direction : input; } pin(Y) { direction : input; } pin(Z) { direction : input; }
      pin(CO) { direction : output; function : "(X&Y)|(Z&(X^Y))"; } pin(S) { direction : output; function : "(X^Y)^Z"; } }
    cell (FA_DONT) { area : 1; dont_use : true; pin(X) { direction : input; } pin(Y) { direction : input; } pin(Z) { direction : input; }
      pin(S) { direction : output; function : "X^Y^Z"; } pin(CO) { direction : output; function : "X Y + Y Z + X Z"; } }
    cell (HA) { area : 3; pin(P) { direction : input; } pin(Q) { direction : input; }
      pin(C) { direction : output; function : "P Q"; } pin(S) { direction : output; function : "P^Q"; } }
    cell (INV) { area : 1; pin(A) { direction : input; } pin(Y) { direction : output; function : "!A"; } }
    cell (PAD) { area : 0.5; pin(A) { direction : input; } pin(YPAD) { direction : inout; function : "A"; }
      pin(Y) { direction : output; function : "YPAD"; } }
  })LIB", "t.lib");  // PAD (as in osu035/050): a function of an inout pin, skipped, not an error
  const auto fa = lib.adder(3), ha = lib.adder(2);
  REQUIRE(fa);
  REQUIRE(ha);
  CHECK(fa->cell == "FA_SMALL");
  CHECK(fa->sum == "S");
  CHECK(fa->carry == "CO");
  CHECK(ha->cell == "HA");
  CHECK(ha->carry == "C");
  CHECK(smallest_inverter(lib) == "INV");
  CHECK_FALSE(lib.has_timing());

  const AdderCells cells{"FA_SMALL", "HA", {"X", "Y", "Z", "S", "CO"}, {"P", "Q", "S", "C"}};
  TreeStats st, st_cells;
  const std::string plain = adder_tree_module("u", TreeKind::Dadda, 32, 6, 0, &st);
  const std::string text = adder_tree_module("u", TreeKind::Dadda, 32, 6, 0, &st_cells, &cells);
  auto count = [](const std::string& s, const std::string& what) {
    int n = 0;
    for (size_t p = 0; (p = s.find(what, p)) != std::string::npos; p += what.size()) ++n;
    return n;
  };
  CHECK(st_cells.full_adders == st.full_adders);
  CHECK(count(text, "  FA_SMALL u_") == st.full_adders);
  CHECK(count(text, "  HA u_") == st.half_adders);
  CHECK(count(plain, " ^ ") > 0);
  CHECK(count(text, " ^ ") == 0);  // every adder is a cell: no xor left in assigns
}
