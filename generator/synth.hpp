// cimgen — `cimgen synth`: Yosys synthesis of the periphery and the area report.
#pragma once

#include <string>

#include "spec.hpp"

namespace cimgen {

/// Options of `cimgen synth`.
struct SynthOptions {
  std::string out;  ///< output directory (generated files plus synth/area.json, synth/area.md)
};

/// Generates `spec` into opt.out, runs Yosys (no latches, `check -assert`), writes the area
/// report. Returns the exit status (0 ok, 1 synthesis failed).
int run_synth(const std::string& spec_path, const SynthOptions& opt);

/// Area report of a finished Yosys run: `stat_json` is the output of `stat -json -tech cmos`,
/// `ltp` of `ltp -noff` on the flattened design. Returns (area.json text, area.md text).
std::pair<std::string, std::string> area_report(const Spec& s, const std::string& stat_json, const std::string& ltp);

} // namespace cimgen
