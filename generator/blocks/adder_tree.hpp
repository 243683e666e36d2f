// cimgen — adder tree (popcount) generator: behavioral, ripple, wallace, dadda.
#pragma once

#include <string>

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
std::string adder_tree_module(const std::string& name, TreeKind kind, int width, int out_w, int pipeline,
                              TreeStats* stats);

/// Count of the ones in `bits` as the generated structure computes it (C++ emulation of the
/// netlist, used by the unit tests to check the structure gate by gate).
int emulate_adder_tree(TreeKind kind, int width, int out_w, uint64_t bits);

} // namespace cimgen
