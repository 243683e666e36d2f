// cimgen — stimulus plans of the Verilator testbench.
#include "harness.hpp"

#include "dima.hpp"

namespace cimgen::tb {

std::vector<Op> load_ops(const Spec& s, const std::vector<golden::Vec>& w) {
  std::vector<Op> ops;
  for (int c = 0; c < s.C; ++c) {
    for (int i = 0; i < s.N; ++i)
      ops.push_back(Op{true, false, c, i, (uint64_t(w[c][i].neg) << s.m) | w[c][i].mag, -1});
    ops.push_back(Op{true, true, c, 0, uint64_t(golden::sum_abs(w[c])), -1});
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
    if (s.datapath != Datapath::Dima) throw InputError("--program: only for datapath \"dima\"");
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
  const int reload_at = files ? -1 : n / 2;
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
      for (int c = 0; c < s.C; ++c) row.push_back(golden::evaluate(s, w[c], p.inputs[v]));
    p.expected.push_back(std::move(row));
    if (!prog.empty()) continue;
    std::vector<int64_t> exact;  // the operator without conversion: CSNR's reference
    for (int c = 0; c < s.C; ++c)
      exact.push_back(s.op == Operator::Mf ? golden::mf_direct(w[c], p.inputs[v]) : golden::conv_direct(w[c], p.inputs[v]));
    p.exact.push_back(std::move(exact));
  }
  return p;
}

} // namespace cimgen::tb
