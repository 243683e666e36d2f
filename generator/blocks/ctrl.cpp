// cimgen — block: uArray controller FSM (rtl_templates/ctrl.v.tpl).
#include "block.hpp"

namespace cimgen {

Block ctrl_block(const Spec& s) {
  Block b = make_block("ctrl", "uArray controller FSM", category::kController, "ctrl.v.tpl");
  b.params = {{"CNT_W", num(s.CNT_W)}, {"STEPS", num(s.steps)}, {"PIPE", num(s.pipeline_stages)}};
  return b;
}

} // namespace cimgen
