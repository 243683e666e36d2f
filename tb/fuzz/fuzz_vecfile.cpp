// cimgen — libFuzzer target: the vector file readers (weights, inputs, outputs) of golden/vecfile.
// The first byte picks the spec's N (1..8) and the zero-sign; the rest is the file.
#include "fuzz_common.hpp"
#include "spec.hpp"
#include "vecfile.hpp"

using namespace cimgen;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (size == 0) return 0;
  const int n = 1 + (data[0] & 7);
  const auto zs = (data[0] & 8) ? golden::ZeroSign::Negative : golden::ZeroSign::Positive;
  static const Spec specs[8] = {
      Spec::from_json_text(R"({"vector_length":1,"channels":1,"weight_bits":1,"input_bits":1})"),
      Spec::from_json_text(R"({"vector_length":2,"channels":2,"weight_bits":2,"input_bits":3})"),
      Spec::from_json_text(R"({"vector_length":3,"channels":1,"weight_bits":4,"input_bits":4})"),
      Spec::from_json_text(R"({"vector_length":4,"channels":2,"weight_bits":2,"input_bits":2})"),
      Spec::from_json_text(R"({"vector_length":5,"channels":3,"weight_bits":8,"input_bits":1})"),
      Spec::from_json_text(R"({"vector_length":6,"channels":1,"weight_bits":16,"input_bits":16})"),
      Spec::from_json_text(R"({"vector_length":7,"channels":2,"weight_bits":3,"input_bits":5})"),
      Spec::from_json_text(R"({"vector_length":8,"channels":4,"weight_bits":1,"input_bits":8})"),
  };
  const Spec& s = specs[n - 1];
  const fuzz::TempFile f(data + 1, size - 1);
  fuzz::expect_value_or_input_error([&] { (void)golden::read_weights(s, f.path(), zs); });
  fuzz::expect_value_or_input_error([&] {
    const auto rows = golden::read_inputs(s, f.path(), zs);
    (void)golden::format_rows(rows);
  });
  fuzz::expect_value_or_input_error([&] { (void)golden::read_outputs(f.path(), s.C); });
  return 0;
}
