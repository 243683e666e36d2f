// cimgen — blocks of the accumulate side: the uChannel segment sum (seg_sum.v.tpl) and the
// shift-accumulator (shift_acc.v.tpl); both take their widths as instance parameters.
#include "block.hpp"

namespace cimgen {

Block seg_sum_block(const Spec& s) {
  Block b;
  b.suffix = "seg_sum";
  b.what = "uChannel: sum of segment counts";
  b.category = category::kAccumulate;
  b.tpl = "seg_sum.v.tpl";
  switch (variant_of(s)) {
  case Variant::NearMemoryMf:
  case Variant::InMemoryMf: b.instances = s.C + 1; break;  // one per channel, one for the dummy row
  case Variant::NearMemoryConv: b.instances = 2 * s.C; break;  // agreeing and differing counts
  }
  return b;
}

Block shift_acc_block(const Spec& s) {
  Block b;
  b.suffix = "shift_acc";
  b.what = "shift-accumulator";
  b.category = category::kAccumulate;
  b.tpl = "shift_acc.v.tpl";
  b.instances = 2 * s.C + 1;  // A and B per channel, Sx once
  return b;
}

} // namespace cimgen
