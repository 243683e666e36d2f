// cimgen — Verilator regression over the specs in tb/specs: several models in one executable.
#include <CLI/CLI.hpp>
#include <algorithm>
#include <iostream>

#include "regress_registry.hpp"

using namespace cimgen;

int main(int argc, char** argv) {
  CLI::App app{"cimgen_regress: the Verilator regression over the specs of tb/specs"};
  std::vector<uint64_t> seeds = {1, 2};
  std::vector<std::string> only;
  int vectors = 48;
  std::string wave_dir = ".";
  bool list = false;
  app.add_option("--seeds", seeds, "random seeds, comma-separated")->delimiter(',')->capture_default_str();
  app.add_option("--vectors", vectors, "random vectors per seed")->check(CLI::Range(0, 10000000))->capture_default_str();
  app.add_option("--only", only, "spec names to run, comma-separated (default: all)")->delimiter(',');
  app.add_option("--wave-dir", wave_dir, "directory of the FST waveforms of failing runs")->capture_default_str();
  app.add_flag("--list", list, "list the specs and exit");
  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    if (e.get_exit_code() == 0) return app.exit(e);  // --help
    std::cerr << "cimgen_regress: error: " << e.what() << " (see --help)\n";
    return kExitBadInput;
  }
  if (list) {
    for (const auto& e : tb::registry()) std::cout << e.name << "  " << e.spec_path << "\n";
    return kExitOk;
  }
  for (const std::string& name : only)
    if (std::none_of(tb::registry().begin(), tb::registry().end(), [&](const tb::Entry& e) { return name == e.name; })) {
      std::cerr << "cimgen_regress: error: --only: no spec named '" << name << "' (see --list)\n";
      return kExitBadInput;
    }
  int passed = 0, failed = 0;
  try {
    for (const auto& e : tb::registry()) {
      if (!only.empty() && std::find(only.begin(), only.end(), e.name) == only.end()) continue;
      const Spec s = Spec::from_file(e.spec_path);
      for (uint64_t seed : seeds) {
        tb::RunConfig cfg;
        cfg.seed = seed;
        cfg.vectors = vectors;
        cfg.wave_dir = wave_dir;
        const tb::RunResult r = e.run(s, cfg);
        (r.errors ? failed : passed)++;
      }
    }
  } catch (const InputError& e) {
    std::cerr << "cimgen_regress: error: " << e.what() << "\n";
    return kExitBadInput;
  } catch (const std::exception& e) {
    std::cerr << "cimgen_regress: internal error: " << e.what() << "\n";
    return kExitInternal;
  }
  std::cout << passed << " passed, " << failed << " failed\n";
  return failed || passed == 0 ? kExitCheckFailed : kExitOk;
}
