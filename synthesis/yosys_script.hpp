// cimgen — the Yosys commands of the synthesis flow, shared by the whole-design script that
// `cimgen generate` writes and the per-module runs of `cimgen synth`.
#pragma once

#include <string>
#include <vector>

#include "files.hpp"
#include "spec.hpp"

namespace cimgen {

/// Name of the cell library next to the scripts in synth/ (the generic one, or a --liberty copy).
inline constexpr const char* kCellLibrary = "cells.lib";

/// Commands that read a macro's RTL from ../rtl and ../sim (relative to synth/): the
/// synthesizable modules, then the bit-cell array and the analog models as black boxes.
std::string read_rtl_commands(const std::vector<std::string>& rtl_modules, const std::string& array_module,
                              const std::vector<std::string>& sim_modules);

/// Commands that synthesize `top` (its submodules as they are: contents or black boxes), fail on
/// latches and on `check`, and map onto kCellLibrary. `generic_out`, if not empty, is a prefix
/// for the generic-gate statistics and netlist written before mapping (<prefix>.cmos.json,
/// <prefix>.generic.json); `mapped_out` likewise for the mapped netlist (<prefix>.json).
std::string synth_map_commands(const std::string& top, const std::string& generic_out, const std::string& mapped_out);

/// Add the whole-design script synth/<name>.ys and the generic cell library to a generated
/// macro (module roles from its manifest.json), for hand runs of Yosys.
void add_design_script(const Spec& s, FileSet& files);

} // namespace cimgen
