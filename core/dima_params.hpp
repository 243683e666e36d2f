// cimgen — the DIMA datapath's derived parameters and instruction format (DESIGN.md section 12).
#pragma once

#include <cstdint>

namespace cimgen {

struct Spec;

/// Instruction fields of the DIMA ISA: values of the op and rdl fields.
enum class DimaOp { Dot = 0, L1 = 1, Sum = 2 };
enum class DimaRdl { None = 0, Acc = 1, Max = 2, Threshold = 3 };

/// Parameters of a "dima" spec, derived once by Spec::derive (zero for other datapaths).
///
/// Instruction word (pr_data, I_W bits, LSB first):
///   [1:0] op (0 dot, 1 l1, 2 sum; 3 refused), [3:2] rdl (0 none, 1 acc, 2 max, 3 threshold),
///   [4] last (the program ends after this task), then channel (CH_W bits), d (D_W bits),
///   dst (CH_W bits, the y_data slot written), thr (Y_W bits, two's complement threshold).
struct DimaParams {
  int program_words = 0;  ///< P, instruction-memory words (spec dima.program_words, default C)
  int lossless_bits = 0;  ///< clog2(N(2^m-1)(2^n-1)+1) + 1, the default ADC bits
  int64_t v_max = 0;      ///< largest |v| over the ops: max(N wmax xmax, N (wmax + xmax))
  int V_W = 0;            ///< width of the analog level as a signed integer, clog2(v_max+1) + 1
  int d_max = 0;          ///< largest task shift d, lossless_bits - 1
  int D_W = 0;            ///< d field width, bits_for(d_max)
  int PC_W = 0;           ///< program counter / pr_addr width, max(1, clog2(P))
  int I_W = 0;            ///< instruction width, 5 + 2*CH_W + D_W + Y_W
  int CODE_W = 0;         ///< ADC code width (b)
  int cycles_per_task = 0;  ///< 1 compute cycle (FR, BLP, CBLP) + b SAR steps

  // bit offsets of the instruction fields
  int at_channel() const { return 5; }
  int at_d(int CH_W) const { return 5 + CH_W; }
  int at_dst(int CH_W) const { return 5 + CH_W + D_W; }
  int at_thr(int CH_W) const { return 5 + 2 * CH_W + D_W; }
};

/// Lossless bits, r, losslessness, y_max (the range of code << d and of v).
void dima_bounds(Spec& s);
/// Latency and initiation interval of the default program: C tasks of 1 + b cycles.
void dima_timing(Spec& s);
/// Widths of the instruction word, the level, the program counter.
void dima_organisation(Spec& s);

} // namespace cimgen
