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
  std::string cache = "build/simcache";  ///< verilated models, one directory per spec hash
  std::vector<double> noise_sigmas;      ///< in_memory noise sweep (sigma in counts); empty: bit-exact
  unsigned long long noise_seed = 1;     ///< seed of the product-line noise
};

/// Returns the process exit status (0 pass, 1 mismatch, 2 bad input).
int run_sim(const std::string& spec_path, const SimOptions& opt);

} // namespace cimgen
