// cimgen — the area report of `cimgen synth` (DESIGN.md section 8): computed once from the
// synthesized netlists and the generated manifest, then written as area.json and area.md.
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "liberty.hpp"
#include "netlist.hpp"
#include "spec.hpp"
#include "timing.hpp"

namespace cimgen {

/// What the report is made of: the synthesized netlists of one macro.
struct SynthResult {
  Netlist mapped;                                  ///< cells of the library, per module
  Netlist generic;                                 ///< Yosys generic gates, per module (before mapping)
  std::map<std::string, int64_t> cmos_transistors; ///< `stat -tech cmos` estimate per module
  std::string top;                                 ///< top module name
  Netlist ref_tree;                                ///< behavioral reference adder tree (empty if none)
  std::string ref_top;                             ///< its module name, or ""
};

/// What the report takes from the generated manifest.json.
struct MacroManifest {
  /// Structure of the adder tree as the generator built it (manifest "adder_tree").
  struct Tree {
    int full_adders = 0, half_adders = 0, levels = 0, pipeline_registers = 0;
    int64_t instances = 0;
  };
  std::map<std::string, std::string> block;  ///< module name -> report category ("block")
  std::optional<Tree> adder_tree;            ///< near_memory only

  /// Parse the manifest text. Throws std::runtime_error when a field is missing.
  static MacroManifest parse(const std::string& manifest_json);
};

/// Totals of one report category (or of the whole periphery).
struct BlockArea {
  int64_t cells = 0, ffs = 0, transistors = 0;
  double area = 0;  ///< library units
};

/// One distinct module, priced once and counted `instances` times.
struct ModuleArea {
  std::string module, block;  ///< readable name, report category
  int64_t instances = 0, cells = 0, ffs = 0;
  double area = 0;            ///< of one instance
  int depth = 0;              ///< longest path with its submodules, cell levels
};

/// The adder tree: structure from the generator, cost from synthesis, next to the behavioral tree.
struct TreeArea {
  std::string kind;
  int inputs = 0;
  MacroManifest::Tree structure;
  int full_adder_lower_bound = 0;
  double area = 0;          ///< one tree
  int depth = 0;            ///< one tree, cell levels
  bool has_reference = false;  ///< a behavioral tree was synthesized apart (else the tree is behavioral)
  double ref_area = 0;      ///< the behavioral tree (the tree itself without a reference)
  int ref_depth = 0;
  std::string fa_cell, ha_cell;   ///< the library's adder cells ("" if it has none)
  int64_t fa_used = 0, ha_used = 0;  ///< of them in one tree
};

/// Every figure of the report.
struct AreaReport {
  std::string name, spec_hash;
  std::string lib_name, lib_label;   ///< library (NAME), and the file it came from
  std::string ge_cell;               ///< NAND2 that defines a gate equivalent, "" if none
  double ge_unit = 0;                ///< its area (0: GE not reported)
  bool generic = false;              ///< cimgen's generic library (areas in gate equivalents)
  BlockArea total;                   ///< whole periphery
  std::map<std::string, BlockArea> blocks;     ///< per report category
  std::map<std::string, int64_t> by_type;      ///< cells of the whole periphery by library cell
  std::vector<ModuleArea> modules;             ///< by module name
  int depth = 0, depth_generic = 0;            ///< longest path: mapped cells, Yosys generic gates
  std::optional<TreeArea> tree;                ///< near_memory only
  int64_t array_cells = 0, reference_cells = 0;
  double bitcell_area_um2 = 0, array_um2 = 0;  ///< analytic bit-cell array
  std::optional<TimingReport> timing;          ///< OpenSTA figures (real libraries only)
  std::string pruning;                         ///< pruned specs: the report of DESIGN.md section 10 (JSON text)
  std::string pruning_text;                    ///< the same for area.md
};

/// `v` with `digits` decimals, as the report prints numbers.
std::string fixed(double v, int digits);

/// Price the netlists on `lib`; module categories and tree structure from `man`.
AreaReport compute_area(const Spec& s, const Liberty& lib, const std::string& lib_label, const SynthResult& r,
                        const MacroManifest& man);
/// area.json text.
std::string to_json(const AreaReport& a);
/// area.md text.
std::string to_markdown(const AreaReport& a);

} // namespace cimgen
