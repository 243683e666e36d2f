// cimgen — `cimgen dropout`: draw MC-Dropout masks, order the samples, write the beat program and cost report.
#pragma once

#include <cstdint>
#include <string>

#include "files.hpp"
#include "dropout_sched.hpp"

namespace cimgen {

/// Options of `cimgen dropout`.
struct DropoutOptions {
  int samples = 100;      ///< T
  double p_in = 0.5;      ///< probability that an input column is dropped
  double p_out = 0.0;     ///< probability that an output channel is dropped (0: no output dropout)
  uint64_t seed = 1;      ///< mask seed
  std::string out;        ///< output directory
  bool plot = true;       ///< run gnuplot for cost.png
};

/// The files of a run (program.txt, cost.json, cost.md, cost.dat, cost.gp, manifest.json).
FileSet dropout_files(const Spec& s, const DropoutOptions& o, const dropout::Schedule& sc);
/// Returns the process exit status.
int run_dropout(const std::string& spec_path, const DropoutOptions& o);

} // namespace cimgen
