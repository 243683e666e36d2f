// Vector files: -0, comments, zero-sign, and every class of bad file.
#include <doctest/doctest.h>

#include <cstdio>
#include <fstream>
#include <unistd.h>

#include "vecfile.hpp"

using namespace cimgen;
using namespace cimgen::golden;

namespace {
std::string tmpfile_with(const std::string& text) {
  static int k = 0;
  const std::string p = "/tmp/cimgen_unit_" + std::to_string(getpid()) + "_" + std::to_string(k++) + ".txt";
  std::ofstream(p) << text;
  return p;
}
std::string error_of(const Spec& s, const std::string& text) {
  const std::string p = tmpfile_with(text);
  try {
    read_weights(s, p, ZeroSign::Positive);
  } catch (const InputError& e) {
    std::remove(p.c_str());
    return std::string(e.what()).substr(p.size());
  }
  std::remove(p.c_str());
  return "";
}
} // namespace

TEST_CASE("tokens") {
  SignMag v;
  CHECK(parse_signmag("-0", ZeroSign::Positive, v));
  CHECK(v == SignMag{true, 0});
  CHECK(parse_signmag("0", ZeroSign::Positive, v));
  CHECK(v == SignMag{false, 0});
  CHECK(parse_signmag("0", ZeroSign::Negative, v));
  CHECK(v == SignMag{true, 0});
  CHECK(parse_signmag("+0", ZeroSign::Negative, v));
  CHECK(v == SignMag{false, 0});
  CHECK(parse_signmag("-15", ZeroSign::Positive, v));
  CHECK(v == SignMag{true, 15});
  CHECK_FALSE(parse_signmag("1.5", ZeroSign::Positive, v));
  CHECK_FALSE(parse_signmag("-", ZeroSign::Positive, v));
  CHECK_FALSE(parse_signmag("0x3", ZeroSign::Positive, v));
  CHECK(format_signmag(SignMag{true, 0}) == "-0");
}

TEST_CASE("weights file with comments round-trips") {
  const Spec s = Spec::from_json_text(R"({"vector_length":3,"channels":2,"weight_bits":2,"input_bits":2})");
  const std::string p = tmpfile_with("# weights\n1 -0 3  # channel 0\n\n-3 0 -2\n");
  const auto w = read_weights(s, p, ZeroSign::Positive);
  CHECK(w[0][1] == SignMag{true, 0});
  CHECK(w[1][1] == SignMag{false, 0});
  CHECK(format_rows(w) == "1 -0 3\n-3 0 -2\n");
  std::remove(p.c_str());
}

TEST_CASE("bad vector files name file, line and token") {
  const Spec s = Spec::from_json_text(R"({"vector_length":3,"channels":2,"weight_bits":2,"input_bits":2})");
  CHECK(error_of(s, "1 2 3\n1 2\n") == ":2: expected 3 integers, got 2");
  CHECK(error_of(s, "1 2 3\n1 x 3\n") == ":2: token 2 'x': not a decimal integer ('x', a pruned weight, needs a spec with \"pruning\")");
  CHECK(error_of(s, "1 2 4\n1 2 3\n") == ":1: token 3 '4': magnitude must be <= 3");
  CHECK(error_of(s, "1 2 3\n") == ": expected 2 weight lines (one per channel), got 1");
  bool threw = false;
  try {
    read_inputs(s, "/nonexistent/x.txt", ZeroSign::Positive);
  } catch (const InputError& e) {
    threw = std::string(e.what()).rfind("/nonexistent/x.txt: cannot read file (", 0) == 0;
  }
  CHECK(threw);
}

TEST_CASE("hostile vector files and output paths (issue 11)") {
  const Spec s = Spec::from_json_text(R"({"vector_length":3,"channels":2,"weight_bits":2,"input_bits":2})");
  CHECK_THROWS_WITH_AS(read_inputs(s, "/dev/zero", ZeroSign::Positive), "/dev/zero: cannot read file (not a regular file)", InputError);
  CHECK_THROWS_WITH_AS(read_inputs(s, "/tmp", ZeroSign::Positive), "/tmp: cannot read file (it is a folder)", InputError);
  CHECK_THROWS_WITH_AS(write_file_atomic("/tmp", "x"), "/tmp: is a folder, not a file", InputError);
  CHECK_THROWS_WITH_AS(write_file_atomic("", "x"), "output file: the path is empty", InputError);
  CHECK_THROWS_WITH_AS(write_file_atomic("/nonexistent/y.txt", "x"),
                       "/nonexistent/y.txt: cannot write file (folder /nonexistent does not exist)", InputError);
  // Two files: a refused second path means the first is not written either.
  const std::string first = "/tmp/cimgen_unit_vecfile_" + std::to_string(::getpid());
  CHECK_THROWS_AS(write_files_atomic({{first, "1\n"}, {"/tmp", "2\n"}}), InputError);
  CHECK(::access(first.c_str(), F_OK) != 0);
  CHECK_THROWS_AS(write_files_atomic({{first, "1\n"}, {first, "2\n"}}), InputError);
  CHECK(::access(first.c_str(), F_OK) != 0);
}
