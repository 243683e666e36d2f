// cimgen — every enumeration of the spec, each with one {value, name} table. The parser,
// to_string, `cimgen check`, the JSON-schema test and the comparison scripts read these tables;
// code that acts on a value dispatches by an exhaustive `switch` (no `default`), so the compiler
// names every place a new value has to reach.
#pragma once

#include <array>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace cimgen {

enum class Operator { Mf, Conventional };
enum class Datapath { NearMemory, InMemory, HTree, Dima };
enum class TreeKind { Behavioral, Ripple, Wallace, Dadda };
enum class Rounding { Floor, Nearest };
enum class Converters { PerRow, One };

/// One row of an enum table: the value and its spelling in the spec.
template <class E>
struct EnumEntry {
  E value;           ///< the C++ value
  const char* name;  ///< the JSON spelling ("1" is written as the integer 1)
};

/// The table of enum E: `entries` in schema order and `key`, the spec field it is read from.
template <class E>
struct EnumTable;

template <>
struct EnumTable<Operator> {
  static constexpr const char* key = "operator";
  static constexpr std::array<EnumEntry<Operator>, 2> entries{{{Operator::Mf, "mf"},
                                                               {Operator::Conventional, "conventional"}}};
};
template <>
struct EnumTable<Datapath> {
  static constexpr const char* key = "datapath";
  static constexpr std::array<EnumEntry<Datapath>, 4> entries{{{Datapath::NearMemory, "near_memory"},
                                                               {Datapath::InMemory, "in_memory"},
                                                               {Datapath::HTree, "htree"},
                                                               {Datapath::Dima, "dima"}}};
};
template <>
struct EnumTable<TreeKind> {
  static constexpr const char* key = "adder_tree.kind";
  static constexpr std::array<EnumEntry<TreeKind>, 4> entries{{{TreeKind::Behavioral, "behavioral"},
                                                               {TreeKind::Ripple, "ripple"},
                                                               {TreeKind::Wallace, "wallace"},
                                                               {TreeKind::Dadda, "dadda"}}};
};
template <>
struct EnumTable<Rounding> {
  static constexpr const char* key = "adc.rounding";
  static constexpr std::array<EnumEntry<Rounding>, 2> entries{{{Rounding::Floor, "floor"},
                                                               {Rounding::Nearest, "nearest"}}};
};
template <>
struct EnumTable<Converters> {
  static constexpr const char* key = "adc.converters";
  static constexpr std::array<EnumEntry<Converters>, 2> entries{{{Converters::PerRow, "per_row"},
                                                                 {Converters::One, "1"}}};
};

/// The spelling of `v` in the spec.
template <class E>
const char* to_string(E v) {
  for (const auto& e : EnumTable<E>::entries)
    if (e.value == v) return e.name;
  return "?";  // unreachable: every value has a row (checked by a unit test)
}

/// The value spelled `name`, if any.
template <class E>
std::optional<E> enum_from_string(std::string_view name) {
  for (const auto& e : EnumTable<E>::entries)
    if (name == e.name) return e.value;
  return std::nullopt;
}

/// Every spelling of E, in table order.
template <class E>
std::vector<std::string> enum_names() {
  std::vector<std::string> out;
  for (const auto& e : EnumTable<E>::entries) out.emplace_back(e.name);
  return out;
}

} // namespace cimgen
