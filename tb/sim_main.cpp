// cimgen — testbench main for one spec (`cimgen sim`): DUT_HEADER / DUT_CLASS name the model.
#include <cstring>
#include <iostream>

#include DUT_HEADER
#include "harness.hpp"

using namespace cimgen;

int main(int argc, char** argv) {
  if (argc < 2) {
    std::cerr << "usage: sim SPEC.json [--seed S] [--vectors K] [--weights W --inputs X] [--out Y] [--zero-sign positive|negative] [--wave-dir D]\n";
    return 2;
  }
  tb::RunConfig cfg;
  std::string spec_path = argv[1];
  for (int i = 2; i + 1 < argc; i += 2) {
    const std::string k = argv[i], v = argv[i + 1];
    if (k == "--seed") cfg.seed = std::stoull(v);
    else if (k == "--vectors") cfg.vectors = std::stoi(v);
    else if (k == "--weights") cfg.weights = v;
    else if (k == "--inputs") cfg.inputs = v;
    else if (k == "--out") cfg.out = v;
    else if (k == "--wave-dir") cfg.wave_dir = v;
    else if (k == "--noise-sigma") cfg.noise_sigma = std::stod(v);
    else if (k == "--noise-seed") cfg.noise_seed = std::stoull(v);
    else if (k == "--zero-sign") cfg.zero_sign = v == "negative" ? golden::ZeroSign::Negative : golden::ZeroSign::Positive;
    else {
      std::cerr << "sim: unknown option " << k << "\n";
      return 2;
    }
  }
  try {
    const Spec s = Spec::from_file(spec_path);
    const tb::RunResult r = tb::run_spec<DUT_CLASS>(s, cfg);
    if (!cfg.out.empty()) golden::write_file_atomic(cfg.out, golden::format_outputs(r.outputs));
    std::cout << (r.errors ? 0 : 1) << " passed, " << (r.errors ? 1 : 0) << " failed\n";
    return r.errors ? 1 : 0;
  } catch (const InputError& e) {
    std::cerr << "cimgen sim: error: " << e.what() << "\n";
    return 2;
  }
}
