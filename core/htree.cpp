// cimgen — H-tree topology and traffic.
#include "htree.hpp"

#include <algorithm>

namespace cimgen {

std::vector<std::vector<HTreeNode>> htree_nodes(const Spec& s) {
  std::vector<std::vector<HTreeNode>> levels(s.depth + 1);
  int64_t span = 1;  // banks under one node of the level
  for (int l = s.depth; l >= 0; --l, span *= s.fanout) {
    const int count = int((s.banks + span - 1) / span);
    for (int j = 0; j < count; ++j) {
      HTreeNode n;
      n.level = l;
      n.index = j;
      n.bank_lo = int(j * span);
      n.bank_hi = int(std::min<int64_t>(s.banks, (j + 1) * span));
      n.elem_lo = n.bank_lo * s.NBK;
      n.elem_hi = std::min(s.N, n.bank_hi * s.NBK);
      n.children = l == s.depth ? 0 : int((n.bank_hi - n.bank_lo + span / s.fanout - 1) / (span / s.fanout));
      levels[l].push_back(n);
    }
  }
  return levels;
}

int htree_sum_width(const Spec& s, int elems) { return clog2(uint64_t(elems) * uint64_t(s.w_max()) + 1); }

int htree_write_width(const Spec& s) { return 1 + s.CH_W + s.IDX_W + s.m; }

std::vector<HTreeLevel> htree_traffic(const Spec& s) {
  const auto nodes = htree_nodes(s);
  std::vector<HTreeLevel> out;
  for (int l = 1; l <= s.depth; ++l) {
    HTreeLevel t;
    t.level = l;
    t.links = int(nodes[l].size());
    int widest = 0;
    for (const HTreeNode& n : nodes[l]) widest = std::max(widest, n.elems());
    t.sum_w = htree_sum_width(s, widest);
    t.down_bits_per_vector = s.N + t.links;
    t.up_bits_per_vector = int64_t(t.links) * (1 + int64_t(s.C) * t.sum_w);
    t.bits_per_weight_load = htree_write_width(s);
    t.down_wires = s.N + int64_t(t.links) * (1 + htree_write_width(s));
    t.up_wires = t.up_bits_per_vector;
    t.multiply_down_bits = int64_t(s.N) * (s.n + 1);
    out.push_back(t);
  }
  return out;
}

} // namespace cimgen
