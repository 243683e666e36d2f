// cimgen — the synthesis flow: elaborate once, synthesize every distinct module once in parallel
// Yosys runs (hierarchical: a module instantiated k times is priced k times, synthesized once),
// map onto a Liberty library, then compute area and the longest path without flattening.
#include "synth.hpp"

#include <algorithm>
#include <chrono>
#include <cmath>
#include <filesystem>
#include <functional>
#include <iostream>
#include <map>
#include <nlohmann/json.hpp>
#include <regex>
#include <sstream>
#include <thread>

#include "area_report.hpp"
#include "liberty.hpp"
#include "netlist.hpp"
#include "tech.hpp"
#include "timing.hpp"
#include "yosys_run.hpp"
#include "yosys_script.hpp"

namespace cimgen {

namespace fs = std::filesystem;

namespace {

/// A stage of the flow failed: the staged output is moved into place for inspection and
/// `what` printed, with the tail of `log` (relative to synth/) if there is one.
struct FlowFailure {
  std::string what;  ///< one line
  std::string log;   ///< Yosys log of the failed run, or ""
};

/// The static-timing request, resolved from the options before anything is written.
struct TimingRequest {
  bool run = false;             ///< a real library: OpenSTA runs
  TimingOptions opt;
  double bitcell_um2 = 0;       ///< bit-cell area used for the array and TOPS/mm^2
  std::string bitcell_source;   ///< where it comes from
};

/// One run of the flow: its inputs, and what the stages produce for the later ones.
struct Flow {
  const Spec& s;
  const SynthOptions& opt;
  TimingRequest timing;
  const ReferenceTree* ref;          ///< or nullptr
  Liberty lib;                       ///< the cell library
  std::string out;                   ///< output directory
  std::string staged;                ///< its staging directory
  fs::path dir;                      ///< synth/ of the staging directory, where Yosys runs
  size_t file_count = 0;             ///< files staged before synthesis
  std::vector<std::string> modules;  ///< distinct elaborated modules, the largest first
  std::vector<YosysJob> jobs;        ///< one per module (same order), then the reference tree

  std::string top() const { return s.name + "_top"; }
  void say(const std::string& line) const {
    if (!opt.quiet) std::cerr << "cimgen synth: " << line << std::endl;
  }
};

// Work files of the flow, relative to synth/.
const std::string kElabRtlil = "work/elab.il";
const std::string kModuleList = "work/modules.txt";
const std::string kRefVerilog = "work/ref_adder_tree.v";

/// A positive number given as the text of option `name`; InputError otherwise.
double positive_option(const std::string& text, const std::string& name, const std::string& unit) {
  size_t used = 0;
  double v = 0;
  try {
    v = std::stod(text, &used);
  } catch (const std::exception&) {
    used = 0;
  }
  if (used != text.size() || !(v > 0) || !std::isfinite(v))
    throw InputError(name + " " + printable(text) + ": must be a number > 0 (" + unit + ")");
  return v;
}

/// --tech (its package's Liberty into opt.liberty), --clock-ns, --bitcell-um2, and whether
/// OpenSTA runs; every check before the flow writes anything.
TimingRequest resolve_timing(const Spec& s, SynthOptions& opt) {
  TimingRequest t;
  t.bitcell_um2 = s.bitcell_area_um2;
  t.bitcell_source = "from the spec (tech.bitcell_area_um2)";
  if (!opt.tech.empty()) {
    const Tech tech = find_tech(opt.tech, opt.liberty);
    t.bitcell_um2 = tech.bitcell_um2();
    t.bitcell_source = "default of " + tech.name + ": a 140 F^2 6T cell at F = " + fixed(tech.feature_um, 2) + " um";
  }
  if (!opt.bitcell_um2.empty()) {
    t.bitcell_um2 = positive_option(opt.bitcell_um2, "--bitcell-um2", "um^2");
    t.bitcell_source = "from --bitcell-um2";
  }
  if (!opt.clock_ns.empty()) t.opt.clock_ns = positive_option(opt.clock_ns, "--clock-ns", "ns");
  t.opt.input_activity = opt.input_activity;
  t.opt.port_activity = opt.port_activity;
  t.opt.activity_source = opt.activity_source;
  if (!opt.activity.empty()) {
    if (!opt.activity_inputs.empty()) throw InputError("--activity excludes --activity-inputs (one source of activity)");
    auto a = std::make_shared<ActivityFile>(read_activity(opt.activity));
    if (a->top != s.name + "_top")
      throw InputError(opt.activity + ":2: activity of module " + a->top + ", the spec's top is " + s.name + "_top");
    t.opt.measured = a;
  }
  t.opt.buffered = !opt.no_buffering;
  return t;
}

Liberty load_library(const SynthOptions& opt) {
  const Liberty lib = opt.liberty.empty() ? Liberty::parse(generic_liberty_text(), "cimgen_generic.lib")
                                          : Liberty::from_file(opt.liberty);
  if (std::none_of(lib.cells.begin(), lib.cells.end(), [](const auto& c) { return c.second.sequential; }))
    throw InputError(opt.liberty + ": no flip-flop cell (no cell with an ff group) for dfflibmap");
  return lib;
}

/// OpenSTA runs for a real library: asked for (--tech, --clock-ns), or the library has timing.
void decide_timing(Flow& f) {
  const bool asked = !f.opt.tech.empty() || !f.opt.clock_ns.empty() || !f.opt.activity_inputs.empty() || !f.opt.activity.empty();
  const bool generic = f.opt.liberty.empty();
  if (asked && generic) throw InputError("--clock-ns, --activity and --activity-inputs need a real cell library (--tech or --liberty)");
  if (asked && !f.lib.has_timing())
    throw InputError(f.opt.liberty + ": no timing arcs (no cell has a timing group): static timing needs a library with timing");
  f.timing.run = !generic && f.lib.has_timing();
  if (!f.timing.run) return;
  f.timing.opt.driving_cell = smallest_inverter(f.lib);
  if (f.timing.opt.driving_cell.empty()) throw InputError(f.opt.liberty + ": no inverter cell (a cell whose function is !A)");
}

std::string library_label(const SynthOptions& opt) {
  return opt.liberty.empty() ? "cimgen_generic.lib (built in)" : fs::path(opt.liberty).filename().string();
}

/// Stage: the generated files, the cell library and the reference tree in the staging directory.
void stage_files(Flow& f, FileSet files) {
  if (!f.opt.liberty.empty()) files[std::string("synth/") + kCellLibrary] = read_text(f.opt.liberty);
  if (f.ref) files["synth/" + kRefVerilog] = f.ref->verilog;
  f.file_count = files.size();
  write_files(f.staged, files);
  fs::create_directories(f.dir / "work");
}

/// Stage: elaborate once, so that parameterized modules get their final names.
void elaborate(const Flow& f, const std::string& design_script) {
  const YosysJob e{"elaborate", "work/elab.ys", "work/elab.log", ""};
  write_text(f.dir / e.script, elaborate_script(design_script, kElabRtlil, kModuleList));
  f.say("elaborating " + f.s.name + " (" + std::to_string(f.file_count) + " files)");
  if (!run_yosys(f.dir, e)) throw FlowFailure{"Yosys elaboration failed", e.log};
}

/// Lines of every module's text in the elaborated RTLIL (a module's size, so its run time's proxy).
std::map<std::string, size_t> rtlil_sizes(const std::string& rtlil) {
  std::map<std::string, size_t> size;
  std::istringstream in(rtlil);
  std::string line, current;
  while (std::getline(in, line)) {
    if (line.rfind("module ", 0) == 0) {
      current = line.substr(7);
      if (!current.empty() && current[0] == '\\') current.erase(0, 1);  // public names are escaped
    } else if (line == "end") {
      current.clear();
    } else if (!current.empty()) {
      ++size[current];
    }
  }
  return size;
}

/// Stage: the distinct modules of the elaborated design, the largest first (the longest Yosys runs
/// start first, so that parallel runs end together), the top first among equals.
void list_modules(Flow& f) {
  std::istringstream in(read_text(f.dir / kModuleList));
  std::string line;
  while (std::getline(in, line)) {
    const size_t a = line.find_first_not_of(' ');
    if (a == std::string::npos || line.find(" modules:") != std::string::npos) continue;
    f.modules.push_back(line.substr(a));
  }
  std::stable_partition(f.modules.begin(), f.modules.end(), [&](const std::string& m) { return m == f.top(); });
  const std::map<std::string, size_t> size = rtlil_sizes(read_text(f.dir / kElabRtlil));
  const auto lines = [&](const std::string& m) { return size.count(m) ? size.at(m) : size_t(0); };
  std::stable_sort(f.modules.begin(), f.modules.end(),
                   [&](const std::string& a, const std::string& b) { return lines(a) > lines(b); });
}

/// Stage: one Yosys script per distinct module (the others black boxes), plus the reference tree.
void make_jobs(Flow& f) {
  for (size_t k = 0; k < f.modules.size(); ++k) {
    const std::string w = "work/m" + std::to_string(k);
    YosysJob j{pretty_module_name(f.modules[k]), w + ".ys", w + ".log", w};
    write_text(f.dir / j.script, module_script(kElabRtlil, f.modules[k], j.prefix));
    f.jobs.push_back(j);
  }
  if (f.ref) {
    YosysJob j{"behavioral reference tree", "work/ref.ys", "work/ref.log", "work/ref"};
    write_text(f.dir / j.script, reference_script(kRefVerilog, f.ref->top, j.prefix));
    f.jobs.push_back(j);
  }
}

/// Stage: run the jobs in parallel; the first failed one fails the flow.
void run_jobs(Flow& f) {
  const int workers = std::max(1, f.opt.jobs > 0 ? f.opt.jobs : int(std::thread::hardware_concurrency()));
  f.say("synthesizing " + std::to_string(f.jobs.size()) + " distinct modules in " +
        std::to_string(std::min<size_t>(workers, f.jobs.size())) + " parallel Yosys runs");
  run_parallel(f.dir, f.jobs, workers, [&](const YosysJob& j, int done) {
    f.say("[" + std::to_string(done) + "/" + std::to_string(f.jobs.size()) + "] " + j.label + " " + (j.ok ? "" : "FAILED ") +
          fixed(j.seconds, 1) + " s");
  });
  for (const auto& j : f.jobs)
    if (!j.ok) throw FlowFailure{"Yosys failed on " + j.label + " (a latch, a `check -assert` problem, or a tool error)", j.log};
}

/// Stage: the netlists and transistor estimates the jobs wrote.
SynthResult read_netlists(const Flow& f) {
  SynthResult r;
  r.top = f.top();
  for (size_t k = 0; k < f.modules.size(); ++k) {
    const std::string& p = f.jobs[k].prefix;
    r.mapped.add_json(read_text(f.dir / (p + ".json")), p + ".json");
    r.generic.add_json(read_text(f.dir / (p + ".generic.json")), p + ".generic.json");
    r.cmos_transistors[f.modules[k]] = cmos_transistors(read_text(f.dir / (p + ".cmos.json")), f.modules[k]);
  }
  if (f.ref) {
    r.ref_tree.add_json(read_text(f.dir / "work/ref.json"), "work/ref.json");
    r.ref_top = f.ref->top;
  }
  return r;
}

/// Stage: every cell mapped onto the library (a Yosys `$` cell left means a missing cell kind).
void check_mapped(const Flow& f, const SynthResult& r) {
  for (const auto& m : r.mapped.modules())
    for (const auto& [t, n] : r.mapped.leaf_cells(m))
      if (t.rfind("$", 0) == 0)
        throw FlowFailure{"the cell library left " + std::to_string(n) + " cell(s) of type " + t + " unmapped in " +
                              pretty_module_name(m) + " (" + (f.opt.liberty.empty() ? "generic library" : f.opt.liberty) +
                              " lacks a cell dfflibmap/abc can use for it)",
                          ""};
}

/// Union of the modules of several Yosys JSON files (contents win over black boxes), without
/// the library cells (they come from read_liberty).
std::string merge_json(const fs::path& dir, const std::vector<std::string>& files, const Liberty& lib) {
  nlohmann::json out;
  out["modules"] = nlohmann::json::object();
  for (const auto& f : files) {
    const nlohmann::json j = nlohmann::json::parse(read_text(dir / f));
    for (auto it = j["modules"].begin(); it != j["modules"].end(); ++it) {
      if (lib.cells.count(it.key())) continue;
      const bool bb = it.value().contains("attributes") && it.value()["attributes"].contains("blackbox");
      if (bb && out["modules"].contains(it.key())) continue;
      out["modules"][it.key()] = it.value();
    }
  }
  return out.dump();
}

/// Longest paths and area Yosys finds on the flattened design (-1 where its output lacks them).
struct FlatFigures {
  int depth_generic = -1, depth = -1;
  double area = -1;
};

FlatFigures read_flat_figures(const Flow& f, const VerifyFiles& vf) {
  FlatFigures x;
  std::smatch mm;
  const std::string ltp = read_text(f.dir / vf.ltp_generic), stat = read_text(f.dir / vf.stat_mapped);
  const std::string ltp_mapped = read_text(f.dir / vf.ltp_mapped);
  if (std::regex_search(ltp, mm, std::regex("length=([0-9]+)"))) x.depth_generic = std::stoi(mm[1]);
  if (std::regex_search(ltp_mapped, mm, std::regex("length=([0-9]+)"))) x.depth = std::stoi(mm[1]);
  if (std::regex_search(stat, mm, std::regex("Chip area for top module '[^']*': ([0-9.eE+-]+)")))
    x.area = std::stod(mm[1]);
  else if (std::regex_search(stat, mm, std::regex("Chip area for module '[^']*': ([0-9.eE+-]+)")))
    x.area = std::stod(mm[1]);
  return x;
}

/// Stage (--verify): Yosys on the flattened design must find the same longest paths and area.
void verify(const Flow& f, const AreaReport& a) {
  f.say("verifying against Yosys on the flattened design (flatten, ltp -noff, stat -liberty)");
  const VerifyFiles vf{"work/merged.generic.json", "work/merged.json", "work/verify.ltp.txt", "work/verify.stat.txt",
                       "work/verify.ltp_mapped.txt"};
  std::vector<std::string> generic_files, mapped_files, seq_cells;
  for (size_t k = 0; k < f.modules.size(); ++k) {
    generic_files.push_back(f.jobs[k].prefix + ".generic.json");
    mapped_files.push_back(f.jobs[k].prefix + ".json");
  }
  write_text(f.dir / vf.generic_json, merge_json(f.dir, generic_files, f.lib));
  write_text(f.dir / vf.mapped_json, merge_json(f.dir, mapped_files, f.lib));
  for (const auto& [type, n] : a.by_type)
    if (f.lib.cells.at(type).sequential) seq_cells.push_back(type);
  const YosysJob v{"verify", "work/verify.ys", "work/verify.log", ""};
  write_text(f.dir / v.script, verify_script(f.top(), seq_cells, vf));
  if (!run_yosys(f.dir, v)) throw FlowFailure{"Yosys verification run failed", v.log};
  const FlatFigures flat = read_flat_figures(f, vf);
  const double area = a.total.area;
  const bool ok = flat.depth_generic == a.depth_generic && flat.depth == a.depth &&
                  std::fabs(flat.area - area) <= 1e-6 * std::max(1.0, area) + 0.01;
  const std::string verdict = "verify: longest path " + std::to_string(a.depth) + " mapped / " +
                              std::to_string(a.depth_generic) + " generic levels hierarchical, " +
                              std::to_string(flat.depth) + " / " + std::to_string(flat.depth_generic) +
                              " by Yosys ltp on the flattened design; area " + fixed(area, 2) + " summed per instance, " +
                              fixed(flat.area, 2) + " by Yosys stat -liberty: " + (ok ? "agree" : "DISAGREE");
  if (ok) return f.say(verdict);
  std::cerr << "cimgen synth: " << verdict << "\n";
  throw FlowFailure{"verification failed", v.log};
}

/// Modules holding flip-flops (directly or in a submodule), the top and the adder tree aside:
/// the blocks timed alone (DESIGN.md section 13).
std::vector<std::string> registered_blocks(const Flow& f, const AreaReport& a) {
  std::vector<std::string> files;
  for (size_t k = 0; k < f.modules.size(); ++k) files.push_back(f.jobs[k].prefix + ".json");
  const nlohmann::json j = nlohmann::json::parse(merge_json(f.dir, files, f.lib));
  std::map<std::string, bool> regs;
  std::function<bool(const std::string&)> has_ff = [&](const std::string& m) {
    const auto it = regs.find(m);
    if (it != regs.end()) return it->second;
    regs[m] = false;
    const auto& mod = j["modules"];
    if (!mod.contains(m) || !mod[m].contains("cells")) return false;
    bool any = false;
    for (const auto& c : mod[m]["cells"]) {
      const std::string type = c.at("type");
      const auto lc = f.lib.cells.find(type);
      any = any || (lc != f.lib.cells.end() ? lc->second.sequential : has_ff(type));
    }
    return regs[m] = any;
  };
  std::vector<std::string> out;
  for (const auto& m : f.modules)
    if (m != f.top() && !(a.tree && m == f.s.name + "_adder_tree") && has_ff(m)) out.push_back(m);
  return out;
}

/// Stage (real library): OpenSTA on the periphery, on the adder tree alone and on each
/// registered block alone, in one hierarchical timed netlist.
TimingReport static_timing(const Flow& f, const AreaReport& a) {
  const TimingOptions& o = f.timing.opt;
  std::vector<std::string> files;
  for (size_t k = 0; k < f.modules.size(); ++k) files.push_back(f.jobs[k].prefix + (o.buffered ? ".generic.json" : ".json"));
  const std::string merged = o.buffered ? "work/timing.generic.json" : "work/timing.mapped.json";
  write_text(f.dir / merged, merge_json(f.dir, files, f.lib));
  std::vector<StaJob> jobs{{"sta_macro", f.top(), merged}};
  if (a.tree) jobs.push_back({"sta_tree", f.s.name + "_adder_tree", merged});
  const size_t first_block = jobs.size();
  for (const auto& m : registered_blocks(f, a))
    jobs.push_back({"sta_block" + std::to_string(jobs.size() - first_block), m, merged});
  f.say("static timing with OpenSTA at " + fixed(o.clock_ns, 3) + " ns (" + std::to_string(jobs.size()) + " tops)");
  std::vector<StaFigures> r;
  try {
    r = run_sta(f.dir, jobs, o, std::max(1, f.opt.jobs > 0 ? f.opt.jobs : int(std::thread::hardware_concurrency())));
  } catch (const StaFailure& e) {
    throw FlowFailure{e.what, e.log};
  }
  TimingReport t;
  t.opt = o;
  t.mapping = o.buffered ? "Timed netlist: the generic netlist, hierarchical (each distinct module mapped once, OpenSTA "
                           "links the instances), black boxes removed (their outputs become unconnected inputs), "
                           "re-mapped by ABC module by module with the clock as delay target and its buffering, up- and "
                           "down-sizing."
                         : "Timed netlist: the area netlist as it is (no delay target, no buffering), hierarchical, "
                           "black boxes removed (their outputs become unconnected inputs).";
  t.macro = r[0];
  if (a.tree) t.tree = r[1];
  for (size_t k = first_block; k < jobs.size(); ++k) t.blocks.push_back({pretty_module_name(jobs[k].top), r[k]});
  t.initiation_interval = f.s.initiation_interval;
  t.ops_per_vector = 2 * int64_t(f.s.N) * int64_t(f.s.C);
  t.bitcell_area_um2 = f.timing.bitcell_um2;
  t.array_um2 = double(f.s.array_cells + f.s.reference_cells) * t.bitcell_area_um2;
  t.bitcell_source = f.timing.bitcell_source;
  return t;
}

/// Stage: the report next to the files, the output directory moved into place.
void commit(const Flow& f, const AreaReport& a, std::chrono::steady_clock::time_point t0) {
  const std::string md = to_markdown(a);
  write_text(f.dir / "area.json", to_json(a));
  write_text(f.dir / "area.md", md);
  commit_dir(f.staged, f.out);
  const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
  f.say("done in " + fixed(seconds, 1) + " s; report in " + (fs::path(f.out) / "synth" / "area.md").string());
  std::cout << md;
}

int report_failure(const Flow& f, const FlowFailure& e) {
  commit_dir(f.staged, f.out);
  std::cerr << "cimgen synth: " << e.what;
  if (e.log.empty()) std::cerr << "\n";
  else std::cerr << "; see " << (fs::path(f.out) / "synth" / e.log).string() << "\n" << tail(fs::path(f.out) / "synth" / e.log, 8);
  return kExitCheckFailed;  // a Yosys assertion (latch, check, unmapped cell) or --verify failed
}

/// Removes the staging directory whatever happens (once committed it is gone already).
struct Cleanup {
  std::string path;
  ~Cleanup() {
    std::error_code ec;
    fs::remove_all(path, ec);
  }
};

} // namespace

int synthesize(const Spec& s, const FileSet& files, const SynthOptions& options, const ReferenceTree* ref) {
  const auto t0 = std::chrono::steady_clock::now();
  SynthOptions opt = options;
  TimingRequest timing = resolve_timing(s, opt);
  Flow f{s, opt, timing, ref, load_library(opt), opt.out.empty() ? s.name + "_synth" : opt.out, "", {}, 0, {}, {}};
  decide_timing(f);
  check_output_dir(f.out);
  const MacroManifest man = MacroManifest::parse(files.at("manifest.json"));
  f.staged = staging_dir(f.out);
  f.dir = fs::path(f.staged) / "synth";
  const Cleanup cleanup{f.staged};
  try {
    stage_files(f, files);
    elaborate(f, files.at("synth/" + s.name + ".ys"));
    list_modules(f);
    make_jobs(f);
    run_jobs(f);
    const SynthResult r = read_netlists(f);
    check_mapped(f, r);
    f.say("computing area and longest path");
    const AreaReport a = compute_area(s, f.lib, library_label(opt), r, man);
    if (opt.verify) verify(f, a);
    AreaReport report = a;
    report.bitcell_area_um2 = f.timing.bitcell_um2;
    report.array_um2 = double(s.array_cells + s.reference_cells) * f.timing.bitcell_um2;
    if (f.timing.run) report.timing = static_timing(f, a);
    commit(f, report, t0);
  } catch (const FlowFailure& e) {
    return report_failure(f, e);
  }
  return kExitOk;
}

} // namespace cimgen
