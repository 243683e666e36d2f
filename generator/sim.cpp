// cimgen — `cimgen sim`.
#include "sim.hpp"

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iostream>

#include "generate.hpp"
#include "shell.hpp"

#ifndef CIMGEN_SOURCE_DIR
#error "CIMGEN_SOURCE_DIR must name the source tree (tb/ and golden/ are compiled per spec)"
#endif

namespace cimgen {

namespace fs = std::filesystem;

namespace {

/// Testbench sources compiled with each model (and hashed into the cache key).
const char* const kSources[] = {"tb/sim_main.cpp",     "tb/harness.cpp",      "tb/harness.hpp",
                                "tb/harness_run.hpp",  "golden/golden.cpp",   "golden/golden.hpp",
                                "golden/vecfile.cpp",  "golden/stimulus.cpp", "core/spec.cpp",
                                "core/spec.hpp",       "core/arith.cpp",      "core/arith.hpp",
                                "core/enums.hpp",      "core/errors.hpp",     "golden/vecfile.hpp",
                                "golden/stimulus.hpp"};

int shell(const std::string& cmd) {
  std::cerr << "cimgen sim: " << cmd << "\n";
  const int rc = std::system(cmd.c_str());
  return rc == -1 ? 127 : WEXITSTATUS(rc);
}

} // namespace

int run_sim(const std::string& spec_path, const SimOptions& opt) {
  const Spec s = Spec::from_file(spec_path);
  if (opt.weights.empty() != opt.inputs.empty()) throw InputError("--weights and --inputs go together");
  for (const auto& f : {opt.weights, opt.inputs})
    if (!f.empty() && !fs::exists(f)) throw InputError(f + ": cannot read file");
  const fs::path src = CIMGEN_SOURCE_DIR;
  // The cache key covers the generated RTL and the testbench sources, so a changed generator
  // or harness never reuses a stale model.
  const FileSet files = generate(s);
  std::string key_text;
  for (const auto& [path, text] : files) key_text += path + '\n' + text;
  for (const char* f : kSources) {
    std::ifstream in(src / f, std::ios::binary);
    if (!in) throw InputError((src / f).string() + ": testbench source not found (cimgen sim needs the source tree)");
    key_text += std::string(std::istreambuf_iterator<char>(in), {});
  }
  const fs::path dir = fs::absolute(fs::path(opt.cache) / (s.name + "_" + fnv1a64(key_text)));
  const fs::path bin = dir / "obj" / "Vdut";
  if (!fs::exists(bin)) {
    write_tree((dir / "gen").string(), files);
    const fs::path rtl = dir / "gen" / "rtl";
    std::string cmd = "verilator --cc --exe --build -j 2 -O2 --trace-fst --prefix Vdut -Mdir " + shell_quote((dir / "obj").string()) +
                      " --top-module " + s.name + "_top -y " + shell_quote(rtl.string()) + " -y " + shell_quote((dir / "gen" / "sim").string()) + " " +
                      shell_quote((rtl / (s.name + "_top.v")).string()) +
                      " -CFLAGS -std=c++17 -CFLAGS " + shell_quote("-I" + (src / "tb").string()) + " -CFLAGS " +
                      shell_quote("-I" + (src / "golden").string()) + " -CFLAGS " + shell_quote("-I" + (src / "core").string()) +
                      " -CFLAGS -DDUT_HEADER='\\\"Vdut.h\\\"' -CFLAGS -DDUT_CLASS=Vdut";
    for (const char* f : kSources)
      if (std::string(f).find(".cpp") != std::string::npos) cmd += " " + shell_quote((src / f).string());
    cmd += " > " + shell_quote((dir / "verilate.log").string()) + " 2>&1";
    if (shell(cmd) != 0) {
      std::cerr << "cimgen sim: verilator failed, see " << (dir / "verilate.log").string() << "\n";
      return 3;
    }
  }
  if (!opt.noise_sigmas.empty()) {
    if (s.datapath != Datapath::InMemory)
      throw InputError("--noise-sigma: only for in_memory specs (the product-line noise model), got " +
                       std::string(to_string(s.datapath)));
    std::cout << "noise sweep of " << s.name << ": " << opt.vectors << " vectors, seed " << opt.seed
              << ", noise seed " << opt.noise_seed << " (errors against the bit-exact golden model)" << std::endl;
    int worst = 0;
    for (double sigma : opt.noise_sigmas) {
      const std::string run = shell_quote(bin.string()) + " " + shell_quote(spec_path) + " --seed " + std::to_string(opt.seed) +
                              " --vectors " + std::to_string(opt.vectors) + " --noise-sigma " + std::to_string(sigma) +
                              " --noise-seed " + std::to_string(opt.noise_seed) + " --wave-dir " +
                              shell_quote(fs::current_path().string()) + " | grep '^NOISE'";
      worst = std::max(worst, std::system(run.c_str()) == 0 ? 0 : 1);
    }
    return worst;
  }
  std::string run = shell_quote(bin.string()) + " " + shell_quote(spec_path) + " --seed " + std::to_string(opt.seed) +
                    " --vectors " + std::to_string(opt.vectors) + " --zero-sign " + opt.zero_sign +
                    " --wave-dir " + shell_quote(fs::current_path().string());
  if (!opt.weights.empty()) run += " --weights " + shell_quote(opt.weights) + " --inputs " + shell_quote(opt.inputs);
  if (!opt.out.empty()) run += " --out " + shell_quote(opt.out);
  return shell(run);
}

} // namespace cimgen
