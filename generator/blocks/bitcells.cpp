// cimgen — block: the bit-cell array of one uArray (bitcells.v.tpl: 6T rows read one at a
// time; bitcells_im.v.tpl: 8T cells with a product line per row).
#include <stdexcept>

#include "block.hpp"

namespace cimgen {

Block bitcells_block(const Spec& s) {
  Block b;
  b.role = Role::Array;
  b.category = category::kArray;
  b.instances = int64_t(s.C) * s.S;
  b.params = {{"ROWS", num(s.m + 1)}, {"L", num(s.L)}, {"COL_W", num(s.COL_W)}};
  switch (variant_of(s)) {
  case Variant::NearMemoryMf:
  case Variant::NearMemoryConv:
    b.suffix = "bitcells";
    b.what = "bit-cell array of one uArray (behavioural SRAM)";
    b.tpl = "bitcells.v.tpl";
    b.params["ROW_W"] = num(s.ROW_W);
    break;
  case Variant::HTreeMf:  // bank arrays: the m magnitude rows; the root's sign rows: ROWS = 1
    b.suffix = "bitcells";
    b.what = "bit-cell array of one bank uArray (behavioural SRAM, magnitude rows)";
    b.tpl = "bitcells.v.tpl";
    b.params["ROWS"] = num(s.m);
    b.params["ROW_W"] = num(bits_for(uint64_t(s.m - 1)));  // rows 0..m-1
    b.instances = int64_t(s.banks) * s.C * s.SB + int64_t(s.C) * s.S;  // bank arrays, root sign rows
    break;
  case Variant::InMemoryMf:
    b.suffix = "bitcells_im";
    b.what = "8T bit-cell array of one uArray (behavioural model)";
    b.tpl = "bitcells_im.v.tpl";
    break;
  case Variant::Dima:
    throw std::logic_error("bitcells: not a block of this datapath (dima_array holds the word rows)");
  }
  return b;
}

} // namespace cimgen
