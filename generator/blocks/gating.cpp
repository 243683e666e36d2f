// cimgen — block: sense-amp / column-line gating of one segment (rtl_templates/gating.v.tpl).
#include "block.hpp"

namespace cimgen {

Block gating_block(const Spec& s) {
  Block b = make_block("gating", "sense-amp / column-line gating of one uArray", category::kGating, "gating.v.tpl");
  b.params = {{"L", num(s.L)}, {"EW", num(s.n + 1)}, {"PL_W", num(s.PL_W)}};
  switch (variant_of(s)) {
  case Variant::NearMemoryMf:
  case Variant::InMemoryMf:
  case Variant::HTreeMf:
  case Variant::Dima: b.instances = s.S; break;  // dima: not one of its blocks
  case Variant::NearMemoryConv: b.instances = 2 * s.S; break;  // x[k] gating and the step(x) mask
  }
  return b;
}

} // namespace cimgen
