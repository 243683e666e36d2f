// cimgen — block: the top level with the ports of DESIGN.md section 5 (top_mf.v.tpl,
// top_conv.v.tpl, top_im.v.tpl). The port list is rendered from the one port table below.
#include <iterator>
#include <vector>

#include "block.hpp"

namespace cimgen {

namespace {

/// One top-level port of DESIGN.md section 5.
struct Port {
  const char* dir;    ///< "input" | "output"
  const char* name;   ///< port name
  const char* width;  ///< width: "1" or a Verilog expression of the top's parameters
  const char* what;   ///< one-line comment
};

/// The top-level ports, in contract order (the single table every top template receives).
constexpr Port kPorts[] = {
    {"input", "clk", "1", "clock"},
    {"input", "rst_n", "1", "asynchronous reset, active low"},
    {"input", "wr_valid", "1", "weight write beat offered"},
    {"output", "wr_ready", "1", "weight write accepted (no vector in flight)"},
    {"input", "wr_sum", "1", "0: element at (wr_channel, wr_index); 1: Sw of wr_channel"},
    {"input", "wr_channel", "CH_W", "channel"},
    {"input", "wr_index", "IDX_W", "element index"},
    {"input", "wr_data", "WR_W", "element {sign, mag} in [m:0], or Sw"},
    {"input", "x_valid", "1", "input vector offered"},
    {"output", "x_ready", "1", "input vector accepted"},
    {"input", "x_data", "N*(NB+1)", "element i at [i*(n+1) +: n+1] = {sign, mag}"},
    {"output", "y_valid", "1", "results of one vector offered"},
    {"input", "y_ready", "1", "results taken"},
    {"output", "y_data", "C*Y_W", "channel c at [c*Y_W +: Y_W], two's complement"},
};

/// The x-beat fields a dropout macro adds after x_data (DESIGN.md section 11).
constexpr Port kDropoutPorts[] = {
    {"input", "x_mask", "N", "column i active when bit i is 1"},
    {"input", "x_op", "2", "0: y = S, 1: y = P[src] + S, 2: y = P[src] - S"},
    {"input", "x_src", "R_W", "partial-sum register read"},
    {"input", "x_dst", "R_W", "partial-sum register written with y"},
};

/// The program port of the DIMA instruction memory (DESIGN.md section 12), after kPorts.
constexpr Port kProgramPorts[] = {
    {"input", "pr_valid", "1", "instruction write beat offered"},
    {"output", "pr_ready", "1", "instruction write accepted (no vector in flight)"},
    {"input", "pr_addr", "PC_W", "instruction word address"},
    {"input", "pr_data", "I_W", "instruction word (core/dima_params.hpp)"},
};

/// The ANSI port declarations of kPorts (with kDropoutPorts after x_data, kProgramPorts at the
/// end), aligned, one per line.
std::string port_list(bool dropout, bool program_port = false) {
  std::vector<Port> ports;
  for (const Port& p : kPorts) {
    ports.push_back(p);
    if (dropout && std::string(p.name) == "x_data") ports.insert(ports.end(), std::begin(kDropoutPorts), std::end(kDropoutPorts));
  }
  if (program_port) ports.insert(ports.end(), std::begin(kProgramPorts), std::end(kProgramPorts));
  std::string out;
  const size_t n = ports.size();
  for (size_t i = 0; i < n; ++i) {
    const Port& p = ports[i];
    std::string decl = std::string("  ") + p.dir + (p.dir[0] == 'i' ? "  wire " : " wire ");
    decl += std::string(p.width) == "1" ? "" : std::string("[") + p.width + "-1:0]";
    decl.resize(std::max(decl.size(), size_t(30)), ' ');
    decl += p.name + std::string(i + 1 < n ? "," : "");
    decl.resize(std::max(decl.size(), size_t(44)), ' ');
    out += decl + "// " + p.what + (i + 1 < n ? "\n" : "");
  }
  return out;
}

} // namespace

Block top_block(const Spec& s) {
  Block b = make_block("top", "top level (ports of DESIGN.md section 5)", category::kIo, "");
  b.params = {{"PORTS", port_list(s.has_dropout())},   {"N", num(s.N)},         {"C", num(s.C)},         {"M", num(s.m)},
              {"NB", num(s.n)},         {"L", num(s.L)},         {"S", num(s.S)},         {"Y_W", num(s.Y_W)},
              {"CH_W", num(s.CH_W)},    {"IDX_W", num(s.IDX_W)}, {"WR_W", num(s.WR_W)},   {"COUNT_W", num(s.COUNT_W)},
              {"COL_W", num(s.COL_W)},  {"ROW_W", num(s.ROW_W)}, {"PL_W", num(s.PL_W)},   {"CNT_W", num(s.CNT_W)}};
  switch (variant_of(s)) {
  case Variant::NearMemoryMf:
    b.tpl = s.has_dropout() ? "top_mf_do.v.tpl" : "top_mf.v.tpl";
    b.params.insert({{"B_W", num(s.B_W)}, {"SUM_IW", num(s.SUM_IW)}});
    // Sw is written in the slices (counted in the channels with dropout); the pruned top
    // writes it to its channels itself.
    if (s.pruning) b.params.insert({"SW_W", num(s.SW_W)});
    if (s.has_dropout()) {
      b.params.insert({{"R", num(s.dropout_registers)}, {"R_W", num(s.R_W)}});
    }
    break;
  case Variant::NearMemoryConv:
    b.tpl = "top_conv.v.tpl";
    b.params.erase("COUNT_W");  // the counts stay inside the slices
    break;
  case Variant::HTreeMf:
    b.tpl = "top_htree.v.tpl";
    b.params.erase("ROW_W");
    b.params.insert({{"SW_W", num(s.SW_W)}, {"B_W", num(s.B_W)}, {"SUM_IW", num(s.SUM_IW)}});
    break;
  case Variant::InMemoryMf:
    b.tpl = s.has_dropout() ? "top_im_do.v.tpl" : "top_im.v.tpl";
    b.params.insert({{"SW_W", num(s.SW_W)},     {"B_W", num(s.B_W)},       {"SUM_W", num(s.SUM_IW)},
                     {"BITS", num(s.adc_bits)}, {"BIT_W", num(s.BIT_W)},   {"CHAT_W", num(s.CHAT_W)}, {"CV_W", num(s.CV_W)},
                     {"PER_ROW", num(s.adc_per_row() ? 1 : 0)},            {"NCONV", num(s.nconv)}});
    if (s.has_dropout()) {
      b.params.erase("SW_W");  // Sw is counted in the channels
      b.params.insert({{"R", num(s.dropout_registers)}, {"R_W", num(s.R_W)}});
    }
    break;
  case Variant::Dima:
    b.tpl = "dima_top.v.tpl";
    b.params = dima_top_params(s);
    b.params["PORTS"] = port_list(false, true);
    break;
  }
  return b;
}

} // namespace cimgen
