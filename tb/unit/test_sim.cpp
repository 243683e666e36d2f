// `cimgen sim`: the cache key covers every source and header the testbench model is built from.
#include <doctest/doctest.h>

#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <set>
#include <sstream>

#include "shell.hpp"
#include "sim.hpp"

namespace fs = std::filesystem;

namespace {
/// The project headers (under `root`) `g++ -MM` finds in `file`, compiled as `cimgen sim` does.
std::set<std::string> headers_of(const fs::path& root, const std::string& file) {
  std::string cmd = "g++ -std=c++17 -MM -MG -DDUT_HEADER='\"Vdut.h\"' -DDUT_CLASS=Vdut";
  for (const char* inc : {"tb", "golden", "core"}) cmd += " " + cimgen::shell_quote("-I" + (root / inc).string());
  cmd += " " + cimgen::shell_quote((root / file).string()) + " 2>&1";
  FILE* p = popen(cmd.c_str(), "r");
  REQUIRE(p);
  std::string text;
  char buf[4096];
  for (size_t n; (n = fread(buf, 1, sizeof buf, p)) > 0;) text.append(buf, n);
  REQUIRE_MESSAGE(pclose(p) == 0, cmd << "\n" << text);
  std::set<std::string> out;
  std::istringstream words(text.substr(text.find(':') + 1));
  for (std::string w; words >> w;) {
    if (w == "\\") continue;
    const fs::path abs = fs::weakly_canonical(root / w);  // -MG leaves missing (generated) headers relative
    const std::string rel = fs::relative(abs, root).string();
    if (rel.rfind("..", 0) != 0 && fs::exists(abs)) out.insert(rel);
  }
  return out;
}
} // namespace

TEST_CASE("the sim cache key covers every header the testbench model includes (g++ -MM)") {
  const fs::path root = fs::weakly_canonical(CIMGEN_SOURCE_DIR);
  const cimgen::SimSources src = cimgen::sim_sources(root.string());
  const std::set<std::string> hashed(src.hashed.begin(), src.hashed.end());
  for (const char* f : {"tb/sim_main.cpp", "tb/harness.cpp", "tb/harness.hpp", "tb/harness_run.hpp", "golden/golden.cpp",
                        "core/spec.cpp", "core/enums.hpp", "core/errors.hpp"})
    CHECK_MESSAGE(hashed.count(f) == 1, f);
  size_t headers = 0;
  // Every translation unit of a model: compiled with it, or in the prebuilt libraries it links.
  std::vector<std::string> units = src.compiled;
  for (const std::string& f : src.hashed)
    if (fs::path(f).extension() == ".cpp" && std::find(units.begin(), units.end(), f) == units.end()) units.push_back(f);
  CHECK(std::find(units.begin(), units.end(), "tb/sim_args.cpp") != units.end());
  for (const std::string& f : units) {
    CHECK_MESSAGE(hashed.count(f) == 1, f);
    for (const std::string& h : headers_of(root, f)) {
      CHECK_MESSAGE(hashed.count(h) == 1, f << " includes " << h << ", which the sim cache key misses");
      ++headers;
    }
  }
  CHECK(headers > units.size());  // g++ -MM did report the project headers
}

TEST_CASE("sim_source_dir finds the testbench sources (the source tree, for a binary that is not installed)") {
  CHECK(fs::exists(fs::path(cimgen::sim_source_dir()) / "tb" / "sim_main.cpp"));
}
