// cimgen — blocks of the accumulate side: the uChannel segment sum (seg_sum.v.tpl) and the
// shift-accumulator (shift_acc.v.tpl); both take their widths as instance parameters.
#include <stdexcept>

#include "block.hpp"

namespace cimgen {

Block seg_sum_block(const Spec& s) {
  Block b = make_block("seg_sum", "uChannel: sum of segment counts", category::kAccumulate, "seg_sum.v.tpl");
  switch (variant_of(s)) {
  case Variant::NearMemoryMf:
  case Variant::InMemoryMf: b.instances = s.C + 1; break;  // one per channel, one for the dummy row
  case Variant::Dima: throw std::logic_error("seg_sum: not a block of this datapath");
  case Variant::NearMemoryConv: b.instances = 2 * s.C; break;  // agreeing and differing counts
  case Variant::HTreeMf: b.instances = s.C + 1 + s.banks * s.C; break;  // root B and Sx, one per bank channel
  }
  return b;
}

Block shift_acc_block(const Spec& s) {
  Block b = make_block("shift_acc", "shift-accumulator", category::kAccumulate, "shift_acc.v.tpl");
  switch (variant_of(s)) {
  case Variant::NearMemoryMf: b.instances = 2 * s.C + 1; break;         // A and B per channel, Sx once
  case Variant::HTreeMf: b.instances = s.C + 1 + s.banks * s.C; break;  // root B and Sx, A_b in the banks
  case Variant::NearMemoryConv:
  case Variant::InMemoryMf:
  case Variant::Dima: throw std::logic_error("shift_acc: not a block of this datapath");
  }
  return b;
}

} // namespace cimgen
