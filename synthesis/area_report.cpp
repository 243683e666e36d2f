// cimgen — area report: price every distinct module once, count it per instance, and add the
// analytic bit-cell array (DESIGN.md section 8).
#include "area_report.hpp"
#include "pruning.hpp"

#include <iomanip>
#include <nlohmann/json.hpp>
#include <sstream>
#include <stdexcept>

namespace cimgen {

using nlohmann::json;
using nlohmann::ordered_json;

namespace {

/// Transistors of one flip-flop (static master-slave DFF); `stat -tech cmos` leaves them out.
constexpr int64_t kFfTransistors = 24;

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

/// `stat -tech cmos` transistors of one module plus kFfTransistors per generic flip-flop.
int64_t transistors(const SynthResult& r, const std::string& m) {
  int64_t generic_ffs = 0;
  if (r.generic.module(m))
    for (const auto& [t, n] : r.generic.leaf_cells(m))
      if (is_yosys_sequential(t)) generic_ffs += n;
  const auto tr = r.cmos_transistors.find(m);
  return (tr == r.cmos_transistors.end() ? 0 : tr->second) + generic_ffs * kFfTransistors;
}

/// Report category of an elaborated module: that of the Verilog module it comes from.
const std::string& block_of(const MacroManifest& man, const std::string& m) {
  const auto it = man.block.find(base_module_name(m));
  if (it == man.block.end()) throw std::runtime_error("module " + m + " is not in manifest.json");
  return it->second;
}

using Sequential = std::function<bool(const std::string&)>;

/// Every module below the top, priced once, added to its category and to the total.
void add_modules(AreaReport& a, const Liberty& lib, const SynthResult& r, const MacroManifest& man, const Sequential& seq) {
  for (const auto& [m, k] : r.mapped.instance_counts(r.top)) {
    const Priced p = price(r.mapped, m, lib);
    const int64_t tr = transistors(r, m);
    const std::string& block = block_of(man, m);
    for (BlockArea* x : {&a.blocks[block], &a.total}) {
      x->cells += p.cells * k;
      x->ffs += p.ffs * k;
      x->area += p.area * k;
      x->transistors += tr * k;
    }
    for (const auto& [t, n] : p.by_type) a.by_type[t] += n * k;
    a.modules.push_back({pretty_module_name(m), block, k, p.cells, p.ffs, p.area, r.mapped.longest_path(m, seq)});
  }
}

/// The adder tree: structure from the manifest, cost of one synthesized tree and of the
/// behavioral reference (the tree itself when it is behavioral).
TreeArea tree_area(const Spec& s, const Liberty& lib, const SynthResult& r, const MacroManifest& man, const Sequential& seq) {
  if (!man.adder_tree) throw std::runtime_error("manifest.json of a near_memory macro has no \"adder_tree\"");
  TreeArea t;
  const std::string tm = s.name + "_adder_tree";
  t.kind = to_string(s.tree);
  t.inputs = s.L;
  t.structure = *man.adder_tree;
  t.full_adder_lower_bound = s.L - s.COUNT_W;
  t.area = price(r.mapped, tm, lib).area;
  t.depth = r.mapped.longest_path(tm, seq);
  t.has_reference = !r.ref_top.empty();
  t.ref_area = t.has_reference ? price(r.ref_tree, r.ref_top, lib).area : t.area;
  t.ref_depth = t.has_reference ? r.ref_tree.longest_path(r.ref_top, seq) : t.depth;
  const auto fa = lib.adder(3), ha = lib.adder(2);
  const auto used = r.mapped.leaf_cells(tm);
  const auto count = [&](const std::optional<AdderCell>& c) { return c && used.count(c->cell) ? used.at(c->cell) : 0; };
  t.fa_cell = fa ? fa->cell : "";
  t.ha_cell = ha ? ha->cell : "";
  t.fa_used = count(fa);
  t.ha_used = count(ha);
  return t;
}

json ge_json(const AreaReport& a, double area) { return a.ge_unit > 0 ? json(area / a.ge_unit) : json(nullptr); }

std::string ge_text(const AreaReport& a, double area) { return a.ge_unit > 0 ? fixed(area / a.ge_unit, 0) : std::string("-"); }

ordered_json tree_json(const AreaReport& a, const TreeArea& t) {
  ordered_json j;
  j["kind"] = t.kind;
  j["inputs"] = t.inputs;
  j["instances"] = t.structure.instances;
  j["full_adders"] = t.structure.full_adders;
  j["half_adders"] = t.structure.half_adders;
  j["full_adder_lower_bound"] = t.full_adder_lower_bound;
  j["adder_levels"] = t.structure.levels;
  j["pipeline_registers"] = t.structure.pipeline_registers;
  j["gate_equivalents"] = ge_json(a, t.area);
  j["depth_levels"] = t.depth;
  j["behavioral"] = {{"gate_equivalents", ge_json(a, t.ref_area)}, {"depth_levels", t.ref_depth}};
  if (!t.fa_cell.empty() || !t.ha_cell.empty()) {
    j["area"] = t.area;
    j["behavioral"]["area"] = t.ref_area;
    j["area_over_behavioral"] = t.ref_area > 0 ? t.area / t.ref_area : 0;
    j["library_adder_cells"] = {{"full_adder", t.fa_cell}, {"full_adders_used", t.fa_used},
                                {"half_adder", t.ha_cell}, {"half_adders_used", t.ha_used}};
  }
  return j;
}

ordered_json blocks_json(const AreaReport& a) {
  ordered_json bl = ordered_json::array();
  for (const auto& [name, b] : a.blocks)
    bl.push_back({{"block", name}, {"cells", b.cells}, {"flip_flops", b.ffs}, {"area", b.area},
                  {"gate_equivalents", ge_json(a, b.area)}, {"transistors", b.transistors}});
  return bl;
}

ordered_json modules_json(const AreaReport& a) {
  ordered_json modules = ordered_json::array();
  for (const auto& m : a.modules) {
    ordered_json e;
    e["module"] = m.module;
    e["block"] = m.block;
    e["instances"] = m.instances;
    e["cells"] = m.cells;
    e["flip_flops"] = m.ffs;
    e["area"] = m.area;
    e["gate_equivalents"] = ge_json(a, m.area);
    e["depth_levels"] = m.depth;
    modules.push_back(e);
  }
  return modules;
}

void markdown_head(std::ostream& md, const AreaReport& a) {
  md << "# Area of " << a.name << " (spec " << a.spec_hash << ")\n\n"
     << "Periphery synthesized by Yosys module by module (each distinct module once, priced per instance) and\n"
     << "mapped onto `" << a.lib_name << "`" << (a.generic ? " (cimgen's generic library, areas in gate equivalents)" : "")
     << "; bit cells and analog models are black boxes.\n"
     << "GE = area / area of " << (a.ge_cell.empty() ? "(no 2-input NAND in the library: GE not reported)" : a.ge_cell)
     << ". Transistors: Yosys `stat -tech cmos` on generic gates, plus " << kFfTransistors << " per flip-flop.\n\n";
}

void markdown_blocks(std::ostream& md, const AreaReport& a) {
  md << "| block | cells | flip-flops | GE | transistors |\n| --- | ---: | ---: | ---: | ---: |\n";
  for (const auto& [name, b] : a.blocks)
    md << "| " << name << " | " << b.cells << " | " << b.ffs << " | " << ge_text(a, b.area) << " | " << b.transistors << " |\n";
  md << "| **total periphery** | " << a.total.cells << " | " << a.total.ffs << " | " << ge_text(a, a.total.area) << " | "
     << a.total.transistors << " |\n\n";
  if (!a.generic) md << "Library area of the periphery: " << fixed(a.total.area, 2) << " (library units).\n\n";
  md << "Cells by type:";
  for (const auto& [type, n] : a.by_type) md << (type == a.by_type.begin()->first ? " " : ", ") << type << " " << n;
  md << (a.by_type.empty() ? " none.\n\n" : ".\n\n");
}

void markdown_modules(std::ostream& md, const AreaReport& a) {
  md << "Longest topological path: " << a.depth << " cell levels (" << a.depth_generic
     << " levels of Yosys generic gates).\n\n";
  md << "| module | instances | cells each | GE each | GE total | depth with submodules |\n| --- | ---: | ---: | ---: | ---: | ---: |\n";
  for (const auto& m : a.modules)
    md << "| " << m.module << " | " << m.instances << " | " << m.cells << " | " << ge_text(a, m.area) << " | "
       << ge_text(a, m.area * double(m.instances)) << " | " << m.depth << " |\n";
}

void markdown_tree(std::ostream& md, const AreaReport& a, const TreeArea& t) {
  md << "\nAdder tree (" << t.kind << ", " << t.inputs << " inputs, " << t.structure.instances
     << " instances): " << t.structure.full_adders << " full adders (lower bound " << t.full_adder_lower_bound << "), "
     << t.structure.half_adders << " half adders, " << t.structure.levels << " adder levels; " << ge_text(a, t.area)
     << " GE and " << t.depth << " cell levels each";
  if (t.has_reference)
    md << " (behavioral tree of the same width: " << ge_text(a, t.ref_area) << " GE, " << t.ref_depth << " cell levels)";
  md << ".\n";
  if (!t.fa_cell.empty() || !t.ha_cell.empty())
    md << "Library adder cells per tree: " << t.fa_used << " " << (t.fa_cell.empty() ? "-" : t.fa_cell) << ", " << t.ha_used
       << " " << (t.ha_cell.empty() ? "-" : t.ha_cell) << "; tree area " << fixed(t.area, 1) << " = "
       << fixed(t.ref_area > 0 ? t.area / t.ref_area : 0, 3) << " x the behavioral tree's " << fixed(t.ref_area, 1) << ".\n";
}

} // namespace

std::string fixed(double v, int digits) {
  std::ostringstream os;
  os << std::fixed << std::setprecision(digits) << v;
  return os.str();
}

MacroManifest MacroManifest::parse(const std::string& manifest_json) {
  const json man = json::parse(manifest_json);
  MacroManifest m;
  for (const auto& e : man.at("modules")) m.block[e.at("module").get<std::string>()] = e.at("block").get<std::string>();
  if (man.contains("adder_tree")) {
    const json& t = man["adder_tree"];
    m.adder_tree = Tree{t.at("full_adders").get<int>(), t.at("half_adders").get<int>(), t.at("levels").get<int>(),
                        t.at("pipeline_registers").get<int>(), t.at("instances").get<int64_t>()};
  }
  return m;
}

AreaReport compute_area(const Spec& s, const Liberty& lib, const std::string& lib_label, const SynthResult& r,
                        const MacroManifest& man) {
  const Sequential seq = [&](const std::string& t) {
    const auto c = lib.cells.find(t);
    return c != lib.cells.end() ? c->second.sequential : is_yosys_sequential(t);
  };
  AreaReport a;
  a.name = s.name;
  a.spec_hash = s.hash;
  a.lib_name = lib.name;
  a.lib_label = lib_label;
  a.ge_cell = lib.nand2();
  a.ge_unit = a.ge_cell.empty() ? 0.0 : lib.cells.at(a.ge_cell).area;
  a.generic = a.ge_unit == 1.0 && lib.name == "cimgen_generic";
  add_modules(a, lib, r, man, seq);
  a.depth = r.mapped.longest_path(r.top, seq);
  a.depth_generic = r.generic.longest_path(r.top, is_yosys_sequential);
  switch (s.datapath) {
  case Datapath::NearMemory:
  case Datapath::HTree: a.tree = tree_area(s, lib, r, man, seq); break;
  case Datapath::InMemory:  // no adder tree: the count comes from the SAR converters
  case Datapath::Dima: break;
  }
  a.array_cells = s.array_cells;
  a.reference_cells = s.reference_cells;
  a.bitcell_area_um2 = s.bitcell_area_um2;
  a.array_um2 = double(s.array_cells + s.reference_cells) * s.bitcell_area_um2;
  if (s.pruning) a.pruning = pruning_report_json(s), a.pruning_text = pruning_report_text(s);
  return a;
}

std::string to_json(const AreaReport& a) {
  ordered_json j;
  j["name"] = a.name;
  j["spec_hash"] = a.spec_hash;
  j["liberty"] = {{"library", a.lib_name}, {"file", a.lib_label}, {"gate_equivalent_cell", a.ge_cell},
                  {"gate_equivalent_area", a.ge_unit}};
  j["periphery"] = {{"cells", a.total.cells},
                    {"flip_flops", a.total.ffs},
                    {"area", a.total.area},
                    {"gate_equivalents", ge_json(a, a.total.area)},
                    {"transistors", a.total.transistors},
                    {"longest_path_levels", a.depth},
                    {"longest_path_levels_generic", a.depth_generic}};
  j["cells_by_type"] = a.by_type;
  j["blocks"] = blocks_json(a);
  j["modules"] = modules_json(a);
  if (a.tree) j["adder_tree"] = tree_json(a, *a.tree);
  j["array"] = {{"bitcells", a.array_cells}, {"reference_cells", a.reference_cells},
                {"bitcell_area_um2", a.bitcell_area_um2}, {"area_um2", a.array_um2}};
  if (a.timing) j["timing"] = timing_json(*a.timing, a.timing->macro.area);
  if (!a.pruning.empty()) j["pruning"] = ordered_json::parse(a.pruning);
  return j.dump(2) + "\n";
}

std::string to_markdown(const AreaReport& a) {
  std::ostringstream md;
  markdown_head(md, a);
  markdown_blocks(md, a);
  markdown_modules(md, a);
  if (a.tree) markdown_tree(md, a, *a.tree);
  md << "\nBit-cell array (analytic): " << a.array_cells << " cells";
  if (a.reference_cells) md << " + " << a.reference_cells << " reference cells";
  md << " x " << a.bitcell_area_um2 << " um^2 = " << a.array_um2 << " um^2.\n";
  if (a.timing) md << timing_markdown(*a.timing, a.timing->macro.area);
  if (!a.pruning.empty()) md << "\nPruned weights (DESIGN.md section 10):\n\n```\n" << a.pruning_text << "```\n";
  return md.str();
}

} // namespace cimgen
