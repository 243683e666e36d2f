// Hierarchical netlist: instance counts, leaf cells and the longest path module by module, on
// small hand-written Yosys JSON netlists with hand-counted answers (tb/synth_all.sh checks the
// same computation against Yosys `ltp -noff` on flattened designs).
#include <doctest/doctest.h>

#include <stdexcept>

#include "area_report.hpp"
#include "netlist.hpp"
#include "spec.hpp"

using namespace cimgen;

namespace {

bool is_ff(const std::string& t) { return t == "DFF"; }

/// leaf: y = !(!(a0 & a1)) through NAND2 + INV (2 levels from either input).
/// top:  u1 = leaf(x0, x1) -> FF -> u2 = leaf(q, 1'b1) -> INV -> z; plus a constant-fed chain.
const char* kDesign = R"({
  "modules": {
    "leaf": {
      "ports": { "a": {"direction": "input", "bits": [2, 3]}, "y": {"direction": "output", "bits": [5]} },
      "cells": {
        "g1": {"type": "NAND2", "port_directions": {"A": "input", "B": "input", "Y": "output"},
               "connections": {"A": [2], "B": [3], "Y": [4]}},
        "g2": {"type": "INV", "port_directions": {"A": "input", "Y": "output"}, "connections": {"A": [4], "Y": [5]}}
      }
    },
    "top": {
      "ports": { "x": {"direction": "input", "bits": [2, 3]}, "clk": {"direction": "input", "bits": [4]},
                 "z": {"direction": "output", "bits": [8]}, "w": {"direction": "output", "bits": [10]} },
      "cells": {
        "u1": {"type": "leaf", "connections": {"a": [2, 3], "y": [5]}},
        "ff": {"type": "DFF", "port_directions": {"CK": "input", "D": "input", "Q": "output"},
               "connections": {"CK": [4], "D": [5], "Q": [6]}},
        "u2": {"type": "leaf", "connections": {"a": [6, "1"], "y": [7]}},
        "g3": {"type": "INV", "port_directions": {"A": "input", "Y": "output"}, "connections": {"A": [7], "Y": [8]}},
        "k1": {"type": "INV", "port_directions": {"A": "input", "Y": "output"}, "connections": {"A": ["0"], "Y": [9]}},
        "k2": {"type": "INV", "port_directions": {"A": "input", "Y": "output"}, "connections": {"A": [9], "Y": [10]}}
      }
    },
    "INV": { "attributes": {"blackbox": "1"},
             "ports": { "A": {"direction": "input", "bits": [2]}, "Y": {"direction": "output", "bits": [3]} } }
  }
})";

} // namespace

TEST_CASE("netlist: instance counts and leaf cells") {
  Netlist n;
  n.add_json(kDesign, "design.json");
  const auto k = n.instance_counts("top");
  CHECK(k.at("top") == 1);
  CHECK(k.at("leaf") == 2);
  CHECK(k.count("INV") == 0);  // a library cell (black box), not a module with contents
  const auto cells = n.leaf_cells("top");
  CHECK(cells.at("INV") == 3);
  CHECK(cells.at("DFF") == 1);
  CHECK(cells.count("leaf") == 0);
  CHECK(n.leaf_cells("leaf").at("NAND2") == 1);
}

TEST_CASE("netlist: hierarchical longest path, counted by hand") {
  Netlist n;
  n.add_json(kDesign, "design.json");
  const ModuleTiming leaf = n.timing("leaf", is_ff);
  REQUIRE(leaf.out_arcs.size() == 1);
  CHECK(leaf.out_arcs[0] == ModuleTiming::Arcs{{0, 2}, {1, 2}});  // both inputs: NAND2, INV
  CHECK(leaf.out_start[0] == ModuleTiming::kNone);                // nothing inside starts a path
  CHECK(leaf.reach == std::vector<int>{2, 2});
  CHECK(n.longest_path("leaf", is_ff) == 2);
  // x -> u1 (2) ends at the FF; FF q -> u2 (2) -> g3 (1) = 3; the constant into u2 starts
  // nothing longer; k1 (fed by a constant only) is level 0 as in `ltp`, k2 level 1.
  CHECK(n.longest_path("top", is_ff) == 3);
  const ModuleTiming top = n.timing("top", is_ff);
  CHECK(top.out_start == std::vector<int>{3, 1});  // outputs in port order: z, w
  // With the flip-flop counted as a gate (like `ltp` without -noff), x reaches z through
  // u1 (2), the flip-flop (1), u2 (2) and g3 (1).
  CHECK(n.longest_path("top", [](const std::string&) { return false; }) == 6);
}

TEST_CASE("netlist: combinational loops and bad input are errors") {
  const char* loop = R"({"modules": {"m": {"ports": {},
    "cells": {"a": {"type": "INV", "port_directions": {"A": "input", "Y": "output"}, "connections": {"A": [3], "Y": [2]}},
              "b": {"type": "INV", "port_directions": {"A": "input", "Y": "output"}, "connections": {"A": [2], "Y": [3]}}}}}})";
  Netlist n;
  n.add_json(loop, "loop.json");
  CHECK_THROWS_AS(n.longest_path("m", is_ff), std::runtime_error);
  Netlist bad;
  CHECK_THROWS_AS(bad.add_json("{\"modules\": ", "bad.json"), std::exception);
  CHECK_THROWS_AS(n.longest_path("nope", is_ff), std::runtime_error);
}

TEST_CASE("yosys flip-flop types") {
  for (const char* t : {"$_DFF_P_", "$_DFFE_PP_", "$_SDFFE_PP0P_", "$_DFF_PN0_", "$_DLATCH_P_", "$dff", "$adffe"})
    CHECK_MESSAGE(is_yosys_sequential(t), t);
  for (const char* t : {"$_AND_", "$_MUX_", "$_NOT_", "$add", "NAND2"}) CHECK_MESSAGE(!is_yosys_sequential(t), t);
}

TEST_CASE("elaborated module names: readable and base names") {
  const std::string shift = "$paramod\\x_shift_acc\\W=s32'00000000000000000000000000001010";
  CHECK(pretty_module_name(shift) == "x_shift_acc (W=10)");
  CHECK(base_module_name(shift) == "x_shift_acc");
  CHECK(pretty_module_name("$paramod$3f2a\\x_seg_sum") == "x_seg_sum (parameterized)");
  CHECK(base_module_name("$paramod$3f2a\\x_seg_sum") == "x_seg_sum");
  CHECK(pretty_module_name("x_top") == "x_top");
  CHECK(base_module_name("x_top") == "x_top");
}

namespace {

/// x_top: a parameterized x_leaf (NAND2, INV) into a DFF, an INV after it, and the bit-cell
/// array as a black box.
const char* kMacro = R"({
  "modules": {
    "$paramod$abc\\x_leaf": {
      "ports": { "a": {"direction": "input", "bits": [2, 3]}, "y": {"direction": "output", "bits": [5]} },
      "cells": {
        "g1": {"type": "NAND2", "port_directions": {"A": "input", "B": "input", "Y": "output"},
               "connections": {"A": [2], "B": [3], "Y": [4]}},
        "g2": {"type": "INV", "port_directions": {"A": "input", "Y": "output"}, "connections": {"A": [4], "Y": [5]}}
      }
    },
    "x_top": {
      "ports": { "x": {"direction": "input", "bits": [2, 3]}, "clk": {"direction": "input", "bits": [4]},
                 "z": {"direction": "output", "bits": [7]} },
      "cells": {
        "u1": {"type": "$paramod$abc\\x_leaf", "connections": {"a": [2, 3], "y": [5]}},
        "ff": {"type": "DFF", "port_directions": {"CK": "input", "D": "input", "Q": "output"},
               "connections": {"CK": [4], "D": [5], "Q": [6]}},
        "g3": {"type": "INV", "port_directions": {"A": "input", "Y": "output"}, "connections": {"A": [6], "Y": [7]}},
        "arr": {"type": "x_bitcells", "port_directions": {"d": "input", "q": "output"}, "connections": {"d": [2], "q": [8]}}
      }
    },
    "x_bitcells": { "attributes": {"blackbox": "1"},
                    "ports": { "d": {"direction": "input", "bits": [2]}, "q": {"direction": "output", "bits": [3]} } }
  }
})";

const char* kMacroManifest = R"({"modules": [
  {"module": "x_leaf", "role": "logic", "block": "controller", "file": "rtl/x_leaf.v"},
  {"module": "x_bitcells", "role": "array", "block": "bit-cell array", "file": "rtl/x_bitcells.v"},
  {"module": "x_top", "role": "logic", "block": "I/O registers and sequencing", "file": "rtl/x_top.v"}]})";

} // namespace

TEST_CASE("area report: categories from the manifest, priced per instance, array analytic") {
  const Spec s = Spec::from_json_text(
      R"({"name": "x", "datapath": "in_memory", "vector_length": 1, "channels": 1, "weight_bits": 1, "input_bits": 1})");
  const Liberty lib = Liberty::parse(generic_liberty_text(), "generic.lib");
  SynthResult r;
  r.mapped.add_json(kMacro, "macro.json");
  r.generic.add_json(kMacro, "macro.json");
  r.top = "x_top";
  const AreaReport a = compute_area(s, lib, "generic", r, MacroManifest::parse(kMacroManifest));
  REQUIRE(a.blocks.size() == 2);  // the black-box array is never priced
  CHECK(a.blocks.at("controller").cells == 2);
  CHECK(a.blocks.at("controller").area == doctest::Approx(1.67));
  CHECK(a.blocks.at("I/O registers and sequencing").ffs == 1);
  CHECK(a.total.cells == 4);
  CHECK(a.total.area == doctest::Approx(1.0 + 2 * 0.67 + 5.67));  // NAND2, two INV, DFF
  REQUIRE(a.modules.size() == 2);
  CHECK(a.modules[0].module == "x_leaf (parameterized)");
  CHECK(a.modules[0].block == "controller");
  CHECK(a.depth == 2);          // the DFF ends the leaf's 2 levels; after it one INV
  CHECK(a.depth_generic == 4);  // DFF is no Yosys flip-flop type: a gate on the generic netlist
  CHECK(!a.tree);               // in_memory: no adder tree
  CHECK(a.array_cells == s.array_cells);
  CHECK(a.reference_cells == s.reference_cells);
  CHECK(to_json(a).find("\"block\": \"controller\"") != std::string::npos);
  CHECK(to_markdown(a).find("| controller | 2 | 0 | 2 | 0 |") != std::string::npos);

  const auto no_top = MacroManifest::parse(R"({"modules": [{"module": "x_leaf", "block": "controller"}]})");
  CHECK_THROWS_AS(compute_area(s, lib, "generic", r, no_top), std::runtime_error);
}

TEST_CASE("malformed netlists are InputErrors naming the source") {
  const auto error_of = [](const std::string& text) -> std::string {
    Netlist n;
    try {
      n.add_json(text, "bad.json");
    } catch (const InputError& e) {
      return e.what();
    }
    return "";
  };
  CHECK(error_of("[]") == "bad.json: no \"modules\" object");
  CHECK(error_of(R"({"modules":{"m":{"cells":{"c":{"connections":{}}}}}})").find("bad.json: not a Yosys JSON netlist:") == 0);
  CHECK(error_of(R"({"modules":{"m":{"ports":{"a":{"direction":"input"}}}}})").find("bad.json: not a Yosys JSON netlist:") == 0);
  CHECK(error_of(R"({"modules":{"m":{"ports":{"a":{"bits":3}}}}})") == "bad.json: bits must be an array, got number");
  CHECK(error_of(R"({"modules":{"m":{"ports":{"a":{"bits":[[1]]}}}}})").find("bad.json: not a Yosys JSON netlist:") == 0);
  CHECK(error_of(R"({"modules":{"m":{"cells":{"c":{"type":1,"connections":{}}}}}})").find("bad.json: not a Yosys JSON netlist:") == 0);
  CHECK(error_of(R"({"modules":{"m":{"ports":{"a":{"bits":[1]}}}}})").empty());
}
