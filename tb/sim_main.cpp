// cimgen — testbench main for one spec (`cimgen sim`): DUT_HEADER / DUT_CLASS name the model.
#include <CLI/CLI.hpp>
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

using namespace cimgen;

int main(int argc, char** argv) {
  CLI::App app{"testbench of one verilated spec against the golden model (run by `cimgen sim`)"};
  tb::RunConfig cfg;
  std::string spec_path, zero_sign = "positive";
  app.add_option("SPEC", spec_path, "spec JSON file")->required();
  app.add_option("--seed", cfg.seed, "random seed")->capture_default_str();
  app.add_option("--vectors", cfg.vectors, "random vectors")->check(CLI::Range(0, 10000000))->capture_default_str();
  app.add_option("--weights", cfg.weights, "weights file (instead of random data)");
  app.add_option("--inputs", cfg.inputs, "inputs file (instead of random data)");
  app.add_option("--out", cfg.out, "write the RTL outputs to this file");
  app.add_option("--program", cfg.program, "dropout: beat program file, run once per input vector; dima: program file loaded through the program port");
  app.add_option("--wave-dir", cfg.wave_dir, "directory of the FST waveform written on failure")->capture_default_str();
  app.add_option("--noise-sigma", cfg.noise_sigma, "in_memory product-line noise sigma in counts (0: bit-exact)")
      ->check(CLI::Range(0.0, 1000.0));
  app.add_option("--noise-seed", cfg.noise_seed, "seed of the product-line noise")->capture_default_str();
  app.add_option("--gain-sigma", cfg.gain_sigma, "dima: FR gain mismatch per column, relative sigma")
      ->check(CLI::Range(0.0, 1000.0));
  app.add_option("--offset-sigma", cfg.offset_sigma, "dima: comparator offset sigma in column full-scale levels")
      ->check(CLI::Range(0.0, 1000.0));
  app.add_option("--activity", cfg.activity, "count toggles over the vectors, offered back to back: write PATH.dat, PATH.txt");
  app.add_option("--zero-sign", zero_sign, "encoding of a plain 0 token")->check(CLI::IsMember({"positive", "negative"}));
  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    if (e.get_exit_code() == 0) return app.exit(e);  // --help
    std::cerr << "cimgen sim: error: " << e.what() << " (see --help)\n";
    return kExitBadInput;
  }
  if (!cfg.activity.empty()) {
#if !VM_COVERAGE
    std::cerr << "cimgen sim: error: --activity needs a model verilated with --coverage-toggle\n";
    return kExitBadInput;
#endif
    cfg.gap_pct = 0;  // a steady stream: no idle cycles, no back-pressure
    cfg.backpressure_pct = 0;
  }
  cfg.zero_sign = zero_sign == "negative" ? golden::ZeroSign::Negative : golden::ZeroSign::Positive;
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
