// cimgen — static timing and power of a mapped macro with OpenSTA (DESIGN.md section 13): the
// hierarchical mapped netlist and an SDC written next to the area report, `sta` run in batch,
// its report parsed into the critical path, worst slack, fmax, power and the figures per vector.
#pragma once

#include <cstdint>
#include <filesystem>
#include <nlohmann/json.hpp>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "activity.hpp"
#include "liberty.hpp"

namespace cimgen {

/// What the timing stage needs besides the netlists.
struct TimingOptions {
  double clock_ns = 10.0;        ///< target clock period
  double input_activity = 0.2;   ///< vectorless activity of the primary inputs (toggles per clock)
  bool buffered = true;          ///< re-map each module with ABC's delay target and buffering
  std::string driving_cell;      ///< inverter ABC assumes drives each input (buffering constraint)
  /// Measured activity of top input ports (toggles per clock; the other inputs 0); empty:
  /// vectorless, every input at `input_activity`.
  std::vector<std::pair<std::string, double>> port_activity;
  std::string activity_source;   ///< where port_activity comes from
  /// Activity measured in simulation (`--activity FILE`): its nets and input ports annotated,
  /// the rest propagated by OpenSTA; null: not given.
  std::shared_ptr<const ActivityFile> measured;
};

/// A tool of the timing stage failed: what, and its log relative to synth/.
struct StaFailure {
  std::string what, log;
};

/// One stage of a reported path: an output pin (or the start and end pins) and its cell.
struct PathStage {
  std::string pin, cell;  ///< instance/pin, library cell (or "in"/"out" for ports)
  char edge = '^';        ///< ^ rising, v falling
  double delay = 0, time = 0;
};

/// OpenSTA's figures for one netlist at the target clock.
struct StaFigures {
  std::string startpoint, endpoint;
  std::vector<PathStage> stages;
  double arrival_ns = 0, required_ns = 0, slack_ns = 0;
  double critical_ns = 0;                  ///< clock period minus worst slack: the period met
  double power_internal_w = 0, power_switching_w = 0, power_leakage_w = 0, power_total_w = 0;
  double area = 0;                         ///< library area of the timed netlist
  int64_t cells = 0;                       ///< cells of the timed netlist
  ActivityStats activity;                  ///< measured activity annotated (the macro, with --activity)
};

/// The timing section of the report.
struct TimingReport {
  TimingOptions opt;
  std::string mapping;                 ///< how the timed netlist was mapped, one sentence
  StaFigures macro;                    ///< the whole periphery
  std::optional<StaFigures> tree;      ///< the macro's adder tree alone, same flow
  /// Each registered block (a module with flip-flops in it, the top and the tree aside) timed
  /// alone in the same netlist: (module name as reported, figures).
  std::vector<std::pair<std::string, StaFigures>> blocks;
  int initiation_interval = 0;         ///< cycles per vector
  int64_t ops_per_vector = 0;          ///< 2*N*C
  double bitcell_area_um2 = 0, array_um2 = 0;
  std::string bitcell_source;          ///< where the bit-cell area comes from
};

/// One netlist to time: `top`, a module of the netlist `json` (relative to `dir`). Every job
/// shares the first job's json, and its top must be a module of the first job's hierarchy: the
/// hierarchy is mapped once (the generic netlist with ABC's delay target and buffering, or the
/// area netlist as it is), black boxes deleted, and OpenSTA links each job's top in it.
struct StaJob {
  std::string tag, top, json;
};

/// Run the netlist and STA jobs in `dir` (synth/ with cells.lib): Yosys per job, then `sta`.
/// Returns one result per job; throws StaFailure when a tool fails.
std::vector<StaFigures> run_sta(const std::filesystem::path& dir, const std::vector<StaJob>& jobs,
                                const TimingOptions& opt, int workers);

/// Parse a `sta` log (report_checks, report_power) and a Yosys `stat` text into figures.
/// Throws std::runtime_error when the log lacks a path.
StaFigures parse_sta(const std::string& sta_log, const std::string& stat_text);

/// Derived figures (DESIGN.md section 13), from the macro's figures at the target clock.
struct Throughput {
  double period_ns = 0, vectors_per_s = 0, ops_per_s = 0, energy_per_vector_pj = 0, tops_per_w = 0;
  double periphery_um2 = 0, total_mm2 = 0, tops_per_mm2 = 0, edp_pj_ns = 0;
  double fmax_mhz = 0;
};
Throughput throughput(const TimingReport& t, double periphery_area);

/// Smallest usable inverter of a library (its `function` is the negation of its one input), "" if none.
std::string smallest_inverter(const Liberty& lib);

/// JSON object and markdown section of the timing report.
nlohmann::ordered_json timing_json(const TimingReport& t, double periphery_area);
std::string timing_markdown(const TimingReport& t, double periphery_area);

} // namespace cimgen
