// cimgen — the H-tree of DESIGN.md section 9: its topology (nodes per level, the banks and
// elements under each node) and its traffic, derived from the spec once for the generator,
// the manifest, `cimgen check` and the synthesis report.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "spec.hpp"

namespace cimgen {

/// One node of the tree: level 0 is the root, level `depth` the banks.
struct HTreeNode {
  int level = 0;       ///< 0 root .. depth (banks)
  int index = 0;       ///< position among the nodes of its level
  int bank_lo = 0;     ///< first bank under it
  int bank_hi = 0;     ///< one past the last bank under it
  int elem_lo = 0;     ///< first element under it
  int elem_hi = 0;     ///< one past the last element under it
  int children = 0;    ///< nodes under it at level + 1 (0 for a bank)
  int elems() const { return elem_hi - elem_lo; }
};

/// Traffic on the links between level - 1 and level.
struct HTreeLevel {
  int level = 0;                      ///< 1 .. depth: links entering this level's nodes
  int links = 0;                      ///< links (one per node of the level)
  int sum_w = 0;                      ///< width of a partial sum per channel at this level
  int64_t down_bits_per_vector = 0;   ///< go bit + step(x) bits of every link's subtree
  int64_t up_bits_per_vector = 0;     ///< valid bit + C partial sums per link
  int64_t bits_per_weight_load = 0;   ///< the one link on the written element's path
  int64_t down_wires = 0;             ///< wires of all down links of the level
  int64_t up_wires = 0;               ///< wires of all up links of the level
  int64_t multiply_down_bits = 0;     ///< a multiply-based design: every element's n+1 bits
};

/// The nodes of `s`'s tree, level by level (root first); requires datapath htree.
std::vector<std::vector<HTreeNode>> htree_nodes(const Spec& s);
/// The partial-sum width per channel of a node with `elems` elements: clog2(elems*(2^m-1)+1).
int htree_sum_width(const Spec& s, int elems);
/// Width of the write bus a link carries down: valid, channel, index, magnitude (the root keeps
/// the sign).
int htree_write_width(const Spec& s);
/// Traffic of every link level, level 1 first.
std::vector<HTreeLevel> htree_traffic(const Spec& s);

} // namespace cimgen
