// cimgen — `cimgen synth`: generate a macro, then synthesize it (synthesis/synth.hpp).
#pragma once

#include <string>

#include "synth.hpp"

namespace cimgen {

/// Reads the spec, generates the macro with its whole-design Yosys script and, for a
/// structured adder tree, a behavioral tree of the same width, then runs the synthesis flow.
/// Returns the exit status (0 ok, 1 synthesis or verification failed); bad input throws InputError.
int run_synth(const std::string& spec_path, const SynthOptions& opt);

} // namespace cimgen
