// cimgen — libFuzzer target: the Liberty reader (Liberty::parse) and the NAND2 search, which
// evaluates every 2-input cell's boolean function.
#include "fuzz_common.hpp"
#include "liberty.hpp"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string text(reinterpret_cast<const char*>(data), size);
  cimgen::fuzz::expect_value_or_input_error([&] {
    const cimgen::Liberty lib = cimgen::Liberty::parse(text, "fuzz.lib");
    (void)lib.nand2();
    for (const auto& [name, cell] : lib.cells)
      for (const auto& [pin, function] : cell.outputs)
        if (!function.empty() && cell.inputs.size() <= 6) (void)cimgen::truth_table(function, cell.inputs);
  });
  return 0;
}
