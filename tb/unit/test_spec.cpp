// Spec parsing: defaults, derived widths (hand-worked), every class of bad spec.
#include <doctest/doctest.h>

#include "spec.hpp"

using cimgen::InputError;
using cimgen::Spec;

namespace {
std::string error_of(const std::string& text) {
  try {
    Spec::from_json_text(text);
  } catch (const InputError& e) {
    return e.what();
  }
  return "";
}
} // namespace

TEST_CASE("clog2") {
  CHECK(cimgen::clog2(1) == 0);
  CHECK(cimgen::clog2(2) == 1);
  CHECK(cimgen::clog2(3) == 2);
  CHECK(cimgen::clog2(64) == 6);
  CHECK(cimgen::clog2(65) == 7);
}

TEST_CASE("derived widths of the DESIGN example, worked by hand") {
  const Spec s = Spec::from_json_text(
      R"({"vector_length":64,"channels":4,"weight_bits":4,"input_bits":4,"uarray_columns":32})");
  CHECK(s.name == "mf_nm_n64_c4_w4_x4_l32");
  CHECK(s.S == 2);
  CHECK(s.CH_W == 2);
  CHECK(s.IDX_W == 6);
  CHECK(s.SW_W == 10);   // 64*15 = 960 -> 10 bits
  CHECK(s.WR_W == 10);
  CHECK(s.Y_W == 12);    // Ymax = 64*(16+16-2) = 1920 -> 11 bits + sign
  CHECK(s.COUNT_W == 6); // clog2(33)
  CHECK(s.row_reads == 8);
  CHECK(s.initiation_interval == 9);
  CHECK(s.latency == 10);
}

TEST_CASE("defaults") {
  const Spec s = Spec::from_json_text(R"({"vector_length":100,"channels":1,"weight_bits":2,"input_bits":3})");
  CHECK(s.L == 64);
  CHECK(s.S == 2);
  CHECK(s.tree == cimgen::TreeKind::Behavioral);
  const Spec im = Spec::from_json_text(
      R"({"datapath":"in_memory","vector_length":40,"channels":1,"weight_bits":2,"input_bits":3,"uarray_columns":20})");
  CHECK(im.adc_bits == 5);  // clog2(21), lossless
  CHECK(im.lossless);
  CHECK(im.conversions == 2 + 2 * 3);
  CHECK(im.compute_cycles == 4);
}

TEST_CASE("conventional and lossy widths, worked by hand") {
  const Spec c = Spec::from_json_text(
      R"({"operator":"conventional","vector_length":5,"channels":1,"weight_bits":3,"input_bits":2})");
  CHECK(c.Y_W == 8);  // 5*7*3 = 105 -> 7 bits + sign
  CHECK(c.row_reads == 1 + 6);
  // L=8, b=3 (saturates at 7), s=0: c_max = 7; Ymax = 2*S*7*(4+4-2) with S=2 -> 168 -> 8+1 bits.
  const Spec l = Spec::from_json_text(
      R"({"datapath":"in_memory","vector_length":16,"channels":1,"weight_bits":2,"input_bits":2,"uarray_columns":8,"adc":{"bits":3}})");
  CHECK_FALSE(l.lossless);
  CHECK(l.c_max == 7);
  CHECK(l.Y_W == 9);
  // nearest rounding with s=2, b=2: c_max = min(3<<2, ((8+2)>>2)<<2) = min(12, 8) = 8.
  const Spec r = Spec::from_json_text(
      R"({"datapath":"in_memory","vector_length":8,"channels":1,"weight_bits":1,"input_bits":1,"adc":{"bits":2,"lsb_shift":2,"rounding":"nearest"}})");
  CHECK(r.c_max == 8);
}

TEST_CASE("bad specs name the JSON path and the allowed range") {
  const std::string base = R"("vector_length":8,"channels":2,"weight_bits":4,"input_bits":4)";
  CHECK(error_of("{") .find("/: malformed JSON") == 0);
  CHECK(error_of("[1]").find("/: must be an object") == 0);
  CHECK(error_of("{" + base + R"(,"colour":1})") == "/colour: unknown key (allowed: name, operator, datapath, vector_length, channels, weight_bits, input_bits, uarray_columns, adder_tree, adc, htree, dima, tech, pruning, dropout)");
  CHECK(error_of(R"({"channels":2,"weight_bits":4,"input_bits":4})") == "/vector_length: required (integer in 1..65536)");
  CHECK(error_of(R"({"vector_length":"8","channels":2,"weight_bits":4,"input_bits":4})") == "/vector_length: must be an integer in 1..65536, got \"8\"");
  CHECK(error_of(R"({"vector_length":8,"channels":2,"weight_bits":0,"input_bits":4})") == "/weight_bits: must be in 1..16, got 0");
  CHECK(error_of(R"({"vector_length":8,"channels":2,"weight_bits":4,"input_bits":17})") == "/input_bits: must be in 1..16, got 17");
  CHECK(error_of("{" + base + R"(,"uarray_columns":9})") == "/uarray_columns: must be in 1..8, got 9");
  CHECK(error_of("{" + base + R"(,"operator":"mac"})") == "/operator: must be one of \"mf\" | \"conventional\", got \"mac\"");
  CHECK(error_of("{" + base + R"(,"adc":{"bits":3}})") == "/adc: only allowed when /datapath is \"in_memory\"");
  CHECK(error_of("{" + base + R"(,"datapath":"in_memory","adder_tree":{"kind":"ripple"}})") == "/adder_tree: only allowed when /datapath is \"near_memory\"");
  CHECK(error_of("{" + base + R"(,"datapath":"in_memory","adc":{"bits":0}})") == "/adc/bits: must be in 1..12, got 0");
  CHECK(error_of("{" + base + R"(,"datapath":"in_memory","adc":{"converters":2}})") == "/adc/converters: must be one of \"per_row\" | 1, got 2");
  CHECK(error_of("{" + base + R"(,"datapath":"in_memory","adc":{"gain":2}})").find("/adc/gain: unknown key") == 0);
  CHECK(error_of("{" + base + R"(,"adder_tree":{"kind":"kogge"}})").find("/adder_tree/kind: must be one of") == 0);
  CHECK(error_of("{" + base + R"(,"adder_tree":{"pipeline_stages":9}})") == "/adder_tree/pipeline_stages: must be in 0..8, got 9");
  CHECK(error_of("{" + base + R"(,"operator":"conventional","datapath":"in_memory"})").find("/datapath:") == 0);
  CHECK(error_of("{" + base + R"(,"name":"Bad-Name"})").find("/name: must match") == 0);
  CHECK(error_of("{" + base + R"(,"tech":{"bitcell_area_um2":-1}})").find("/tech/bitcell_area_um2:") == 0);
}

TEST_CASE("canonical text and hash are stable and independent of key order and defaults") {
  const Spec a = Spec::from_json_text(R"({"vector_length":8,"channels":2,"weight_bits":4,"input_bits":4})");
  const Spec b = Spec::from_json_text(
      R"({"input_bits":4,"weight_bits":4,"channels":2,"vector_length":8,"uarray_columns":8,"operator":"mf"})");
  CHECK(a.hash == b.hash);
  CHECK(a.hash.size() == 16);
  const Spec c = Spec::from_json_text(R"({"vector_length":8,"channels":3,"weight_bits":4,"input_bits":4})");
  CHECK(a.hash != c.hash);
}

#include <algorithm>
#include <fstream>
#include <map>
#include <nlohmann/json.hpp>

#include "pruning.hpp"

TEST_CASE("the shipped JSON Schema states the same ranges as Spec::from_json") {
  std::ifstream in(std::string(CIMGEN_SOURCE_DIR) + "/specs/cimgen.schema.json");
  REQUIRE(in);
  const auto schema = nlohmann::json::parse(in);
  const auto& p = schema["properties"];
  CHECK(p["vector_length"]["maximum"] == cimgen::Limits::kMaxVectorLength);
  CHECK(p["channels"]["maximum"] == cimgen::Limits::kMaxChannels);
  CHECK(p["weight_bits"]["maximum"] == cimgen::Limits::kMaxBits);
  CHECK(p["input_bits"]["maximum"] == cimgen::Limits::kMaxBits);
  CHECK(p["adc"]["properties"]["bits"]["maximum"] == std::max(cimgen::Limits::kMaxAdcBits, cimgen::Limits::kMaxDimaAdcBits));
  CHECK(p["adc"]["properties"]["lsb_shift"]["maximum"] == std::max(cimgen::Limits::kMaxLsbShift, cimgen::Limits::kMaxDimaLsbShift));
  CHECK(p["adder_tree"]["properties"]["pipeline_stages"]["maximum"] == cimgen::Limits::kMaxPipelineStages);
  // Every example spec is accepted.
  for (const char* f : {"mf_n64_c4.json", "conv_n64_c4.json", "mf_im_n64_c4.json"})
    CHECK_NOTHROW(Spec::from_file(std::string(CIMGEN_SOURCE_DIR) + "/specs/" + f));
}

namespace {
/// Every "enum" list of the schema under `node`, by dotted property path ("adder_tree.kind").
void schema_enums(const nlohmann::json& node, const std::string& path, std::map<std::string, std::vector<std::string>>& out) {
  if (!node.is_object()) return;
  if (node.contains("enum")) {
    std::vector<std::string>& names = out[path];
    for (const auto& v : node["enum"]) names.push_back(v.is_string() ? v.get<std::string>() : v.dump());
  }
  if (node.contains("properties"))
    for (const auto& [key, sub] : node["properties"].items()) schema_enums(sub, path.empty() ? key : path + "." + key, out);
}

template <class E>
void check_enum(std::map<std::string, std::vector<std::string>>& lists, const nlohmann::json& schema) {
  const std::string key = cimgen::EnumTable<E>::key;
  INFO("schema enum of " << key);
  REQUIRE(lists.count(key) == 1);
  CHECK(lists[key] == cimgen::enum_names<E>());
  // The schema's default is a spelling of the table (converters' 1 is an integer in JSON).
  nlohmann::json node = schema;
  for (size_t b = 0, e; b <= key.size(); b = e + 1) {
    e = std::min(key.find('.', b), key.size());
    node = node["properties"][key.substr(b, e - b)];
  }
  const std::string def = node["default"].is_string() ? node["default"].get<std::string>() : node["default"].dump();
  CHECK(cimgen::enum_from_string<E>(def).has_value());
  lists.erase(key);
}
} // namespace

TEST_CASE("every enum list of the JSON Schema equals the enum table of core/enums.hpp") {
  std::ifstream in(std::string(CIMGEN_SOURCE_DIR) + "/specs/cimgen.schema.json");
  REQUIRE(in);
  const auto schema = nlohmann::json::parse(in);
  std::map<std::string, std::vector<std::string>> lists;
  schema_enums(schema, "", lists);
  check_enum<cimgen::Operator>(lists, schema);
  check_enum<cimgen::Datapath>(lists, schema);
  check_enum<cimgen::TreeKind>(lists, schema);
  check_enum<cimgen::Rounding>(lists, schema);
  check_enum<cimgen::Converters>(lists, schema);
  check_enum<cimgen::Grouping>(lists, schema);
  // No enum in the schema without a table.
  for (const auto& [key, names] : lists) FAIL_CHECK("schema enum " << key << " has no table in core/enums.hpp");
  // converters: "per_row" or the integer 1 (not the string "1").
  CHECK(schema["properties"]["adc"]["properties"]["converters"]["enum"] == nlohmann::json::parse(R"(["per_row", 1])"));
}

TEST_CASE("a lossy ADC sizes Y_W for the negative extreme -Sw - Sx (DESIGN.md section 5)") {
  // N = L = 64, b = 1: c_max = 1; positive extreme 2*1*1*(16+16-2) = 60, but all-negative
  // full-scale operands give y = -(64*15) - 1*1*15 = -975, so Ymax = 975 and Y_W = 10 + 1.
  const Spec s = Spec::from_json_text(
      R"({"datapath":"in_memory","vector_length":64,"channels":1,"weight_bits":4,"input_bits":4,"adc":{"bits":1}})");
  CHECK(s.y_max == 975);
  CHECK(s.Y_W == 11);
}

TEST_CASE("hostile spec texts (issue 11): one-line InputErrors naming the path") {
  const std::string base = R"("vector_length":4,"channels":2,"weight_bits":2,"input_bits":2)";
  // 80,000 levels of nesting crashed the reader (stack); now refused at 32 levels.
  CHECK(error_of(std::string(80000, '[') + std::string(80000, ']')) == "/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0: nested deeper than 32 levels");
  std::string deep;
  for (int i = 0; i < 1000; ++i) deep += R"({"a":)";
  CHECK(error_of(deep).find("/a/a/a/") == 0);
  CHECK(error_of(deep).find(": nested deeper than 32 levels") != std::string::npos);
  // Numbers beyond a double were an internal error without a path.
  CHECK(error_of(R"({"vector_length":1e400,"channels":2,"weight_bits":2,"input_bits":2})") ==
        "/vector_length: must be an integer in 1..65536, got 1e400 (beyond the range of a 64-bit float)");
  CHECK(error_of("{" + base + R"(,"tech":{"bitcell_area_um2":-1E+99999}})") ==
        "/tech/bitcell_area_um2: must be a number in (0, 1e6], got -1E+99999 (beyond the range of a 64-bit float)");
  CHECK(error_of("{" + base + R"(,"bogus":[1e400, 2e400]})").find("/bogus: unknown key") == 0);
  CHECK(error_of(R"({"vector_length":4,"channels":18446744073709551615,"weight_bits":2,"input_bits":2})") ==
        "/channels: must be in 1..1024, got 18446744073709551615");
  CHECK(error_of(R"({"vector_length":4,"channels":9223372036854775808,"weight_bits":2,"input_bits":2})") ==
        "/channels: must be in 1..1024, got 9223372036854775808");
  CHECK(error_of("{" + base + R"(,"uarray_columns":2.0})") == "/uarray_columns: must be an integer in 1..4, got 2.0");
  // Duplicate keys were accepted (the last one won).
  CHECK(error_of("{" + base + R"(,"channels":3})") == "/channels: duplicate key");
  CHECK(error_of("{" + base + R"(,"datapath":"in_memory","adc":{"bits":2,"bits":2}})") == "/adc/bits: duplicate key");
  // A NUL byte ended the text early, so what followed it was ignored.
  CHECK(error_of("{" + base + "}" + std::string(1, '\0')) == "/: malformed JSON: NUL byte at offset 63");
  CHECK(error_of("{" + base + "}" + std::string(1, '\0') + "garbage").find("NUL byte") != std::string::npos);
  // Control characters and invalid UTF-8 are escaped: every message is one line.
  CHECK(error_of("{" + base + R"(,"a\nb\u0001":1})").find("/a\\nb\\x01: unknown key") == 0);
  const std::string bad_utf8 = error_of("{" + base + ",\"\xff\":1}");
  CHECK(bad_utf8.find("/: malformed JSON") == 0);
  CHECK(bad_utf8.find("\\xff") != std::string::npos);
  // Long values are shown shortened.
  CHECK(error_of("{" + base + R"(,"name":")" + std::string(100000, 'a') + "\"}").size() < 200);
  CHECK(error_of("{" + base + R"(,"name":"a/b"})").find("/name: must match") == 0);
  CHECK(error_of("{" + base + R"(,"name":")" + std::string(49, 'a') + "\"}").find("/name: must match") == 0);
  CHECK(Spec::from_json_text("{" + base + R"(,"name":")" + std::string(48, 'a') + "\"}").name == std::string(48, 'a'));
}

TEST_CASE("spec files: only regular files of at most 1 MiB") {
  const auto error_of_file = [](const std::string& path) -> std::string {
    try {
      Spec::from_file(path);
    } catch (const InputError& e) {
      return e.what();
    }
    return "";
  };
  CHECK(error_of_file("/dev/zero") == "/dev/zero: cannot read spec file (not a regular file)");
  CHECK(error_of_file("/tmp") == "/tmp: cannot read spec file (it is a folder)");
  CHECK(error_of_file("") == "'': cannot read spec file (empty path)");
  CHECK(error_of_file("/nonexistent/a\nb.json") == "/nonexistent/a\\nb.json: cannot read spec file (No such file or directory)");
}
