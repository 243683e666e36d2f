// cimgen — block: one channel's accumulate and combine (channel.v.tpl for MF near_memory,
// channel_conv.v.tpl for the multiply-based baseline, channel_im.v.tpl for in_memory).
#include <stdexcept>

#include "block.hpp"

namespace cimgen {

Block channel_block(const Spec& s) {
  Block b;
  b.category = category::kAccumulate;
  b.instances = s.C;
  b.params = {{"S", num(s.S)}, {"Y_W", num(s.Y_W)}};
  switch (variant_of(s)) {
  case Variant::NearMemoryMf:
    if (s.has_dropout()) {
      b.suffix = "channel_do";
      b.what = "MF channel with MC-Dropout: A, Sw, B over the masked columns, partial-sum registers";
      b.tpl = "channel_do.v.tpl";
      b.params.insert({{"COUNT_W", num(s.COUNT_W)}, {"SUM_IW", num(s.SUM_IW)}, {"SW_W", num(s.SW_W)}, {"B_W", num(s.B_W)},
                       {"R", num(s.dropout_registers)}, {"R_W", num(s.R_W)}});
      break;
    }
    b.suffix = "channel";
    b.what = "MF channel: A, B accumulators, Sw register, combine";
    b.tpl = "channel.v.tpl";
    b.params.insert({{"COUNT_W", num(s.COUNT_W)}, {"SUM_IW", num(s.SUM_IW)}, {"SW_W", num(s.SW_W)}, {"B_W", num(s.B_W)}});
    break;
  case Variant::NearMemoryConv:
    b.suffix = "channel_conv";
    b.what = "baseline channel: plane-pair accumulation";
    b.tpl = "channel_conv.v.tpl";
    b.params.insert({{"COUNT_W", num(s.COUNT_W)}, {"SUM_IW", num(s.SUM_IW)}});
    break;
  case Variant::HTreeMf:
    b.suffix = "channel_ht";
    b.what = "H-tree root channel: sign-row copy, B, Sw register, A from the tree, combine, output register";
    b.tpl = "channel_ht.v.tpl";
    b.params.insert({{"L", num(s.L)},          {"COL_W", num(s.COL_W)}, {"COUNT_W", num(s.COUNT_W)},
                     {"SUM_IW", num(s.SUM_IW)}, {"SW_W", num(s.SW_W)},   {"B_W", num(s.B_W)}});
    break;
  case Variant::InMemoryMf:
    if (s.has_dropout()) {
      b.suffix = "channel_im_do";
      b.what = "in-memory MF channel with MC-Dropout: A, Sw, B from converted counts, partial-sum registers";
      b.tpl = "channel_im_do.v.tpl";
      b.params.insert({{"NCONV", num(s.nconv)}, {"PER_ROW", num(s.adc_per_row() ? 1 : 0)}, {"CHAT_W", num(s.CHAT_W)},
                       {"CV_W", num(s.CV_W)}, {"SUM_W", num(s.SUM_IW)}, {"A_W", num(s.A_W)}, {"B_W", num(s.B_W)},
                       {"R", num(s.dropout_registers)}, {"R_W", num(s.R_W)}});
      break;
    }
    b.suffix = "channel_im";
    b.what = "in-memory MF channel: A, B from converted counts, Sw register, combine";
    b.tpl = "channel_im.v.tpl";
    b.params.insert({{"NCONV", num(s.nconv)}, {"PER_ROW", num(s.adc_per_row() ? 1 : 0)}, {"CHAT_W", num(s.CHAT_W)}, {"CV_W", num(s.CV_W)},
                     {"SUM_W", num(s.SUM_IW)}, {"SW_W", num(s.SW_W)}, {"A_W", num(s.A_W)}, {"B_W", num(s.B_W)}});
    break;
  case Variant::Dima:
    throw std::logic_error("channel: not a block of this datapath (dima_rdl holds the y slots)");
  }
  return b;
}

} // namespace cimgen
