// cimgen — the one input-error type and the exit codes every command and testbench main uses.
#pragma once

#include <stdexcept>

namespace cimgen {

/// Error in user input (spec, vector file, command line): printed as one line, exit status 2.
class InputError : public std::runtime_error {
public:
  using std::runtime_error::runtime_error;
};

/// Process exit status of `cimgen` and of the testbench executables (one table for all).
enum ExitCode : int {
  kExitOk = 0,           ///< success
  kExitCheckFailed = 1,  ///< a check ran and failed (mismatch, timing, verification, synthesis)
  kExitBadInput = 2,     ///< bad input: spec, file, command line; one error line, no output
  kExitInternal = 3,     ///< a tool (Verilator, Yosys) or cimgen itself failed
};

} // namespace cimgen
