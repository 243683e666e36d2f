// cimgen — a hierarchical gate netlist read from Yosys `write_json`: instance counts, cells,
// area, and the longest topological path computed module by module (no flattening).
#pragma once

#include <cstdint>
#include <functional>
#include <map>
#include <memory>
#include <string>
#include <vector>

namespace cimgen {

/// Net bit of a netlist: >= 0 a net of its module, or one of the constants below.
using Bit = int64_t;
inline constexpr Bit kBit0 = -1, kBit1 = -2, kBitX = -3, kBitZ = -4;

/// One module of a Yosys JSON netlist.
struct NetModule {
  /// A port: direction "input" | "output" | "inout", and its bits LSB first.
  struct Port {
    std::string name, direction;
    std::vector<Bit> bits;
  };
  /// A cell instance: its type and, per port, direction and connected bits.
  struct Cell {
    std::string name, type;
    std::vector<Port> pins;
  };
  std::string name;
  bool blackbox = false;  ///< no contents (a black box, a library cell)
  std::vector<Port> ports;
  std::vector<Cell> cells;
};

/// Timing abstraction of a module in cell levels (every combinational cell and every black
/// box counts one level; flip-flops end and start paths), as Yosys `ltp -noff` counts them on
/// the flattened design: arrival at each output bit from internal start points and from each
/// input bit, how far each input bit reaches inside, and the longest path that does not
/// depend on the inputs.
struct ModuleTiming {
  /// Levels from input bit `first` to this point is `second`; sorted by `first`.
  using Arcs = std::vector<std::pair<int, int>>;
  std::vector<int> out_start;   ///< per output bit: levels from internal start points (kNone if none)
  std::vector<Arcs> out_arcs;   ///< per output bit: levels from each input bit
  std::vector<int> reach;       ///< per input bit: longest path starting there inside the module (kNone if none)
  int internal = 0;             ///< longest path from internal start points
  static constexpr int kNone = -(1 << 28);
};

/// A design read from one or more Yosys JSON files (modules of later files are added).
class Netlist {
public:
  /// Add the modules of a `write_json` text. A module defined with contents replaces a black
  /// box of the same name. Throws InputError on malformed JSON.
  void add_json(const std::string& text, const std::string& source);

  /// Module by name, or nullptr.
  const NetModule* module(const std::string& name) const;
  /// Names of all modules with contents.
  std::vector<std::string> modules() const;

  /// How many times each module with contents occurs below (and including) `top`.
  std::map<std::string, int64_t> instance_counts(const std::string& top) const;

  /// Leaf cells (types that are not modules with contents) of one module, by type.
  std::map<std::string, int64_t> leaf_cells(const std::string& module) const;

  /// Longest topological path below `top` in cell levels, computed hierarchically (each module
  /// once). `sequential(type)` tells flip-flop types (they end and start paths). Throws
  /// std::runtime_error on a combinational loop.
  int longest_path(const std::string& top, const std::function<bool(const std::string&)>& sequential) const;

  /// Timing abstraction of one module (used by longest_path; exposed for tests).
  ModuleTiming timing(const std::string& module, const std::function<bool(const std::string&)>& sequential) const;

private:
  using Memo = std::map<std::string, std::unique_ptr<ModuleTiming>>;
  const ModuleTiming& timing_of(const std::string& module, const std::function<bool(const std::string&)>& sequential,
                                Memo& memo) const;

  std::map<std::string, NetModule> modules_;
};

/// Readable name of a module Yosys elaborated: "$paramod\\x_shift_acc\\W=s32'0...01010" ->
/// "x_shift_acc (W=10)"; "$paramod$<hash>\\x_seg_sum" -> "x_seg_sum (parameterized)"; other names as they are.
std::string pretty_module_name(const std::string& module);

/// Name of the Verilog module an elaborated module comes from: "$paramod...\\x_seg_sum..." -> "x_seg_sum".
std::string base_module_name(const std::string& module);

/// Yosys internal flip-flop and latch cell types ($_DFF_P_, $_SDFFE_PP0P_, $dff, ...).
bool is_yosys_sequential(const std::string& type);

} // namespace cimgen
