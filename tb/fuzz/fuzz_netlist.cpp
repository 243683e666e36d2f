// cimgen — libFuzzer target: the Yosys JSON netlist reader (Netlist::add_json).
#include "fuzz_common.hpp"
#include "netlist.hpp"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string text(reinterpret_cast<const char*>(data), size);
  cimgen::fuzz::expect_value_or_input_error([&] {
    cimgen::Netlist nl;
    nl.add_json(text, "fuzz.json");
    for (const std::string& m : nl.modules()) (void)nl.leaf_cells(m);
  });
  return 0;
}
