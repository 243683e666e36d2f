// cimgen — libFuzzer target: the spec reader (Spec::from_json_text) on arbitrary bytes.
#include "fuzz_common.hpp"
#include "spec.hpp"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string text(reinterpret_cast<const char*>(data), size);
  cimgen::fuzz::expect_value_or_input_error([&] {
    const cimgen::Spec s = cimgen::Spec::from_json_text(text);
    (void)s.derived_json();  // every accepted spec can be reported
    (void)s.derived_text();
  });
  return 0;
}
