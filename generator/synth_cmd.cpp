// cimgen — `cimgen synth`: the generator's part (the macro and the reference tree), then the
// synthesis flow of synthesis/synth.cpp.
#include "synth_cmd.hpp"

#include <optional>

#include "blocks/adder_tree.hpp"
#include "generate.hpp"
#include "liberty.hpp"
#include "tech.hpp"
#include "vecfile.hpp"
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

/// Activity of each x_data bit (toggles per clock) when the vectors of `path` enter back to back,
/// one per initiation interval: element i at x_data[i*(n+1) +: n+1] = {sign, magnitude}.
void input_activity(const Spec& s, const std::string& path, SynthOptions& opt) {
  const std::vector<golden::Vec> xs = golden::read_inputs(s, path, golden::ZeroSign::Positive);
  const int w = s.n + 1;
  std::vector<int64_t> toggles(size_t(s.N) * size_t(w), 0);
  for (size_t k = 1; k < xs.size(); ++k)
    for (int i = 0; i < s.N; ++i) {
      const auto bits = [&](const golden::SignMag& v) { return (uint64_t(v.neg) << s.n) | v.mag; };
      const uint64_t d = bits(xs[k][i]) ^ bits(xs[k - 1][i]);
      for (int j = 0; j < w; ++j) toggles[size_t(i) * w + j] += int64_t((d >> j) & 1);
    }
  const double cycles = double(xs.size() > 1 ? xs.size() - 1 : 1) * double(s.initiation_interval);
  for (size_t b = 0; b < toggles.size(); ++b)
    opt.port_activity.push_back({"x_data[" + std::to_string(b) + "]", double(toggles[b]) / cycles});
  opt.activity_source = "from " + path + " (" + std::to_string(xs.size()) + " vectors back to back, one per " +
                        std::to_string(s.initiation_interval) + " cycles; other inputs still)";
}

} // namespace

int run_synth(const std::string& spec_path, const SynthOptions& options) {
  const Spec s = Spec::from_file(spec_path);
  SynthOptions opt = options;
  if (!opt.activity_inputs.empty()) input_activity(s, opt.activity_inputs, opt);
  FileSet files = generate(s);
  if (const auto cells = library_adders(opt)) use_adder_cells(s, *cells, files);
  add_design_script(s, files);
  list_files_in_manifest(files);
  const std::optional<ReferenceTree> ref = reference_tree(s);
  return synthesize(s, files, opt, ref ? &*ref : nullptr);
}

} // namespace cimgen
