// cimgen — `cimgen synth`: the generator's part (the macro and the reference tree), then the
// synthesis flow of synthesis/synth.cpp.
#include "synth_cmd.hpp"

#include <optional>

#include "blocks/adder_tree.hpp"
#include "generate.hpp"
#include "yosys_script.hpp"

namespace cimgen {

namespace {

/// The behavioral adder tree of the macro's width, when its own tree is another kind (the
/// report sets the two side by side); none for in_memory, which has no adder tree.
std::optional<ReferenceTree> reference_tree(const Spec& s) {
  switch (s.datapath) {
  case Datapath::NearMemory:
  case Datapath::HTree: break;
  case Datapath::InMemory:
  case Datapath::Dima: return std::nullopt;
  }
  if (s.tree == TreeKind::Behavioral) return std::nullopt;  // the tree is its own reference
  TreeStats st;
  const std::string body = adder_tree_module(s.name + "_ref", TreeKind::Behavioral, s.L, s.COUNT_W, 0, &st);
  return ReferenceTree{s.name + "_ref_adder_tree", "`default_nettype none\n\n" + body + "\n`default_nettype wire\n"};
}

} // namespace

int run_synth(const std::string& spec_path, const SynthOptions& opt) {
  const Spec s = Spec::from_file(spec_path);
  FileSet files = generate(s);
  add_design_script(s, files);
  list_files_in_manifest(files);
  const std::optional<ReferenceTree> ref = reference_tree(s);
  return synthesize(s, files, opt, ref ? &*ref : nullptr);
}

} // namespace cimgen
