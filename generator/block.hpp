// cimgen — a hardware block as a unit: its module, parameters, instance count and report
// category. A datapath is a declared list of blocks (generator/datapath.cpp).
#pragma once

#include <cstdint>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "spec.hpp"
#include "template.hpp"

namespace cimgen {

/// What a module is to the flows downstream of generation.
enum class Role {
  Logic,       ///< synthesizable periphery, synthesized and priced
  Array,       ///< bit-cell array: simulation model, a black box with analytic area in synthesis
  Simulation,  ///< analog model under sim/: simulation only, a black box in synthesis
};
const char* to_string(Role r);

/// Categories of the area report (the "block" column of synth/area.md).
namespace category {
inline constexpr const char* kController = "controller";
inline constexpr const char* kGating = "gating and sense amplifiers";
inline constexpr const char* kAdderTree = "adder trees";
inline constexpr const char* kAdc = "ADC logic (SAR sequencers)";
inline constexpr const char* kAccumulate = "accumulators and combine";
inline constexpr const char* kIo = "I/O registers and sequencing";
inline constexpr const char* kArray = "bit-cell array";
inline constexpr const char* kAnalog = "analog models";
} // namespace category

/// One hardware block of a macro: module `<spec name>_<suffix>` in `rtl/` (or `sim/`).
struct Block {
  std::string suffix;                   ///< module name after "<spec name>_"
  std::string what;                     ///< one banner line
  Role role = Role::Logic;              ///< synthesized, array, or simulation model
  const char* category = category::kIo; ///< area-report category
  int64_t instances = 1;                ///< instances in the whole macro
  std::string tpl;                      ///< template in rtl_templates/, or "" when `body` is set
  Vars params;                          ///< template values (the module's Verilog parameter defaults)
  std::string body;                     ///< module text made in C++ (irregular netlists only)
  nlohmann::ordered_json report;        ///< manifest fields of the block (null: none)
};

/// The macro variants a block unit distinguishes: datapath and operator together.
enum class Variant { NearMemoryMf, NearMemoryConv, InMemoryMf, HTreeMf, Dima };
Variant variant_of(const Spec& s);

/// A block of one instance, synthesized, from its name, banner line, category and template.
Block make_block(std::string suffix, std::string what, const char* category, std::string tpl);

/// The module name of `b` in spec `s`.
std::string module_name(const Spec& s, const Block& b);
/// The file text of `b`: banner, then the rendered template (NAME and BANNER filled in) or body.
std::string emit(const Spec& s, const Block& b);
/// A template value: a decimal number.
std::string num(int64_t v);

// ---- the block units (generator/blocks/<name>.cpp) ----
Block ctrl_block(const Spec& s);
Block frontend_block(const Spec& s);
Block wr_decode_block(const Spec& s);
Block gating_block(const Spec& s);
Block seg_sum_block(const Spec& s);
Block shift_acc_block(const Spec& s);
Block bitcells_block(const Spec& s);
Block uarray_block(const Spec& s);
Block adder_tree_block(const Spec& s);
Block channel_block(const Spec& s);
Block slice_block(const Spec& s);
Block sar_block(const Spec& s);
Block product_line_block(const Spec& s);
Block comparator_block(const Spec& s);
Block top_block(const Spec& s);
Block bank_block(const Spec& s);
Block link_block(const Spec& s);
Block node_block(const Spec& s);
Block htree_block(const Spec& s);
Block root_seg_block(const Spec& s);

/// The blocks of the near-memory macro with pruned weights (generator/blocks/pruned.cpp).
std::vector<Block> pruned_blocks(const Spec& s);

// ---- DIMA (generator/blocks/dima.cpp) ----
Block dima_array_block(const Spec& s);
Block dima_analog_block(const Spec& s);
Block dima_comparator_block(const Spec& s);
Block dima_sar_block(const Spec& s);
Block dima_imem_block(const Spec& s);
Block dima_rdl_block(const Spec& s);
Block dima_seq_block(const Spec& s);
/// Template values of dima_top.v.tpl except PORTS.
Vars dima_top_params(const Spec& s);

/// The blocks of the spec's datapath, leaves first, the top last (generator/datapath.cpp).
std::vector<Block> datapath_blocks(const Spec& s);

} // namespace cimgen
