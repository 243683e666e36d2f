// cimgen — `cimgen sim`: generate, verilate (cached per spec hash) and run the testbench.
#pragma once

#include <string>
#include <vector>

namespace cimgen {

/// Options of `cimgen sim`.
struct SimOptions {
  int vectors = 200;                     ///< random vectors
  unsigned long long seed = 1;           ///< random seed
  std::string weights, inputs, out;      ///< files mode
  std::string zero_sign = "positive";    ///< encoding of a plain 0
  std::string program;                   ///< dropout beat program (`cimgen dropout`'s program.txt) or dima program file
  std::string cache;                     ///< verilated models, one directory per key; "": default_sim_cache()
  std::vector<double> noise_sigmas;      ///< in_memory noise sweep (sigma in counts); empty: bit-exact
  unsigned long long noise_seed = 1;     ///< seed of the product-line noise
  double gain_sigma = 0;                 ///< dima: FR gain mismatch per column, relative sigma
  double offset_sigma = 0;               ///< dima: comparator offset, sigma in column full-scale levels
  std::string hier = "auto";             ///< hierarchical blocks: auto (by macro size), on, off
  int threads = 0;                       ///< Verilator --threads of the model; 0: the build plan's rule
  double max_build_gb = 0;               ///< refuse a build expected above this; 0: physical memory
  int inject_mismatch = -1;              ///< test of the failure path: corrupt this vector's expected output
  std::string activity;                  ///< write the toggles counted per net bit here (a model with toggle coverage)
};

/// The testbench sources compiled with each model, relative to `sim_source_dir()`.
struct SimSources {
  std::vector<std::string> compiled;  ///< translation units: tb/sim_main.cpp, tb/harness.cpp, golden/*.cpp, core/*.cpp
  std::vector<std::string> hashed;    ///< compiled plus every header of tb/, golden/ and core/ (the cache key)
  std::vector<std::string> libraries; ///< prebuilt testbench, golden and core (absolute paths); when
                                      ///< found, a model compiles only tb/sim_main.cpp and links these
};

/// Where the testbench sources are: `<exe>/../share/cimgen` for an installed cimgen, else the
/// source tree cimgen was built from.
std::string sim_source_dir();

/// The testbench sources under `dir`, derived from its directories (sorted, so the key is stable),
/// and the prebuilt libraries beside the executable (build tree) or in <exe>/../lib/cimgen.
SimSources sim_sources(const std::string& dir);

/// $XDG_CACHE_HOME/cimgen/sim, else $HOME/.cache/cimgen/sim, else .cimgen-sim-cache.
std::string default_sim_cache();

/// Returns the process exit status (an ExitCode of core/errors.hpp).
int run_sim(const std::string& spec_path, const SimOptions& opt);

} // namespace cimgen
