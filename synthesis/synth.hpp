// cimgen — hierarchical Yosys synthesis of a generated macro's periphery and its area report.
#pragma once

#include <string>
#include <utility>
#include <vector>

#include "files.hpp"
#include "spec.hpp"

namespace cimgen {

/// Options of `cimgen synth`.
struct SynthOptions {
  std::string out;      ///< output directory (generated files plus synth/area.json, synth/area.md)
  std::string liberty;  ///< cell library to map to; empty: the generic library (GE units)
  int jobs = 0;         ///< parallel Yosys runs; 0: one per core
  bool verify = false;  ///< also flatten in Yosys and check depth and area against it
  bool quiet = false;   ///< no progress lines
  // Static timing (DESIGN.md section 13), run for a real library: --tech, --clock-ns, or a
  // --liberty whose cells have timing arcs.
  std::string tech;          ///< --tech name (sets `liberty` to the package's file), or ""
  std::string clock_ns;      ///< --clock-ns text, "" when not given (10 ns)
  double input_activity = 0.2;  ///< vectorless input activity for power (toggles per clock)
  bool no_buffering = false; ///< time the area netlist flattened as it is (no ABC delay target)
  std::string bitcell_um2;   ///< --bitcell-um2 text, "" when not given
  bool no_adder_cells = false;
  std::string activity_inputs;  ///< --activity-inputs: an inputs vector file for the power activity
  std::string activity;         ///< --activity: an activity file of `cimgen sim --activity`
  /// Activity of top input ports (toggles per clock) from `activity_inputs`, and where from;
  /// filled by run_synth (the vector reader lives in the golden library).
  std::vector<std::pair<std::string, double>> port_activity;
  std::string activity_source;  ///< keep the trees' adders as assigns even if the library has FA/HA cells
};

/// A behavioral adder tree of the same width as the macro's, synthesized apart so that the
/// report can set the generated tree's cost next to it.
struct ReferenceTree {
  std::string top;      ///< its module name (<spec name>_ref_adder_tree)
  std::string verilog;  ///< the whole Verilog file
};

/// Synthesize the generated macro `files` of `s` (rtl/, sim/, synth/, manifest.json with its
/// "modules" roles and blocks): each distinct module once with Yosys (in parallel), mapped onto
/// the cell library, then the area report written next to the files in the output directory
/// (replaced atomically; kept with the logs on a tool failure). Returns the exit status (0 ok,
/// 1 synthesis or verification failed); bad input throws InputError.
int synthesize(const Spec& s, const FileSet& files, const SynthOptions& opt, const ReferenceTree* ref);

} // namespace cimgen
