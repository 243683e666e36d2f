// cimgen — blocks of the in_memory conversion: the synthesizable SAR sequencer (sar.v.tpl) and
// the simulation-only analog models, product line (product_line.v.tpl) and comparator
// (comparator.v.tpl), which are black boxes in synthesis.
#include <algorithm>

#include "block.hpp"

namespace cimgen {

Block sar_block(const Spec& s) {
  Block b = make_block("sar", "SAR ADC sequencer", category::kAdc, "sar.v.tpl");
  b.instances = s.converters_total;
  b.params = {{"BITS", num(s.adc_bits)}, {"BIT_W", num(s.BIT_W)}, {"SHIFT", num(s.adc_lsb_shift)},
              {"CHAT_W", num(s.CHAT_W)}};
  return b;
}

Block product_line_block(const Spec& s) {
  Block b = make_block("product_line", "product-line model (simulation only)", category::kAnalog, "product_line.v.tpl");
  b.role = Role::Simulation;
  b.instances = int64_t(s.C) * s.S * (s.m + 1) + s.S;  // every row of every uArray, one dummy row per segment
  b.params = {{"L", num(s.L)}, {"COUNT_W", num(s.COUNT_W)}};
  return b;
}

Block comparator_block(const Spec& s) {
  Block b = make_block("comparator", "comparator and reference-cell model (simulation only)", category::kAnalog, "comparator.v.tpl");
  b.role = Role::Simulation;
  b.instances = s.converters_total;
  b.params = {{"COUNT_W", num(s.COUNT_W)},
              {"BITS", num(s.adc_bits)},
              {"R", num(s.r_bias)},
              {"SHIFT", num(s.adc_lsb_shift)},
              {"CMP_W", num(std::max(s.COUNT_W + 1, s.CHAT_W) + 1)}};
  return b;
}

} // namespace cimgen
