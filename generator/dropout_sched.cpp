// cimgen — MC-Dropout scheduler: masks, nearest neighbour + 2-opt path, window of R, MST bound.
#include "dropout_sched.hpp"

#include <algorithm>
#include <limits>
#include <map>
#include <numeric>

#include "stimulus.hpp"

namespace cimgen::dropout {

std::vector<Sample> draw_samples(int N, int C, int T, double p_in, double p_out, uint64_t seed) {
  golden::Rng rng(seed);
  // Uniform in [0, 1) from 53 random bits.
  const auto uniform = [&] { return double(rng.next() >> 11) * (1.0 / 9007199254740992.0); };
  std::vector<Sample> out(static_cast<size_t>(T));
  for (Sample& s : out) {
    for (int i = 0; i < N; ++i) s.in.push_back(uniform() >= p_in);
    for (int c = 0; c < C; ++c) s.out.push_back(p_out > 0 ? uniform() >= p_out : 1);
  }
  return out;
}

CostModel::CostModel(const std::vector<Sample>& samples, int C) : C_(C) {
  const size_t T = samples.size();
  diff_.assign(T, std::vector<int>(T, 0));
  common_.assign(T, std::vector<int>(T, 0));
  for (size_t t = 0; t < T; ++t) {
    in_.push_back(golden::popcount(samples[t].in));
    outs_.push_back(golden::popcount(samples[t].out));
    for (size_t s = 0; s < t; ++s) {
      int d = 0, k = 0;
      for (size_t i = 0; i < samples[t].in.size(); ++i) d += samples[t].in[i] != samples[s].in[i];
      for (size_t c = 0; c < samples[t].out.size(); ++c) k += samples[t].out[c] && samples[s].out[c];
      diff_[t][s] = diff_[s][t] = d;
      common_[t][s] = common_[s][t] = k;
    }
  }
}

int CostModel::diff(int s, int t) const { return s == kStart ? in_[size_t(t)] : diff_[size_t(s)][size_t(t)]; }

int64_t CostModel::edge(int s, int t) const {
  const int64_t a = in_[size_t(t)], o = outs_[size_t(t)];
  if (s == kStart) return a * o;
  const int64_t k = common_[size_t(s)][size_t(t)];
  return k * std::min<int64_t>(diff_[size_t(s)][size_t(t)], a) + (o - k) * a;
}

std::vector<int64_t> CostModel::step_costs(const std::vector<int>& order, int window, std::vector<int>* refs) const {
  std::vector<int64_t> cost;
  if (refs) refs->clear();
  for (size_t k = 0; k < order.size(); ++k) {
    int best_ref = kStart;
    int64_t best = edge(kStart, order[k]);
    for (size_t j = k > size_t(window) ? k - size_t(window) : 0; j < k; ++j) {
      const int64_t e = edge(order[j], order[k]);
      if (e < best) best = e, best_ref = order[j];
    }
    cost.push_back(best);
    if (refs) refs->push_back(best_ref);
  }
  return cost;
}

int64_t CostModel::order_cost(const std::vector<int>& order, int window) const {
  int64_t total = 0;
  for (size_t k = 0; k < order.size(); ++k) {
    int64_t best = edge(kStart, order[k]);
    for (size_t j = k > size_t(window) ? k - size_t(window) : 0; j < k; ++j) best = std::min(best, edge(order[j], order[k]));
    total += best;
  }
  return total;
}

int64_t CostModel::mst_bound(const std::vector<Sample>& samples) const {
  // Channels that are kept in the same samples share one tree.
  std::map<std::vector<uint8_t>, int> groups;
  for (int c = 0; c < C_; ++c) {
    std::vector<uint8_t> member;
    for (const Sample& s : samples) member.push_back(s.out[size_t(c)]);
    ++groups[member];
  }
  int64_t total = 0;
  for (const auto& [member, count] : groups) {
    std::vector<int> nodes;  // samples keeping the channel; the empty start is the root
    for (size_t t = 0; t < member.size(); ++t)
      if (member[t]) nodes.push_back(int(t));
    std::vector<int> key(nodes.size());
    std::vector<bool> done(nodes.size(), false);
    for (size_t i = 0; i < nodes.size(); ++i) key[i] = diff(kStart, nodes[i]);
    int64_t tree = 0;
    for (size_t step = 0; step < nodes.size(); ++step) {  // Prim from the root
      size_t u = nodes.size();
      for (size_t i = 0; i < nodes.size(); ++i)
        if (!done[i] && (u == nodes.size() || key[i] < key[u])) u = i;
      done[u] = true;
      tree += key[u];
      for (size_t i = 0; i < nodes.size(); ++i)
        if (!done[i]) key[i] = std::min(key[i], diff(nodes[u], nodes[i]));
    }
    total += tree * count;
  }
  return total;
}

namespace {

/// Greedy: from the empty start, always the cheapest unvisited sample from the last one.
std::vector<int> nearest_neighbour(const CostModel& cm) {
  std::vector<int> order;
  std::vector<bool> used(size_t(cm.size()), false);
  int last = CostModel::kStart;
  for (int k = 0; k < cm.size(); ++k) {
    int best = -1;
    for (int t = 0; t < cm.size(); ++t)
      if (!used[size_t(t)] && (best < 0 || cm.edge(last, t) < cm.edge(last, best))) best = t;
    used[size_t(best)] = true;
    order.push_back(best);
    last = best;
  }
  return order;
}

/// One pass of first-improvement moves (segment reversal, then relocation); true if improved.
bool improve_pass(const CostModel& cm, std::vector<int>& order, int window, int64_t& cost) {
  bool improved = false;
  const size_t T = order.size();
  for (size_t i = 0; i + 1 < T; ++i)
    for (size_t j = i + 1; j < T; ++j) {
      std::reverse(order.begin() + long(i), order.begin() + long(j) + 1);
      const int64_t c = cm.order_cost(order, window);
      if (c < cost) cost = c, improved = true;
      else std::reverse(order.begin() + long(i), order.begin() + long(j) + 1);
    }
  for (size_t i = 0; i < T; ++i)
    for (size_t j = 0; j < T; ++j) {
      if (i == j) continue;
      std::vector<int> moved = order;
      const int v = moved[i];
      moved.erase(moved.begin() + long(i));
      moved.insert(moved.begin() + long(j), v);
      const int64_t c = cm.order_cost(moved, window);
      if (c < cost) cost = c, order.swap(moved), improved = true;
    }
  return improved;
}

} // namespace

std::vector<int> improve(const CostModel& cm, std::vector<int> order, int window) {
  int64_t cost = cm.order_cost(order, window);
  for (int pass = 0; pass < 50 && improve_pass(cm, order, window, cost); ++pass) {
  }
  return order;
}

std::vector<int> order_path(const CostModel& cm, int window) {
  std::vector<int> drawn(static_cast<size_t>(cm.size()));
  std::iota(drawn.begin(), drawn.end(), 0);
  std::vector<int> a = improve(cm, nearest_neighbour(cm), window);
  std::vector<int> b = improve(cm, drawn, window);
  return cm.order_cost(a, window) <= cm.order_cost(b, window) ? a : b;
}

golden::Program make_program(const CostModel& cm, const std::vector<Sample>& samples, const std::vector<int>& order,
                             int R) {
  std::vector<int> refs;
  cm.step_costs(order, R, &refs);
  golden::Program p;
  std::vector<int> slot_of(samples.size(), 0);
  for (size_t k = 0; k < order.size(); ++k) {
    const int t = order[k], ref = refs[k], dst = int(k % size_t(R));
    const Mask& a = samples[size_t(t)].in;
    if (ref == CostModel::kStart || cm.diff(ref, t) >= cm.active(t)) {
      p.beats.push_back({golden::BeatOp::Set, 0, dst, a});
    } else {
      const Mask& b = samples[size_t(ref)].in;
      Mask add(a.size()), sub(a.size());
      for (size_t i = 0; i < a.size(); ++i) add[i] = a[i] && !b[i], sub[i] = b[i] && !a[i];
      int src = slot_of[size_t(ref)];
      if (golden::popcount(add) > 0 || golden::popcount(sub) == 0) {
        p.beats.push_back({golden::BeatOp::Add, src, dst, add});
        src = dst;
      }
      if (golden::popcount(sub) > 0) p.beats.push_back({golden::BeatOp::Sub, src, dst, sub});
    }
    slot_of[size_t(t)] = dst;
    p.samples.push_back({t, dst, int(p.beats.size()), a, samples[size_t(t)].out, 0});
  }
  return p;
}

Schedule schedule(int N, int C, int R, int T, double p_in, double p_out, uint64_t seed) {
  Schedule sc;
  sc.samples = draw_samples(N, C, T, p_in, p_out, seed);
  const CostModel cm(sc.samples, C);
  std::vector<int> drawn(static_cast<size_t>(T));
  std::iota(drawn.begin(), drawn.end(), 0);
  sc.path = order_path(cm, 1);
  // The window starts from the path and only accepts improvements, so it is never costlier.
  sc.window = improve(cm, sc.path, R);
  const auto cumulate = [](std::vector<int64_t> v) {
    std::partial_sum(v.begin(), v.end(), v.begin());
    return v;
  };
  std::vector<int64_t> dense(size_t(T), int64_t(N) * C), gated;
  for (int t = 0; t < T; ++t) gated.push_back(cm.edge(CostModel::kStart, t));
  sc.flows.push_back({"dense", "every column and channel of every sample (N*C)", 0, cumulate(dense)});
  sc.flows.push_back({"gated", "active columns times kept channels, from scratch (|a_t|*|o_t|)", 0, cumulate(gated)});
  sc.flows.push_back({"drawn", "reuse of the previous sample, drawn order", 0, cumulate(cm.step_costs(drawn, 1))});
  sc.flows.push_back({"path", "reuse of the previous sample, ordered path (nearest neighbour + 2-opt)", 0,
                      cumulate(cm.step_costs(sc.path, 1))});
  sc.flows.push_back({"window", "reuse of the best of the last R stored samples, ordered", 0,
                      cumulate(cm.step_costs(sc.window, R))});
  for (Flow& f : sc.flows) f.total = f.cumulative.empty() ? 0 : f.cumulative.back();
  sc.flows.push_back({"mst", "lower bound: minimum spanning tree per channel over the samples and the empty start",
                      cm.mst_bound(sc.samples), {}});
  sc.program = make_program(cm, sc.samples, sc.window, R);
  for (const golden::Beat& b : sc.program.beats) sc.program_pairs += int64_t(golden::popcount(b.mask)) * C;
  return sc;
}

} // namespace cimgen::dropout
