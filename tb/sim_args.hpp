// cimgen — the command line of the testbench `cimgen sim` builds (tb/sim_main.cpp), parsed in
// the prebuilt testbench library so that a model's build compiles only its own main.
#pragma once

#include <string>

#include "harness.hpp"

namespace cimgen::tb {

/// Parses the testbench's arguments into `cfg` and `spec_path`. Returns -1 to go on, or the exit
/// status to end with (0 after --help, kExitBadInput after a usage error, printed).
int parse_sim_args(int argc, char** argv, RunConfig& cfg, std::string& spec_path);

} // namespace cimgen::tb
