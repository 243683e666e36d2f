// cimgen — Verilator testbench, generic over specs: drives the ports of DESIGN.md section 5,
// checks every output bit of every vector against the golden model, ordering, exactly-once
// delivery under back-pressure, valid/data stability, latency and initiation interval.
#pragma once

#include <verilated.h>
#if VM_TRACE
#include <verilated_fst_c.h>
#endif
#include <cstdio>
#include <verilated_syms.h>
#if VM_COVERAGE
#include <verilated_cov.h>
#endif

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <deque>
#include <memory>
#include <optional>
#include <string>
#include <type_traits>
#include <vector>

#include "dropout.hpp"
#include "golden.hpp"
#include "stimulus.hpp"
#include "vecfile.hpp"

namespace cimgen::tb {

/// Whether the top exposes the in_memory sequencing probes (sample, conv_last, phase_a_reg)
/// whose compute cycles and conversions the harness counts against the manifest.
inline bool counts_conversions(const Spec& s) {
  switch (s.datapath) {
  case Datapath::NearMemory: return false;
  case Datapath::InMemory: return true;
  case Datapath::HTree:
  case Datapath::Dima: return false;
  }
  return false;
}

/// What one run does.
struct RunConfig {
  uint64_t seed = 1;             ///< random data, gaps and back-pressure
  int vectors = 64;              ///< random vectors (ignored with files)
  std::string weights, inputs;   ///< files mode when both are set
  std::string out;               ///< write RTL outputs here (files mode)
  golden::ZeroSign zero_sign = golden::ZeroSign::Positive;
  std::string wave_dir = ".";    ///< where the FST of a failing run goes
  bool wave_first = false;       ///< a traced model: write the FST on the first run, not on a rerun
                                 ///< after a failure (`cimgen sim` runs a failure again on one)
  int gap_pct = 30;              ///< chance of an idle cycle before an offered beat
  int backpressure_pct = 30;     ///< chance y_ready is low in a cycle
  int max_report = 10;           ///< mismatch lines printed
  int inject_mismatch = -1;      ///< test of the failure path: this vector's expected output is
                                 ///< corrupted (-1: none)
  std::string program;           ///< dropout: beat program file (else random programs); dima: program
                                 ///< file loaded through the program port ("": default)
  double noise_sigma = 0;        ///< in_memory product-line noise, sigma in counts (0: bit-exact);
                                 ///< dima: CBLP noise, sigma in one column's full-scale level
  double gain_sigma = 0;         ///< dima: FR gain mismatch per column, relative sigma
  double offset_sigma = 0;       ///< dima: comparator offset, sigma in one column's full-scale level
  bool noisy() const { return noise_sigma > 0 || gain_sigma > 0 || offset_sigma > 0; }
  uint64_t noise_seed = 1;       ///< seed of the product-line noise
  std::string activity;          ///< toggle counting (a model with --coverage-toggle): window from
                                 ///< the first x beat, one II per vector; PATH.dat and PATH.txt
};

/// Error statistics of a noisy run against the golden model.
struct NoiseStats {
  int64_t count = 0;        ///< outputs compared
  double sum = 0, sum2 = 0; ///< sum of errors and of squared errors
  double signal2 = 0;       ///< sum of squared golden outputs
  int64_t max_abs = 0;      ///< largest |error|
  double signal = 0;        ///< sum of the references (for their variance)
  void add(int64_t got, int64_t want) {
    const double e = double(got - want);
    ++count;
    sum += e;
    sum2 += e * e;
    signal += double(want);
    signal2 += double(want) * double(want);
    max_abs = std::max<int64_t>(max_abs, got > want ? got - want : want - got);
  }
  /// Compute SNR var(reference) / var(reference - output) in dB (DESIGN.md section 12).
  double csnr_db() const {
    if (count == 0) return 0;
    const double n = double(count);
    const double var_v = signal2 / n - (signal / n) * (signal / n), var_e = sum2 / n - (sum / n) * (sum / n);
    return var_e > 0 ? 10.0 * std::log10(var_v / var_e) : INFINITY;
  }
};

/// What one run found.
struct RunResult {
  int checked = 0;      ///< output beats compared
  int errors = 0;       ///< mismatches and protocol errors
  std::string wave;     ///< FST written for a failing run
  std::vector<std::vector<int64_t>> outputs;  ///< RTL outputs in order
  NoiseStats noise;                           ///< errors against golden (noisy runs)
  NoiseStats exact;                           ///< errors against the exact operator (noisy runs)
  int64_t compute_cycles = 0;                 ///< in_memory: cycles with `sample` high
  int64_t conv_a = 0, conv_b = 0;             ///< in_memory: conversion ends in phase A / B
};

// ---- bit access to Verilator port members of any width ----
template <class T, std::enable_if_t<std::is_integral_v<T>, int> = 0>
inline void set_bit(T& sig, int i, int v) {
  sig = T((sig & ~(T(1) << i)) | (T(v & 1) << i));
}
template <class T, std::enable_if_t<std::is_integral_v<T>, int> = 0>
inline int get_bit(const T& sig, int i) {
  return int((sig >> i) & 1);
}
template <std::size_t W>
inline void set_bit(VlWide<W>& sig, int i, int v) {
  EData& w = sig[i / 32];
  w = (w & ~(EData(1) << (i % 32))) | (EData(v & 1) << (i % 32));
}
template <std::size_t W>
inline int get_bit(const VlWide<W>& sig, int i) {
  return int((sig[i / 32] >> (i % 32)) & 1);
}
template <class T>
inline void set_field(T& sig, int lsb, int width, uint64_t v) {
  for (int i = 0; i < width; ++i) set_bit(sig, lsb + i, int((v >> i) & 1));
}
template <class T>
inline int64_t get_signed(const T& sig, int lsb, int width) {
  uint64_t u = 0;
  for (int i = 0; i < width; ++i) u |= uint64_t(get_bit(sig, lsb + i)) << i;
  if (width < 64 && ((u >> (width - 1)) & 1)) u |= ~uint64_t(0) << width;
  return int64_t(u);
}

/// One host operation, offered in program order.
struct Op {
  bool is_write = false;
  bool wr_sum = false;
  int channel = 0, index = 0;
  uint64_t data = 0;
  int vector = -1;  ///< index into the input list (x beat)
  bool is_program = false;       ///< dima: a program-port beat (word `index`, bits `word`)
  std::vector<bool> word;        ///< dima: the instruction word
};

/// Whether the model has the dropout x-beat fields (DESIGN.md section 11).
template <class Dut, class = void>
struct HasDropout : std::false_type {};
template <class Dut>
struct HasDropout<Dut, std::void_t<decltype(std::declval<Dut&>().x_mask)>> : std::true_type {};
/// Whether Dut has the DIMA program port (pr_valid, pr_ready, pr_addr, pr_data).
template <class Dut, class = void>
struct HasProgramPort : std::false_type {};
template <class Dut>
struct HasProgramPort<Dut, std::void_t<decltype(std::declval<Dut&>().pr_valid), decltype(std::declval<Dut&>().pr_data)>>
    : std::true_type {};

template <class Dut>
class Harness {
public:
  Harness(const Spec& s, const RunConfig& cfg, const std::string& wave)
      : s_(s), cfg_(cfg), rng_(cfg.seed ^ 0x5eedull) {
    ctx_ = std::make_unique<VerilatedContext>();
    ctx_->randReset(0);
    // Plusargs of the simulation models (in_memory product-line noise).
    args_ = {"cimgen_tb", "+noise_sigma_milli=" + std::to_string(int64_t(cfg.noise_sigma * 1000.0 + 0.5)),
             "+noise_seed=" + std::to_string(cfg.noise_seed),
             "+dima_gain_sigma_milli=" + std::to_string(int64_t(cfg.gain_sigma * 1000.0 + 0.5)),
             "+dima_offset_sigma_milli=" + std::to_string(int64_t(cfg.offset_sigma * 1000.0 + 0.5))};
    std::vector<const char*> argv;
    for (const auto& a : args_) argv.push_back(a.c_str());
    ctx_->commandArgs(int(argv.size()), argv.data());
    if (!wave.empty()) ctx_->traceEverOn(true);
    dut_ = std::make_unique<Dut>(ctx_.get());
    if (counts_conversions(s)) {
      // Sequencing signals the top marks public: compute cycles and conversion ends.
      const VerilatedScope* scope = ctx_->scopeFind(("TOP." + s.name + "_top").c_str());
      if (scope) {
        probe_sample_ = probe(scope, "sample");
        probe_conv_last_ = probe(scope, "conv_last");
        probe_phase_a_ = probe(scope, "phase_a_reg");
      }
    }
#if VM_TRACE
    if (!wave.empty()) {
      trace_ = std::make_unique<VerilatedFstC>();
      dut_->trace(trace_.get(), 99);
      trace_->open(wave.c_str());
    }
#endif
  }
  /// Dropout: the beat of each x op (indexed by Op::vector); empty for other macros.
  void set_beats(const std::vector<golden::Beat>* beats) { beats_ = beats; }
  ~Harness() {
    dut_->final();
#if VM_TRACE
    if (trace_) trace_->close();
#endif
  }

  /// Run the script; results are compared with `expected` (one row per x op, in order).
  /// Timing is checked on the first `timed` vectors, which are offered back to back with
  /// y_ready high.
  RunResult run(const std::vector<Op>& script, const std::vector<golden::Vec>& inputs,
                const std::vector<std::vector<int64_t>>& expected, int timed,
                const std::vector<std::vector<int64_t>>& exact = {}) {
    RunResult res;
    RunState st{script, inputs, expected, timed, exact};
    reset();
    const int64_t limit = 1000 + int64_t(script.size() + expected.size()) * (s_.latency + 20) * 4;
    for (; res.checked < int(expected.size()) && st.cycle < limit; ++st.cycle) {
      const bool timing = st.vectors_in < timed || res.checked < timed;
      // -- drive inputs away from the rising edge --
      if (!st.offering && st.next < script.size() && (timing || !rng_.chance(cfg_.gap_pct))) {
        drive(script[st.next], inputs);
        st.offering = true;
      }
      dut_->y_ready = (timing || !rng_.chance(cfg_.backpressure_pct)) ? 1 : 0;
      settle();
      // -- sample the handshakes at this edge --
      sample_edge(st, res);
      tick();
      if (!st.offering) idle();
    }
    finish(st, res);
    return res;
  }

private:
  /// Where a run stands, cycle by cycle.
  struct RunState {
    const std::vector<Op>& script;                       ///< write and x ops, in order
    const std::vector<golden::Vec>& inputs;              ///< vectors the x ops refer to
    const std::vector<std::vector<int64_t>>& expected;   ///< golden results, one row per x op
    int timed;                                           ///< vectors whose timing is checked
    const std::vector<std::vector<int64_t>>& exact;      ///< exact operator per x op (noise mode; may be empty)
    size_t next = 0;                ///< next op to offer
    bool offering = false;          ///< an op is on the bus
    int64_t cycle = 0;              ///< cycles since reset
    std::deque<int64_t> fire_cycle; ///< x beat cycles of vectors in flight (-1: not timed)
    std::vector<int64_t> x_fires;   ///< cycle of every x beat
    int vectors_in = 0;             ///< x beats so far
    bool y_hold = false;            ///< y_valid seen without transfer last cycle
    std::vector<uint64_t> y_prev;   ///< y_data then
  };

  /// Everything observed at one rising edge: probes, protocol, latency, results, op transfers.
  void sample_edge(RunState& st, RunResult& res) {
    if (probe_sample_) {
      res.compute_cycles += *probe_sample_ & 1;
      if (*probe_conv_last_ & 1) ++((*probe_phase_a_ & 1) ? res.conv_a : res.conv_b);
    }
    const bool wr_fire = dut_->wr_valid && dut_->wr_ready;
    const bool x_fire = dut_->x_valid && dut_->x_ready;
    bool pr_fire = false;
    if constexpr (HasProgramPort<Dut>::value) pr_fire = dut_->pr_valid && dut_->pr_ready;
    const bool y_fire = dut_->y_valid && dut_->y_ready;
    check_y_stable(st, res, y_fire);
    check_latency(st, res);
    if (y_fire) take_result(st, res);
    const Op* op = st.offering ? &st.script[st.next] : nullptr;
    const bool op_fired = op && (op->is_program ? pr_fire : op->is_write ? wr_fire : x_fire);
    if (op_fired) {
      if (!op->is_write && !op->is_program) {
        st.fire_cycle.push_back(st.vectors_in < st.timed ? st.cycle : -1);
        st.x_fires.push_back(st.cycle);
        if (++st.vectors_in == 1 && !cfg_.activity.empty()) open_window(int64_t(st.expected.size()));
      }
      ++st.next;
      st.offering = false;
    }
  }

  /// Once raised, y_valid and y_data stay until the transfer.
  void check_y_stable(RunState& st, RunResult& res, bool y_fire) {
    const std::string at = "PROTOCOL cycle " + std::to_string(st.cycle);
    if (st.y_hold && !dut_->y_valid) error(res, at + ": y_valid dropped before the transfer");
    if (st.y_hold && dut_->y_valid && y_bits() != st.y_prev) error(res, at + ": y_data changed while y_valid waited");
    st.y_hold = dut_->y_valid && !y_fire;
    if (st.y_hold) st.y_prev = y_bits();
  }

  /// Latency of the timed vectors: cycles from the x beat to y_valid, against the manifest.
  void check_latency(RunState& st, RunResult& res) {
    if (!dut_->y_valid || st.fire_cycle.empty() || res.checked >= st.timed || st.fire_cycle.front() < 0) return;
    const int64_t lat = st.cycle - st.fire_cycle.front();
    if (lat != s_.latency)
      error(res, "TIMING vector " + std::to_string(res.checked) + ": latency " + std::to_string(lat) +
                     " cycles, manifest says " + std::to_string(s_.latency));
    st.fire_cycle.front() = -1;  // measured once
  }

  /// A y beat: every channel against the golden row (or into the noise statistics).
  void take_result(RunState& st, RunResult& res) {
    if (res.checked >= int(st.expected.size())) {
      error(res, "EXTRA result beat at cycle " + std::to_string(st.cycle));
      return;
    }
    const std::vector<int64_t>& want = st.expected[res.checked];
    std::vector<int64_t> row;
    for (int c = 0; c < s_.C; ++c) row.push_back(get_signed(dut_->y_data, c * s_.Y_W, s_.Y_W));
    for (int c = 0; c < s_.C; ++c)
      if (cfg_.noisy()) {
        res.noise.add(row[c], want[c]);
        if (res.checked < int(st.exact.size())) res.exact.add(row[c], st.exact[res.checked][c]);
      } else if (row[c] != want[c])
        error(res, "MISMATCH vector " + std::to_string(res.checked) + " channel " + std::to_string(c) + ": got " +
                       std::to_string(row[c]) + " expected " + std::to_string(want[c]) + " (seed " +
                       std::to_string(cfg_.seed) + ")");
    res.outputs.push_back(row);
    ++res.checked;
    if (!st.fire_cycle.empty()) st.fire_cycle.pop_front();
  }

  /// After the last result: time-out, initiation interval, RTL counts, no extra beats.
  void finish(RunState& st, RunResult& res) {
    if (res.checked < int(st.expected.size()))
      error(res, "TIMEOUT after " + std::to_string(st.cycle) + " cycles: " + std::to_string(res.checked) + " of " +
                     std::to_string(st.expected.size()) + " results arrived");
    // Initiation interval between back-to-back vectors of the timed phase.
    for (int v = 1; v < st.timed && v < int(st.x_fires.size()); ++v)
      if (st.x_fires[v] - st.x_fires[v - 1] != s_.initiation_interval)
        error(res, "TIMING vector " + std::to_string(v) + ": initiation interval " +
                       std::to_string(st.x_fires[v] - st.x_fires[v - 1]) + ", manifest says " +
                       std::to_string(s_.initiation_interval));
    if (counts_conversions(s_)) check_counts(res, int64_t(st.expected.size()));
    dut_->y_ready = 1;
    for (int i = 0; i < s_.latency * 2 + 4; ++i) {
      settle();
      if (dut_->y_valid) {
        error(res, "EXTRA result beat after the last vector");
        break;
      }
      tick();
    }
    if (win_ticks_ >= 0) close_window();
  }

  /// Toggle counting: counters zeroed at the first x beat, read after one II per vector.
  void open_window(int64_t vectors) {
#if VM_COVERAGE
    ctx_->coveragep()->zero();
#endif
    win_vectors_ = vectors;
    win_len_ = vectors * s_.initiation_interval;
    win_ticks_ = 0;
  }
  void close_window() {
#if VM_COVERAGE
    ctx_->coveragep()->forcePerInstance(true);
    ctx_->coveragep()->write((cfg_.activity + ".dat").c_str());
#endif
    if (FILE* f = std::fopen((cfg_.activity + ".txt").c_str(), "w")) {
      std::fprintf(f, "%lld vectors %lld cycles\n", static_cast<long long>(win_vectors_), static_cast<long long>(win_ticks_));
      std::fclose(f);
    }
    win_ticks_ = -1;
  }

  void reset() {
    idle();
    dut_->clk = 0;
    dut_->rst_n = 0;
    dut_->y_ready = 0;
    settle();
    for (int i = 0; i < 3; ++i) {
      tick();
      if (i == 2) dut_->rst_n = 1;  // released with the falling edge (one dump per time step)
      settle();
    }
    tick();
  }
  /// The rising edge, then the clock low again. The falling edge is evaluated with the next
  /// cycle's inputs (settle()): one evaluation fewer per cycle, which is what a large model's
  /// cycle costs (the design has no falling-edge logic).
  void tick() {
    if (win_ticks_ >= 0 && win_ticks_ == win_len_) close_window();
    if (win_ticks_ >= 0) ++win_ticks_;
    dut_->clk = 1;
    dut_->eval();
    ctx_->timeInc(5);
    dump();
    dut_->clk = 0;
    ctx_->timeInc(5);
  }
  /// Evaluates the inputs driven since the last edge (and the falling edge).
  void settle() {
    dut_->eval();
    dump();
  }
  void idle() {
    dut_->wr_valid = 0;
    dut_->x_valid = 0;
    if constexpr (HasProgramPort<Dut>::value) dut_->pr_valid = 0;
  }
  void drive(const Op& op, const std::vector<golden::Vec>& inputs) {
    if (op.is_program) {
      if constexpr (HasProgramPort<Dut>::value) {
        dut_->pr_valid = 1;
        set_field(dut_->pr_addr, 0, s_.dima.PC_W, uint64_t(op.index));
        for (size_t i = 0; i < op.word.size(); ++i) set_bit(dut_->pr_data, int(i), op.word[i] ? 1 : 0);
      } else {
        throw std::logic_error("a program beat for a model without the program port");
      }
    } else if (op.is_write) {
      dut_->wr_valid = 1;
      dut_->wr_sum = op.wr_sum;
      set_field(dut_->wr_channel, 0, s_.CH_W, uint64_t(op.channel));
      set_field(dut_->wr_index, 0, s_.IDX_W, uint64_t(op.index));
      set_field(dut_->wr_data, 0, s_.WR_W, op.data);
    } else {
      dut_->x_valid = 1;
      const golden::Vec& x = inputs[op.vector];
      for (int i = 0; i < s_.N; ++i)
        set_field(dut_->x_data, i * (s_.n + 1), s_.n + 1, (uint64_t(x[i].neg) << s_.n) | x[i].mag);
      if constexpr (HasDropout<Dut>::value) drive_beat(op);
    }
  }
  /// The x-beat fields of a dropout macro.
  void drive_beat(const Op& op) {
    const golden::Beat& b = beats_->at(size_t(op.vector));
    for (int i = 0; i < s_.N; ++i) set_bit(dut_->x_mask, i, b.mask[size_t(i)]);
    dut_->x_op = uint8_t(b.op);
    set_field(dut_->x_src, 0, s_.R_W, uint64_t(b.src));
    set_field(dut_->x_dst, 0, s_.R_W, uint64_t(b.dst));
  }
  std::vector<uint64_t> y_bits() {
    std::vector<uint64_t> v;
    for (int c = 0; c < s_.C; ++c) v.push_back(uint64_t(get_signed(dut_->y_data, c * s_.Y_W, s_.Y_W)));
    return v;
  }
  static const CData* probe(const VerilatedScope* scope, const char* name) {
    const VerilatedVar* v = scope->varFind(name);
    return v ? static_cast<const CData*>(v->datap()) : nullptr;
  }
  /// Compute cycles and conversions per vector, counted on the RTL, against the manifest.
  void check_counts(RunResult& res, int64_t vectors) {
    if (!probe_sample_ || !probe_conv_last_ || !probe_phase_a_) {
      error(res, "PROBE: sample/conv_last/phase_a_reg not visible in the model");
      return;
    }
    const int64_t per_uarray = s_.nconv;  // converters per uArray
    // Phase A: each conversion end completes per_uarray weight-row conversions; phase B: the
    // sign-row conversion of the channel and the (shared) dummy-row conversion.
    const int64_t conversions = res.conv_a * per_uarray + 2 * res.conv_b;
    if (res.compute_cycles != vectors * s_.compute_cycles)
      error(res, "COUNT compute cycles: " + std::to_string(res.compute_cycles) + " for " + std::to_string(vectors) +
                     " vectors, manifest says " + std::to_string(s_.compute_cycles) + " per vector");
    if (conversions != vectors * s_.conversions)
      error(res, "COUNT conversions per channel: " + std::to_string(conversions) + " for " + std::to_string(vectors) +
                     " vectors, manifest says " + std::to_string(s_.conversions) + " per vector");
  }
  void error(RunResult& res, const std::string& msg) {
    if (res.errors++ < cfg_.max_report) std::printf("%s: %s\n", s_.name.c_str(), msg.c_str());
  }

  const Spec& s_;
  const RunConfig& cfg_;
  golden::Rng rng_;
  std::unique_ptr<VerilatedContext> ctx_;
  std::unique_ptr<Dut> dut_;
#if VM_TRACE
  std::unique_ptr<VerilatedFstC> trace_;
  void dump() {
    if (trace_) trace_->dump(ctx_->time());
  }
#else
  void dump() {}
#endif
  std::vector<std::string> args_;  ///< plusargs handed to the models
  const std::vector<golden::Beat>* beats_ = nullptr;  ///< dropout: beat of each x op
  const CData* probe_sample_ = nullptr;     ///< in_memory: compute cycle
  const CData* probe_conv_last_ = nullptr;  ///< in_memory: last SAR step
  const CData* probe_phase_a_ = nullptr;    ///< in_memory: weight-plane phase
  int64_t win_ticks_ = -1, win_len_ = 0, win_vectors_ = 0;  ///< toggle window: cycles so far (-1: closed), length
};

/// Write beats for all weights and Sw of `w` (channel order, then Sw).
std::vector<Op> load_ops(const Spec& s, const std::vector<golden::Vec>& w);

/// Builds the script and expected outputs for `cfg`, runs it on Dut; on failure reruns the
/// same seed with an FST waveform. Prints one summary line.
template <class Dut>
RunResult run_spec(const Spec& s, const RunConfig& cfg);

} // namespace cimgen::tb

#include "harness_run.hpp"
