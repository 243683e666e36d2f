// `cimgen sim` build plan: which repeated modules become Verilator hierarchical blocks, and
// the expected size of the build (issue 16).
#include <doctest/doctest.h>

#include <algorithm>
#include <string>

#include "generate.hpp"
#include "sim_plan.hpp"
#include "spec.hpp"

using namespace cimgen;

namespace {
BuildPlan plan_of(const std::string& file, const std::string& mode) {
  return plan_build(generate(Spec::from_file(std::string(CIMGEN_SOURCE_DIR) + "/" + file)), mode, 0, 2, 16.0);
}
bool has(const std::vector<std::string>& v, const std::string& s) { return std::find(v.begin(), v.end(), s) != v.end(); }
} // namespace

TEST_CASE("near_memory N=1024 C=64: the channel slice is the hierarchical block, the unit is small") {
  const BuildPlan auto_plan = plan_of("specs/mf_n1024_c64.json", "auto");
  CHECK(auto_plan.hier == std::vector<std::string>{"mf_n1024_c64_slice"});  // C = 64 instances, not 1088
  CHECK(auto_plan.instances == 1 + 1 + 1 + 16 + 65 + 1024 + 1024 + 1040 + 129 + 64 + 64 + 1);  // manifest counts
  const BuildPlan flat = plan_of("specs/mf_n1024_c64.json", "off");
  CHECK(flat.hier.empty());
  CHECK(flat.unit_size == flat.flat_size);
  CHECK(auto_plan.unit_size * 10 < flat.unit_size);  // the point of the blocks
  CHECK(auto_plan.vlt().find("hier_block -module \"mf_n1024_c64_slice\"") != std::string::npos);
}

TEST_CASE("small macros stay flat in auto mode; on forces the blocks") {
  CHECK(plan_of("tb/specs/r03_mf_n64_c8.json", "auto").hier.empty());
  CHECK(has(plan_of("tb/specs/r03_mf_n64_c8.json", "on").hier, "r03_mf_n64_c8_slice"));
  CHECK(has(plan_of("tb/specs/r15_im_lossless.json", "on").hier, "r15_im_lossless_uarray_im"));
  CHECK(plan_of("tb/specs/r01_mf_n1.json", "on").jobs == 2);
  CHECK(plan_of("tb/specs/r01_mf_n1.json", "on").threads == 1);
}

TEST_CASE("in_memory N=151 C=5 L=1: the uArray (755 instances) is one block, noise ids being ports") {
  const BuildPlan p = plan_of("specs/im_n151_c5_l1.json", "auto");
  CHECK(p.hier == std::vector<std::string>{"im_n151_c5_l1_uarray_im"});
  CHECK(p.unit_size * 10 < plan_of("specs/im_n151_c5_l1.json", "off").unit_size);
  // Measured peak of the whole cold build with the blocks substituted: 0.35 GB (README, issue 16);
  // the estimate is conservative but not so far above that it refuses builds that fit.
  CHECK(p.est_gb > 0.35);
  CHECK(p.est_gb < 2.0);
}

TEST_CASE("mf_n1024_c64's estimate is above its measured peak (0.38 GB) and within a few times of it") {
  const BuildPlan p = plan_of("specs/mf_n1024_c64.json", "auto");
  CHECK(p.est_gb > 0.38);
  CHECK(p.est_gb < 2.0);
}

TEST_CASE("--threads is granted to a flat model, not to one with hierarchical blocks (UNOPTTHREADS)") {
  const FileSet files = generate(Spec::from_file(std::string(CIMGEN_SOURCE_DIR) + "/tb/specs/r03_mf_n64_c8.json"));
  const BuildPlan flat = plan_build(files, "off", 2, 2, 16.0), hier = plan_build(files, "on", 2, 2, 16.0);
  CHECK(flat.threads == 2);
  CHECK(flat.note.empty());
  CHECK(hier.threads == 1);
  CHECK(hier.note.find("--threads 2 not used") == 0);
}

TEST_CASE("hier_sources: a hierarchical block's header parameters become localparams, nothing else changes") {
  const FileSet files = generate(Spec::from_file(std::string(CIMGEN_SOURCE_DIR) + "/tb/specs/r03_mf_n64_c8.json"));
  const BuildPlan p = plan_build(files, "on", 0, 2, 16.0);
  REQUIRE(has(p.hier, "r03_mf_n64_c8_slice"));
  const FileSet out = hier_sources(files, p);
  for (const auto& [path, text] : files) {
    const bool block = path == "rtl/r03_mf_n64_c8_slice.v";
    if (!block) {
      CHECK_MESSAGE(out.at(path) == text, path);
      continue;
    }
    const std::string& t = out.at(path);
    const std::string header = t.substr(0, t.find(") ("));
    CHECK_MESSAGE(header.find("parameter") == std::string::npos, path);  // only "localparam" left
    CHECK_MESSAGE(header.find("localparam integer") != std::string::npos, path);
    CHECK_MESSAGE(t.substr(t.find(") (")) == text.substr(text.find(") (")), path);  // the body is untouched
  }
}

TEST_CASE("a module some instance overrides parameters of is never a hierarchical block") {
  // The in_memory top instantiates the gating with #(.USED(...)): different per segment.
  const BuildPlan p = plan_of("specs/im_n151_c5_l1.json", "on");
  for (const PlanModule& m : p.modules)
    if (m.name == "im_n151_c5_l1_gating") CHECK(m.overridden);
  CHECK(!has(p.hier, "im_n151_c5_l1_gating"));
}
