// cimgen — Verilator regression over the specs in tb/specs: several models in one executable.
#include <cstring>
#include <iostream>
#include <sstream>

#include "regress_registry.hpp"

using namespace cimgen;

int main(int argc, char** argv) {
  std::vector<uint64_t> seeds = {1, 2};
  int vectors = 48;
  std::string only, wave_dir = ".";
  for (int i = 1; i < argc; ++i) {
    const std::string k = argv[i];
    const std::string v = i + 1 < argc ? argv[i + 1] : "";
    if (k == "--help") {
      std::cout << "usage: cimgen_regress [--seeds 1,2] [--vectors K] [--only NAME[,NAME]] [--wave-dir D] [--list]\n";
      return 0;
    } else if (k == "--list") {
      for (const auto& e : tb::registry()) std::cout << e.name << "  " << e.spec_path << "\n";
      return 0;
    } else if (k == "--seeds") {
      seeds.clear();
      std::stringstream ss(v);
      for (std::string t; std::getline(ss, t, ',');) seeds.push_back(std::stoull(t));
      ++i;
    } else if (k == "--vectors") {
      vectors = std::stoi(v);
      ++i;
    } else if (k == "--only") {
      only = "," + v + ",";
      ++i;
    } else if (k == "--wave-dir") {
      wave_dir = v;
      ++i;
    } else {
      std::cerr << "cimgen_regress: unknown option " << k << "\n";
      return 2;
    }
  }
  int passed = 0, failed = 0;
  for (const auto& e : tb::registry()) {
    if (!only.empty() && only.find("," + std::string(e.name) + ",") == std::string::npos) continue;
    const Spec s = Spec::from_file(e.spec_path);
    for (uint64_t seed : seeds) {
      tb::RunConfig cfg;
      cfg.seed = seed;
      cfg.vectors = vectors;
      cfg.wave_dir = wave_dir;
      const tb::RunResult r = e.run(s, cfg);
      (r.errors ? failed : passed)++;
    }
  }
  std::cout << passed << " passed, " << failed << " failed\n";
  return failed || passed == 0 ? 1 : 0;
}
