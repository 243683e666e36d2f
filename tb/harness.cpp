// cimgen — stimulus plans of the Verilator testbench.
#include "harness.hpp"
#include "pruned.hpp"

#include "dima.hpp"

namespace cimgen::tb {

std::vector<Op> load_ops(const Spec& s, const std::vector<golden::Vec>& w) {
  std::vector<Op> ops;
  for (int c = 0; c < s.C; ++c) {
    for (int i = 0; i < s.N; ++i)
      ops.push_back(Op{true, false, c, i, (uint64_t(w[c][i].neg) << s.m) | w[c][i].mag, -1});
    ops.push_back(Op{true, true, c, 0, uint64_t(golden::sum_abs_kept(s, c, w[c])), -1});
  }
  return ops;
}

Plan make_plan(const Spec& s, const RunConfig& cfg) {
  Plan p;
  golden::Rng rng(cfg.seed);
  std::vector<golden::Vec> w;
  const bool files = !cfg.weights.empty() || !cfg.inputs.empty();
  if (files) {
    w = golden::read_weights(s, cfg.weights, cfg.zero_sign);
    p.inputs = golden::read_inputs(s, cfg.inputs, cfg.zero_sign);
  } else {
    w = golden::random_weights(s, rng);
    p.inputs = golden::random_inputs(s, rng, cfg.vectors);
  }
  p.script = load_ops(s, w);
  golden::dima::Program prog;
  if (!cfg.program.empty()) {
    if (s.datapath != Datapath::Dima) throw InputError("--program: only for a spec with \"dropout\" or datapath \"dima\"");
    prog = golden::dima::read_program(s, cfg.program);
    for (size_t a = 0; a < prog.size(); ++a) {
      Op op;
      op.is_program = true;
      op.index = int(a);
      op.word = golden::dima::encode(s, prog[a]);
      p.script.push_back(op);
    }
    p.latency = golden::dima::program_latency(s, prog);
    p.interval = golden::dima::program_interval(s, prog);
  }
  const int n = int(p.inputs.size());
  p.timed = std::min(n, 4);
  const int reload_at = files || !cfg.activity.empty() ? -1 : n / 2;  // no reload in a counting window
  for (int v = 0; v < n; ++v) {
    if (v == reload_at && v >= p.timed) {
      // Reload channel 0 while earlier vectors may still be in flight.
      golden::Vec fresh = golden::random_weights(s, rng)[0];
      std::vector<golden::Vec> w0 = {fresh};
      Spec one = s;
      one.C = 1;
      for (const Op& op : load_ops(one, w0)) p.script.push_back(op);
      w[0] = fresh;
    }
    p.script.push_back(Op{false, false, 0, 0, 0, v});
    std::vector<int64_t> row;
    if (!prog.empty()) row = golden::dima::run(s, prog, w, p.inputs[v]);
    else
      for (int c = 0; c < s.C; ++c) row.push_back(golden::evaluate_channel(s, c, w[c], p.inputs[v]));
    p.expected.push_back(std::move(row));
    if (!prog.empty()) continue;
    std::vector<int64_t> exact;  // the operator without conversion: CSNR's reference
    for (int c = 0; c < s.C; ++c)
      exact.push_back(s.op == Operator::Mf ? golden::mf_direct(w[c], p.inputs[v]) : golden::conv_direct(w[c], p.inputs[v]));
    p.exact.push_back(std::move(exact));
  }
  return p;
}

namespace {

/// A random column mask with the corners: empty, full, one column, or a random density.
golden::Mask random_mask(int N, golden::Rng& rng) {
  const uint64_t kind = rng.below(6);
  const int density = int(rng.below(101));
  const int one = int(rng.below(uint64_t(N)));
  golden::Mask m;
  for (int i = 0; i < N; ++i)
    m.push_back(kind == 0 ? 0 : kind == 1 ? 1 : kind == 2 ? i == one : rng.chance(density));
  return m;
}

/// Random program: every register written first (op 0), then random ops, src = dst often.
std::vector<golden::Beat> random_beats(const Spec& s, golden::Rng& rng, int count) {
  const int R = s.dropout_registers;
  std::vector<golden::Beat> beats;
  for (int v = 0; v < count; ++v) {
    golden::Beat b;
    if (v < R) {
      b.dst = v;
    } else {
      b.op = golden::BeatOp(rng.below(3));
      b.src = int(rng.below(uint64_t(R)));
      b.dst = rng.chance(30) ? b.src : int(rng.below(uint64_t(R)));
    }
    b.mask = random_mask(s.N, rng);
    beats.push_back(std::move(b));
  }
  return beats;
}

/// The program file run once per input vector; marks point at the beat that last wrote their register.
void program_plan(const Spec& s, const RunConfig& cfg, const std::vector<golden::Vec>& w,
                  const std::vector<golden::Vec>& xs, Plan& p) {
  const golden::Program prog = golden::read_program(s, cfg.program);
  for (const golden::Vec& x : xs) {
    std::vector<int> last(size_t(s.dropout_registers), -1);
    size_t mark = 0;
    for (size_t k = 0; k <= prog.beats.size(); ++k) {
      for (; mark < prog.samples.size() && size_t(prog.samples[mark].after) == k; ++mark) {
        golden::SampleMark m = prog.samples[mark];
        m.after = last[size_t(m.reg)];
        std::vector<int64_t> want = golden::masked_sums(s, w, x, m.in);
        for (int64_t& y : want) y = golden::wrap(y, s.Y_W);
        p.marks.push_back(std::move(m));
        p.scratch.push_back(std::move(want));
      }
      if (k == prog.beats.size()) break;
      last[size_t(prog.beats[k].dst)] = int(p.beats.size());
      p.beats.push_back(prog.beats[k]);
      p.inputs.push_back(x);
    }
  }
}

} // namespace

Plan make_dropout_plan(const Spec& s, const RunConfig& cfg) {
  Plan p;
  golden::Rng rng(cfg.seed);
  std::vector<golden::Vec> w, xs;
  if (!cfg.weights.empty() || !cfg.inputs.empty()) {
    w = golden::read_weights(s, cfg.weights, cfg.zero_sign);
    xs = golden::read_inputs(s, cfg.inputs, cfg.zero_sign);
  } else {
    w = golden::random_weights(s, rng);
    xs = golden::random_inputs(s, rng, cfg.program.empty() ? cfg.vectors : std::max(1, std::min(cfg.vectors, 8)));
  }
  if (cfg.program.empty()) {
    p.inputs = xs;
    p.beats = random_beats(s, rng, int(xs.size()));
  } else {
    program_plan(s, cfg, w, xs, p);
  }
  p.script = load_ops(s, w);
  p.timed = std::min(int(p.inputs.size()), 4);
  golden::DropoutModel model(s);
  for (size_t v = 0; v < p.inputs.size(); ++v) {
    p.script.push_back(Op{false, false, 0, 0, 0, int(v)});
    p.expected.push_back(model.step(w, p.inputs[v], p.beats[v]));
  }
  return p;
}

int check_samples(const Spec& s, const Plan& plan, const RunResult& res) {
  int bad = 0;
  for (size_t i = 0; i < plan.marks.size(); ++i) {
    const golden::SampleMark& m = plan.marks[i];
    const bool have = m.after >= 0 && size_t(m.after) < res.outputs.size();
    for (int c = 0; c < s.C; ++c) {
      if (!m.out[size_t(c)]) continue;
      const int64_t want = plan.scratch[i][size_t(c)];
      if (have && res.outputs[size_t(m.after)][size_t(c)] == want) continue;
      if (bad++ < 10)
        std::printf("%s: SAMPLE %d (program line %d) channel %d: got %s expected %lld from scratch\n", s.name.c_str(),
                    m.t, m.line, c, have ? std::to_string(res.outputs[size_t(m.after)][size_t(c)]).c_str() : "nothing",
                    static_cast<long long>(want));
    }
  }
  if (!plan.marks.empty())
    std::printf("%s: %zu sample results checked against their from-scratch golden result, %d mismatches\n",
                s.name.c_str(), plan.marks.size(), bad);
  return bad;
}

} // namespace cimgen::tb
