// cimgen — the spec of one compute-in-SRAM macro (DESIGN.md section 6) and every value derived from it.
#pragma once

#include <cstdint>
#include <memory>
#include <string>

#include "arith.hpp"
#include "dima_params.hpp"
#include "enums.hpp"
#include "errors.hpp"

namespace cimgen {

struct Pruning;  // core/pruning.hpp (DESIGN.md section 10)

/// Bounds checked by Spec::from_json. 64-bit arithmetic is exact for every legal spec:
/// |y| <= N*(2^m-1)*(2^n-1) < 2^16 * 2^32 for the conventional operator and
/// N*(2^m+2^n-2) < 2^34 for MF (checked by a static_assert in spec.cpp).
struct Limits {
  static constexpr int kMaxVectorLength = 65536;
  static constexpr int kMaxChannels = 1024;
  static constexpr int kMaxBits = 16;
  static constexpr int kMaxAdcBits = 12;
  static constexpr int kMaxLsbShift = 12;
  static constexpr int kMaxPipelineStages = 8;
  static constexpr int kMaxBanks = 1024;
  static constexpr int kMaxLinkStages = 4;
  static constexpr int kMaxDropoutRegisters = 16;
  static constexpr int kMaxProgramWords = 256;
  static constexpr int kMaxDimaAdcBits = 49;    ///< dima lossless bits of the largest spec, clog2(2^16 (2^16-1)^2 + 1) + 1
  static constexpr int kMaxDimaLsbShift = 48;
};

/// A validated spec plus its derived organisation. Built only by from_json().
struct Spec {
  // ---- fields of the JSON spec (defaults filled in) ----
  std::string name;                         ///< [a-z][a-z0-9_]*, prefix of every module
  Operator op = Operator::Mf;               ///< "mf" | "conventional"
  Datapath datapath = Datapath::NearMemory; ///< "near_memory" | "in_memory"
  int N = 0;                                ///< vector_length
  int C = 0;                                ///< channels
  int m = 0;                                ///< weight_bits (magnitude)
  int n = 0;                                ///< input_bits (magnitude)
  int L = 0;                                ///< uarray_columns
  TreeKind tree = TreeKind::Behavioral;     ///< adder_tree.kind (near_memory)
  int pipeline_stages = 0;                  ///< adder_tree.pipeline_stages (near_memory)
  int adc_bits = 0;                         ///< adc.bits (in_memory)
  int adc_lsb_shift = 0;                    ///< adc.lsb_shift (in_memory)
  Rounding adc_rounding = Rounding::Floor;  ///< adc.rounding (in_memory)
  Converters adc_converters = Converters::PerRow; ///< adc.converters: "per_row" | 1
  double bitcell_area_um2 = 1.0;            ///< tech.bitcell_area_um2
  int banks = 0;                            ///< htree.banks B (htree)
  int fanout = 2;                           ///< htree.fanout, 2 | 4 (htree)
  int link_stages = 0;                      ///< htree.link_stages k (htree)
  std::shared_ptr<const Pruning> pruning;   ///< pruning: mask and mapping (null: dense)
  int dropout_registers = 0;                ///< dropout.registers R, 1..16 (0: no dropout, DESIGN.md section 11)

  // ---- derived (computed once by derive()) ----
  int S = 0;         ///< segments per channel, ceil(N/L)
  int CH_W = 0;      ///< max(1, clog2(C))
  int IDX_W = 0;     ///< max(1, clog2(N))
  int SW_W = 0;      ///< clog2(N*(2^m-1)+1)
  int WR_W = 0;      ///< max(m+1, SW_W)
  int Y_W = 0;       ///< output width, two's complement
  int COUNT_W = 0;   ///< width of one segment count, clog2(L+1)
  bool lossless = true;      ///< conversion returns the exact count
  int64_t c_max = 0;         ///< largest converted segment count c_hat
  int64_t y_max = 0;         ///< bound on |y| used for Y_W
  int steps = 0;             ///< array steps per vector (row reads or compute cycles)
  int row_reads = 0;         ///< near_memory: row reads per vector (per channel)
  int compute_cycles = 0;    ///< in_memory: compute cycles per vector
  int conversions = 0;       ///< in_memory: conversions per channel per vector (dummy counted once)
  int latency = 0;           ///< cycles from x beat to y_valid (y_ready high)
  int initiation_interval = 0; ///< cycles between accepted x beats at full rate
  // organisation shared by the blocks (DESIGN.md section 4)
  int CNT_W = 0;       ///< controller step counter width
  int X_W = 0;         ///< x_data width, N*(n+1)
  int PW = 0;          ///< padded column count S*L
  int ROW_W = 0;       ///< row address width, clog2(m+1)
  int PL_W = 0;        ///< input-plane index width, clog2(n+1) (indexes {sign, mag})
  int COL_W = 0;       ///< column index width inside a uArray, max(1, clog2(L))
  int SUM_IW = 0;      ///< width of a step's count over all segments (<= N, or S*c_max)
  int B_W = 0;         ///< width of the B and Sx accumulators
  int A_W = 0;         ///< width of the A accumulator (SW_W for near_memory)
  int64_t r_bias = 0;  ///< in_memory: rounding offset r of the ADC (DESIGN.md section 3)
  int CHAT_W = 0;      ///< in_memory: width of a converted count c_hat, b + lsb_shift
  int CV_W = 0;        ///< in_memory: bits a c_hat value can occupy, clog2(c_max + 1)
  int BIT_W = 0;       ///< in_memory: SAR bit index width, max(1, clog2(b))
  int nconv = 0;       ///< in_memory: converters per uArray (m per_row, else 1)
  int converters_total = 0;  ///< in_memory: all converters incl. one dummy per segment
  int tree_instances = 0;    ///< near_memory: adder trees in the macro
  int64_t array_cells = 0;   ///< bit cells: (m+1)*N*C + N (DESIGN.md section 8)
  // htree organisation (DESIGN.md section 9)
  int NBK = 0;         ///< htree: elements per bank, ceil(N/B) (the last bank may hold fewer)
  int SB = 0;          ///< htree: segments (uArrays) per bank and channel, ceil(NBK/L)
  int depth = 0;       ///< htree: link levels from the root to a bank, smallest D with fanout^D >= B
  int AB_W = 0;        ///< htree: a bank's partial sum A_b per channel, clog2(NBK*(2^m-1)+1)
  int a_ready = 0;     ///< htree: run cycle from which the root holds A (see derive_timing)
  int64_t reference_cells = 0; ///< in_memory: SAR reference cells, ((2^b-1) << lsb_shift) per converter
  int R_W = 0;               ///< dropout: partial-sum register index width, max(1, clog2 R)
  DimaParams dima;           ///< dima: ISA and level widths (core/dima.hpp)
  std::string canonical;     ///< canonical JSON text of the spec (defaults filled)
  std::string hash;          ///< 16 hex digits, FNV-1a 64 of `canonical`

  /// Parse and validate JSON text. Throws InputError "<json path>: <what is allowed>, got <value>".
  /// `base_dir`: folder that relative file names in the spec (pruning.mask) are read from.
  static Spec from_json_text(const std::string& text, const std::string& base_dir = ".");
  /// Read a spec file; the error message names the file.
  static Spec from_file(const std::string& path);

  bool has_dropout() const { return dropout_registers > 0; }
  bool adc_per_row() const { return adc_converters == Converters::PerRow; }
  /// Whether the datapath has analog simulation models (product lines, comparators) with a
  /// noise mode.
  bool has_analog_models() const;
  /// Largest weight / input magnitude.
  int64_t w_max() const { return (int64_t{1} << m) - 1; }
  int64_t x_max() const { return (int64_t{1} << n) - 1; }
  /// Derived parameters as JSON text (for `cimgen check --json` and the manifest).
  std::string derived_json() const;
  /// Human-readable derived parameters (for `cimgen check`).
  std::string derived_text() const;

private:
  void derive();
  void derive_bounds();
  void derive_timing();
  void derive_organisation();
  void derive_dropout();
  void derive_canonical();
};

} // namespace cimgen
