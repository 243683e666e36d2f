// cimgen — command-line front end.
#include <CLI/CLI.hpp>
#include <algorithm>
#include <cctype>
#include <charconv>
#include <iostream>
#include <nlohmann/json.hpp>

#include "files.hpp"
#include "generate.hpp"
#include "golden.hpp"
#include "sim.hpp"
#include "synth_cmd.hpp"
#include "yosys_script.hpp"
#include "stimulus.hpp"
#include "vecfile.hpp"

using namespace cimgen;

namespace {

golden::ZeroSign zero_sign(const std::string& s) {
  return s == "negative" ? golden::ZeroSign::Negative : golden::ZeroSign::Positive;
}

int cmd_check(const std::string& spec_path, bool as_json) {
  const Spec s = Spec::from_file(spec_path);
  std::cout << (as_json ? s.derived_json() + "\n" : s.derived_text());
  return kExitOk;
}

/// Appends the table of E to `out`: key -> spellings as they are written in a spec (an
/// all-digit spelling such as converters' "1" is the JSON integer).
template <class E>
void add_enum(nlohmann::ordered_json& out) {
  nlohmann::ordered_json names = nlohmann::ordered_json::array();
  for (const std::string& n : enum_names<E>()) {
    const bool digits = !n.empty() && std::all_of(n.begin(), n.end(), [](unsigned char c) { return std::isdigit(c); });
    if (digits) names.push_back(std::stoi(n));
    else names.push_back(n);
  }
  out[EnumTable<E>::key] = names;
}

/// `cimgen enums`: every enum table of core/enums.hpp, for scripts (`--json`) or people.
int cmd_enums(bool as_json) {
  nlohmann::ordered_json t;
  add_enum<Operator>(t);
  add_enum<Datapath>(t);
  add_enum<TreeKind>(t);
  add_enum<Rounding>(t);
  add_enum<Converters>(t);
  if (as_json) {
    std::cout << t.dump(2) << "\n";
    return kExitOk;
  }
  for (const auto& [key, names] : t.items()) {
    std::cout << key << ":";
    for (const auto& n : names) std::cout << " " << (n.is_string() ? n.get<std::string>() : n.dump());
    std::cout << "\n";
  }
  return kExitOk;
}

int cmd_golden(const std::string& spec_path, const std::string& wpath, const std::string& xpath,
               const std::string& out, const std::string& zs) {
  const Spec s = Spec::from_file(spec_path);
  const auto w = golden::read_weights(s, wpath, zero_sign(zs));
  const auto x = golden::read_inputs(s, xpath, zero_sign(zs));
  std::vector<std::vector<int64_t>> ys;
  for (const auto& v : x) {
    std::vector<int64_t> row;
    for (int c = 0; c < s.C; ++c) row.push_back(golden::evaluate(s, w[c], v));
    ys.push_back(std::move(row));
  }
  golden::write_file_atomic(out, golden::format_outputs(ys));
  return kExitOk;
}

int cmd_vectors(const std::string& spec_path, uint64_t seed, int count, const std::string& wpath,
                const std::string& xpath) {
  const Spec s = Spec::from_file(spec_path);
  golden::Rng rng(seed);
  const auto w = golden::random_weights(s, rng);
  const auto x = golden::random_inputs(s, rng, count);
  const std::string head = "# cimgen vectors: spec " + s.name + " seed " + std::to_string(seed) + "\n";
  golden::write_files_atomic({{wpath, head + golden::format_rows(w)}, {xpath, head + golden::format_rows(x)}});
  return kExitOk;
}

int cmd_generate(const std::string& spec_path, const std::string& out) {
  const Spec s = Spec::from_file(spec_path);
  FileSet files = generate(s);
  add_design_script(s, files);
  list_files_in_manifest(files);
  write_tree(out, files);
  std::cerr << "cimgen: wrote " << files.size() << " files for '" << s.name << "' to " << out << "\n";
  return kExitOk;
}

/// A seed: a decimal integer in 0..2^64-1 (CLI11 alone would wrap larger ones).
const CLI::Validator kSeed(
    [](std::string& text) -> std::string {
      uint64_t v = 0;
      const char* end = text.data() + text.size();
      const auto r = std::from_chars(text.data(), end, v);
      if (text.empty() || r.ec != std::errc() || r.ptr != end)
        return "must be a decimal integer in 0.." + std::to_string(UINT64_MAX) + ", got '" + printable(text) + "'";
      return "";
    },
    "UINT64");

} // namespace

int main(int argc, char** argv) {
  CLI::App app{"cimgen " + std::string(kVersion) +
               ": generator of compute-in-SRAM macros for the multiplication-free operator"};
  app.require_subcommand(1);
  app.set_version_flag("--version", kVersion);

  std::string spec, wpath, xpath, out = "-", zs = "positive", dir;
  bool as_json = false;
  uint64_t seed = 1;
  int count = 100;
  const auto zero_opt = [&](CLI::App* c) {
    c->add_option("--zero-sign", zs, "encoding of a plain 0 token: +0 or -0 (-0 and +0 are always explicit)")
        ->check(CLI::IsMember({"positive", "negative"}));
  };

  auto* check = app.add_subcommand("check", "validate a spec and print its derived parameters");
  check->add_option("SPEC", spec, "spec JSON file")->required();
  check->add_flag("--json", as_json, "machine-readable output");

  auto* enums = app.add_subcommand("enums", "list every enumerated spec field and its spellings");
  enums->add_flag("--json", as_json, "machine-readable output: {key: [spellings]}");

  auto* gold = app.add_subcommand("golden", "compute expected outputs with the bit-exact golden model");
  gold->add_option("SPEC", spec, "spec JSON file")->required();
  gold->add_option("--weights", wpath, "weights file (C lines of N integers)")->required();
  gold->add_option("--inputs", xpath, "inputs file (one vector of N integers per line)")->required();
  gold->add_option("--out", out, "outputs file (default: stdout)");
  zero_opt(gold);

  auto* vec = app.add_subcommand("vectors", "write seeded random test data, corners included");
  vec->add_option("SPEC", spec, "spec JSON file")->required();
  vec->add_option("--seed", seed, "random seed")->check(kSeed)->capture_default_str();
  vec->add_option("--count", count, "number of input vectors")->check(CLI::Range(0, 10000000))->capture_default_str();
  vec->add_option("--weights", wpath, "weights file to write")->required();
  vec->add_option("--inputs", xpath, "inputs file to write")->required();

  auto* gen = app.add_subcommand("generate", "generate the macro's RTL, manifest and synthesis script");
  gen->add_option("SPEC", spec, "spec JSON file")->required();
  gen->add_option("-o,--out", dir, "output directory (replaced atomically)")->required();

  SimOptions sim_opt;
  auto* sim = app.add_subcommand("sim", "generate, verilate (cached) and run the regression against the golden model");
  sim->add_option("SPEC", spec, "spec JSON file")->required();
  sim->add_option("--vectors", sim_opt.vectors, "random vectors")->capture_default_str();
  sim->add_option("--seed", sim_opt.seed, "random seed")->check(kSeed)->capture_default_str();
  sim->add_option("--weights", sim_opt.weights, "weights file (instead of random data)");
  sim->add_option("--inputs", sim_opt.inputs, "inputs file (instead of random data)");
  sim->add_option("--out", sim_opt.out, "write the RTL outputs to this file");
  sim->add_option("--cache", sim_opt.cache,
                  "directory of verilated models (default: $XDG_CACHE_HOME/cimgen/sim or ~/.cache/cimgen/sim)");
  sim->add_option("--noise-sigma", sim_opt.noise_sigmas,
                  "in_memory: product-line noise sigma(s) in counts, comma-separated; prints error statistics")
      ->delimiter(',')
      ->check(CLI::Range(0.001, 1000.0));
  sim->add_option("--noise-seed", sim_opt.noise_seed, "seed of the product-line noise")->check(kSeed)->capture_default_str();
  sim->add_option("--zero-sign", sim_opt.zero_sign, "encoding of a plain 0 token")
      ->check(CLI::IsMember({"positive", "negative"}));

  SynthOptions synth_opt;
  auto* syn = app.add_subcommand("synth", "synthesize the periphery with Yosys and write synth/area.json, synth/area.md");
  syn->add_option("SPEC", spec, "spec JSON file")->required();
  syn->add_option("-o,--out", synth_opt.out, "output directory (default <name>_synth)");
  syn->add_option("--liberty", synth_opt.liberty,
                  "Liberty cell library to map to (default: cimgen's generic library, areas in gate equivalents)");
  syn->add_option("-j,--jobs", synth_opt.jobs, "parallel Yosys runs (default: one per core)")->check(CLI::Range(1, 256));
  syn->add_flag("--verify", synth_opt.verify,
                "also flatten in Yosys and check the hierarchical longest path and area against ltp and stat");
  syn->add_flag("-q,--quiet", synth_opt.quiet, "no progress lines");

  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    if (e.get_exit_code() == 0) return app.exit(e);  // --help, --version
    std::cerr << "cimgen: error: " << printable(e.what()) << " (see --help)\n";
    return kExitBadInput;
  }
  try {
    if (*check) return cmd_check(spec, as_json);
    if (*enums) return cmd_enums(as_json);
    if (*gold) return cmd_golden(spec, wpath, xpath, out, zs);
    if (*vec) return cmd_vectors(spec, seed, count, wpath, xpath);
    if (*gen) return cmd_generate(spec, dir);
    if (*sim) return run_sim(spec, sim_opt);
    if (*syn) return run_synth(spec, synth_opt);
  } catch (const InputError& e) {
    std::cerr << "cimgen: error: " << printable(e.what()) << "\n";
    return kExitBadInput;
  } catch (const std::exception& e) {
    std::cerr << "cimgen: internal error: " << printable(e.what()) << "\n";
    return kExitInternal;
  }
  return kExitOk;
}
