// cimgen — building the test script for one spec and running it (see harness.hpp).
#pragma once

namespace cimgen::tb {

#if VM_TRACE
constexpr bool kTraced = true;   ///< the model can write an FST waveform
#else
constexpr bool kTraced = false;
#endif

/// Stimulus and expected outputs of one run (shared by all Dut types).
struct Plan {
  std::vector<Op> script;
  std::vector<golden::Vec> inputs;
  std::vector<std::vector<int64_t>> expected;
  int timed = 0;
  std::vector<golden::Beat> beats;        ///< dropout: the beat of each x op
  std::vector<golden::SampleMark> marks;  ///< dropout program: samples to check from scratch
  std::vector<std::vector<int64_t>> scratch;  ///< their from-scratch results (wrapped)
  int latency = -1, interval = -1;  ///< dima program: its latency and interval (-1: the spec's)
  std::vector<std::vector<int64_t>> exact;  ///< the exact operator per vector (noise mode; default program)
};

/// Random or file stimulus: initial load, a timed burst, then random traffic with a weight
/// reload of channel 0 in the middle (it must not disturb vectors in flight).
Plan make_plan(const Spec& s, const RunConfig& cfg);
/// Dropout macros: random beat programs (random masks with empty and full ones, every op,
/// src = dst) or the program file of cfg.program, expected results from golden::DropoutModel.
Plan make_dropout_plan(const Spec& s, const RunConfig& cfg);
/// Dropout program: every sample mark's RTL result (the output of the beat before it) against
/// the from-scratch golden result; returns the number of mismatches (printed).
int check_samples(const Spec& s, const Plan& plan, const RunResult& res);

template <class Dut>
RunResult run_spec(const Spec& spec, const RunConfig& cfg) {
  Plan plan = spec.has_dropout() ? make_dropout_plan(spec, cfg) : make_plan(spec, cfg);
  if (cfg.inject_mismatch >= 0 && std::size_t(cfg.inject_mismatch) < plan.expected.size() &&
      !plan.expected[std::size_t(cfg.inject_mismatch)].empty())
    plan.expected[std::size_t(cfg.inject_mismatch)][0] ^= 1;  // the failure path under test
  Spec s = spec;  // a loaded DIMA program has its own latency and interval
  if (plan.latency >= 0) s.latency = plan.latency;
  if (plan.interval >= 0) s.initiation_interval = plan.interval;
  // A model built without trace: `cimgen sim` runs a failure again on a traced one.
  const std::string wave = kTraced ? cfg.wave_dir + "/" + s.name + "_seed" + std::to_string(cfg.seed) + ".fst" : "";
  const bool wave_first = kTraced && cfg.wave_first;
  RunResult res;
  {
    Harness<Dut> h(s, cfg, wave_first ? wave : "");
    h.set_beats(&plan.beats);
    res = h.run(plan.script, plan.inputs, plan.expected, plan.timed, plan.exact);
  }
  if (s.has_dropout()) res.errors += check_samples(s, plan, res);
  if (res.errors && !wave.empty()) {
    if (!wave_first) {  // the fast first run had no waveform: the same run again with one
      Harness<Dut> h(s, cfg, wave);
      h.set_beats(&plan.beats);
      h.run(plan.script, plan.inputs, plan.expected, plan.timed);
    }
    res.wave = wave;
  } else if (wave_first) {
    std::remove(wave.c_str());  // a passing run leaves no waveform
  }
  if (cfg.noisy()) {
    const NoiseStats& n = res.noise;
    const double mean = n.count ? n.sum / double(n.count) : 0, rms = n.count ? std::sqrt(n.sum2 / double(n.count)) : 0;
    const double snr = n.sum2 > 0 ? 10.0 * std::log10(n.signal2 / n.sum2) : INFINITY;
    std::printf("NOISE %s sigma %.3f: %lld outputs, mean error %.3f, rms %.3f, max |error| %lld, compute SNR %.1f dB (seed %llu)",
                s.name.c_str(), cfg.noise_sigma, static_cast<long long>(n.count), mean, rms,
                static_cast<long long>(n.max_abs), snr, static_cast<unsigned long long>(cfg.noise_seed));
    if (res.exact.count)
      std::printf(", CSNR %.2f dB against the exact operator (gain sigma %.3f, offset sigma %.3f)", res.exact.csnr_db(),
                  cfg.gain_sigma, cfg.offset_sigma);
    std::printf("\n");
  }
  std::printf("%s %s: %d vectors, %d errors, seed %llu%s%s\n", res.errors ? "FAIL" : "PASS", s.name.c_str(),
              res.checked, res.errors, static_cast<unsigned long long>(cfg.seed),
              res.wave.empty() ? "" : ", waveform ", res.wave.c_str());
  std::fflush(stdout);
  return res;
}

} // namespace cimgen::tb
