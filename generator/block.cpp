// cimgen — block emission shared by every block unit.
#include "block.hpp"

#include <stdexcept>

#include "banner.hpp"

namespace cimgen {

const char* to_string(Role r) {
  switch (r) {
  case Role::Logic: return "logic";
  case Role::Array: return "array";
  case Role::Simulation: return "simulation";
  }
  return "?";
}

Variant variant_of(const Spec& s) {
  switch (s.datapath) {
  case Datapath::NearMemory:
    switch (s.op) {
    case Operator::Mf: return Variant::NearMemoryMf;
    case Operator::Conventional: return Variant::NearMemoryConv;
    }
    break;
  case Datapath::InMemory:
    return Variant::InMemoryMf;  // the spec refuses the conventional operator here
  case Datapath::HTree:
    return Variant::HTreeMf;  // likewise
  case Datapath::Dima:
    return Variant::Dima;  // the spec sets the conventional operator (a dot product)
  }
  throw std::logic_error("variant_of: no variant for this datapath and operator");
}

Block make_block(std::string suffix, std::string what, const char* category, std::string tpl) {
  Block b;
  b.suffix = std::move(suffix);
  b.what = std::move(what);
  b.category = category;
  b.tpl = std::move(tpl);
  return b;
}

std::string num(int64_t v) { return std::to_string(v); }

std::string module_name(const Spec& s, const Block& b) { return s.name + "_" + b.suffix; }

std::string emit(const Spec& s, const Block& b) {
  const std::string head = banner(s, b.what);
  if (b.tpl.empty()) return head + "\n`default_nettype none\n\n" + b.body + "\n`default_nettype wire\n";
  Vars v = b.params;
  v["NAME"] = s.name;
  v["BANNER"] = head;
  return render(b.tpl, v);
}

} // namespace cimgen
