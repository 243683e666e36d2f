// cimgen — blocks every top shares: the front end (controller hookup, input register, output
// register; rtl_templates/frontend.v.tpl) and the element-write decoder (wr_decode.v.tpl).
#include "block.hpp"

namespace cimgen {

Block frontend_block(const Spec& s) {
  Block b = make_block("frontend", "front end: controller hookup, input-vector register, output register", category::kIo, "frontend.v.tpl");
  b.params = {{"X_W", num(s.X_W)}, {"YS_W", num(int64_t(s.C) * s.Y_W)}, {"CNT_W", num(s.CNT_W)}};
  return b;
}

Block wr_decode_block(const Spec& s) {
  Block b = make_block("wr_decode", "element-write decoder: segment select and column offset", category::kIo, "wr_decode.v.tpl");
  b.params = {{"S", num(s.S)}, {"L", num(s.L)}, {"IDX_W", num(s.IDX_W)}, {"COL_W", num(s.COL_W)}};
  switch (variant_of(s)) {
  case Variant::NearMemoryMf:
  case Variant::NearMemoryConv:
  case Variant::InMemoryMf:
  case Variant::Dima: break;                         // one, in the top (dima: unused)
  case Variant::HTreeMf: b.instances = s.banks + 1; break;  // one per bank (its SB segments), one at the root
  }
  return b;
}

} // namespace cimgen
