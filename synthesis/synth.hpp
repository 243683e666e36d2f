// cimgen — `cimgen synth`: hierarchical Yosys synthesis of the periphery and the area report.
#pragma once

#include <map>
#include <string>

#include "liberty.hpp"
#include "netlist.hpp"
#include "spec.hpp"

namespace cimgen {

/// Options of `cimgen synth`.
struct SynthOptions {
  std::string out;      ///< output directory (generated files plus synth/area.json, synth/area.md)
  std::string liberty;  ///< cell library to map to; empty: the generic library (GE units)
  int jobs = 0;         ///< parallel Yosys runs; 0: one per core
  bool verify = false;  ///< also flatten in Yosys and check depth and area against it
  bool quiet = false;   ///< no progress lines
};

/// Generates `spec`, synthesizes each distinct module once with Yosys (in parallel), maps onto
/// the cell library, and writes the area report. Returns the exit status (0 ok, 1 synthesis
/// or verification failed); bad input throws InputError.
int run_synth(const std::string& spec_path, const SynthOptions& opt);

/// What the report is made of: the synthesized netlists of one macro.
struct SynthResult {
  Netlist mapped;                                  ///< cells of the library, per module
  Netlist generic;                                 ///< Yosys generic gates, per module (before mapping)
  std::map<std::string, int64_t> cmos_transistors; ///< `stat -tech cmos` estimate per module
  std::string top;                                 ///< top module name
  Netlist ref_tree;                                ///< behavioral reference adder tree (empty if none)
  std::string ref_top;                             ///< its module name, or ""
};

/// Area report of a finished synthesis: (area.json text, area.md text).
std::pair<std::string, std::string> area_report(const Spec& s, const Liberty& lib, const std::string& lib_label,
                                                const SynthResult& r);

} // namespace cimgen
