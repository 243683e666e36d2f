// The activity file (synthesis/activity.hpp): written from a hand-made Verilator coverage file
// (per instance), read back, refused with file:line, and mapped onto a hand-made Yosys netlist.
#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>
#include <string>

#include "activity.hpp"
#include "errors.hpp"

using namespace cimgen;

namespace {

std::string point(const std::string& page, const std::string& o, const std::string& h, int count) {
  return "C '\001f\002t.v\001l\0021\001n\00223\001page\002" + page + "\001o\002" + o + "\001h\002" + h + "' " +
         std::to_string(count) + "\n";
}

std::filesystem::path temp_file(const std::string& name, const std::string& text) {
  const auto p = std::filesystem::temp_directory_path() / ("cimgen_unit_activity_" + name);
  std::ofstream(p) << text;
  return p;
}

} // namespace

TEST_CASE("activity file from per-instance toggle coverage") {
  const std::string cov = "# SystemC::Coverage-3\n" + point("v_toggle/top", "a[0]", "TOP.top", 3) +
                          point("v_toggle/sub", "q", "TOP.top.g_x[1].u_s", 2) +
                          point("v_line/top", "block", "TOP.top", 9) +        // not a toggle point
                          point("v_toggle/other", "z", "TOP.other", 5);       // outside the top
  const std::string text = activity_from_coverage(cov, "top", 4, 36);
  CHECK(text == "# cimgen activity 1 (toggles per net bit counted by Verilator over the window)\ntop top\n"
                "window 4 vectors 36 cycles\n3 top a[0]\n2 sub g_x[1].u_s.q\n");
  const auto p = temp_file("ok.txt", text);
  const ActivityFile a = read_activity(p.string());
  CHECK(a.top == "top");
  CHECK(a.vectors == 4);
  CHECK(a.cycles == 36);
  CHECK(a.nets.at("g_x[1].u_s.q").first == 2);
  CHECK(a.activity(a.nets.at("a[0]").first) == doctest::Approx(3.0 / 36));
  std::filesystem::remove(p);
}

TEST_CASE("a malformed activity file is refused with file:line") {
  const std::string head = "# cimgen activity 1\ntop t\nwindow 2 vectors 18 cycles\n";
  const std::pair<std::string, std::string> cases[] = {
      {"nothing\n", ":1: expected '# cimgen activity 1'"},
      {"# cimgen activity 1\ntop\n", ":2: expected 'top <module>'"},
      {"# cimgen activity 1\ntop t\nwindow 2 vectors 0 cycles\n", ":3: expected 'window"},
      {head + "1 t a\n-1 t b\n", ":5: toggles '-1'"},
      {head + "1 t a\n1 t\n", ":5: expected '<toggles> <module> <net>'"},
      {head + "1 t a\n2 t a\n", ":5: net 'a' listed twice"},
      {head, ":3: no net"},
  };
  for (const auto& [text, want] : cases) {
    const auto p = temp_file("bad.txt", text);
    std::string got;
    try {
      read_activity(p.string());
    } catch (const InputError& e) {
      got = e.what();
    }
    CHECK_MESSAGE(got.find(p.string() + want) != std::string::npos, got);
    std::filesystem::remove(p);
  }
}

TEST_CASE("measured activity mapped onto a netlist: escaped names made plain, aliases followed") {
  const auto v = temp_file("net.v", "module top(clk, x, y);\n  input clk;\n  input [1:0] x;\n  output y;\n"
                                    "  wire \\g[0].u.r ;\n  wire \\g[0].u.alias ;\n  wire _1_;\n  input [1:0] _2_;\n"
                                    "  DFFPOSX1 _3_ (\n    .CLK(clk),\n    .D(x[0]),\n    .Q(\\g[0].u.r )\n  );\n"
                                    "  assign \\g[0].u.alias = \\g[0].u.r ;\n  assign y = \\g[0].u.r ;\nendmodule\n");
  const TimedNets tn = plain_net_names(v);
  std::ifstream in(v);
  const std::string text((std::istreambuf_iterator<char>(in)), {});
  CHECK(text.find("DFFPOSX1 _3_") != std::string::npos);
  CHECK(text.find(".Q(n_g_0__u_r)") != std::string::npos);
  CHECK(text.find("\\g[0]") == std::string::npos);
  ActivityFile a;
  a.cycles = 10;
  a.nets = {{"x[0]", {4, "top"}}, {"g[0].u.alias", {2, "sub"}}, {"bb.out[0]", {6, "bbmod"}}, {"bb.out[1]", {2, "bbmod"}}};
  ActivityStats st;
  const std::string tcl = activity_commands(tn, a, {{"bbmod", "out"}}, st);
  CHECK(tcl.find("set_power_activity -input -activity 0.400000\n") != std::string::npos);  // black-box mean (6 + 2) / 2 / 10
  CHECK(tcl.find("set_power_activity -input_ports [get_ports {x[0]}] -activity 0.400000\n") != std::string::npos);
  CHECK(tcl.find("cimgen_net_activity {n_g_0__u_r} 0.200000\n") != std::string::npos);  // through its alias
  CHECK(st.measured == 2);
  CHECK(st.blackbox_inputs == 2);
  std::filesystem::remove(v);
}
