// cimgen — the datapaths: each is a declared list of blocks, leaves first, its top last.
// Adding a datapath means adding its blocks and one case here (the compiler names every
// `switch` over Variant that has to learn the new value).
#include "block.hpp"

namespace cimgen {

namespace {

using Factory = Block (*)(const Spec&);

/// Near-memory macro (DESIGN.md section 4): row reads, sense amplifiers, adder trees.
constexpr Factory kNearMemoryMf[] = {ctrl_block,      frontend_block, wr_decode_block, gating_block,
                                     seg_sum_block,   bitcells_block, uarray_block,    adder_tree_block,
                                     shift_acc_block, channel_block,  slice_block,     top_block};
/// MF near-memory with MC-Dropout: the channels hold partial sums, the top instantiates them
/// beside their uArrays (no slice).
constexpr Factory kNearMemoryMfDropout[] = {ctrl_block,      frontend_block, wr_decode_block, gating_block,
                                            seg_sum_block,   bitcells_block, uarray_block,    adder_tree_block,
                                            shift_acc_block, channel_block,  top_block};
/// The multiply-based baseline on the same array (DESIGN.md section 3).
constexpr Factory kNearMemoryConv[] = {ctrl_block,     frontend_block, wr_decode_block,  gating_block,  seg_sum_block,
                                       bitcells_block, uarray_block,   adder_tree_block, channel_block, slice_block,
                                       top_block};
/// H-tree near-memory core (DESIGN.md section 9): banks at the leaves, links, nodes, the root.
constexpr Factory kHTreeMf[] = {ctrl_block,  root_seg_block, wr_decode_block, gating_block,   seg_sum_block,
                                shift_acc_block, bitcells_block, adder_tree_block, bank_block, link_block,
                                node_block,  htree_block,    channel_block,   top_block};
/// In-memory macro: 8T product lines and memory-immersed SAR converters.
constexpr Factory kInMemoryMf[] = {ctrl_block,         frontend_block,   wr_decode_block, gating_block,
                                   seg_sum_block,      bitcells_block,   sar_block,       product_line_block,
                                   comparator_block,   uarray_block,     channel_block,   top_block};

/// DIMA (DESIGN.md section 12): word rows, FR/BLP/CBLP analog model, one signed SAR ADC, RDL,
/// instruction memory and task sequencer.
constexpr Factory kDima[] = {dima_array_block, dima_analog_block, dima_comparator_block, dima_sar_block,
                             dima_imem_block,  dima_rdl_block,    dima_seq_block,        top_block};

template <size_t K>
std::vector<Block> make(const Factory (&list)[K], const Spec& s) {
  std::vector<Block> out;
  for (Factory f : list) out.push_back(f(s));
  return out;
}

} // namespace

std::vector<Block> datapath_blocks(const Spec& s) {
  switch (variant_of(s)) {
  case Variant::NearMemoryMf:
    if (s.pruning) return pruned_blocks(s);
    return s.has_dropout() ? make(kNearMemoryMfDropout, s) : make(kNearMemoryMf, s);
  case Variant::NearMemoryConv: return make(kNearMemoryConv, s);
  case Variant::InMemoryMf: return s.pruning ? pruned_blocks(s) : make(kInMemoryMf, s);
  case Variant::HTreeMf: return make(kHTreeMf, s);
  case Variant::Dima: return make(kDima, s);
  }
  return {};
}

} // namespace cimgen
