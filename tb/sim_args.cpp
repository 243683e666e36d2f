// cimgen — the testbench's command line (see sim_args.hpp).
#include "sim_args.hpp"

#include <CLI/CLI.hpp>
#include <iostream>

namespace cimgen::tb {

int parse_sim_args(int argc, char** argv, RunConfig& cfg, std::string& spec_path) {
  CLI::App app{"testbench of one verilated spec against the golden model (run by `cimgen sim`)"};
  std::string zero_sign = "positive";
  app.add_option("SPEC", spec_path, "spec JSON file")->required();
  app.add_option("--seed", cfg.seed, "random seed")->capture_default_str();
  app.add_option("--vectors", cfg.vectors, "random vectors")->check(CLI::Range(0, 10000000))->capture_default_str();
  app.add_option("--weights", cfg.weights, "weights file (instead of random data)");
  app.add_option("--inputs", cfg.inputs, "inputs file (instead of random data)");
  app.add_option("--out", cfg.out, "write the RTL outputs to this file");
  app.add_option("--program", cfg.program, "dropout: beat program file, run once per input vector; dima: program file loaded through the program port");
  app.add_option("--wave-dir", cfg.wave_dir, "directory of the FST waveform written on failure")->capture_default_str();
  app.add_flag("--wave-first", cfg.wave_first,
               "a traced model: trace the first run (kept only if it fails) instead of rerunning a failure");
  app.add_option("--noise-sigma", cfg.noise_sigma, "in_memory product-line noise sigma in counts (0: bit-exact)")
      ->check(CLI::Range(0.0, 1000.0));
  app.add_option("--noise-seed", cfg.noise_seed, "seed of the product-line noise")->capture_default_str();
  app.add_option("--gain-sigma", cfg.gain_sigma, "dima: FR gain mismatch per column, relative sigma")
      ->check(CLI::Range(0.0, 1000.0));
  app.add_option("--offset-sigma", cfg.offset_sigma, "dima: comparator offset sigma in column full-scale levels")
      ->check(CLI::Range(0.0, 1000.0));
  app.add_option("--inject-mismatch", cfg.inject_mismatch,
                 "test of the failure path: corrupt this vector's expected output (0-based)")
      ->check(CLI::NonNegativeNumber)->group("Testing");
  app.add_option("--activity", cfg.activity, "count toggles over the vectors, offered back to back: write PATH.dat, PATH.txt");
  app.add_option("--zero-sign", zero_sign, "encoding of a plain 0 token")->check(CLI::IsMember({"positive", "negative"}));
  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    if (e.get_exit_code() == 0) return app.exit(e);  // --help
    std::cerr << "cimgen sim: error: " << e.what() << " (see --help)\n";
    return kExitBadInput;
  }
  cfg.zero_sign = zero_sign == "negative" ? golden::ZeroSign::Negative : golden::ZeroSign::Positive;
  return -1;
}

} // namespace cimgen::tb
