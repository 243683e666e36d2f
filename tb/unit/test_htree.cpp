// H-tree core (DESIGN.md section 9): spec fields and refusals, topology, timing and traffic,
// each worked out by hand.
#include <doctest/doctest.h>

#include "htree.hpp"
#include "spec.hpp"

using namespace cimgen;

namespace {

std::string refusal(const std::string& text) {
  try {
    Spec::from_json_text(text);
  } catch (const InputError& e) {
    return e.what();
  }
  return "(accepted)";
}

const char* kBase = R"("datapath":"htree","vector_length":10,"channels":2,"weight_bits":3,"input_bits":2)";

} // namespace

TEST_CASE("htree spec: fields, defaults and refused combinations") {
  const Spec s = Spec::from_json_text(std::string("{") + kBase + R"(,"htree":{"banks":3}})");
  CHECK(s.banks == 3);
  CHECK(s.fanout == 2);
  CHECK(s.link_stages == 0);
  CHECK(s.NBK == 4);  // ceil(10/3); banks hold 4, 4, 2
  CHECK(s.L == 4);    // default min(NBK, 64)
  const auto bad = [](const std::string& extra) { return refusal(std::string("{") + kBase + extra + "}"); };
  CHECK(bad("").rfind("/htree: required", 0) == 0);
  CHECK(bad(R"(,"htree":{"banks":11})").rfind("/htree/banks: must be in 2..10", 0) == 0);
  CHECK(bad(R"(,"htree":{"banks":3,"fanout":3})").rfind("/htree/fanout: must be 2 | 4", 0) == 0);
  CHECK(bad(R"(,"htree":{"banks":3,"link_stages":5})").rfind("/htree/link_stages: must be in 0..4", 0) == 0);
  CHECK(bad(R"(,"htree":{"banks":3,"hops":1})").rfind("/htree/hops: unknown key", 0) == 0);
  CHECK(bad(R"(,"htree":{"banks":3},"uarray_columns":5)").rfind("/uarray_columns: must be <= ceil(vector_length/banks) = 4", 0) == 0);
  CHECK(bad(R"(,"htree":{"banks":3},"adc":{"bits":2})").rfind("/adc: only allowed", 0) == 0);
  CHECK(bad(R"(,"htree":{"banks":3},"operator":"conventional")").rfind("/datapath: operator \"conventional\"", 0) == 0);
  // N = 9, B = 4: ceil(9/4) = 3 elements a bank, 3 banks already hold all 9.
  CHECK(refusal(R"({"datapath":"htree","vector_length":9,"channels":1,"weight_bits":1,"input_bits":1,"htree":{"banks":4}})")
            .rfind("/htree/banks: 4 banks of ceil(9/4) = 3 elements leave the last bank empty", 0) == 0);
  CHECK(refusal(R"({"vector_length":9,"channels":1,"weight_bits":1,"input_bits":1,"htree":{"banks":2}})")
            .rfind("/htree: only allowed when /datapath is \"htree\"", 0) == 0);
}

TEST_CASE("htree topology: all banks at depth D, a partial last subtree") {
  // B = 5, fanout 2: depth 3 (2^2 = 4 < 5 <= 8); 5 banks, 3 nodes above them, 2, then the root.
  const Spec s = Spec::from_json_text(
      R"({"datapath":"htree","vector_length":23,"channels":1,"weight_bits":1,"input_bits":1,"htree":{"banks":5}})");
  CHECK(s.depth == 3);
  const auto nodes = htree_nodes(s);
  REQUIRE(nodes.size() == 4);
  CHECK(nodes[0].size() == 1);
  CHECK(nodes[1].size() == 2);
  CHECK(nodes[2].size() == 3);
  CHECK(nodes[3].size() == 5);
  CHECK(nodes[0][0].children == 2);
  CHECK(nodes[1][1].children == 1);  // banks 4..7 exist only as bank 4
  CHECK(nodes[2][2].children == 1);
  // NBK = 5: bank 4 holds elements 20..22.
  CHECK(nodes[3][4].elem_lo == 20);
  CHECK(nodes[3][4].elem_hi == 23);
  CHECK(nodes[1][1].elems() == 3);
  CHECK(nodes[0][0].elems() == 23);
}

TEST_CASE("htree timing and traffic, worked by hand") {
  // N = 10, B = 3, fanout 2 (depth 2), k = 1, m = 3, n = 2, C = 2, P = 0.
  const Spec s = Spec::from_json_text(std::string("{") + kBase + R"(,"htree":{"banks":3,"link_stages":1}})");
  // go reaches a bank after k*D = 2 cycles; A_b is held m + P + 1 = 4 cycles later; each of the
  // D levels up adds k + 1 = 2 cycles: A at run cycle 2 + 4 + 4 = 10. Steps max(n, 10 - P) = 10.
  CHECK(s.a_ready == 10);
  CHECK(s.initiation_interval == 11);
  CHECK(s.latency == 12);
  const auto t = htree_traffic(s);
  REQUIRE(t.size() == 2);
  // Level 1: 2 links (banks 0-1 and bank 2): 10 step bits + 2 go bits down; up: each link a
  // valid bit and 2 channels of clog2(8*7+1) = 6 bits: 2 * 13 = 26.
  CHECK(t[0].links == 2);
  CHECK(t[0].down_bits_per_vector == 12);
  CHECK(t[0].up_bits_per_vector == 26);
  // Level 2: 3 banks of at most 4 elements: sums of clog2(4*7+1) = 5 bits: 3 * 11 = 33.
  CHECK(t[1].down_bits_per_vector == 13);
  CHECK(t[1].up_bits_per_vector == 33);
  // A write: valid, channel (1 bit), index (4 bits), magnitude (3 bits) = 9 bits per level.
  CHECK(t[1].bits_per_weight_load == 9);
  // A multiply-based design sends every element's n+1 bits: 10 * 3 = 30.
  CHECK(t[0].multiply_down_bits == 30);
}
