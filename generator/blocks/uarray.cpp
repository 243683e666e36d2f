// cimgen — block: one uArray of one channel (uarray.v.tpl, uarray_conv.v.tpl, uarray_im.v.tpl).
#include <stdexcept>

#include "block.hpp"

namespace cimgen {

Block uarray_block(const Spec& s) {
  Block b;
  b.category = category::kGating;
  b.instances = int64_t(s.C) * s.S;
  b.params = {{"M", num(s.m)}, {"L", num(s.L)}, {"COL_W", num(s.COL_W)}, {"ROW_W", num(s.ROW_W)},
              {"COUNT_W", num(s.COUNT_W)}};
  switch (variant_of(s)) {
  case Variant::NearMemoryMf:
    b.suffix = "uarray";
    b.what = "uArray: bit cells, sense amplifiers, adder tree";
    b.tpl = "uarray.v.tpl";
    break;
  case Variant::NearMemoryConv:
    b.suffix = "uarray_conv";
    b.what = "uArray of the multiply-based baseline: bit cells, sign mask, two adder trees";
    b.tpl = "uarray_conv.v.tpl";
    break;
  case Variant::HTreeMf:
  case Variant::Dima:
    throw std::logic_error("uarray: not a block of this datapath (htree banks and dima word rows hold their arrays)");
  case Variant::InMemoryMf:
    b.suffix = "uarray_im";
    b.what = "in-memory uArray: 8T cells, product lines, SAR converters";
    b.tpl = "uarray_im.v.tpl";
    b.params["BITS"] = num(s.adc_bits);
    b.params["BIT_W"] = num(s.BIT_W);
    b.params["CHAT_W"] = num(s.CHAT_W);
    b.params["PER_ROW"] = num(s.adc_per_row() ? 1 : 0);
    b.params["NCONV"] = num(s.nconv);
    break;
  }
  return b;
}

} // namespace cimgen
