// cimgen — bit-exact golden model of the DIMA datapath (DESIGN.md section 12): the analog
// level v of a task, the signed ADC code, y = code << d, the residual digital logic (RDL) and
// the program interpreter.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "golden.hpp"

namespace cimgen::golden::dima {

/// One task of a DIMA program (one instruction word, core/dima.hpp has the bit layout).
struct Task {
  DimaOp op = DimaOp::Dot;
  DimaRdl rdl = DimaRdl::None;
  bool last = false;  ///< the program ends after this task
  int channel = 0;    ///< word row (weight channel) read
  int d = 0;          ///< ADC LSB shift of this task
  int dst = 0;        ///< y slot written
  int64_t thr = 0;    ///< threshold of rdl threshold (two's complement, Y_W bits)
};
using Program = std::vector<Task>;

/// The program after reset: dot of every channel in order, d = adc.lsb_shift, rdl none, dst c.
Program default_program(const Spec& s);

/// Noise-free level of one task: dot SUM w_i x_i, l1 SUM |w_i - x_i|, sum SUM w_i (-0 is 0).
int64_t level(DimaOp op, const Vec& w, const Vec& x);
/// Signed b-bit code clamp((v + r) >> d, -2^(b-1), 2^(b-1) - 1), r = 2^(d-1) when nearest and d > 0.
int64_t adc_code(const Spec& s, int64_t v, int d);
/// `v` taken modulo 2^Y_W as a two's complement Y_W-bit number (the width of a y slot).
int64_t wrap(const Spec& s, int64_t v);
/// y = code << d, as a Y_W-bit slot value.
int64_t task_result(const Spec& s, int64_t code, int d);

/// RDL state of one vector: the y slots and the running maximum with its index.
struct RdlState {
  std::vector<int64_t> slots;  ///< C slots, cleared at each vector
  bool has_max = false;
  int64_t max_value = 0;
  int max_index = 0;
};
/// Apply one task's result y (already a slot value) to the RDL state.
void rdl_apply(const Spec& s, const Task& t, int64_t y, RdlState& st);

/// Run `prog` on one input vector: the C y slots (y_data of the beat).
std::vector<int64_t> run(const Spec& s, const Program& prog, const std::vector<Vec>& w, const Vec& x);
/// Tasks the sequencer executes: up to the first task with `last`, or the last word.
int executed_tasks(const Spec& s, const Program& prog);
/// Latency and initiation interval of a vector under `prog` (section 5 definitions).
int program_latency(const Spec& s, const Program& prog);
int program_interval(const Spec& s, const Program& prog);

/// The default program's output for channel c: y_c of the dot product (golden::evaluate).
int64_t evaluate(const Spec& s, const Vec& w, const Vec& x);

/// One instruction word, bit i of the word at index i (I_W bits).
std::vector<bool> encode(const Spec& s, const Task& t);
/// Parse a program file: one task per line, `OP CHANNEL [d=D] [rdl=none|acc|max|threshold]
/// [dst=SLOT] [thr=T] [last]`, `#` comments; the file's last task is marked last. Throws
/// InputError "FILE:LINE: ..." for an unknown op or field, a field out of range, or more
/// tasks than dima.program_words.
Program parse_program(const Spec& s, const std::string& text, const std::string& file);
Program read_program(const Spec& s, const std::string& path);

} // namespace cimgen::golden::dima
