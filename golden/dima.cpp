// cimgen — golden model of the DIMA datapath (DESIGN.md section 12).
#include "dima.hpp"

#include <algorithm>
#include <cstdlib>

namespace cimgen::golden::dima {

namespace {

/// floor(v / 2^d) for any sign of v.
int64_t floor_shift(int64_t v, int d) { return v >= 0 ? v >> d : -((-v + (int64_t{1} << d) - 1) >> d); }

} // namespace

Program default_program(const Spec& s) {
  Program p;
  for (int c = 0; c < s.C; ++c) {
    Task t;
    t.channel = t.dst = c;
    t.d = s.adc_lsb_shift;
    t.last = c == s.C - 1;
    p.push_back(t);
  }
  return p;
}

int64_t level(DimaOp op, const Vec& w, const Vec& x) {
  int64_t v = 0;
  for (size_t i = 0; i < w.size(); ++i) {
    switch (op) {
    case DimaOp::Dot: v += value(w[i]) * value(x[i]); break;
    case DimaOp::L1: v += std::abs(value(w[i]) - value(x[i])); break;
    case DimaOp::Sum: v += value(w[i]); break;
    }
  }
  return v;
}

int64_t adc_code(const Spec& s, int64_t v, int d) {
  const int64_t r = (s.adc_rounding == Rounding::Nearest && d > 0) ? (int64_t{1} << (d - 1)) : 0;
  const int64_t hi = (int64_t{1} << (s.adc_bits - 1)) - 1, lo = -(int64_t{1} << (s.adc_bits - 1));
  return std::clamp(floor_shift(v + r, d), lo, hi);
}

int64_t wrap(const Spec& s, int64_t v) {
  const uint64_t mask = s.Y_W >= 64 ? ~uint64_t(0) : (uint64_t{1} << s.Y_W) - 1;
  const uint64_t u = uint64_t(v) & mask;
  return (u >> (s.Y_W - 1)) & 1 ? int64_t(u | ~mask) : int64_t(u);
}

int64_t task_result(const Spec& s, int64_t code, int d) { return wrap(s, int64_t(uint64_t(code) << d)); }

void rdl_apply(const Spec& s, const Task& t, int64_t y, RdlState& st) {
  int64_t& slot = st.slots[size_t(t.dst)];
  switch (t.rdl) {
  case DimaRdl::None: slot = y; break;
  case DimaRdl::Acc: slot = wrap(s, slot + y); break;
  case DimaRdl::Max:
    if (!st.has_max || y > st.max_value) {
      st.has_max = true;
      st.max_value = y;
      st.max_index = t.channel;
    }
    slot = st.max_value;
    if (t.dst + 1 < s.C) st.slots[size_t(t.dst) + 1] = wrap(s, st.max_index);
    break;
  case DimaRdl::Threshold: slot = y >= t.thr ? 1 : 0; break;
  }
}

int executed_tasks(const Spec& s, const Program& prog) {
  for (size_t pc = 0; pc < prog.size(); ++pc)
    if (prog[pc].last || int(pc) == s.dima.program_words - 1) return int(pc) + 1;
  return int(prog.size());
}

std::vector<int64_t> run(const Spec& s, const Program& prog, const std::vector<Vec>& w, const Vec& x) {
  RdlState st;
  st.slots.assign(size_t(s.C), 0);
  const int tasks = executed_tasks(s, prog);
  for (int pc = 0; pc < tasks; ++pc) {
    const Task& t = prog[size_t(pc)];
    const int64_t y = task_result(s, adc_code(s, level(t.op, w[size_t(t.channel)], x), t.d), t.d);
    rdl_apply(s, t, y, st);
  }
  return st.slots;
}

int program_latency(const Spec& s, const Program& prog) {
  return executed_tasks(s, prog) * s.dima.cycles_per_task + 2;
}
int program_interval(const Spec& s, const Program& prog) {
  return executed_tasks(s, prog) * s.dima.cycles_per_task + 1;
}

int64_t evaluate(const Spec& s, const Vec& w, const Vec& x) {
  const int d = s.adc_lsb_shift;
  return task_result(s, adc_code(s, level(DimaOp::Dot, w, x), d), d);
}

std::vector<bool> encode(const Spec& s, const Task& t) {
  const DimaParams& p = s.dima;
  std::vector<bool> bits(size_t(p.I_W), false);
  const auto put = [&](int at, int width, uint64_t v) {
    for (int i = 0; i < width; ++i) bits[size_t(at + i)] = (v >> i) & 1;
  };
  put(0, 2, uint64_t(t.op));
  put(2, 2, uint64_t(t.rdl));
  put(4, 1, t.last ? 1 : 0);
  put(p.at_channel(), s.CH_W, uint64_t(t.channel));
  put(p.at_d(s.CH_W), p.D_W, uint64_t(t.d));
  put(p.at_dst(s.CH_W), s.CH_W, uint64_t(t.dst));
  put(p.at_thr(s.CH_W), s.Y_W, uint64_t(t.thr));
  return bits;
}

} // namespace cimgen::golden::dima
