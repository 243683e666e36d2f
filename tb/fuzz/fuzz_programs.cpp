// cimgen — libFuzzer target: the pruning mask reader (core/pruning), the MC-Dropout beat-program
// reader (golden/dropout) and the DIMA program reader (golden/dima). The first byte picks the
// reader (mod 3) and, for masks, the expected shape; the rest is the file.
#include "dima.hpp"
#include "dropout.hpp"
#include "fuzz_common.hpp"
#include "pruning.hpp"
#include "spec.hpp"

using namespace cimgen;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (size == 0) return 0;
  static const Spec dropout = Spec::from_json_text(
      R"({"vector_length":6,"channels":2,"weight_bits":2,"input_bits":2,"uarray_columns":4,"dropout":{"registers":4}})");
  static const Spec dima = Spec::from_json_text(
      R"({"datapath":"dima","vector_length":8,"channels":4,"weight_bits":3,"input_bits":3,"dima":{"program_words":8}})");
  static const int shapes[8][2] = {{1, 1}, {2, 4}, {5, 20}, {3, 7}, {4, 8}, {1, 64}, {8, 3}, {2, 65}};
  const fuzz::TempFile f(data + 1, size - 1);
  switch (data[0] % 3) {
  case 0: {
    const int* cn = shapes[(data[0] / 3) & 7];
    fuzz::expect_value_or_input_error([&] { (void)read_mask(f.path(), cn[0], cn[1]); });
    break;
  }
  case 1: fuzz::expect_value_or_input_error([&] { (void)golden::read_program(dropout, f.path()); }); break;
  default: fuzz::expect_value_or_input_error([&] { (void)golden::dima::read_program(dima, f.path()); }); break;
  }
  return 0;
}
