// cimgen — pruned weights and their mapping onto CIM columns (DESIGN.md section 10): the mask
// file, the grouping of channels (greedy / in_order), the placement of the groups and the
// numbers the report states.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "enums.hpp"

namespace cimgen {

enum class Grouping { Greedy, InOrder };

template <>
struct EnumTable<Grouping> {
  static constexpr const char* key = "pruning.grouping";
  static constexpr std::array<EnumEntry<Grouping>, 2> entries{{{Grouping::Greedy, "greedy"},
                                                               {Grouping::InOrder, "in_order"}}};
};

/// A C x N mask, row c = channel c, 1 = kept.
using Mask = std::vector<std::vector<uint8_t>>;

/// One group of channels stored on one CIM column of width |columns|.
struct PruneGroup {
  std::vector<int> channels;  ///< global channel indices, in the group's order
  std::vector<int> columns;   ///< U_g: the union of the channels' kept input indices, ascending
};

/// Report numbers of a mapping (DESIGN.md section 10).
struct PruneStats {
  int64_t dense = 0;      ///< weight entries of the dense macro, N*C
  int64_t ideal = 0;      ///< kept entries
  int64_t stored = 0;     ///< weight entries stored, SUM_g |U_g| * |g|
  int64_t input_wires = 0;  ///< SUM_g |U_g|
  int64_t shared_inputs = 0;  ///< SUM over neighbouring groups |U_g & U_g+1|
  double utilization() const { return stored ? double(ideal) / double(stored) : 1.0; }
};

/// A spec's pruning: the mask, the options and the mapping (built once by the spec reader).
struct Pruning {
  std::string mask_file;      ///< as written in the spec
  int group_size = 1;         ///< k
  Grouping grouping = Grouping::Greedy;
  Mask mask;                  ///< C x N
  std::string mask_text;      ///< the mask in canonical form (part of the spec hash)
  std::vector<PruneGroup> groups;  ///< in placement order
  std::vector<int> group_of;  ///< channel -> index into groups
  PruneStats stats;
  bool kept(int c, int i) const { return mask[c][i] != 0; }
};

/// Parse mask text (C lines of N tokens 0/1, `#` comments). `where` names the file in errors:
/// "FILE:LINE: token 'T': ...". Throws InputError.
Mask parse_mask(const std::string& text, const std::string& where, int C, int N);
/// Read a mask file (read_input_file limits apply).
Mask read_mask(const std::string& path, int C, int N);
/// The canonical text of a mask: one line per channel, tokens separated by single spaces.
std::string format_mask(const Mask& mask);

/// Partition the channels into groups of at most k and place them (deterministic).
std::vector<PruneGroup> map_groups(const Mask& mask, int k, Grouping grouping);
/// Report numbers of a mapping.
PruneStats prune_stats(const Mask& mask, const std::vector<PruneGroup>& groups);
/// Build a Pruning: groups, group_of, stats, canonical text.
Pruning make_pruning(Mask mask, int k, Grouping grouping, std::string mask_file);

struct Spec;
/// uArrays (segments) of a group's CIM column: max(1, ceil(|U_g| / L)) (an empty group keeps
/// one uArray whose kept rows are all 0).
int group_segments(const PruneGroup& g, int L);
/// The spec's canonical "pruning" object (the mask's content enters as its hash).
std::string pruning_canonical(const Pruning& p);
/// Array cells and adder trees of the pruned organisation (called by Spec::derive).
void derive_pruned(Spec& s);
/// The report of DESIGN.md section 10 as JSON text (manifest, `check --json`, `synth`).
std::string pruning_report_json(const Spec& s);
/// The same for people (`cimgen check`).
std::string pruning_report_text(const Spec& s);

/// A seeded random mask of kept density `density` (0..1): i.i.d. when clusters == 0, else
/// each channel copies one of `clusters` random support templates with a few flipped bits.
Mask random_mask(int C, int N, double density, int clusters, uint64_t seed);

} // namespace cimgen
