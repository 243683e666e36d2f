// cimgen — bit-exact model of the MC-Dropout x beat (DESIGN.md section 11) and of a beat program.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "golden.hpp"

namespace cimgen::golden {

/// One bit per column (or channel); 1 = active / kept.
using Mask = std::vector<uint8_t>;

/// x_op of a dropout beat.
enum class BeatOp : int {
  Set = 0,  ///< y = S
  Add = 1,  ///< y = P[src] + S
  Sub = 2,  ///< y = P[src] - S
};

/// One x beat of a dropout macro: S over the columns of `mask`, combined with P[src], kept in P[dst].
struct Beat {
  BeatOp op = BeatOp::Set;  ///< x_op
  int src = 0;              ///< x_src, 0..R-1
  int dst = 0;              ///< x_dst, 0..R-1
  Mask mask;                ///< x_mask, N bits
};

/// A program line "sample t reg in_mask out_mask": P[reg] now holds sample t, whose kept channels
/// must equal S(in_mask) computed from scratch.
struct SampleMark {
  int t = 0;        ///< sample number (drawn order)
  int reg = 0;      ///< register holding it
  int after = 0;    ///< beats executed before this mark
  Mask in;          ///< input column mask a_t (N bits)
  Mask out;         ///< output channel mask o_t (C bits)
  int line = 0;     ///< line in the program file (for messages)
};

/// A beat program: beats in order plus the sample marks between them.
struct Program {
  std::vector<Beat> beats;         ///< x beats in order
  std::vector<SampleMark> samples; ///< checks, in order of `after`
};

/// `v` reduced modulo 2^width into two's complement range.
int64_t wrap(int64_t v, int width);
/// Number of ones.
int popcount(const Mask& m);

/// S of one channel over the masked columns, term by term as the macro computes it:
/// 2A - Sw + 2B - Sx with every gate ANDed with the mask, counts per segment (converted).
Terms masked_terms(const Spec& s, const Vec& w, const Vec& x, const Mask& mask);
/// S of one channel over the masked columns by the direct operator formula.
int64_t masked_direct(const Vec& w, const Vec& x, const Mask& mask);
/// S of every channel (masked_terms), not wrapped.
std::vector<int64_t> masked_sums(const Spec& s, const std::vector<Vec>& w, const Vec& x, const Mask& mask);

/// The macro's partial-sum registers and one beat (all channels), results modulo 2^Y_W.
class DropoutModel {
public:
  explicit DropoutModel(const Spec& s);
  /// Apply one beat; returns y of every channel (also stored in P[dst]).
  std::vector<int64_t> step(const std::vector<Vec>& w, const Vec& x, const Beat& b);
  /// P[reg] of every channel.
  const std::vector<int64_t>& reg(int r) const { return p_[size_t(r)]; }

private:
  const Spec& s_;                         ///< the macro
  std::vector<std::vector<int64_t>> p_;   ///< P[r][c], reset to 0
};

/// Result of running a program on the golden model for one input vector.
struct ProgramRun {
  std::vector<std::vector<int64_t>> y;  ///< per beat, per channel
  std::vector<std::string> failures;    ///< sample marks that disagree with the from-scratch result
};
/// Run `prog` beat by beat and check every sample mark against S(in) from scratch.
ProgramRun run_program(const Spec& s, const std::vector<Vec>& w, const Vec& x, const Program& prog);

/// Beat k of `prog` applied with input vector k (as many beats as vectors); one output row per beat.
std::vector<std::vector<int64_t>> program_outputs(const Spec& s, const std::vector<Vec>& w, const std::vector<Vec>& xs,
                                                  const Program& prog, const std::string& file);

/// Parse a program text for spec `s` (`file` names it in errors "FILE:LINE: ..."). Lines:
/// `OP SRC DST MASK` (a beat; MASK = N characters 0/1, character i = column i) or
/// `sample T REG IN_MASK OUT_MASK`; `#` starts a comment.
Program parse_program(const Spec& s, const std::string& text, const std::string& file);
/// Read a program file (see parse_program).
Program read_program(const Spec& s, const std::string& path);
/// The text of one beat line / sample line.
std::string format_beat(const Beat& b);
std::string format_sample(const SampleMark& m);
/// A mask as N characters 0/1.
std::string format_mask(const Mask& m);

} // namespace cimgen::golden
