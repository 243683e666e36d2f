// cimgen — `cimgen synth`: elaborate once, synthesize every distinct module once in parallel
// Yosys runs (hierarchical: a module instantiated k times is priced k times, synthesized once),
// map onto a Liberty library, then compute area and the longest path without flattening.
#include "synth.hpp"

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cmath>
#include <filesystem>
#include <fstream>
#include <iomanip>
#include <iostream>
#include <mutex>
#include <nlohmann/json.hpp>
#include <regex>
#include <sstream>
#include <thread>

#include "blocks/adder_tree.hpp"
#include "generate.hpp"
#include "shell.hpp"
#include "yosys_script.hpp"

namespace cimgen {

namespace fs = std::filesystem;
using nlohmann::json;
using nlohmann::ordered_json;

namespace {

/// Transistors of one flip-flop (static master-slave DFF); `stat -tech cmos` leaves them out.
constexpr int64_t kFfTransistors = 24;

std::string slurp(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  if (!in) throw std::runtime_error(p.string() + ": cannot read");
  return std::string(std::istreambuf_iterator<char>(in), {});
}

void spit(const fs::path& p, const std::string& text) {
  std::ofstream out(p, std::ios::binary);
  out << text;
  if (!out.flush()) throw std::runtime_error(p.string() + ": cannot write");
}

/// Yosys 0.23 prints the hierarchy tree into `stat -json` output; keep only the JSON lines.
json parse_stat(const std::string& text) {
  std::istringstream in(text);
  std::string clean, line;
  while (std::getline(in, line)) {
    const bool structural = line.find_first_not_of(" \t{}[],") == std::string::npos;
    if (structural || line.find('"') != std::string::npos) clean += line + "\n";
  }
  return json::parse(clean);
}

/// Readable module name: "$paramod\x_shift_acc\W=s32'0...01010" -> "x_shift_acc (W=10)";
/// "$paramod$<hash>\x_seg_sum" -> "x_seg_sum (parameterized)".
std::string pretty(const std::string& m) {
  if (m.rfind("$paramod", 0) != 0) return m;
  const size_t bs = m.find('\\');
  if (bs == std::string::npos) return m;
  std::string rest = m.substr(bs + 1);
  const size_t p = rest.find('\\');
  if (p == std::string::npos) return rest + " (parameterized)";
  std::string name = rest.substr(0, p), params;
  std::istringstream in(rest.substr(p + 1));
  std::string kv;
  while (std::getline(in, kv, '\\')) {
    const size_t eq = kv.find('='), q = kv.find('\'');
    std::string v = kv.substr(eq + 1);
    if (q != std::string::npos && q > eq) {
      uint64_t x = 0;
      for (char c : kv.substr(q + 1)) x = (x << 1) | uint64_t(c == '1');
      v = std::to_string(x);
    }
    params += (params.empty() ? "" : ", ") + kv.substr(0, eq) + "=" + v;
  }
  return name + " (" + params + ")";
}

/// Block of the area breakdown a module belongs to (by its name after the spec prefix).
std::string block_of(const std::string& module, const std::string& name) {
  const std::string m0 = pretty(module);
  std::string m;
  if (m0.rfind(name + "_", 0) == 0)
    for (size_t i = name.size() + 1; i < m0.size() && (std::isalnum((unsigned char)m0[i]) || m0[i] == '_'); ++i) m += m0[i];
  if (m == "ctrl") return "controller";
  if (m == "gating" || m.rfind("uarray", 0) == 0) return "gating and sense amplifiers";
  if (m == "adder_tree") return "adder trees";
  if (m == "sar") return "ADC logic (SAR sequencers)";
  if (m == "seg_sum" || m == "shift_acc" || m.rfind("channel", 0) == 0) return "accumulators and combine";
  if (m == "top") return "I/O registers and sequencing";
  return "other";
}

/// Last `n` lines of a file, for error messages.
std::string tail(const fs::path& p, int n) {
  std::ifstream in(p);
  std::vector<std::string> lines;
  std::string l;
  while (std::getline(in, l)) lines.push_back(l);
  std::string out;
  for (size_t i = lines.size() > size_t(n) ? lines.size() - n : 0; i < lines.size(); ++i) out += "  " + lines[i] + "\n";
  return out;
}

/// One Yosys run of the flow.
struct Job {
  std::string label;   ///< printed in progress lines
  std::string script;  ///< path relative to synth/
  std::string log;     ///< path relative to synth/
  std::string prefix;  ///< output prefix relative to synth/ (<prefix>.json, .generic.json, .cmos.json)
  bool ok = false;
  double seconds = 0;
};

int run_yosys(const fs::path& synth_dir, const Job& j) {
  const std::string cmd = "cd " + shell_quote(synth_dir.string()) + " && yosys -q -l " + shell_quote(j.log) + " -s " + shell_quote(j.script) +
                          " > /dev/null 2>&1";
  return std::system(cmd.c_str());
}

double seconds_since(std::chrono::steady_clock::time_point t0) {
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
}

/// Union of the modules of several Yosys JSON files (contents win over black boxes), without
/// the library cells (they come from read_liberty).
std::string merge_json(const fs::path& dir, const std::vector<std::string>& files, const Liberty& lib) {
  json out;
  out["modules"] = json::object();
  for (const auto& f : files) {
    const json j = json::parse(slurp(dir / f));
    for (auto it = j["modules"].begin(); it != j["modules"].end(); ++it) {
      if (lib.cells.count(it.key())) continue;
      const bool bb = it.value().contains("attributes") && it.value()["attributes"].contains("blackbox");
      if (bb && out["modules"].contains(it.key())) continue;
      out["modules"][it.key()] = it.value();
    }
  }
  return out.dump();
}

std::string fixed(double v, int digits) {
  std::ostringstream os;
  os << std::fixed << std::setprecision(digits) << v;
  return os.str();
}

/// Numbers of one module instance priced on the library.
struct Priced {
  int64_t cells = 0, ffs = 0;
  double area = 0;
  std::map<std::string, int64_t> by_type;
};

Priced price(const Netlist& n, const std::string& module, const Liberty& lib) {
  Priced p;
  for (const auto& [type, k] : n.leaf_cells(module)) {
    const auto c = lib.cells.find(type);
    if (c == lib.cells.end()) continue;  // a black box (bit cells, analog models)
    p.cells += k;
    p.area += double(k) * c->second.area;
    if (c->second.sequential) p.ffs += k;
    p.by_type[type] += k;
  }
  return p;
}

} // namespace

std::pair<std::string, std::string> area_report(const Spec& s, const Liberty& lib, const std::string& lib_label,
                                                const SynthResult& r) {
  const auto sequential = [&](const std::string& t) {
    const auto c = lib.cells.find(t);
    return c != lib.cells.end() ? c->second.sequential : is_yosys_sequential(t);
  };
  const std::string ge_cell = lib.nand2();
  const double ge_unit = ge_cell.empty() ? 0.0 : lib.cells.at(ge_cell).area;
  const auto ge = [&](double area) -> json { return ge_unit > 0 ? json(area / ge_unit) : json(nullptr); };

  const auto counts = r.mapped.instance_counts(r.top);
  struct Block {
    int64_t cells = 0, ffs = 0, transistors = 0;
    double area = 0;
  };
  std::map<std::string, Block> blocks;
  std::map<std::string, int64_t> by_type;
  Block total;
  ordered_json modules = ordered_json::array();
  for (const auto& [m, k] : counts) {
    const Priced p = price(r.mapped, m, lib);
    int64_t generic_ffs = 0;
    if (r.generic.module(m))
      for (const auto& [t, n] : r.generic.leaf_cells(m))
        if (is_yosys_sequential(t)) generic_ffs += n;
    const auto tr_it = r.cmos_transistors.find(m);
    const int64_t tr = (tr_it == r.cmos_transistors.end() ? 0 : tr_it->second) + generic_ffs * kFfTransistors;
    Block& b = blocks[block_of(m, s.name)];
    for (Block* x : {&b, &total}) {
      x->cells += p.cells * k;
      x->ffs += p.ffs * k;
      x->area += p.area * k;
      x->transistors += tr * k;
    }
    for (const auto& [t, n] : p.by_type) by_type[t] += n * k;
    ordered_json e;
    e["module"] = pretty(m);
    e["block"] = block_of(m, s.name);
    e["instances"] = k;
    e["cells"] = p.cells;
    e["flip_flops"] = p.ffs;
    e["area"] = p.area;
    e["gate_equivalents"] = ge(p.area);
    e["depth_levels"] = r.mapped.longest_path(m, sequential);
    modules.push_back(e);
  }
  const int depth = r.mapped.longest_path(r.top, sequential);
  const int depth_generic = r.generic.longest_path(r.top, is_yosys_sequential);

  // Analytic bit-cell array (DESIGN.md section 8); in_memory adds the reference cells of each
  // converter, (2^b - 1) << lsb_shift.
  const int64_t array_cells = int64_t(s.m + 1) * s.N * s.C + s.N;
  int64_t ref_cells = 0;
  if (s.datapath == Datapath::InMemory) {
    const int64_t per_conv = ((int64_t{1} << s.adc_bits) - 1) << s.adc_lsb_shift;
    ref_cells = per_conv * ((s.adc_per_row() ? s.m : 1) * int64_t(s.C) * s.S + s.S);
  }
  const double array_um2 = double(array_cells + ref_cells) * s.bitcell_area_um2;

  ordered_json j;
  j["name"] = s.name;
  j["spec_hash"] = s.hash;
  j["liberty"] = {{"library", lib.name}, {"file", lib_label}, {"gate_equivalent_cell", ge_cell}, {"gate_equivalent_area", ge_unit}};
  j["periphery"] = {{"cells", total.cells},
                    {"flip_flops", total.ffs},
                    {"area", total.area},
                    {"gate_equivalents", ge(total.area)},
                    {"transistors", total.transistors},
                    {"longest_path_levels", depth},
                    {"longest_path_levels_generic", depth_generic}};
  j["cells_by_type"] = by_type;
  ordered_json bl = ordered_json::array();
  for (const auto& [name, b] : blocks)
    bl.push_back({{"block", name}, {"cells", b.cells}, {"flip_flops", b.ffs}, {"area", b.area},
                  {"gate_equivalents", ge(b.area)}, {"transistors", b.transistors}});
  j["blocks"] = bl;
  j["modules"] = modules;

  // Adder tree: structure (full/half adders next to the lower bound) and synthesized cost next
  // to a behavioral tree of the same width.
  ordered_json tree;
  double tree_area = 0, ref_area = 0;  // one tree, and the behavioral reference
  if (s.datapath == Datapath::NearMemory) {
    TreeStats st;
    adder_tree_module(s.name, s.tree, s.L, s.COUNT_W, s.pipeline_stages, &st);
    const std::string tm = s.name + "_adder_tree";
    tree_area = price(r.mapped, tm, lib).area;
    tree["kind"] = to_string(s.tree);
    tree["inputs"] = s.L;
    tree["instances"] = counts.count(tm) ? counts.at(tm) : 0;
    tree["full_adders"] = st.full_adders;
    tree["half_adders"] = st.half_adders;
    tree["full_adder_lower_bound"] = s.L - clog2(uint64_t(s.L) + 1);
    tree["adder_levels"] = st.levels;
    tree["pipeline_registers"] = st.registers;
    tree["gate_equivalents"] = ge(tree_area);
    tree["depth_levels"] = r.mapped.longest_path(tm, sequential);
    if (!r.ref_top.empty()) {
      ref_area = price(r.ref_tree, r.ref_top, lib).area;
      tree["behavioral"] = {{"gate_equivalents", ge(ref_area)}, {"depth_levels", r.ref_tree.longest_path(r.ref_top, sequential)}};
    } else {
      tree["behavioral"] = {{"gate_equivalents", tree["gate_equivalents"]}, {"depth_levels", tree["depth_levels"]}};
    }
    j["adder_tree"] = tree;
  }
  j["array"] = {{"bitcells", array_cells}, {"reference_cells", ref_cells},
                {"bitcell_area_um2", s.bitcell_area_um2}, {"area_um2", array_um2}};

  // ---- markdown ----
  const bool generic = ge_unit == 1.0 && lib.name == "cimgen_generic";
  const auto ge_text = [&](double area) { return ge_unit > 0 ? fixed(area / ge_unit, 0) : std::string("-"); };
  std::ostringstream md;
  md << "# Area of " << s.name << " (spec " << s.hash << ")\n\n"
     << "Periphery synthesized by Yosys module by module (each distinct module once, priced per instance) and\n"
     << "mapped onto `" << lib.name << "`" << (generic ? " (cimgen's generic library, areas in gate equivalents)" : "")
     << "; bit cells and analog models are black boxes.\n"
     << "GE = area / area of " << (ge_cell.empty() ? "(no 2-input NAND in the library: GE not reported)" : ge_cell)
     << ". Transistors: Yosys `stat -tech cmos` on generic gates, plus " << kFfTransistors << " per flip-flop.\n\n"
     << "| block | cells | flip-flops | GE | transistors |\n| --- | ---: | ---: | ---: | ---: |\n";
  for (const auto& [name, b] : blocks)
    md << "| " << name << " | " << b.cells << " | " << b.ffs << " | " << ge_text(b.area) << " | " << b.transistors << " |\n";
  md << "| **total periphery** | " << total.cells << " | " << total.ffs << " | " << ge_text(total.area) << " | "
     << total.transistors << " |\n\n";
  if (!generic) md << "Library area of the periphery: " << fixed(total.area, 2) << " (library units).\n\n";
  md << "Cells by type:";
  for (const auto& [type, n] : by_type) md << (type == by_type.begin()->first ? " " : ", ") << type << " " << n;
  md << (by_type.empty() ? " none.\n\n" : ".\n\n");
  md << "Longest topological path: " << depth << " cell levels (" << depth_generic
     << " levels of Yosys generic gates).\n\n";
  md << "| module | instances | cells each | GE each | GE total | depth with submodules |\n| --- | ---: | ---: | ---: | ---: | ---: |\n";
  for (const auto& e : modules)
    md << "| " << e["module"].get<std::string>() << " | " << e["instances"].get<int64_t>() << " | " << e["cells"].get<int64_t>()
       << " | " << ge_text(e["area"].get<double>()) << " | "
       << ge_text(e["area"].get<double>() * double(e["instances"].get<int64_t>())) << " | " << e["depth_levels"].get<int>()
       << " |\n";
  if (!tree.empty()) {
    md << "\nAdder tree (" << tree["kind"].get<std::string>() << ", " << s.L << " inputs, " << tree["instances"].get<int64_t>()
       << " instances): " << tree["full_adders"].get<int>() << " full adders (lower bound "
       << tree["full_adder_lower_bound"].get<int>() << "), " << tree["half_adders"].get<int>() << " half adders, "
       << tree["adder_levels"].get<int>() << " adder levels; " << ge_text(tree_area)
       << " GE and " << tree["depth_levels"].get<int>() << " cell levels each";
    if (!r.ref_top.empty())
      md << " (behavioral tree of the same width: " << ge_text(ref_area) << " GE, "
         << tree["behavioral"]["depth_levels"].get<int>() << " cell levels)";
    md << ".\n";
  }
  md << "\nBit-cell array (analytic): " << array_cells << " cells";
  if (ref_cells) md << " + " << ref_cells << " reference cells";
  md << " x " << s.bitcell_area_um2 << " um^2 = " << array_um2 << " um^2.\n";
  return {j.dump(2) + "\n", md.str()};
}

int run_synth(const std::string& spec_path, const SynthOptions& opt) {
  const auto t0 = std::chrono::steady_clock::now();
  const Spec s = Spec::from_file(spec_path);
  const Liberty lib = opt.liberty.empty() ? Liberty::parse(generic_liberty_text(), "cimgen_generic.lib")
                                          : Liberty::from_file(opt.liberty);
  if (std::none_of(lib.cells.begin(), lib.cells.end(), [](const auto& c) { return c.second.sequential; }))
    throw InputError(opt.liberty + ": no flip-flop cell (no cell with an ff group) for dfflibmap");
  const std::string out = opt.out.empty() ? s.name + "_synth" : opt.out;
  check_output_dir(out);
  const auto say = [&](const std::string& line) {
    if (!opt.quiet) std::cerr << "cimgen synth: " << line << std::endl;
  };

  FileSet files = generate(s);
  add_design_script(s, files);
  list_files_in_manifest(files);
  if (!opt.liberty.empty()) files[std::string("synth/") + kCellLibrary] = slurp(opt.liberty);
  const std::string top = s.name + "_top";
  const bool ref_tree = s.datapath == Datapath::NearMemory && s.tree != TreeKind::Behavioral;
  const std::string ref_top = s.name + "_ref_adder_tree";
  if (ref_tree) {
    TreeStats st;
    files["synth/work/ref_adder_tree.v"] = "`default_nettype none\n\n" +
                                           adder_tree_module(s.name + "_ref", TreeKind::Behavioral, s.L, s.COUNT_W, 0, &st) +
                                           "\n`default_nettype wire\n";
  }

  const std::string staged = staging_dir(out);
  const fs::path dir = fs::path(staged) / "synth";
  // Whatever happens, no half-written staging directory stays behind (once committed it is gone).
  struct Cleanup {
    std::string path;
    ~Cleanup() {
      std::error_code ec;
      fs::remove_all(path, ec);
    }
  } cleanup{staged};
  write_files(staged, files);
  fs::create_directories(dir / "work");
  // On a tool failure the output (with its logs) is still moved into place, for inspection.
  const auto fail = [&](const std::string& what, const std::string& log) {
    commit_dir(staged, out);
    std::cerr << "cimgen synth: " << what << "; see " << (fs::path(out) / "synth" / log).string() << "\n"
              << tail(fs::path(out) / "synth" / log, 8);
    return 1;
  };

  // 1. Elaborate once: parameterized modules get their final names; list the distinct modules.
  // The read and hierarchy commands are taken from the whole-design script, so both flows read
  // the RTL the same way.
  const std::string whole = files.at("synth/" + s.name + ".ys");
  std::string elab;
  {
    std::istringstream in(whole);
    std::string line;
    while (std::getline(in, line))
      if (line.rfind("read_", 0) == 0 || line.rfind("hierarchy", 0) == 0) elab += line + "\n";
  }
  elab += "write_rtlil work/elab.il\ntee -q -o work/modules.txt ls\n";
  spit(dir / "work" / "elab.ys", elab);
  say("elaborating " + s.name + " (" + std::to_string(files.size()) + " files)");
  {
    const Job e{"elaborate", "work/elab.ys", "work/elab.log", ""};
    if (run_yosys(dir, e) != 0) return fail("Yosys elaboration failed", e.log);
  }
  std::vector<std::string> mods;
  {
    std::istringstream in(slurp(dir / "work" / "modules.txt"));
    std::string line;
    while (std::getline(in, line)) {
      const size_t a = line.find_first_not_of(' ');
      if (a == std::string::npos || line.find(" modules:") != std::string::npos) continue;
      mods.push_back(line.substr(a));
    }
  }
  // The top (usually the largest run) first.
  std::stable_partition(mods.begin(), mods.end(), [&](const std::string& m) { return m == top; });

  // 2. One Yosys run per distinct module (others black boxes), plus the reference tree.
  std::vector<Job> jobs;
  for (size_t k = 0; k < mods.size(); ++k) {
    Job j{pretty(mods[k]), "work/m" + std::to_string(k) + ".ys", "work/m" + std::to_string(k) + ".log",
          "work/m" + std::to_string(k)};
    spit(dir / j.script, "read_rtlil work/elab.il\n" + std::string("read_liberty -lib ") + kCellLibrary + "\nhierarchy -top " +
                             mods[k] + "\nblackbox " + mods[k] + " %n\n" + synth_map_commands(mods[k], j.prefix, j.prefix));
    jobs.push_back(j);
  }
  if (ref_tree) {
    Job j{"behavioral reference tree", "work/ref.ys", "work/ref.log", "work/ref"};
    spit(dir / j.script, "read_verilog work/ref_adder_tree.v\n" + std::string("read_liberty -lib ") + kCellLibrary + "\n" +
                             synth_map_commands(ref_top, j.prefix, j.prefix));
    jobs.push_back(j);
  }
  const int njobs = std::max(1, opt.jobs > 0 ? opt.jobs : int(std::thread::hardware_concurrency()));
  say("synthesizing " + std::to_string(jobs.size()) + " distinct modules in " + std::to_string(std::min<size_t>(njobs, jobs.size())) +
      " parallel Yosys runs");
  std::atomic<size_t> next{0};
  std::atomic<int> done{0};
  std::mutex io;
  std::vector<std::thread> pool;
  for (int w = 0; w < njobs; ++w)
    pool.emplace_back([&] {
      for (size_t k; (k = next++) < jobs.size();) {
        const auto t = std::chrono::steady_clock::now();
        jobs[k].ok = run_yosys(dir, jobs[k]) == 0;
        jobs[k].seconds = seconds_since(t);
        const std::lock_guard<std::mutex> lock(io);
        say("[" + std::to_string(++done) + "/" + std::to_string(jobs.size()) + "] " + jobs[k].label + " " +
            (jobs[k].ok ? "" : "FAILED ") + fixed(jobs[k].seconds, 1) + " s");
      }
    });
  for (auto& t : pool) t.join();
  for (const auto& j : jobs)
    if (!j.ok) return fail("Yosys failed on " + j.label + " (a latch, a `check -assert` problem, or a tool error)", j.log);

  // 3. Read the netlists back and check that everything was mapped.
  SynthResult r;
  r.top = top;
  for (size_t k = 0; k < mods.size(); ++k) {
    const Job& j = jobs[k];
    r.mapped.add_json(slurp(dir / (j.prefix + ".json")), j.prefix + ".json");
    r.generic.add_json(slurp(dir / (j.prefix + ".generic.json")), j.prefix + ".generic.json");
    const json cm = parse_stat(slurp(dir / (j.prefix + ".cmos.json")));
    int64_t tr = 0;
    if (cm.contains("modules"))
      for (auto it = cm["modules"].begin(); it != cm["modules"].end(); ++it) {
        const std::string name = it.key().rfind("\\", 0) == 0 ? it.key().substr(1) : it.key();
        if (name != mods[k] || !it.value().contains("estimated_num_transistors")) continue;
        const auto& v = it.value()["estimated_num_transistors"];
        tr = v.is_number() ? v.get<int64_t>() : std::atoll(v.get<std::string>().c_str());
      }
    r.cmos_transistors[mods[k]] = tr;
  }
  if (ref_tree) {
    r.ref_tree.add_json(slurp(dir / "work/ref.json"), "work/ref.json");
    r.ref_top = ref_top;
  }
  for (const auto& m : r.mapped.modules())
    for (const auto& [t, n] : r.mapped.leaf_cells(m))
      if (t.rfind("$", 0) == 0) {
        commit_dir(staged, out);
        std::cerr << "cimgen synth: the cell library left " << n << " cell(s) of type " << t << " unmapped in " << pretty(m)
                  << " (" << (opt.liberty.empty() ? "generic library" : opt.liberty)
                  << " lacks a cell dfflibmap/abc can use for it)\n";
        return 1;
      }

  const std::string label = opt.liberty.empty() ? "cimgen_generic.lib (built in)" : fs::path(opt.liberty).filename().string();
  say("computing area and longest path");
  const auto [area_json, area_md] = area_report(s, lib, label, r);

  // 4. Optional cross-check against Yosys on the flattened design.
  if (opt.verify) {
    say("verifying against Yosys on the flattened design (flatten, ltp -noff, stat -liberty)");
    std::vector<std::string> generic_files, mapped_files;
    for (size_t k = 0; k < mods.size(); ++k) {
      generic_files.push_back(jobs[k].prefix + ".generic.json");
      mapped_files.push_back(jobs[k].prefix + ".json");
    }
    spit(dir / "work/merged.generic.json", merge_json(dir, generic_files, lib));
    spit(dir / "work/merged.json", merge_json(dir, mapped_files, lib));
    // `ltp -noff` knows only Yosys's own flip-flop types: on the mapped netlist the library's
    // flip-flops are deleted instead, which leaves their outputs as path starts, as -noff does.
    const json aj = json::parse(area_json);
    std::string seq_cells;
    for (auto it = aj["cells_by_type"].begin(); it != aj["cells_by_type"].end(); ++it)
      if (lib.cells.at(it.key()).sequential) seq_cells += " t:" + it.key();
    spit(dir / "work/verify.ys", "read_json work/merged.generic.json\nhierarchy -top " + top +
                                     "\nflatten\ntee -q -o work/verify.ltp.txt ltp -noff\ndesign -reset\nread_liberty -lib " +
                                     kCellLibrary + "\nread_json work/merged.json\nhierarchy -top " + top +
                                     "\ntee -q -o work/verify.stat.txt stat -liberty " + kCellLibrary + "\nflatten\n" +
                                     (seq_cells.empty() ? "" : "delete" + seq_cells + "\n") +
                                     "tee -q -o work/verify.ltp_mapped.txt ltp\n");
    const Job v{"verify", "work/verify.ys", "work/verify.log", ""};
    if (run_yosys(dir, v) != 0) return fail("Yosys verification run failed", v.log);
    std::smatch mm;
    const std::string ltp = slurp(dir / "work/verify.ltp.txt"), stat = slurp(dir / "work/verify.stat.txt");
    const std::string ltp_mapped = slurp(dir / "work/verify.ltp_mapped.txt");
    const int ours = aj["periphery"]["longest_path_levels_generic"].get<int>();
    const int ours_mapped = aj["periphery"]["longest_path_levels"].get<int>();
    const double area = aj["periphery"]["area"].get<double>();
    int flat = -1, flat_mapped = -1;
    double flat_area = -1;
    if (std::regex_search(ltp, mm, std::regex("length=([0-9]+)"))) flat = std::stoi(mm[1]);
    if (std::regex_search(ltp_mapped, mm, std::regex("length=([0-9]+)"))) flat_mapped = std::stoi(mm[1]);
    if (std::regex_search(stat, mm, std::regex("Chip area for top module '[^']*': ([0-9.eE+-]+)")))
      flat_area = std::stod(mm[1]);
    else if (std::regex_search(stat, mm, std::regex("Chip area for module '[^']*': ([0-9.eE+-]+)")))
      flat_area = std::stod(mm[1]);
    const bool ok = flat == ours && flat_mapped == ours_mapped &&
                    std::fabs(flat_area - area) <= 1e-6 * std::max(1.0, area) + 0.01;
    const std::string verdict = "verify: longest path " + std::to_string(ours_mapped) + " mapped / " +
                                std::to_string(ours) + " generic levels hierarchical, " + std::to_string(flat_mapped) +
                                " / " + std::to_string(flat) + " by Yosys ltp on the flattened design; area " +
                                fixed(area, 2) + " summed per instance, " + fixed(flat_area, 2) +
                                " by Yosys stat -liberty: " + (ok ? "agree" : "DISAGREE");
    if (ok) say(verdict);
    else std::cerr << "cimgen synth: " << verdict << "\n";
    if (!ok) return fail("verification failed", v.log);
  }

  spit(dir / "area.json", area_json);
  spit(dir / "area.md", area_md);
  commit_dir(staged, out);
  say("done in " + fixed(seconds_since(t0), 1) + " s; report in " + (fs::path(out) / "synth" / "area.md").string());
  std::cout << area_md;
  return 0;
}

} // namespace cimgen
