// cimgen — command-line front end.
#include <CLI/CLI.hpp>
#include <algorithm>
#include <cctype>
#include <charconv>
#include <iostream>
#include <nlohmann/json.hpp>

#include "dropout_cmd.hpp"
#include "files.hpp"
#include "generate.hpp"
#include "dima.hpp"
#include "golden.hpp"
#include "pruned.hpp"
#include "pruning.hpp"
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
  add_enum<Grouping>(t);
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
               const std::string& out, const std::string& zs, const std::string& program) {
  const Spec s = Spec::from_file(spec_path);
  if (!program.empty() && s.datapath != Datapath::Dima && !s.has_dropout())
    throw InputError("--program: only for a spec with \"dropout\" or datapath \"dima\"");
  const golden::dima::Program prog =
      program.empty() || s.has_dropout() ? golden::dima::Program{} : golden::dima::read_program(s, program);
  const auto w = golden::read_weights(s, wpath, zero_sign(zs));
  const auto x = golden::read_inputs(s, xpath, zero_sign(zs));
  if (!program.empty() && s.has_dropout()) {  // dropout: beat k with vector k (DESIGN.md section 11)
    const auto ys = golden::program_outputs(s, w, x, golden::read_program(s, program), program);
    golden::write_file_atomic(out, golden::format_outputs(ys));
    return kExitOk;
  }
  std::vector<std::vector<int64_t>> ys;
  for (const auto& v : x) {
    std::vector<int64_t> row;
    if (!prog.empty()) row = golden::dima::run(s, prog, w, v);
    else
      for (int c = 0; c < s.C; ++c) row.push_back(golden::evaluate_channel(s, c, w[c], v));
    ys.push_back(std::move(row));
  }
  golden::write_file_atomic(out, golden::format_outputs(ys));
  return kExitOk;
}

/// `vectors --mask-density D [--mask-clusters K] --mask FILE`: a seeded C x N mask of the spec's
/// shape (DESIGN.md section 10), i.i.d. or clustered.
int cmd_mask(const std::string& spec_path, uint64_t seed, double density, int clusters, const std::string& path) {
  const Spec s = Spec::from_file(spec_path);
  const std::string head = "# cimgen mask: " + std::to_string(s.C) + " x " + std::to_string(s.N) + ", density " +
                           std::to_string(density) + ", clusters " + std::to_string(clusters) + ", seed " +
                           std::to_string(seed) + "\n";
  golden::write_file_atomic(path, head + format_mask(random_mask(s.C, s.N, density, clusters, seed)));
  return kExitOk;
}

int cmd_vectors(const std::string& spec_path, uint64_t seed, int count, const std::string& wpath,
                const std::string& xpath) {
  const Spec s = Spec::from_file(spec_path);
  golden::Rng rng(seed);
  const auto w = golden::random_weights(s, rng);
  const auto x = golden::random_inputs(s, rng, count);
  const std::string head = "# cimgen vectors: spec " + s.name + " seed " + std::to_string(seed) + "\n";
  golden::write_files_atomic({{wpath, head + golden::format_weights(s, w)}, {xpath, head + golden::format_rows(x)}});
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

/// Every option value of every subcommand.
struct Args {
  std::string spec, wpath, xpath, out = "-", zs = "positive", dir, mask, program;
  double mask_density = -1;
  int mask_clusters = 0;
  bool as_json = false;
  uint64_t seed = 1;
  int count = 100;
  SimOptions sim;
  SynthOptions synth;
  DropoutOptions dropout;
};

/// The subcommands, to see which one was given.
struct Commands {
  CLI::App *check, *enums, *gold, *vec, *gen, *sim, *syn, *drop = nullptr;
};

void add_zero_sign(CLI::App* c, std::string& zs) {
  c->add_option("--zero-sign", zs, "encoding of a plain 0 token: +0 or -0 (-0 and +0 are always explicit)")
      ->check(CLI::IsMember({"positive", "negative"}));
}

/// check, enums, golden, vectors, generate.
void add_spec_commands(CLI::App& app, Args& a, Commands& c) {
  c.check = app.add_subcommand("check", "validate a spec and print its derived parameters");
  c.check->add_option("SPEC", a.spec, "spec JSON file")->required();
  c.check->add_flag("--json", a.as_json, "machine-readable output");

  c.enums = app.add_subcommand("enums", "list every enumerated spec field and its spellings");
  c.enums->add_flag("--json", a.as_json, "machine-readable output: {key: [spellings]}");

  c.gold = app.add_subcommand("golden", "compute expected outputs with the bit-exact golden model");
  c.gold->add_option("SPEC", a.spec, "spec JSON file")->required();
  c.gold->add_option("--weights", a.wpath, "weights file (C lines of N integers)")->required();
  c.gold->add_option("--inputs", a.xpath, "inputs file (one vector of N integers per line)")->required();
  c.gold->add_option("--out", a.out, "outputs file (default: stdout)");
  c.gold->add_option("--program", a.program, "dropout: beat program, beat k applied with input vector k; dima: run this program (one task per line) instead of the default");
  add_zero_sign(c.gold, a.zs);

  c.vec = app.add_subcommand("vectors", "write seeded random test data, corners included");
  c.vec->add_option("SPEC", a.spec, "spec JSON file")->required();
  c.vec->add_option("--seed", a.seed, "random seed")->check(kSeed)->capture_default_str();
  c.vec->add_option("--count", a.count, "number of input vectors")->check(CLI::Range(0, 10000000))->capture_default_str();
  c.vec->add_option("--weights", a.wpath, "weights file to write (`x` at pruned positions)");
  c.vec->add_option("--inputs", a.xpath, "inputs file to write");
  auto* density = c.vec->add_option("--mask-density", a.mask_density, "write a pruning mask of this kept density instead")
                      ->check(CLI::Range(0.0, 1.0));
  c.vec->add_option("--mask-clusters", a.mask_clusters, "clustered mask: K support templates with a few flipped bits")
      ->check(CLI::Range(1, 1024))
      ->needs(density);
  c.vec->add_option("--mask", a.mask, "mask file to write (with --mask-density)")->needs(density);
  density->excludes("--weights")->excludes("--inputs");

  c.gen = app.add_subcommand("generate", "generate the macro's RTL, manifest and synthesis script");
  c.gen->add_option("SPEC", a.spec, "spec JSON file")->required();
  c.gen->add_option("-o,--out", a.dir, "output directory (replaced atomically)")->required();
}

void add_sim_command(CLI::App& app, Args& a, Commands& c) {
  SimOptions& o = a.sim;
  c.sim = app.add_subcommand("sim", "generate, verilate (cached) and run the regression against the golden model");
  c.sim->add_option("SPEC", a.spec, "spec JSON file")->required();
  c.sim->add_option("--vectors", o.vectors, "random vectors")->capture_default_str();
  c.sim->add_option("--seed", o.seed, "random seed")->check(kSeed)->capture_default_str();
  c.sim->add_option("--weights", o.weights, "weights file (instead of random data)");
  c.sim->add_option("--inputs", o.inputs, "inputs file (instead of random data)");
  c.sim->add_option("--out", o.out, "write the RTL outputs to this file");
  c.sim->add_option("--program", o.program,
                    "dropout: beat program (cimgen dropout's program.txt), run on --vectors (at most 8) input vectors, "
                    "every beat and every sample checked; dima: program file loaded through the program port before the vectors");
  c.sim->add_option("--cache", o.cache,
                    "directory of verilated models (default: $XDG_CACHE_HOME/cimgen/sim or ~/.cache/cimgen/sim)");
  c.sim->add_option("--noise-sigma", o.noise_sigmas,
                    "in_memory: product-line noise sigma(s) in counts; dima: CBLP noise sigma(s) in one column's full-scale level; comma-separated; prints error statistics and CSNR")
      ->delimiter(',')
      ->check(CLI::Range(0.001, 1000.0));
  c.sim->add_option("--noise-seed", o.noise_seed, "seed of the product-line noise")->check(kSeed)->capture_default_str();
  c.sim->add_option("--gain-sigma", o.gain_sigma, "dima: static FR gain mismatch per column, relative sigma")
      ->check(CLI::Range(0.0, 10.0));
  c.sim->add_option("--offset-sigma", o.offset_sigma,
                    "dima: comparator offset sigma, in one column's full-scale level (as --noise-sigma)")
      ->check(CLI::Range(0.0, 1000.0));
  c.sim->add_option("--zero-sign", o.zero_sign, "encoding of a plain 0 token")
      ->check(CLI::IsMember({"positive", "negative"}));
  c.sim->add_option("--max-build-gb", o.max_build_gb,
                    "refuse (exit 2) a build expected to need more memory (default: the machine's memory)")
      ->check(CLI::Range(0.01, 1e6));
  c.sim->add_option("--threads", o.threads, "Verilator --threads of the model (default 1)")
      ->check(CLI::Range(1, 64));
  c.sim->add_option("--activity", o.activity,
                    "write the toggles of every net bit over the vectors (offered back to back) to this activity file, "
                    "for `cimgen synth --activity` (a separate model with Verilator toggle coverage)");
  c.sim->add_option("--hier", o.hier, "Verilator hierarchical blocks for the repeated modules: auto (large macros), on, off")
      ->check(CLI::IsMember({"auto", "on", "off"}))
      ->capture_default_str();
  c.sim->add_option("--inject-mismatch", o.inject_mismatch,
                    "test of the failure path: corrupt this vector's expected output (0-based)")
      ->check(CLI::NonNegativeNumber)
      ->group("Testing");
}

void add_synth_command(CLI::App& app, Args& a, Commands& c) {
  SynthOptions& o = a.synth;
  c.syn = app.add_subcommand("synth", "synthesize the periphery with Yosys and write synth/area.json, synth/area.md");
  c.syn->add_option("SPEC", a.spec, "spec JSON file")->required();
  c.syn->add_option("-o,--out", o.out, "output directory (default <name>_synth)");
  CLI::Option* liberty = c.syn->add_option("--liberty", o.liberty,
                    "Liberty cell library to map to (default: cimgen's generic library, areas in gate equivalents)");
  c.syn->add_option("-j,--jobs", o.jobs, "parallel Yosys runs (default: one per core)")->check(CLI::Range(1, 256));
  c.syn->add_flag("--verify", o.verify,
                  "also flatten in Yosys and check the hierarchical longest path and area against ltp and stat");
  c.syn->add_flag("-q,--quiet", o.quiet, "no progress lines");
  c.syn->add_option("--tech", o.tech, "shipped cell library: osu018, osu035 or osu050 (qflow-tech-osu* packages); runs OpenSTA")
      ->excludes(liberty);
  c.syn->add_option("--clock-ns", o.clock_ns, "target clock period in ns for mapping and static timing (default 10)");
  c.syn->add_option("--input-activity", o.input_activity, "vectorless input activity for power, toggles per clock")
      ->check(CLI::Range(0.0, 2.0))->capture_default_str();
  c.syn->add_flag("--no-buffering", o.no_buffering, "time the area netlist flattened as it is (no ABC delay target, no buffers)");
  CLI::Option* activity_inputs = c.syn->add_option("--activity-inputs", o.activity_inputs,
                    "inputs vector file: power from the x_data toggles of these vectors (else vectorless)");
  c.syn->add_option("--activity", o.activity,
                    "activity file of `cimgen sim --activity`: power from the toggles measured in simulation")
      ->excludes(activity_inputs);
  c.syn->add_flag("--no-adder-cells", o.no_adder_cells,
                  "map the trees' adders with ABC even when the library has full/half-adder cells");
  c.syn->add_option("--bitcell-um2", o.bitcell_um2, "bit-cell area in um^2 (default: the spec's, or 140 F^2 with --tech)");
}

void add_dropout_command(CLI::App& app, Args& a, Commands& c) {
  DropoutOptions& o = a.dropout;
  c.drop = app.add_subcommand("dropout", "MC-Dropout: draw masks, order the samples, write the beat program and cost report");
  c.drop->add_option("SPEC", a.spec, "spec JSON file with a dropout object")->required();
  c.drop->add_option("--samples", o.samples, "number of samples T")->check(CLI::Range(1, 2000))->capture_default_str();
  c.drop->add_option("--p-in", o.p_in, "probability that an input column is dropped")->check(CLI::Range(0.0, 1.0))->required();
  c.drop->add_option("--p-out", o.p_out, "probability that an output channel is dropped")->check(CLI::Range(0.0, 1.0))->capture_default_str();
  c.drop->add_option("--seed", o.seed, "mask seed")->check(kSeed)->capture_default_str();
  c.drop->add_option("-o,--out", o.out, "output directory (replaced atomically)")->required();
  c.drop->add_flag("!--no-plot", o.plot, "do not run gnuplot for cost.png");
}

/// Runs the given subcommand; input errors and internal errors become their exit codes.
int dispatch(const Commands& c, const Args& a) {
  try {
    if (*c.check) return cmd_check(a.spec, a.as_json);
    if (*c.enums) return cmd_enums(a.as_json);
    if (*c.gold) return cmd_golden(a.spec, a.wpath, a.xpath, a.out, a.zs, a.program);
    if (*c.vec && a.mask_density >= 0) {
      if (a.mask.empty()) throw InputError("vectors: --mask-density needs --mask FILE");
      return cmd_mask(a.spec, a.seed, a.mask_density, a.mask_clusters, a.mask);
    }
    if (*c.vec && (c.vec->count("--weights") == 0 || c.vec->count("--inputs") == 0))
      throw InputError("vectors: --weights and --inputs are required (or --mask-density with --mask)");
    if (*c.vec) return cmd_vectors(a.spec, a.seed, a.count, a.wpath, a.xpath);
    if (*c.gen) return cmd_generate(a.spec, a.dir);
    if (*c.sim) return run_sim(a.spec, a.sim);
    if (*c.syn) return run_synth(a.spec, a.synth);
    if (*c.drop) return run_dropout(a.spec, a.dropout);
  } catch (const InputError& e) {
    std::cerr << "cimgen: error: " << printable(e.what()) << "\n";
    return kExitBadInput;
  } catch (const std::exception& e) {
    std::cerr << "cimgen: internal error: " << printable(e.what()) << "\n";
    return kExitInternal;
  }
  return kExitOk;
}

} // namespace

int main(int argc, char** argv) {
  CLI::App app{"cimgen " + std::string(kVersion) +
               ": generator of compute-in-SRAM macros for the multiplication-free operator"};
  app.require_subcommand(1);
  app.set_version_flag("--version", kVersion);
  Args a;
  Commands c{};
  add_spec_commands(app, a, c);
  add_sim_command(app, a, c);
  add_synth_command(app, a, c);
  add_dropout_command(app, a, c);
  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    if (e.get_exit_code() == 0) return app.exit(e);  // --help, --version
    std::cerr << "cimgen: error: " << printable(e.what()) << " (see --help)\n";
    return kExitBadInput;
  }
  return dispatch(c, a);
}
