// cimgen — adder tree (popcount) generator: behavioral, ripple, wallace, dadda.
#pragma once

#include <cstdint>
#include <functional>
#include <string>
#include <vector>

#include "spec.hpp"

namespace cimgen {

/// Structure statistics of one generated tree (reported in the banner and the manifest).
struct TreeStats {
  int full_adders = 0;  ///< full-adder cells
  int half_adders = 0;  ///< half-adder cells
  int levels = 0;       ///< adder levels (ripple: pairwise levels; CSA: stages + final adder)
  int registers = 0;    ///< pipeline flip-flops
};

/// Verilog body (ports and logic, no banner) of module `<name>_adder_tree` counting `width` bits
/// into `out_w` bits with `pipeline` register stages.
/// Library cells a structural tree instantiates for its adders instead of assigns (for a
/// library that has them: `cimgen synth` keeps them through ABC, which cannot map multi-output
/// cells). Pins: {a, b, c, sum, carry} for the full adder, {a, b, sum, carry} for the half adder;
/// an empty cell name keeps the assigns.
struct AdderCells {
  std::string fa, ha;
  std::vector<std::string> fa_pins, ha_pins;
};

std::string adder_tree_module(const std::string& name, TreeKind kind, int width, int out_w, int pipeline,
                              TreeStats* stats, const AdderCells* cells = nullptr);

/// Cycle model of the generated structure (C++ emulation of the netlist gate by gate, pipeline
/// registers included): each call is one clock cycle with inputs `bits`; it returns the value
/// of `count` during that cycle, then takes the clock edge. Used by the unit tests.
std::function<int(uint64_t)> adder_tree_model(TreeKind kind, int width, int out_w, int pipeline);

/// Count of the ones in `bits` as the unpipelined structure computes it.
int emulate_adder_tree(TreeKind kind, int width, int out_w, uint64_t bits);

} // namespace cimgen
