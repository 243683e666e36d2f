// cimgen — running Yosys processes (one, or many in parallel) and reading what they wrote.
#pragma once

#include <cstdint>
#include <filesystem>
#include <functional>
#include <string>
#include <vector>

namespace cimgen {

/// One Yosys run of the flow; paths relative to the directory it runs in (synth/).
struct YosysJob {
  std::string label;   ///< printed in progress lines
  std::string script;  ///< the script it runs
  std::string log;     ///< its log
  std::string prefix;  ///< output prefix (<prefix>.json, .generic.json, .cmos.json), "" if none
  bool ok = false;     ///< finished with status 0
  double seconds = 0;  ///< wall-clock time
};

/// Run one job in `dir` (quiet, everything in its log). True if Yosys succeeded.
bool run_yosys(const std::filesystem::path& dir, const YosysJob& job);

/// Run `jobs` in `dir` on `workers` threads, filling `ok` and `seconds`; `progress(job, n)` is
/// called after each finished job (n of them so far), one call at a time.
void run_parallel(const std::filesystem::path& dir, std::vector<YosysJob>& jobs, int workers,
                  const std::function<void(const YosysJob&, int)>& progress);

/// Transistor estimate of `module` in the output of `stat -json -tech cmos` (0 if absent).
int64_t cmos_transistors(const std::string& stat_json, const std::string& module);

/// Whole file as text; throws std::runtime_error if it cannot be read.
std::string read_text(const std::filesystem::path& p);
/// Write a file; throws std::runtime_error if it cannot be written.
void write_text(const std::filesystem::path& p, const std::string& text);
/// Last `n` lines of a file, each indented, for error messages.
std::string tail(const std::filesystem::path& p, int n);

} // namespace cimgen
