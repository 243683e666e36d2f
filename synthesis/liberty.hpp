// cimgen — the little of a Liberty (.lib) cell library that area reports need.
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace cimgen {

/// One cell of a Liberty library.
struct LibCell {
  double area = 0.0;                            ///< `area` attribute, in the library's unit
  bool sequential = false;                      ///< has an ff, latch or statetable group
  bool dont_use = false;                        ///< `dont_use : true`
  bool timed = false;                           ///< some pin has a `timing` group
  std::vector<std::string> inputs;              ///< input pins, in file order
  std::map<std::string, std::string> outputs;   ///< output pin -> `function` ("" if none)
};

/// A full- or half-adder cell: its input pins and the pins of the sum and the carry.
struct AdderCell {
  std::string cell;
  std::vector<std::string> inputs;  ///< 3 (full adder) or 2 (half adder)
  std::string sum, carry;
};

/// The cells of a Liberty library: enough to price a mapped netlist, tell flip-flops from
/// gates, and find the NAND2 that defines one gate equivalent.
struct Liberty {
  std::string name;                      ///< library (NAME)
  std::map<std::string, LibCell> cells;  ///< cell name -> cell

  /// Parse Liberty text. Throws InputError "<source>:<line>: <what>" on malformed input.
  static Liberty parse(const std::string& text, const std::string& source);
  /// Read and parse a file; InputError names the file when it cannot be read.
  static Liberty from_file(const std::string& path);

  /// Name of the smallest-area usable 2-input NAND (the gate-equivalent unit), or "" if the
  /// library has none.
  std::string nand2() const;
  /// Smallest usable cell with `n_inputs` inputs (3 or 2) and two outputs whose functions are
  /// their xor (the sum) and their majority / and (the carry), found from the `function`s.
  std::optional<AdderCell> adder(int n_inputs) const;
  /// True when some cell has timing arcs (a library static timing can use).
  bool has_timing() const;
};

/// The project's generic library (generator/liberty/cimgen_generic.lib, compiled in): areas in
/// gate equivalents, NAND2 = 1.0.
const std::string& generic_liberty_text();

/// Truth table of the Liberty boolean `function` over `inputs` (at most 6): bit k of the result
/// is the function's value when input j has value (k >> j) & 1. Operators: ! and postfix '
/// (not), ^ (xor), & * and juxtaposition (and), | + (or), parentheses, constants 0 and 1.
/// Throws InputError on syntax errors and unknown pins.
uint64_t truth_table(const std::string& function, const std::vector<std::string>& inputs);

} // namespace cimgen
