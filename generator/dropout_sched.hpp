// cimgen — MC-Dropout scheduler: mask drawing, sample ordering, cost model (DESIGN.md section 11).
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "dropout.hpp"

namespace cimgen::dropout {

using golden::Mask;

/// One dropout sample: kept input columns a_t and kept output channels o_t.
struct Sample {
  Mask in;   ///< a_t, N bits
  Mask out;  ///< o_t, C bits
};

/// Draw T samples: every column dropped with probability p_in, every channel with p_out
/// (independent Bernoulli, seeded splitmix64).
std::vector<Sample> draw_samples(int N, int C, int T, double p_in, double p_out, uint64_t seed);

/// Cost convention: (active column, channel) pairs evaluated. Computing sample t from a stored
/// sample s costs, for every kept channel c of t, min(|a_t ^ a_s|, |a_t|) if c was kept in s
/// (its partial sum is valid), else |a_t| (recomputed from scratch). From the empty start
/// (s = kStart) the cost is |a_t| * |o_t| (the gated cost).
class CostModel {
public:
  static constexpr int kStart = -1;  ///< the empty start (nothing stored)
  CostModel(const std::vector<Sample>& samples, int C);
  int size() const { return int(in_.size()); }
  /// Cost of computing sample t from stored sample s (or kStart).
  int64_t edge(int s, int t) const;
  /// Columns that differ between s and t (s may be kStart: |a_t|).
  int diff(int s, int t) const;
  int active(int t) const { return in_[size_t(t)]; }
  /// Cost of `order` when every sample may reuse the best of the last `window` samples before it.
  int64_t order_cost(const std::vector<int>& order, int window) const;
  /// Per-sample costs along `order` (same rule), and the chosen reference of each (or kStart).
  std::vector<int64_t> step_costs(const std::vector<int>& order, int window, std::vector<int>* refs = nullptr) const;
  /// Lower bound: per channel, a minimum spanning tree over the empty start and the samples
  /// that keep the channel, edge = columns that differ.
  int64_t mst_bound(const std::vector<Sample>& samples) const;

private:
  int C_;                                  ///< channels
  std::vector<int> in_;                    ///< |a_t|
  std::vector<int> outs_;                  ///< |o_t|
  std::vector<std::vector<int>> diff_;     ///< |a_s ^ a_t|
  std::vector<std::vector<int>> common_;   ///< |o_s & o_t|
};

/// Sample order that minimises order_cost(., window) locally: nearest neighbour from the
/// empty start and the drawn order, each improved by 2-opt and relocation moves; the better
/// one. Never costlier than the drawn order.
std::vector<int> order_path(const CostModel& cm, int window);
/// Improve `order` by 2-opt and relocation moves under order_cost(., window).
std::vector<int> improve(const CostModel& cm, std::vector<int> order, int window);

/// One flow of the cost report.
struct Flow {
  std::string key;                  ///< dense, gated, drawn, path, window, mst
  std::string what;                 ///< one-line description
  int64_t total = 0;                ///< total cost over T samples
  std::vector<int64_t> cumulative;  ///< cost after 1..T samples (empty for the bound)
};

/// The schedule of a run: every flow, the chosen order and the beat program.
struct Schedule {
  std::vector<Sample> samples;  ///< drawn order
  std::vector<Flow> flows;      ///< dense, gated, drawn, path, window, mst
  std::vector<int> path;        ///< order of the path flow
  std::vector<int> window;      ///< order of the window flow
  golden::Program program;      ///< beats of the window flow (R registers)
  int64_t program_pairs = 0;    ///< (column, channel) pairs the program's beats evaluate (all channels)
};

/// Draw, order and cost T samples for a macro with N columns, C channels and R registers.
Schedule schedule(int N, int C, int R, int T, double p_in, double p_out, uint64_t seed);
/// The beats of `order` with R registers (slot k mod R, reference = best of the last R).
golden::Program make_program(const CostModel& cm, const std::vector<Sample>& samples, const std::vector<int>& order,
                             int R);

} // namespace cimgen::dropout
