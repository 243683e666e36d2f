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

/// Script of the elaboration run: the read and hierarchy commands of the whole-design script
/// `design_script` (so both flows read the RTL the same way), then the elaborated design to
/// `rtlil_out` (parameterized modules get their final names) and the module list to `modules_out`.
std::string elaborate_script(const std::string& design_script, const std::string& rtlil_out, const std::string& modules_out);

/// Script that synthesizes `module` of the elaborated design `rtlil` alone (its submodules black
/// boxes), with outputs under `prefix` as synth_map_commands() writes them.
std::string module_script(const std::string& rtlil, const std::string& module, const std::string& prefix);

/// Script that synthesizes the module `top` of the Verilog file `verilog` alone (a reference
/// design next to the macro), with outputs under `prefix`.
std::string reference_script(const std::string& verilog, const std::string& top, const std::string& prefix);

/// Files of the verification run (relative to synth/).
struct VerifyFiles {
  std::string generic_json;  ///< merged generic-gate netlist of every module (input)
  std::string mapped_json;   ///< merged mapped netlist of every module (input)
  std::string ltp_generic;   ///< `ltp -noff` on the flattened generic netlist (output)
  std::string stat_mapped;   ///< `stat -liberty` of the mapped hierarchy (output)
  std::string ltp_mapped;    ///< `ltp` on the flattened mapped netlist without its flip-flops (output)
};

/// Script of the cross-check on the flattened design: longest paths of the generic and of the
/// mapped netlist (the library flip-flops `sequential_cells` deleted, as `ltp -noff` would
/// ignore them; it knows only Yosys's own flip-flop types) and the library area.
std::string verify_script(const std::string& top, const std::vector<std::string>& sequential_cells, const VerifyFiles& f);

/// Add the whole-design script synth/<name>.ys and the generic cell library to a generated
/// macro (module roles from its manifest.json), for hand runs of Yosys.
void add_design_script(const Spec& s, FileSet& files);

} // namespace cimgen
