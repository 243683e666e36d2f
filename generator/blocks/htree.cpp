// cimgen — blocks of the H-tree core (DESIGN.md section 9): the bank (bank.v.tpl), the link
// (link.v.tpl), the adder node (node.v.tpl), and the tree itself, whose shape (a partial last
// subtree when the bank count is not a power of the fanout) is irregular: its module is a
// netlist of link, node and bank instances written here, from the topology in core/htree.hpp.
#include <sstream>

#include "block.hpp"
#include "htree.hpp"

namespace cimgen {

namespace {

/// Category names of the H-tree's parts in the area report.
constexpr const char* kBanks = "H-tree banks (sequencing)";
constexpr const char* kLinks = "H-tree links";
constexpr const char* kNodes = "H-tree nodes (adders) and routing";

int64_t links_total(const std::vector<std::vector<HTreeNode>>& nodes) {
  int64_t k = 0;
  for (size_t l = 1; l < nodes.size(); ++l) k += int64_t(nodes[l].size());
  return k;
}

/// Down payload of the link into `n`: go, wr_en, channel, index, magnitude, the subtree's step bits.
int down_width(const Spec& s, const HTreeNode& n) { return 1 + htree_write_width(s) + n.elems(); }
/// Up payload of the link out of a node of level `l`: valid, C partial sums.
int up_width(const Spec& s, int sum_w) { return 1 + s.C * sum_w; }

std::string wire(const std::string& name, int width) {
  return "  wire [" + std::to_string(width) + "-1:0] " + name + ";\n";
}
std::string dn(const HTreeNode& n) { return "dn_" + std::to_string(n.level) + "_" + std::to_string(n.index); }
std::string up(const HTreeNode& n) { return "up_" + std::to_string(n.level) + "_" + std::to_string(n.index); }

/// The payload a node drives into the link of its child: go, the write when the child holds
/// its index, the child's slice of step bits.
std::string drive_child(const Spec& s, const HTreeNode& p, const HTreeNode& c) {
  const std::string from = dn(p), to = dn(c) + "_d";
  const int wbus = htree_write_width(s), field = wbus - 1;  // channel, index, magnitude
  // The write goes on only toward the child that holds its index (bounds that always hold
  // are left out, so no comparison is constant).
  const std::string idx = "{1'b0, " + from + "[" + std::to_string(2 + s.m) + " +: " + std::to_string(s.IDX_W) + "]}";
  const std::string w1 = std::to_string(s.IDX_W + 1) + "'d";
  std::string route = from + "[1]";
  if (c.elem_lo > p.elem_lo) route += " && " + idx + " >= " + w1 + std::to_string(c.elem_lo);
  if (c.elem_hi < p.elem_hi) route += " && " + idx + " < " + w1 + std::to_string(c.elem_hi);
  std::ostringstream os;
  os << wire(to, down_width(s, c)) << wire(dn(c), down_width(s, c)) << "  assign " << to << " = {" << from << "[" << (1 + wbus + c.elem_lo - p.elem_lo)
     << " +: " << c.elems() << "], " << from << "[2 +: " << field << "], " << route << ", " << from << "[0]};\n"
     << "  " << s.name << "_link #(.W(" << down_width(s, c) << "), .CTRL(2)) u_" << dn(c) << " (.clk(clk), .rst_n(rst_n), .d("
     << to << "), .q(" << dn(c) << "));\n";
  return os.str();
}

/// A bank at a leaf: its slice of step bits (zero-padded to NBK) and the write with a local index.
std::string bank_instance(const Spec& s, const HTreeNode& b, int sum_w) {
  const std::string d = dn(b), idx_w = std::to_string(s.IDX_W);
  const int wbus = htree_write_width(s);
  std::ostringstream os;
  const std::string step = d + "[" + std::to_string(1 + wbus) + " +: " + std::to_string(b.elems()) + "]";
  os << "  " << s.name << "_bank u_bank_" << b.index << " (\n"
     << "    .clk(clk), .rst_n(rst_n), .wr_en(" << d << "[1]), .wr_channel(" << d << "[" << (2 + s.m + s.IDX_W) << " +: "
     << s.CH_W << "]),\n"
     << "    .wr_index(" << d << "[" << (2 + s.m) << " +: " << idx_w << "] - " << idx_w << "'d" << b.elem_lo << "), .wr_mag(" << d
     << "[2 +: " << s.m << "]),\n"
     << "    .go(" << d << "[0]), .step("
     << (b.elems() < s.NBK ? "{" + std::to_string(s.NBK - b.elems()) + "'d0, " + step + "}" : step) << "),\n"
     << "    .a_valid(" << up(b) << "[0]), .a_data(" << up(b) << "[1 +: " << s.C * sum_w << "])\n  );\n";
  return os.str();
}

/// An internal node or the root: the sum of its children's partial sums, each after its up link.
std::string node_instance(const Spec& s, const HTreeNode& n, const std::vector<HTreeNode>& below, int w_in, int w_out) {
  std::ostringstream os, valid, data;
  for (int k = n.children - 1; k >= 0; --k) {
    const HTreeNode& c = below[n.index * s.fanout + k];
    const std::string q = up(c) + "_q";
    os << wire(q, up_width(s, w_in)) << "  " << s.name << "_link #(.W(" << up_width(s, w_in) << "), .CTRL(1)) u_" << up(c)
       << " (.clk(clk), .rst_n(rst_n), .d(" << up(c) << "), .q(" << q << "));\n";
    valid << q << "[0]" << (k ? ", " : "");
    data << q << "[1 +: " << s.C * w_in << "]" << (k ? ", " : "");
  }
  os << "  " << s.name << "_node #(.NCH(" << n.children << "), .W_IN(" << w_in << "), .W_OUT(" << w_out << ")) u_node_"
     << n.level << "_" << n.index << " (\n    .clk(clk), .rst_n(rst_n), .in_valid({" << valid.str() << "}), .in_data({"
     << data.str() << "}),\n    .out_valid(" << up(n) << "[0]), .out_data(" << up(n) << "[1 +: " << s.C * w_out << "])\n  );\n";
  return os.str();
}

/// Partial-sum width per channel of each level (its widest node).
std::vector<int> level_widths(const Spec& s, const std::vector<std::vector<HTreeNode>>& nodes) {
  std::vector<int> w;
  for (const auto& level : nodes) {
    int widest = 0;
    for (const HTreeNode& n : level) widest = std::max(widest, n.elems());
    w.push_back(htree_sum_width(s, widest));
  }
  return w;
}

std::string tree_module(const Spec& s) {
  const auto nodes = htree_nodes(s);
  const std::vector<int> w = level_widths(s, nodes);
  std::ostringstream os;
  os << "// The H-tree of " << s.banks << " banks, fanout " << s.fanout << ", depth " << s.depth << ", " << s.link_stages
     << " register stages per link: step(x) and writes down, partial sums up.\n"
     << "module " << s.name << "_htree (\n"
     << "  input  wire                clk,\n  input  wire                rst_n,\n"
     << "  input  wire                go,\n  input  wire [" << s.N << "-1:0] step,\n"
     << "  input  wire                wr_en,\n  input  wire [" << s.CH_W << "-1:0] wr_channel,\n"
     << "  input  wire [" << s.IDX_W << "-1:0] wr_index,\n  input  wire [" << s.m << "-1:0] wr_mag,\n"
     << "  output wire                a_valid,\n  output wire [" << s.C * w[0] << "-1:0] a_data\n);\n";
  const HTreeNode& root = nodes[0][0];
  os << wire(dn(root), down_width(s, root)) << "  assign " << dn(root)
     << " = {step, wr_channel, wr_index, wr_mag, wr_en, go};\n";
  for (size_t l = 0; l < nodes.size(); ++l)
    for (const HTreeNode& n : nodes[l]) os << wire(up(n), up_width(s, w[l]));
  for (size_t l = 1; l < nodes.size(); ++l)
    for (const HTreeNode& c : nodes[l]) os << drive_child(s, nodes[l - 1][c.index / s.fanout], c);
  for (const HTreeNode& b : nodes.back()) os << bank_instance(s, b, w.back());
  for (int l = int(nodes.size()) - 2; l >= 0; --l)
    for (const HTreeNode& n : nodes[l]) os << node_instance(s, n, nodes[l + 1], w[l + 1], w[l]);
  os << "  assign a_valid = " << up(root) << "[0];\n  assign a_data  = " << up(root) << "[1 +: " << s.C * w[0] << "];\n"
     << "endmodule\n";
  return os.str();
}

} // namespace

Block bank_block(const Spec& s) {
  Block b = make_block("bank", "H-tree bank: uArrays of one slice, plane sequencing, partial sums A_b", kBanks,
                       "bank.v.tpl");
  b.instances = s.banks;
  b.params = {{"NBK", num(s.NBK)},         {"SB", num(s.SB)},         {"L", num(s.L)},
              {"C", num(s.C)},             {"M", num(s.m)},           {"COUNT_W", num(s.COUNT_W)},
              {"SUM_IW", num(clog2(uint64_t(s.NBK) + 1))},           {"AB_W", num(s.AB_W)},
              {"CH_W", num(s.CH_W)},       {"IDX_W", num(s.IDX_W)},   {"COL_W", num(s.COL_W)},
              {"ROW_W", num(bits_for(uint64_t(s.m - 1)))},     {"CNT_W", num(bits_for(uint64_t(s.m + s.pipeline_stages)))},
              {"PIPE", num(s.pipeline_stages)}};
  return b;
}

Block link_block(const Spec& s) {
  Block b = make_block("link", "H-tree link: register stages standing for wire delay", kLinks, "link.v.tpl");
  b.instances = 2 * links_total(htree_nodes(s));  // one down and one up per link
  b.params = {{"STAGES", num(s.link_stages)}};
  return b;
}

Block node_block(const Spec& s) {
  Block b = make_block("node", "H-tree node: one adder per channel over the children's partial sums", kNodes,
                       "node.v.tpl");
  const auto nodes = htree_nodes(s);
  b.instances = 0;
  for (size_t l = 0; l + 1 < nodes.size(); ++l) b.instances += int64_t(nodes[l].size());
  b.params = {{"C", num(s.C)}};
  return b;
}

Block root_seg_block(const Spec& s) {
  Block b = make_block("root_seg", "H-tree root input segment: input-register slice, step(x), plane gating, dummy-row count",
                       category::kIo, "root_seg.v.tpl");
  b.instances = s.S;
  b.params = {{"L", num(s.L)}, {"EW", num(s.n + 1)}, {"PL_W", num(s.PL_W)}, {"COUNT_W", num(s.COUNT_W)}};
  return b;
}

Block htree_block(const Spec& s) {
  Block b = make_block("htree", "H-tree: links, nodes and banks wired from the root", kNodes, "");
  b.body = tree_module(s);
  return b;
}

} // namespace cimgen
