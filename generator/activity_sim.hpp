// cimgen — `cimgen sim --activity FILE`: the model variant with Verilator toggle coverage, and
// the activity file written from its coverage (format: synthesis/activity.hpp).
#pragma once

#include <string>

#include "spec.hpp"

namespace cimgen {

/// Verilator options of the toggle-counting model variant (part of its cache key).
std::string activity_verilator_flags();

/// Runs the testbench command `run` with a counting window, then writes the activity file
/// `out` from the coverage it wrote. Returns the exit status of the run (the file is written
/// only when it passed).
int run_with_activity(const Spec& s, const std::string& run, const std::string& out);

} // namespace cimgen
