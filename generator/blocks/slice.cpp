// cimgen — block: one channel of a near_memory macro as one repeated module, its uArrays
// and its channel (slice.v.tpl for MF, slice_conv.v.tpl for the multiply-based baseline).
#include "block.hpp"

namespace cimgen {

Block slice_block(const Spec& s) {
  const bool conv = variant_of(s) == Variant::NearMemoryConv;
  Block b = make_block("slice", conv ? "channel slice: the channel's uArrays and its baseline channel"
                                     : "channel slice: the channel's uArrays and its uChannel",
                       category::kIo, conv ? "slice_conv.v.tpl" : "slice.v.tpl");
  b.instances = s.C;
  b.params = {{"M", num(s.m)},         {"L", num(s.L)},         {"S", num(s.S)},
              {"COUNT_W", num(s.COUNT_W)}, {"COL_W", num(s.COL_W)}, {"ROW_W", num(s.ROW_W)}, {"Y_W", num(s.Y_W)}};
  if (!conv) b.params.insert({{"WR_W", num(s.WR_W)}, {"SW_W", num(s.SW_W)}, {"B_W", num(s.B_W)}});
  return b;
}

} // namespace cimgen
