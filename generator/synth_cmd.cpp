// cimgen — `cimgen synth`: the generator's part (the macro and the reference tree), then the
// synthesis flow of synthesis/synth.cpp.
#include "synth_cmd.hpp"

#include <optional>

#include "blocks/adder_tree.hpp"
#include "generate.hpp"
#include "liberty.hpp"
#include "tech.hpp"
#include "yosys_script.hpp"

namespace cimgen {

namespace {

/// The behavioral adder tree of the macro's width, when its own tree is another kind (the
/// report sets the two side by side); none for in_memory, which has no adder tree.
std::optional<ReferenceTree> reference_tree(const Spec& s) {
  switch (s.datapath) {
  case Datapath::NearMemory:
  case Datapath::HTree: break;
  case Datapath::InMemory: return std::nullopt;
  }
  if (s.tree == TreeKind::Behavioral) return std::nullopt;  // the tree is its own reference
  TreeStats st;
  const std::string body = adder_tree_module(s.name + "_ref", TreeKind::Behavioral, s.L, s.COUNT_W, 0, &st);
  return ReferenceTree{s.name + "_ref_adder_tree", "`default_nettype none\n\n" + body + "\n`default_nettype wire\n"};
}

/// The library's full- and half-adder cells (none for the generic library or --no-adder-cells).
std::optional<AdderCells> library_adders(const SynthOptions& opt) {
  std::string path = opt.liberty;
  if (!opt.tech.empty()) find_tech(opt.tech, path);
  if (path.empty() || opt.no_adder_cells) return std::nullopt;
  const Liberty lib = Liberty::from_file(path);
  const std::optional<AdderCell> fa = lib.adder(3), ha = lib.adder(2);
  if (!fa && !ha) return std::nullopt;
  AdderCells c;
  if (fa) c.fa = fa->cell, c.fa_pins = {fa->inputs[0], fa->inputs[1], fa->inputs[2], fa->sum, fa->carry};
  if (ha) c.ha = ha->cell, c.ha_pins = {ha->inputs[0], ha->inputs[1], ha->sum, ha->carry};
  return c;
}

/// A structural adder tree rewritten with the library's adder cells instantiated (the RTL of
/// `generate` keeps its portable assigns; only the synthesized copy changes).
void use_adder_cells(const Spec& s, const AdderCells& cells, FileSet& files) {
  if (s.tree == TreeKind::Behavioral) return;
  const auto f = files.find("rtl/" + s.name + "_adder_tree.v");
  if (f == files.end()) return;
  const std::string plain = adder_tree_module(s.name, s.tree, s.L, s.COUNT_W, s.pipeline_stages, nullptr);
  const size_t at = f->second.find(plain);
  if (at == std::string::npos) return;  // another tree layout (none so far): its adders stay assigns
  f->second.replace(at, plain.size(), adder_tree_module(s.name, s.tree, s.L, s.COUNT_W, s.pipeline_stages, nullptr, &cells));
}

} // namespace

int run_synth(const std::string& spec_path, const SynthOptions& opt) {
  const Spec s = Spec::from_file(spec_path);
  FileSet files = generate(s);
  if (const auto cells = library_adders(opt)) use_adder_cells(s, *cells, files);
  add_design_script(s, files);
  list_files_in_manifest(files);
  const std::optional<ReferenceTree> ref = reference_tree(s);
  return synthesize(s, files, opt, ref ? &*ref : nullptr);
}

} // namespace cimgen
