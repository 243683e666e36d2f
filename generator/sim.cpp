// cimgen — `cimgen sim`.
#include "sim.hpp"

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <sys/wait.h>
#include <thread>
#include <unistd.h>

#include "dropout.hpp"
#include "dima.hpp"
#include "activity_sim.hpp"
#include "generate.hpp"
#include "shell.hpp"
#include "sim_plan.hpp"

#ifndef CIMGEN_SOURCE_DIR
#error "CIMGEN_SOURCE_DIR must name the source tree (the fallback for tb/, golden/ and core/)"
#endif

namespace cimgen {

namespace fs = std::filesystem;

namespace {

/// Changes with the way models are built, so a model of an older cimgen is never reused.
constexpr const char* kBuildRecipe = "recipe 2: hierarchical blocks without parameters, trace only on failure\n";

/// Runs `cmd` with /bin/sh; the command's exit status as an ExitCode (a crash or a status
/// outside the table is an internal failure).
int shell(const std::string& cmd) {
  std::cerr << "cimgen sim: " << cmd << "\n";
  const int rc = std::system(cmd.c_str());
  if (rc == -1 || !WIFEXITED(rc)) return kExitInternal;
  const int st = WEXITSTATUS(rc);
  return st == kExitOk || st == kExitCheckFailed || st == kExitBadInput ? st : kExitInternal;
}

/// The more severe of two exit codes (internal > bad input > check failed > ok).
int worst(int a, int b) { return std::max(a, b); }

std::string read_text(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  if (!in) throw InputError(p.string() + ": testbench source not found (reinstall cimgen or run it from its build tree)");
  return std::string(std::istreambuf_iterator<char>(in), {});
}

/// Verilates the RTL of `files` with the testbench into `dir`/obj/Vdut (skipped if present).
/// `extra`: Verilator options of a model variant (--trace-fst: the model that writes the waveform
/// of a failing run; toggle coverage: --activity).
int build_model(const Spec& s, const FileSet& files, const BuildPlan& plan, const fs::path& src, const SimSources& sources,
                const fs::path& dir, const std::string& extra) {
  const fs::path bin = dir / "obj" / "Vdut";
  if (fs::exists(bin)) return kExitOk;
  write_tree((dir / "gen").string(), hier_sources(files, plan));
  const fs::path rtl = dir / "gen" / "rtl";
  std::string cmd = "verilator --cc --exe --build -j " + std::to_string(plan.jobs) + " -O2 --prefix Vdut -Mdir " +
                    shell_quote((dir / "obj").string()) +
                    " --top-module " + s.name + "_top -y " + shell_quote(rtl.string()) + " -y " +
                    shell_quote((dir / "gen" / "sim").string()) + " " + shell_quote((rtl / (s.name + "_top.v")).string()) +
                    " -CFLAGS -std=c++17" + extra;
  if (plan.threads > 1) cmd += " --threads " + std::to_string(plan.threads);
  if (!plan.hier.empty()) {
    // Each repeated block verilated and compiled once (Verilator hierarchical verilation).
    const fs::path vlt = dir / "gen" / "hier.vlt";
    std::ofstream(vlt) << plan.vlt();
    cmd += " --hierarchical " + shell_quote(vlt.string());
  }
  for (const char* inc : {"tb", "golden", "core"}) cmd += " -CFLAGS " + shell_quote("-I" + (src / inc).string());
  for (const std::string& f : sources.compiled) cmd += " " + shell_quote((src / f).string());
  for (const std::string& lib : sources.libraries) cmd += " -LDFLAGS " + shell_quote(lib);
  cmd += " > " + shell_quote((dir / "verilate.log").string()) + " 2>&1";
  if (shell(cmd) != kExitOk) {
    std::cerr << "cimgen sim: verilator failed, see " << (dir / "verilate.log").string() << "\n";
    return kExitInternal;
  }
  return kExitOk;
}

/// The noise sweep: one testbench run per sigma. Its NOISE lines are printed; a run that fails
/// (protocol, timing, counts) also prints its other lines, and its exit status is returned.
int run_noise(const Spec& s, const std::string& spec_path, const SimOptions& opt, const fs::path& bin) {
  std::cout << "noise sweep of " << s.name << ": " << opt.vectors << " vectors, seed " << opt.seed << ", noise seed "
            << opt.noise_seed << " (errors against the bit-exact golden model)" << std::endl;
  std::string log_name = (fs::temp_directory_path() / "cimgen_noise_XXXXXX").string();
  const int fd = mkstemp(log_name.data());
  if (fd < 0) throw std::runtime_error("cannot create a temporary file in " + fs::temp_directory_path().string());
  close(fd);
  int rc = kExitOk;
  const std::vector<double> sigmas = opt.noise_sigmas.empty() ? std::vector<double>{0.0} : opt.noise_sigmas;
  std::string dima_noise;  // static FR gain mismatch and comparator offset, the same in every run
  if (opt.gain_sigma > 0) dima_noise += " --gain-sigma " + std::to_string(opt.gain_sigma);
  if (opt.offset_sigma > 0) dima_noise += " --offset-sigma " + std::to_string(opt.offset_sigma);
  for (double sigma : sigmas) {
    const int r = shell(shell_quote(bin.string()) + " " + shell_quote(spec_path) + " --seed " + std::to_string(opt.seed) +
                        " --vectors " + std::to_string(opt.vectors) + " --noise-sigma " + std::to_string(sigma) +
                        " --noise-seed " + std::to_string(opt.noise_seed) + dima_noise + " --wave-dir " +
                        shell_quote(fs::current_path().string()) + " > " + shell_quote(log_name));
    std::ifstream log(log_name);
    for (std::string line; std::getline(log, line);)
      if (r != kExitOk || line.rfind("NOISE", 0) == 0) std::cout << line << "\n";
    std::cout.flush();
    rc = worst(rc, r);
  }
  fs::remove(log_name);
  return rc;
}

/// A failing run (exit 1) again on a model built with trace, with the same arguments, writing
/// the waveform on its first run; the worse of the two exit codes.
int rerun_traced(const Spec& s, const FileSet& files, const BuildPlan& plan, const fs::path& src,
                 const SimSources& sources, const fs::path& dir, const std::string& args, int rc) {
  std::cerr << "cimgen sim: the run failed; building the traced model for its waveform\n";
  if (const int b = build_model(s, files, plan, src, sources, dir, " --trace-fst"); b != kExitOk) return b;
  return worst(rc, shell(shell_quote((dir / "obj" / "Vdut").string()) + args + " --wave-first"));
}

/// The folder of the running executable ("" if unknown).
fs::path exe_dir() {
  std::error_code ec;
  const fs::path exe = fs::read_symlink("/proc/self/exe", ec);
  return ec ? fs::path() : exe.parent_path();
}

} // namespace

std::string sim_source_dir() {
  const fs::path bin = exe_dir();
  std::error_code ec;
  if (!bin.empty()) {
    const fs::path share = bin.parent_path() / "share" / "cimgen";
    if (fs::exists(share / "tb" / "sim_main.cpp", ec)) return share.string();
  }
  return CIMGEN_SOURCE_DIR;
}

/// The prebuilt testbench libraries (link order), or none if one is missing.
std::vector<std::string> sim_libraries() {
  const fs::path bin = exe_dir();
  if (bin.empty()) return {};
  std::error_code ec;
  for (const fs::path& d : {bin, bin.parent_path() / "lib" / "cimgen"}) {
    std::vector<std::string> libs;
    for (const char* name : {"libcimgen_simtb.a", "libcimgen_golden.a", "libcimgen_core.a"})
      if (fs::exists(d / name, ec)) libs.push_back((d / name).string());
    if (libs.size() == 3) return libs;
  }
  return {};
}

SimSources sim_sources(const std::string& dir) {
  SimSources out;
  out.compiled = {"tb/sim_main.cpp", "tb/harness.cpp", "tb/sim_args.cpp"};
  for (const char* sub : {"tb", "golden", "core"}) {
    std::vector<std::string> cpp, hpp;
    std::error_code ec;
    for (const auto& e : fs::directory_iterator(fs::path(dir) / sub, ec)) {
      const std::string name = std::string(sub) + "/" + e.path().filename().string();
      if (e.path().extension() == ".hpp") hpp.push_back(name);
      else if (e.path().extension() == ".cpp" && std::string(sub) != "tb") cpp.push_back(name);
    }
    std::sort(cpp.begin(), cpp.end());
    std::sort(hpp.begin(), hpp.end());
    out.compiled.insert(out.compiled.end(), cpp.begin(), cpp.end());
    out.hashed.insert(out.hashed.end(), hpp.begin(), hpp.end());
  }
  out.hashed.insert(out.hashed.end(), out.compiled.begin(), out.compiled.end());
  out.libraries = sim_libraries();
  if (!out.libraries.empty()) out.compiled = {"tb/sim_main.cpp"};
  return out;
}

std::string default_sim_cache() {
  if (const char* x = std::getenv("XDG_CACHE_HOME"); x && *x) return (fs::path(x) / "cimgen" / "sim").string();
  if (const char* h = std::getenv("HOME"); h && *h) return (fs::path(h) / ".cache" / "cimgen" / "sim").string();
  return ".cimgen-sim-cache";
}

int run_sim(const std::string& spec_path, const SimOptions& opt) {
  const Spec s = Spec::from_file(spec_path);
  if (opt.weights.empty() != opt.inputs.empty()) throw InputError("--weights and --inputs go together");
  if (!opt.program.empty()) {  // a bad program is refused here (file:line), before verilating
    if (s.has_dropout()) golden::read_program(s, opt.program);
    else if (s.datapath == Datapath::Dima) golden::dima::read_program(s, opt.program);
    else throw InputError("--program: only for a spec with \"dropout\" or datapath \"dima\"");
  }
  if ((opt.gain_sigma > 0 || opt.offset_sigma > 0) && s.datapath != Datapath::Dima)
    throw InputError("--gain-sigma, --offset-sigma: only for datapath \"dima\", got \"" +
                     std::string(to_string(s.datapath)) + "\"");
  for (const auto& f : {opt.weights, opt.inputs})
    if (!f.empty() && !fs::exists(f)) throw InputError(f + ": cannot read file");
  if (!opt.activity.empty() && (!opt.noise_sigmas.empty() || opt.gain_sigma > 0 || opt.offset_sigma > 0))
    throw InputError("--activity: not with a noise sweep (--noise-sigma, --gain-sigma, --offset-sigma)");
  if (!opt.noise_sigmas.empty() && !s.has_analog_models())
    throw InputError("--noise-sigma: only for datapaths with analog models (in_memory, dima), got " +
                     std::string(to_string(s.datapath)));
  // The cache key covers the generated RTL and every testbench source and header, so a changed
  // generator or harness never reuses a stale model.
  const fs::path src = sim_source_dir();
  const SimSources sources = sim_sources(src.string());
  const FileSet files = generate(s);
  std::string key_text;
  for (const auto& [path, text] : files) key_text += path + '\n' + text;
  for (const std::string& f : sources.hashed) key_text += f + '\n' + read_text(src / f);
  for (const std::string& lib : sources.libraries) key_text += lib + '\n' + read_text(lib);
  const unsigned cores = std::max(1u, std::thread::hardware_concurrency());
  const BuildPlan plan = plan_build(files, opt.activity.empty() ? opt.hier : "off", opt.threads, int(cores), physical_memory_gb());  // --activity: flat (--flatten)
  key_text += plan.vlt() + "threads " + std::to_string(plan.threads) + "\n";
  // --activity: a separate model variant counting toggles (the normal model stays fast).
  const std::string extra = opt.activity.empty() ? "" : activity_verilator_flags();
  key_text += extra + kBuildRecipe;
  const fs::path cache = fs::absolute(opt.cache.empty() ? default_sim_cache() : opt.cache);
  const fs::path dir = cache / (s.name + "_" + fnv1a64(key_text));
  if (!fs::exists(dir / "obj" / "Vdut")) {
    const double limit = opt.max_build_gb > 0 ? opt.max_build_gb : physical_memory_gb();
    if (limit > 0 && plan.est_gb > limit) {
      char buf[64];
      std::snprintf(buf, sizeof buf, "%.2g GB, above the limit of %.2g GB", plan.est_gb, limit);
      throw InputError("--max-build-gb: the Verilator build of '" + s.name + "' (" + plan.size_text() +
                       ") is expected to need " + buf + "; raise the limit or simulate a smaller macro");
    }
    std::cerr << "cimgen sim: " << plan.summary() << "\n";
    if (!plan.note.empty()) std::cerr << "cimgen sim: note: " << plan.note << "\n";
  }
  if (const int rc = build_model(s, files, plan, src, sources, dir, extra); rc != kExitOk) return rc;
  const fs::path bin = dir / "obj" / "Vdut";
  if (!opt.noise_sigmas.empty() || opt.gain_sigma > 0 || opt.offset_sigma > 0) return run_noise(s, spec_path, opt, bin);
  std::string args = " " + shell_quote(spec_path) + " --seed " + std::to_string(opt.seed) + " --vectors " +
                     std::to_string(opt.vectors) + " --zero-sign " + opt.zero_sign + " --wave-dir " +
                     shell_quote(fs::current_path().string());
  if (!opt.weights.empty()) args += " --weights " + shell_quote(opt.weights) + " --inputs " + shell_quote(opt.inputs);
  if (!opt.out.empty()) args += " --out " + shell_quote(opt.out);
  if (!opt.program.empty()) args += " --program " + shell_quote(opt.program);
  if (opt.inject_mismatch >= 0) args += " --inject-mismatch " + std::to_string(opt.inject_mismatch);
  if (!opt.activity.empty()) return run_with_activity(s, shell_quote(bin.string()) + args, opt.activity);
  const int rc = shell(shell_quote(bin.string()) + args);
  if (rc != kExitCheckFailed) return rc;  // the fast model has no trace: a failure runs again on a traced one
  return rerun_traced(s, files, plan, src, sources, cache / (s.name + "_" + fnv1a64(key_text + "trace\n")), args, rc);
}

} // namespace cimgen
