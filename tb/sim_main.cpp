// cimgen — testbench main for one spec (`cimgen sim`): DUT_HEADER / DUT_CLASS name the model.
#include <iostream>

// Default: the model `cimgen sim` builds (--prefix Vdut). Not passed as -D: a quoted macro does
// not survive the extra make level of Verilator's hierarchical builds.
#ifndef DUT_HEADER
#define DUT_HEADER "Vdut.h"
#endif
#ifndef DUT_CLASS
#define DUT_CLASS Vdut
#endif
#include DUT_HEADER
#include "harness.hpp"
#include "sim_args.hpp"

using namespace cimgen;

int main(int argc, char** argv) {
  tb::RunConfig cfg;
  std::string spec_path;
  if (const int rc = tb::parse_sim_args(argc, argv, cfg, spec_path); rc >= 0) return rc;
  if (!cfg.activity.empty()) {
#if !VM_COVERAGE
    std::cerr << "cimgen sim: error: --activity needs a model verilated with --coverage-toggle\n";
    return kExitBadInput;
#endif
    cfg.gap_pct = 0;  // a steady stream: no idle cycles, no back-pressure
    cfg.backpressure_pct = 0;
  }
  try {
    const Spec s = Spec::from_file(spec_path);
    const tb::RunResult r = tb::run_spec<DUT_CLASS>(s, cfg);
    if (!cfg.out.empty()) golden::write_file_atomic(cfg.out, golden::format_outputs(r.outputs));
    std::cout << (r.errors ? 0 : 1) << " passed, " << (r.errors ? 1 : 0) << " failed\n";
    return r.errors ? kExitCheckFailed : kExitOk;
  } catch (const InputError& e) {
    std::cerr << "cimgen sim: error: " << e.what() << "\n";
    return kExitBadInput;
  } catch (const std::exception& e) {
    std::cerr << "cimgen sim: internal error: " << e.what() << "\n";
    return kExitInternal;
  }
}
