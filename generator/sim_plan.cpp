// cimgen — the build plan of `cimgen sim` (see sim_plan.hpp).
#include "sim_plan.hpp"

#include <algorithm>
#include <cstdio>
#include <map>
#include <regex>
#include <set>
#include <sstream>
#include <unistd.h>

#include <nlohmann/json.hpp>

#include "errors.hpp"

namespace cimgen {

namespace {

/// Peak build memory of a unit (the top or a hierarchical block) = kBaseGb + kGbPerByte per
/// byte of flattened Verilog + kGbPerHierInstance per hierarchical block instance in it (the
/// wrapper, its ports and the wide buses around it); the build's peak is its largest unit's.
/// A crude, conservative fit on the builds of issue 16 (README): the testbench compile (0.4 GB)
/// dominates small builds; flat im_n151_c5_l1 (58 MB) passed 5.4 GB. With the blocks really substituted (sim_plan.hpp,
/// hier_sources) whole cold builds peaked at 0.35 GB (im_n151_c5_l1, 755 uArray blocks, a 1.3 MB
/// top unit) and 0.38 GB (mf_n1024_c64, 64 channel-slice blocks; a g++ compile of the model):
/// at or below these estimates (0.6 + ...).
constexpr double kBaseGb = 0.6;
constexpr double kGbPerByte = 0.15e-6;
constexpr double kGbPerHierInstance = 0.3e-3;

/// The modules of manifest.json, with their sizes, children and per-instance parameters.
std::vector<PlanModule> read_modules(const FileSet& files, std::string& top) {
  const auto it = files.find("manifest.json");
  if (it == files.end()) throw std::logic_error("generated files without manifest.json");
  const nlohmann::json m = nlohmann::json::parse(it->second);
  top = m.at("top").get<std::string>();
  std::vector<PlanModule> out;
  std::set<std::string> names, overridden;
  for (const auto& j : m.at("modules")) names.insert(j.at("module").get<std::string>());
  static const std::regex inst(R"(^\s*([A-Za-z_]\w*)\s*(#|[A-Za-z_]\w*\s*\())");
  static const std::regex id_param(R"(parameter\s+integer\s+ID\b)");
  for (const auto& j : m.at("modules")) {
    PlanModule pm;
    pm.name = j.at("module").get<std::string>();
    pm.instances = j.at("instances").get<long long>();
    const auto f = files.find(j.at("file").get<std::string>());
    if (f == files.end()) throw std::logic_error("manifest.json names a file not generated: " + j.at("file").dump());
    pm.file = f->first;
    pm.own = static_cast<long long>(f->second.size());
    pm.per_instance = std::regex_search(f->second, id_param);
    std::istringstream in(f->second);
    for (std::string line; std::getline(in, line);) {
      std::smatch sm;
      if (!std::regex_search(line, sm, inst) || sm[1] == pm.name || !names.count(sm[1])) continue;
      if (sm[2] == "#") overridden.insert(sm[1]);
      if (std::find(pm.children.begin(), pm.children.end(), sm[1]) == pm.children.end()) pm.children.push_back(sm[1]);
    }
    out.push_back(pm);
  }
  for (PlanModule& pm : out) pm.overridden = overridden.count(pm.name) > 0;
  return out;
}

/// Instances of each child per instance of its parent, (parent, child) -> count. The manifest
/// gives totals only: a child of several parents (an adder tree in the uArray and in the top)
/// fills its larger parents first, whole instances per parent instance, the rest goes to the
/// smallest one.
std::map<std::pair<std::string, std::string>, long long> edge_counts(const std::vector<PlanModule>& mods) {
  std::map<std::string, std::vector<const PlanModule*>> parents;
  for (const PlanModule& m : mods)
    for (const std::string& c : m.children) parents[c].push_back(&m);
  std::map<std::pair<std::string, std::string>, long long> k;
  for (const PlanModule& m : mods) {
    auto& ps = parents[m.name];
    std::sort(ps.begin(), ps.end(), [](const PlanModule* a, const PlanModule* b) { return a->instances > b->instances; });
    long long left = m.instances;
    for (std::size_t i = 0; i < ps.size(); ++i) {
      const long long per = std::max(1LL, ps[i]->instances);
      const long long n = i + 1 == ps.size() ? (left + per - 1) / per : left / per;
      k[{ps[i]->name, m.name}] = std::max(1LL, n);
      left = std::max(0LL, left - n * per);
    }
  }
  return k;
}

struct Walk {
  const std::map<std::string, const PlanModule*>& by_name;
  const std::set<std::string>& hier;
  const std::map<std::pair<std::string, std::string>, long long>& k;
  std::map<std::string, long long> unit;  // unit owner (top or hier block) -> Verilog bytes
  std::map<std::string, double> gb;       // unit owner -> expected peak above kBaseGb
  std::set<std::string> units_seen;

  /// Adds `mult` instances of `m` and what they instantiate to the unit of `owner`; a
  /// hierarchical block is a unit of its own, counted once.
  void visit(const std::string& owner, const PlanModule& m, long long mult) {
    unit[owner] += m.own * mult;
    gb[owner] += kGbPerByte * double(m.own * mult);
    for (const std::string& c : m.children) {
      const long long n = mult * k.at({m.name, c});
      if (hier.count(c)) {
        gb[owner] += kGbPerHierInstance * double(n);
        if (units_seen.insert(c).second) visit(c, *by_name.at(c), 1);
      } else {
        visit(owner, *by_name.at(c), n);
      }
    }
  }
};

/// The outermost repeated composite modules below `name` (uArray, channel, bank: a leaf's own
/// instances are too small to pay a Verilator run and a call per evaluation); never a module
/// with a per-instance parameter or an instance that overrides its parameters.
void choose_hier(const std::map<std::string, const PlanModule*>& by_name, const std::string& name,
                 std::set<std::string>& hier, std::set<std::string>& done) {
  if (!done.insert(name).second) return;
  for (const std::string& c : by_name.at(name)->children) {
    const PlanModule& m = *by_name.at(c);
    if (m.instances >= 2 && !m.children.empty() && !m.per_instance && !m.overridden) hier.insert(c);
    else choose_hier(by_name, c, hier, done);
  }
}

} // namespace

std::string BuildPlan::vlt() const {
  std::string s = "`verilator_config\n";
  for (const std::string& h : hier) s += "hier_block -module \"" + h + "\"\n";
  return s;
}

std::string BuildPlan::size_text() const {
  char buf[256];
  std::snprintf(buf, sizeof buf, "%lld module instances, %zu distinct modules, %s, largest unit %.1f MB of Verilog",
                instances, modules.size(),
                hier.empty() ? "flat" : (std::to_string(hier.size()) + " hierarchical blocks").c_str(),
                double(unit_size) / 1e6);
  return buf;
}

std::string BuildPlan::summary() const {
  char buf[128];
  std::snprintf(buf, sizeof buf, ", expected peak %.1f GB, -j %d, --threads %d", est_gb, jobs, threads);
  return "build plan: " + size_text() + buf;
}

FileSet hier_sources(const FileSet& files, const BuildPlan& plan) {
  FileSet out = files;
  static const std::regex header_param(R"(^(\s*)parameter\b)");
  for (const PlanModule& m : plan.modules) {
    if (std::find(plan.hier.begin(), plan.hier.end(), m.name) == plan.hier.end()) continue;
    std::istringstream in(files.at(m.file));
    std::string text, line;
    bool header = false, done = false;
    while (std::getline(in, line)) {
      if (!done && line.rfind("module " + m.name, 0) == 0) header = true;
      if (header && !done) {
        line = std::regex_replace(line, header_param, "$1localparam");
        const auto first = line.find_first_not_of(" \t");
        done = first != std::string::npos && line[first] == ')';  // the end of the parameter list
      }
      text += line + '\n';
    }
    out[m.file] = text;
  }
  return out;
}

double physical_memory_gb() {
  const long pages = sysconf(_SC_PHYS_PAGES), page = sysconf(_SC_PAGE_SIZE);
  return pages > 0 && page > 0 ? double(pages) * double(page) / 1e9 : 0.0;
}

BuildPlan plan_build(const FileSet& files, const std::string& hier_mode, int threads, int cores, double memory_gb) {
  BuildPlan p;
  std::string top;
  p.modules = read_modules(files, top);
  std::map<std::string, const PlanModule*> by_name;
  for (const PlanModule& m : p.modules) {
    by_name[m.name] = &m;
    p.instances += m.instances;
    p.flat_size += m.instances * m.own;
  }
  if (!by_name.count(top)) throw std::logic_error("manifest.json: top " + top + " not among its modules");
  std::set<std::string> hier, done;
  if (hier_mode == "on" || (hier_mode == "auto" && p.flat_size >= kHierMinFlatBytes)) choose_hier(by_name, top, hier, done);
  p.hier.assign(hier.begin(), hier.end());
  const auto k = edge_counts(p.modules);
  Walk w{by_name, hier, k, {}, {}, {}};
  w.visit(top, *by_name.at(top), 1);
  for (const auto& [owner, bytes] : w.unit) p.unit_size = std::max(p.unit_size, bytes);
  p.est_gb = kBaseGb;
  for (const auto& [owner, g] : w.gb) p.est_gb = std::max(p.est_gb, kBaseGb + g);
  p.threads = std::max(1, threads);
  if (p.threads > 1 && !p.hier.empty()) {
    // Measured on mf_n1024_c64: Verilator evaluates the blocks' DPI calls one after the other,
    // finds nothing to run in parallel and stops (UNOPTTHREADS).
    p.note = "--threads " + std::to_string(p.threads) +
             " not used: a model with hierarchical blocks evaluates them one after the other (--hier off for a "
             "multi-threaded flat model)";
    p.threads = 1;
  }
  const int fit = memory_gb > 0 ? int(memory_gb / p.est_gb) : cores;
  p.jobs = std::max(1, std::min(cores, fit));
  return p;
}

}  // namespace cimgen
