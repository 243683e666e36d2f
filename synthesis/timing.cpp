// cimgen — OpenSTA on the periphery: netlist and SDC, `sta` in batch, report parsed (one hierarchical
// netlist; flattened per job when measured activity names the flattened design's nets).
#include "timing.hpp"

#include <cmath>
#include <cstdlib>
#include <map>
#include <set>
#include <regex>
#include <sstream>

#include "area_report.hpp"
#include "errors.hpp"
#include "shell.hpp"
#include "yosys_run.hpp"
#include "yosys_script.hpp"

namespace cimgen {

namespace fs = std::filesystem;
using nlohmann::json;
using nlohmann::ordered_json;

namespace {

/// Load ABC assumes on every output of each module (pF, the OSU libraries' unit): about
/// the input capacitance of one X1 gate.
constexpr double kAbcLoadPf = 0.01;

/// Black-box modules (bit cells, analog models), the modules with a `clk` port, and plain names
/// for Yosys's parameterized modules (`$paramod\\m\\W=...`: OpenSTA cannot link those).
struct NetlistFacts {
  std::vector<std::string> blackboxes;
  std::set<std::string> clocked;
  std::map<std::string, std::string> plain;  ///< original module name -> name in the timed netlist
};

std::string plain_name(const std::string& name, std::map<std::string, int>& seen) {
  if (name.rfind("$paramod", 0) != 0) return name;
  const size_t a = name.find('\\'), b = name.find('\\', a + 1);
  const std::string base = name.substr(a + 1, b == std::string::npos ? std::string::npos : b - a - 1);
  return base + "_p" + std::to_string(seen[base]++);
}

/// Reads the generic (or mapped) netlist `in`, writes it to `out` with plain module names.
NetlistFacts prepare_netlist(const fs::path& in, const fs::path& out) {
  json j = json::parse(read_text(in));
  NetlistFacts f;
  std::map<std::string, int> seen;
  json mods = json::object();
  for (auto it = j.at("modules").begin(); it != j.at("modules").end(); ++it) f.plain[it.key()] = plain_name(it.key(), seen);
  for (auto it = j.at("modules").begin(); it != j.at("modules").end(); ++it) {
    json m = it.value();
    const std::string& name = f.plain.at(it.key());
    if (m.contains("attributes") && m["attributes"].contains("blackbox")) f.blackboxes.push_back(name);
    if (m.contains("ports") && m["ports"].contains("clk")) f.clocked.insert(name);
    if (m.contains("cells"))
      for (auto& c : m["cells"]) {
        const auto r = f.plain.find(c.at("type").get<std::string>());
        if (r != f.plain.end()) c["type"] = r->second;
      }
    mods[name] = std::move(m);
  }
  j["modules"] = std::move(mods);
  write_text(out, j.dump());
  return f;
}

/// The flattened flow: black-box modules (bit cells, analog models), their outputs, and whether
/// `top` has a `clk` port.
struct FlatFacts {
  std::vector<std::string> blackboxes;
  std::set<std::pair<std::string, std::string>> blackbox_outputs;  ///< (module, output port)
  bool has_clk = false;
};

FlatFacts flat_facts(const fs::path& json_file, const std::string& top) {
  const json j = json::parse(read_text(json_file));
  FlatFacts f;
  for (auto it = j.at("modules").begin(); it != j.at("modules").end(); ++it) {
    const json& m = it.value();
    if (m.contains("attributes") && m["attributes"].contains("blackbox")) {
      f.blackboxes.push_back(it.key());
      if (m.contains("ports"))
        for (auto p = m["ports"].begin(); p != m["ports"].end(); ++p)
          if (p.value().value("direction", "") == "output") f.blackbox_outputs.insert({it.key(), p.key()});
    }
    if (it.key() == top && m.contains("ports")) f.has_clk = m["ports"].contains("clk");
  }
  return f;
}

/// Yosys script of the flattened flow (with measured activity: its names are the flattened
/// design's): flatten `top`, delete the black boxes (their outputs become inputs of the timed
/// netlist), map with ABC's delay target and buffering when `buffered`, write Verilog and stat.
std::string flat_netlist_script(const StaJob& j, const FlatFacts& nf, const TimingOptions& opt) {
  std::ostringstream s;
  // The top renamed to the job's tag: a parameterized module's name ($paramod\m\W=...) is no
  // name OpenSTA can link.
  s << "read_liberty -lib " << kCellLibrary << "\nread_json " << j.json << "\nhierarchy -top " << j.top
    << "\nflatten\nrename -top " << j.tag << "\n";
  // The black boxes' outputs become inputs of the timed netlist. OpenSTA cannot constrain a port
  // named like g_ch[0].u_x.y[3]: those wires are hidden (plain names); the other hierarchical
  // names stay, for the measured activity (plain_net_names makes them plain identifiers).
  s << "opt_clean\n";
  for (const auto& b : nf.blackboxes) s << "rename -hide t:" << b << " %co t:" << b << " %d\n";
  for (const auto& b : nf.blackboxes) s << "delete t:" << b << "\n";
  s << "setundef -undriven -expose\nopt_clean\n";
  if (opt.buffered) {
    const long ps = std::lround(opt.clock_ns * 1000.0);
    s << "dfflibmap -liberty " << kCellLibrary << "\nabc -liberty " << kCellLibrary << " -constr work/" << j.tag
      << ".constr -D " << ps << "\nopt_clean\n";
  }
  // splitnets: OpenSTA's Verilog reader refuses concatenations on the left of an assign.
  s << "splitnets\nopt_clean\ntee -q -o work/" << j.tag << ".stat.txt stat -liberty " << kCellLibrary << "\nwrite_verilog -noattr -noexpr work/"
    << j.tag << ".v\n";
  return s.str();
}

/// Yosys script: keep the hierarchy of the first job's top (every job's top is one of its
/// modules), delete the black boxes (their outputs become unconnected module inputs), map each
/// module with ABC's delay target and buffering when `buffered` (ABC sees the fanout of every
/// net inside a module, module inputs driven by the library's smallest inverter), write Verilog
/// once and a `stat` per job. OpenSTA links the hierarchy: each distinct module is mapped once.
std::string netlist_script(const std::vector<StaJob>& jobs, const NetlistFacts& nf, const TimingOptions& opt) {
  std::ostringstream s;
  s << "read_liberty -lib " << kCellLibrary << "\nread_json work/sta.json\nhierarchy -top " << jobs.front().top << "\n";
  for (const auto& b : nf.blackboxes) s << "delete t:" << b << "\n";
  // Hierarchical wire names (g_ch[0].u_x.y) confuse OpenSTA's bus parsing: hide them first,
  // so that the exposed black-box outputs get plain names.
  s << "rename -hide w:*.*\nsetundef -undriven -expose\nopt_clean\n";
  if (opt.buffered) {
    const long ps = std::lround(opt.clock_ns * 1000.0);
    s << "dfflibmap -liberty " << kCellLibrary << "\nabc -liberty " << kCellLibrary << " -constr work/sta.constr -D " << ps
      << "\nopt_clean\n";
  }
  // splitnets: OpenSTA's Verilog reader refuses concatenations on the left of an assign.
  s << "splitnets\nopt_clean\n";
  for (const auto& j : jobs)
    s << "tee -q -o work/" << j.tag << ".stat.txt stat -liberty " << kCellLibrary << " -top " << nf.plain.at(j.top) << "\n";
  // OpenSTA's power report crashes on a constant driving a net across the hierarchy (a module
  // output tied to 0): constants become instances of tie cells it takes for empty black boxes.
  s << "hilomap -singleton -hicell cimgen_tiehi Y -locell cimgen_tielo Y\nwrite_verilog -noattr -noexpr work/sta.v\n";
  return s.str();
}

std::string sdc_text(bool has_clk, const TimingOptions& opt) {
  const std::string period = fixed(opt.clock_ns, 4);
  return "# cimgen: ideal clock, inputs arrive and outputs are taken at the clock edge\n" +
         (has_clk ? "create_clock -name clk -period " + period + " [get_ports clk]\n"
                     : "create_clock -name clk -period " + period + "\n") +
         "set_input_delay 0 -clock clk [all_inputs]\nset_output_delay 0 -clock clk [all_outputs]\n";
}

/// Power activity: vectorless (every input alike), or measured per top input port (the tree
/// alone, whose ports are not the macro's, stays vectorless).
std::string power_activity(const TimingOptions& opt, bool macro, const std::string& measured) {
  if (macro && opt.measured) return measured;
  if (opt.port_activity.empty() || !macro) return "set_power_activity -input -activity " + fixed(opt.input_activity, 4) + "\n";
  std::string s = "set_power_activity -input -activity 0\n";
  for (const auto& [port, a] : opt.port_activity)
    s += "set_power_activity -input_ports [get_ports {" + port + "}] -activity " + fixed(a, 6) + "\n";
  return s;
}

/// OpenSTA script of job `j`: the netlist `verilog`, its module `top` linked; `measured`: the
/// commands of the measured activity (the macro, flattened flow).
std::string sta_script(const StaJob& j, const std::string& verilog, const std::string& top, const TimingOptions& opt,
                       bool macro, const std::string& measured = "") {
  return "read_liberty " + std::string(kCellLibrary) + "\nread_verilog " + verilog + "\nlink_design " + top +
         "\nread_sdc work/" + j.tag + ".sdc\nreport_checks -path_delay max -digits 4 -path_group clk\n" +
         power_activity(opt, macro, measured) + "report_power -digits 6\n";
}

double number(const std::string& text, const std::regex& re, const std::string& what) {
  std::smatch m;
  if (!std::regex_search(text, m, re)) throw std::runtime_error("no " + what);
  return std::stod(m[1]);
}

} // namespace

std::string smallest_inverter(const Liberty& lib) {
  std::string best;
  for (const auto& [name, c] : lib.cells) {
    if (c.sequential || c.dont_use || c.inputs.size() != 1 || c.outputs.size() != 1) continue;
    try {
      if (truth_table(c.outputs.begin()->second, c.inputs) != 0x1) continue;
    } catch (const InputError&) {
      continue;  // a function of other pins (pads, tristates)
    }
    if (best.empty() || c.area < lib.cells.at(best).area) best = name;
  }
  return best;
}

/// Runs OpenSTA on work/<tag>.tcl of job `j` and reads its report and the netlist's stat.
static StaFigures sta_run(const fs::path& dir, const StaJob& j, const TimingOptions& opt) {
  const std::string log = "work/" + j.tag + ".sta.log";
  const std::string cmd = "cd " + shell_quote(dir.string()) + " && sta -no_init -exit " + shell_quote("work/" + j.tag + ".tcl") +
                          " > " + shell_quote(log) + " 2>&1";
  const int rc = std::system(cmd.c_str());
  const std::string text = read_text(dir / log);
  if (rc != 0 || text.find("Error") != std::string::npos)
    throw StaFailure{"OpenSTA (sta) failed on " + j.top + (rc == 127 * 256 ? " (is the opensta package installed?)" : ""), log};
  try {
    StaFigures f = parse_sta(text, read_text(dir / ("work/" + j.tag + ".stat.txt")));
    f.critical_ns = opt.clock_ns - f.slack_ns;
    return f;
  } catch (const std::runtime_error& e) {
    throw StaFailure{"cannot read the OpenSTA report of " + j.top + ": " + e.what(), log};
  }
}

/// The hierarchical flow: one timed netlist, each distinct module mapped once, each job's top
/// linked in it.
static std::vector<StaFigures> run_sta_hier(const fs::path& dir, const std::vector<StaJob>& jobs, const TimingOptions& opt,
                                     int workers) {
  const NetlistFacts nf = prepare_netlist(dir / jobs.front().json, dir / "work/sta.json");
  for (const auto& j : jobs)
    if (!nf.plain.count(j.top)) throw StaFailure{"module " + j.top + " is not in the timed netlist", ""};
  write_text(dir / "work/sta.constr", "set_driving_cell " + opt.driving_cell + "\nset_load " + fixed(kAbcLoadPf, 4) + "\n");
  write_text(dir / "work/sta.netlist.ys", netlist_script(jobs, nf, opt));
  std::vector<YosysJob> yj{{"timing netlist", "work/sta.netlist.ys", "work/sta.netlist.log", ""}};
  run_parallel(dir, yj, workers, [](const YosysJob&, int) {});
  if (!yj[0].ok) throw StaFailure{"Yosys failed writing the timing netlist of " + jobs.front().top, yj[0].log};
  std::vector<StaFigures> out;
  for (size_t k = 0; k < jobs.size(); ++k) {
    const std::string& top = nf.plain.at(jobs[k].top);
    write_text(dir / ("work/" + jobs[k].tag + ".sdc"), sdc_text(nf.clocked.count(top) > 0, opt));
    write_text(dir / ("work/" + jobs[k].tag + ".tcl"), sta_script(jobs[k], "work/sta.v", top, opt, k == 0));
    out.push_back(sta_run(dir, jobs[k], opt));
  }
  return out;
}

/// The flattened flow, one netlist per job: measured activity names the flattened design's nets.
static std::vector<StaFigures> run_sta_flat(const fs::path& dir, const std::vector<StaJob>& jobs, const TimingOptions& opt,
                                     int workers) {
  std::vector<YosysJob> yj;
  std::vector<FlatFacts> facts;
  for (const auto& j : jobs) {
    facts.push_back(flat_facts(dir / j.json, j.top));
    write_text(dir / ("work/" + j.tag + ".constr"),
               "set_driving_cell " + opt.driving_cell + "\nset_load " + fixed(kAbcLoadPf, 4) + "\n");
    write_text(dir / ("work/" + j.tag + ".netlist.ys"), flat_netlist_script(j, facts.back(), opt));
    write_text(dir / ("work/" + j.tag + ".sdc"), sdc_text(facts.back().has_clk, opt));
    write_text(dir / ("work/" + j.tag + ".tcl"), sta_script(j, "work/" + j.tag + ".v", j.tag, opt, &j == &jobs.front()));
    yj.push_back({"timing netlist " + j.tag, "work/" + j.tag + ".netlist.ys", "work/" + j.tag + ".netlist.log", ""});
  }
  run_parallel(dir, yj, workers, [](const YosysJob&, int) {});
  std::vector<StaFigures> out;
  for (size_t k = 0; k < jobs.size(); ++k) {
    if (!yj[k].ok) throw StaFailure{"Yosys failed writing the timing netlist of " + jobs[k].top, yj[k].log};
    ActivityStats stats;
    const TimedNets tn = plain_net_names(dir / ("work/" + jobs[k].tag + ".v"));
    if (k == 0 && opt.measured)  // the macro: measured activity on its named nets
      write_text(dir / ("work/" + jobs[k].tag + ".tcl"),
                 sta_script(jobs[k], "work/" + jobs[k].tag + ".v", jobs[k].tag, opt, true, activity_commands(tn, *opt.measured, facts[k].blackbox_outputs, stats)));
    out.push_back(sta_run(dir, jobs[k], opt));
    out.back().activity = stats;
  }
  return out;
}

std::vector<StaFigures> run_sta(const fs::path& dir, const std::vector<StaJob>& jobs, const TimingOptions& opt,
                                int workers) {
  return opt.measured ? run_sta_flat(dir, jobs, opt, workers) : run_sta_hier(dir, jobs, opt, workers);
}

StaFigures parse_sta(const std::string& log, const std::string& stat) {
  StaFigures f;
  std::smatch m;
  if (std::regex_search(log, m, std::regex("Startpoint: (\\S+)"))) f.startpoint = m[1];
  if (std::regex_search(log, m, std::regex("Endpoint: (\\S+)"))) f.endpoint = m[1];
  if (f.startpoint.empty() || f.endpoint.empty()) throw std::runtime_error("no timing path");
  const size_t arrival = log.find("data arrival time");
  const std::regex stage("^\\s*(-?[0-9.]+)\\s+(-?[0-9.]+)\\s+([v^])\\s+(\\S+)\\s+\\(([^)]+)\\)\\s*$");
  std::istringstream in(log.substr(0, arrival));
  for (std::string line; std::getline(in, line);)
    if (std::regex_match(line, m, stage)) f.stages.push_back({m[4], m[5], m[3].str()[0], std::stod(m[1]), std::stod(m[2])});
  f.arrival_ns = number(log, std::regex("(-?[0-9.]+)\\s+data arrival time"), "data arrival time");
  f.required_ns = number(log, std::regex("(-?[0-9.]+)\\s+data required time"), "data required time");
  f.slack_ns = number(log, std::regex("(-?[0-9.]+)\\s+slack \\("), "slack");
  const std::string g = "\\s+([0-9.eE+-]+)";
  if (std::regex_search(log, m, std::regex("\\nTotal" + g + g + g + g))) {
    f.power_internal_w = std::stod(m[1]);
    f.power_switching_w = std::stod(m[2]);
    f.power_leakage_w = std::stod(m[3]);
    f.power_total_w = std::stod(m[4]);
  } else {
    throw std::runtime_error("no power report");
  }
  // A hierarchical `stat -top` lists every module, then the totals of the design hierarchy.
  const size_t h = stat.find("=== design hierarchy ===");
  const std::string total = h == std::string::npos ? stat : stat.substr(h);
  f.area = number(total, std::regex("Chip area for (?:top )?module '[^']*': ([0-9.eE+-]+)"), "chip area");
  f.cells = std::llround(number(total, std::regex("Number of cells:\\s+([0-9]+)"), "cell count"));
  return f;
}

Throughput throughput(const TimingReport& t, double periphery_area) {
  Throughput x;
  const StaFigures& m = t.macro;
  x.period_ns = t.opt.clock_ns;
  x.fmax_mhz = m.critical_ns > 0 ? 1000.0 / m.critical_ns : 0;
  const double vector_ns = double(t.initiation_interval) * x.period_ns;
  x.vectors_per_s = 1e9 / vector_ns;
  x.ops_per_s = x.vectors_per_s * double(t.ops_per_vector);
  x.energy_per_vector_pj = m.power_total_w * vector_ns * 1e3;  // W x ns = nJ; x 1e3 = pJ
  x.tops_per_w = m.power_total_w > 0 ? x.ops_per_s / m.power_total_w / 1e12 : 0;
  x.periphery_um2 = periphery_area;
  x.total_mm2 = (periphery_area + t.array_um2) * 1e-6;
  x.tops_per_mm2 = x.ops_per_s / 1e12 / x.total_mm2;
  x.edp_pj_ns = x.energy_per_vector_pj * vector_ns;
  return x;
}

namespace {

ordered_json sta_json(const StaFigures& f) {
  ordered_json stages = ordered_json::array();
  for (const auto& s : f.stages)
    stages.push_back({{"pin", s.pin}, {"cell", s.cell}, {"edge", std::string(1, s.edge)}, {"delay_ns", s.delay}, {"time_ns", s.time}});
  return {{"critical_path_ns", f.critical_ns}, {"worst_slack_ns", f.slack_ns}, {"fmax_mhz", f.critical_ns > 0 ? 1000.0 / f.critical_ns : 0},
          {"startpoint", f.startpoint},        {"endpoint", f.endpoint},       {"stages", stages},
          {"power_w", {{"internal", f.power_internal_w}, {"switching", f.power_switching_w}, {"leakage", f.power_leakage_w},
                       {"total", f.power_total_w}}},
          {"timed_netlist", {{"cells", f.cells}, {"area_um2", f.area}}}};
}

/// Where the activity of the power figures comes from, one phrase.
std::string activity_text(const TimingReport& t) {
  if (t.opt.measured) {
    const ActivityFile& a = *t.opt.measured;
    const ActivityStats& st = t.macro.activity;
    return "activity: simulated (" + std::to_string(a.vectors) + " vectors, " + std::to_string(a.cycles) + " cycles, from " +
           a.path + "): " + std::to_string(st.measured) + " of " + std::to_string(st.nets) +
           " nets and input ports measured, " + std::to_string(st.nets - st.measured - st.blackbox_inputs) +
           " propagated by OpenSTA, " + std::to_string(st.blackbox_inputs) + " black-box outputs at their mean " +
           fixed(st.blackbox_activity, 4) + " toggles per clock, duty 0.5";
  }
  if (t.opt.port_activity.empty())
    return "activity: vectorless (input activity " + fixed(t.opt.input_activity, 2) + " toggles per clock)";
  return "input-port activity " + t.opt.activity_source;
}

/// Each registered block alone: its critical path, without the stages.
ordered_json blocks_json(const TimingReport& t) {
  ordered_json a = ordered_json::array();
  for (const auto& [name, f] : t.blocks)
    a.push_back({{"module", name}, {"critical_path_ns", f.critical_ns}, {"fmax_mhz", f.critical_ns > 0 ? 1000.0 / f.critical_ns : 0},
                 {"startpoint", f.startpoint}, {"endpoint", f.endpoint}, {"cell_stages", f.stages.size()}});
  return a;
}

std::string blocks_markdown(const TimingReport& t) {
  if (t.blocks.empty()) return "";
  std::ostringstream md;
  md << "\nEach registered block alone, same netlist (inputs at the clock edge):\n\n| block | critical path ns | fmax MHz | from | to |\n"
        "| --- | ---: | ---: | --- | --- |\n";
  for (const auto& [name, f] : t.blocks)
    md << "| " << name << " | " << fixed(f.critical_ns, 3) << " | " << fixed(f.critical_ns > 0 ? 1000.0 / f.critical_ns : 0, 1)
       << " | " << f.startpoint << " | " << f.endpoint << " |\n";
  return md.str();
}

const char* kExcluded = "bit cells, analog models (product lines, converters) and the clock tree are outside the timed "
                        "netlist: their delay, power and energy are not included";

} // namespace

ordered_json timing_json(const TimingReport& t, double periphery_area) {
  const Throughput x = throughput(t, periphery_area);
  ordered_json j;
  j["tool"] = "OpenSTA (sta), ideal clock, inputs and outputs at the clock edge";
  j["mapping"] = t.mapping;
  j["clock_ns"] = t.opt.clock_ns;
  j["macro"] = sta_json(t.macro);
  if (t.tree) {
    j["adder_tree_alone"] = sta_json(*t.tree);
    j["macro_over_tree"] = t.tree->critical_ns > 0 ? t.macro.critical_ns / t.tree->critical_ns : 0;
  }
  j["blocks"] = blocks_json(t);
  if (t.opt.measured) {
    const ActivityFile& a = *t.opt.measured;
    const ActivityStats& st = t.macro.activity;
    j["activity"] = {{"source", "simulated"}, {"file", a.path}, {"vectors", a.vectors}, {"cycles", a.cycles},
                     {"nets_measured", st.measured}, {"nets_propagated", st.nets - st.measured - st.blackbox_inputs},
                     {"nets", st.nets}, {"blackbox_inputs", st.blackbox_inputs},
                     {"blackbox_input_toggles_per_clock", st.blackbox_activity}, {"duty", 0.5}};
  } else if (t.opt.port_activity.empty()) {
    j["activity"] = {{"source", "vectorless"}, {"input_toggles_per_clock", t.opt.input_activity}};
  } else {
    double sum = 0;
    for (const auto& pa : t.opt.port_activity) sum += pa.second;
    j["activity"] = {{"source", t.opt.activity_source}, {"ports", t.opt.port_activity.size()},
                     {"mean_port_toggles_per_clock", sum / double(t.opt.port_activity.size())}};
  }
  j["per_vector"] = {{"initiation_interval", t.initiation_interval}, {"ops", t.ops_per_vector},
                     {"energy_pj", x.energy_per_vector_pj},          {"energy_delay_pj_ns", x.edp_pj_ns}};
  j["throughput"] = {{"vectors_per_s", x.vectors_per_s}, {"ops_per_s", x.ops_per_s}, {"tops_per_w", x.tops_per_w},
                     {"tops_per_mm2", x.tops_per_mm2},    {"periphery_um2", x.periphery_um2},
                     {"array_um2", t.array_um2},          {"bitcell_area_um2", t.bitcell_area_um2},
                     {"bitcell_area_source", t.bitcell_source}};
  j["excluded"] = kExcluded;
  return j;
}

std::string timing_markdown(const TimingReport& t, double periphery_area) {
  const Throughput x = throughput(t, periphery_area);
  const StaFigures& m = t.macro;
  std::ostringstream md;
  md << "\n## Timing and power (OpenSTA)\n\n" << t.mapping << " Clock " << fixed(t.opt.clock_ns, 3)
     << " ns (ideal), inputs and outputs at the clock edge.\n\n";
  md << "Critical path " << fixed(m.critical_ns, 3) << " ns (fmax " << fixed(x.fmax_mhz, 1) << " MHz), worst slack "
     << fixed(m.slack_ns, 3) << " ns, from " << m.startpoint << " to " << m.endpoint << ":\n\n| pin | cell | delay ns | time ns |\n| --- | --- | ---: | ---: |\n";
  for (const auto& s : m.stages)
    md << "| " << s.pin << " " << s.edge << " | " << s.cell << " | " << fixed(s.delay, 3) << " | " << fixed(s.time, 3) << " |\n";
  md << "\nTimed netlist: " << m.cells << " cells, " << fixed(m.area, 1) << " um^2.\n";
  if (t.tree)
    md << "Adder tree alone, same flow: " << fixed(t.tree->critical_ns, 3) << " ns; macro / tree = "
       << fixed(m.critical_ns / t.tree->critical_ns, 2) << ".\n";
  md << blocks_markdown(t);
  md << "\nPower at the clock (" << activity_text(t) << "): "
     << fixed(m.power_total_w * 1e3, 4) << " mW (internal " << fixed(m.power_internal_w * 1e3, 4) << ", switching "
     << fixed(m.power_switching_w * 1e3, 4) << ", leakage " << fixed(m.power_leakage_w * 1e6, 4) << " uW).\n";
  md << "Per vector (II " << t.initiation_interval << " cycles, " << t.ops_per_vector << " ops = 2*N*C): "
     << fixed(x.energy_per_vector_pj, 3) << " pJ, energy x delay " << fixed(x.edp_pj_ns, 2) << " pJ*ns; "
     << fixed(x.vectors_per_s / 1e6, 3) << " M vectors/s, " << fixed(x.ops_per_s / 1e9, 3) << " GOPS, "
     << fixed(x.tops_per_w, 4) << " TOPS/W (periphery), " << fixed(x.tops_per_mm2, 4) << " TOPS/mm^2 (periphery "
     << fixed(x.periphery_um2, 0) << " um^2 + array " << fixed(t.array_um2, 0) << " um^2, bit cell "
     << t.bitcell_area_um2 << " um^2 " << t.bitcell_source << ").\n\nExcluded: " << kExcluded << ".\n";
  return md.str();
}

} // namespace cimgen
