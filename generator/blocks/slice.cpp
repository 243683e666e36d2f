// cimgen — block: one channel of the near_memory MF macro as one repeated module, its uArrays
// and its uChannel (slice.v.tpl).
#include "block.hpp"

namespace cimgen {

Block slice_block(const Spec& s) {
  Block b = make_block("slice", "channel slice: the channel's uArrays and its uChannel", category::kIo, "slice.v.tpl");
  b.instances = s.C;
  b.params = {{"M", num(s.m)},         {"L", num(s.L)},         {"S", num(s.S)},         {"WR_W", num(s.WR_W)},
              {"SW_W", num(s.SW_W)},   {"B_W", num(s.B_W)},     {"COUNT_W", num(s.COUNT_W)},
              {"COL_W", num(s.COL_W)}, {"ROW_W", num(s.ROW_W)}, {"Y_W", num(s.Y_W)}};
  return b;
}

} // namespace cimgen
