// cimgen — blocks of the DIMA datapath (DESIGN.md section 12): the word-row array, the
// simulation-only FR/BLP/CBLP model and comparator (black boxes in synthesis, like the in_memory
// product lines), the synthesizable signed SAR sequencer (sar.v.tpl), the instruction memory,
// the residual digital logic (RDL) and the task sequencer.
#include <algorithm>

#include "block.hpp"

namespace cimgen {

namespace {

/// Fraction bits of the analog level (noise resolution: 1/256 of one LSB of v).
constexpr int kLevelFrac = 8;

/// Width of the held analog level: v_max with one bit of noise headroom, plus the fraction.
int level_width(const Spec& s) { return s.dima.V_W + 1 + kLevelFrac; }

/// The instruction-field parameters every block that decodes a word receives.
Vars field_params(const Spec& s) {
  const DimaParams& p = s.dima;
  return {{"CH_W", num(s.CH_W)},          {"D_W", num(p.D_W)},  {"Y_W", num(s.Y_W)},
          {"AT_D", num(p.at_d(s.CH_W))}, {"AT_DST", num(p.at_dst(s.CH_W))}, {"AT_THR", num(p.at_thr(s.CH_W))}};
}

} // namespace

Block dima_array_block(const Spec& s) {
  Block b = make_block("dima_array", "DIMA word rows: C rows of N words of m+1 cells (behavioural model)",
                       category::kArray, "dima_array.v.tpl");
  b.role = Role::Array;
  b.params = {{"N", num(s.N)}, {"C", num(s.C)}, {"M", num(s.m)}, {"CH_W", num(s.CH_W)}, {"IDX_W", num(s.IDX_W)}};
  return b;
}

Block dima_analog_block(const Spec& s) {
  Block b = make_block("dima_analog", "DIMA functional read, BLP and CBLP model (simulation only)", category::kAnalog,
                       "dima_analog.v.tpl");
  b.role = Role::Simulation;
  b.params = {{"N", num(s.N)},
              {"M", num(s.m)},
              {"NB", num(s.n)},
              {"LV_W", num(level_width(s))},
              {"FRAC", num(kLevelFrac)}};
  return b;
}

Block dima_comparator_block(const Spec& s) {
  Block b = make_block("dima_comparator", "DIMA ADC comparator and reference model (simulation only)", category::kAnalog,
                       "dima_comparator.v.tpl");
  b.role = Role::Simulation;
  b.params = {{"M", num(s.m)},
              {"NB", num(s.n)},
              {"LV_W", num(level_width(s))},
              {"FRAC", num(kLevelFrac)},
              {"BITS", num(s.adc_bits)},
              {"D_W", num(s.dima.D_W)},
              {"ROUND", num(s.adc_rounding == Rounding::Nearest ? 1 : 0)}};
  return b;
}

Block dima_sar_block(const Spec& s) {
  // The in_memory SAR sequencer with unit LSB: its code is the offset-binary signed code.
  Block b = make_block("sar", "SAR ADC sequencer (offset-binary signed code)", category::kAdc, "sar.v.tpl");
  b.params = {{"BITS", num(s.adc_bits)}, {"BIT_W", num(s.BIT_W)}, {"SHIFT", "0"}, {"CHAT_W", num(s.adc_bits)}};
  return b;
}

Block dima_imem_block(const Spec& s) {
  Block b = make_block("dima_imem", "DIMA instruction memory (reset: the default program)", category::kController,
                       "dima_imem.v.tpl");
  b.params = field_params(s);
  b.params.erase("AT_THR");
  b.params.erase("AT_DST");
  b.params.erase("AT_D");
  b.params.insert({{"P", num(s.dima.program_words)}, {"PC_W", num(s.dima.PC_W)}, {"I_W", num(s.dima.I_W)},
                   {"C", num(s.C)}, {"D0", num(s.adc_lsb_shift)}});
  return b;
}

Block dima_rdl_block(const Spec& s) {
  Block b = make_block("dima_rdl", "DIMA residual digital logic: y slots, accumulate, max with index, threshold",
                       category::kAccumulate, "dima_rdl.v.tpl");
  b.params = {{"C", num(s.C)}, {"CH_W", num(s.CH_W)}, {"Y_W", num(s.Y_W)}, {"BITS", num(s.adc_bits)},
              {"D_W", num(s.dima.D_W)}};
  return b;
}

Block dima_seq_block(const Spec& s) {
  Block b = make_block("dima_seq", "DIMA task sequencer: handshakes, input and output registers", category::kIo,
                       "dima_seq.v.tpl");
  b.params = {{"X_W", num(s.X_W)},          {"YS_W", num(int64_t(s.C) * s.Y_W)}, {"PC_W", num(s.dima.PC_W)},
              {"BIT_W", num(s.BIT_W)},      {"BITS", num(s.adc_bits)},           {"P", num(s.dima.program_words)}};
  return b;
}

Vars dima_top_params(const Spec& s) {
  Vars v = field_params(s);
  v.insert({{"N", num(s.N)},
            {"C", num(s.C)},
            {"M", num(s.m)},
            {"NB", num(s.n)},
            {"IDX_W", num(s.IDX_W)},
            {"WR_W", num(s.WR_W)},
            {"BITS", num(s.adc_bits)},
            {"BIT_W", num(s.BIT_W)},
            {"LV_W", num(level_width(s))},
            {"PC_W", num(s.dima.PC_W)},
            {"I_W", num(s.dima.I_W)}});
  return v;
}

} // namespace cimgen
