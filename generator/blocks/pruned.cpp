// cimgen — blocks of the pruned near-memory macro (DESIGN.md section 10): the group uArray
// (pr_uarray.v.tpl, pr_bitcells.v.tpl) and the top whose groups are rendered here from the
// mapping of core/pruning (top_pr.v.tpl). Dense specs never reach this unit.
#include <sstream>

#include "block.hpp"
#include "pruning.hpp"

namespace cimgen {

namespace {

/// The KEEP literal of channel c on uArray `seg` of group column `cols` (bit j = column seg*L+j).
std::string keep_literal(const Spec& s, int c, const std::vector<int>& cols, int seg) {
  std::string bits;
  for (int j = s.L - 1; j >= 0; --j) {
    const int at = seg * s.L + j;
    bits += (at < int(cols.size()) && s.pruning->kept(c, cols[at])) ? '1' : '0';
  }
  return num(s.L) + "'b" + bits;
}

/// Input index map, write-column decode and gating of group g.
void group_columns(const Spec& s, int g, std::ostringstream& v) {
  const PruneGroup& gr = s.pruning->groups[g];
  const int W = int(gr.columns.size()), SG = group_segments(gr, s.L), PWG = SG * s.L;
  const std::string p = "g" + std::to_string(g) + "_";
  v << "  // ---- group " << g << ": channels";
  for (int c : gr.channels) v << " " << c;
  v << "; CIM column of " << W << " columns in " << SG << " uArray(s) ----\n";
  v << "  wire [" << PWG - 1 << ":0] " << p << "gate;\n";
  v << "  wire [" << PWG - 1 << ":0] " << p << "en = " << p << "gate & {" << PWG << "{issue_valid}};\n";
  v << "  wire [" << PWG - 1 << ":0] " << p << "hit;  // one-hot column of wr_index in U_g\n";
  if (W == 0) {
    v << "  assign " << p << "gate = {" << PWG << "{1'b0}};  // every channel of the group is pruned everywhere\n";
    v << "  assign " << p << "hit = {" << PWG << "{1'b0}};\n";
    return;
  }
  v << "  wire [" << W * (s.n + 1) - 1 << ":0] " << p << "x;  // static input index map\n";
  for (int j = 0; j < W; ++j) {
    v << "  assign " << p << "x[" << j << "*EW +: EW] = x_reg[" << gr.columns[j] << "*EW +: EW];\n";
    v << "  assign " << p << "hit[" << j << "] = wr_index == " << s.IDX_W << "'d" << gr.columns[j] << ";\n";
  }
  if (PWG > W) v << "  assign " << p << "hit[" << PWG - 1 << ":" << W << "] = {" << PWG - W << "{1'b0}};\n";
  for (int seg = 0; seg < SG; ++seg) {
    const int used = std::min(s.L, W - seg * s.L);
    v << "  " << s.name << "_gating #(.USED(" << used << ")) u_" << p << "gating" << seg << " (.x_seg(" << p << "x["
      << seg * s.L << "*EW +: " << used << "*EW]), .sel_step(issue_a_reg), .plane(plane_reg), .col_en(" << p
      << "gate[" << seg * s.L << " +: L]));\n";
  }
}

/// Channel c of group g: its uArrays, its kept-row Sx accumulator and its combine.
void group_channel(const Spec& s, int g, int c, std::ostringstream& v) {
  const PruneGroup& gr = s.pruning->groups[g];
  const int SG = group_segments(gr, s.L);
  const std::string p = "g" + std::to_string(g) + "_", q = "c" + std::to_string(c) + "_";
  v << "  wire [" << SG << "*COUNT_W-1:0] " << q << "counts, " << q << "kept;\n";
  v << "  wire [B_W-1:0] " << q << "sx_sum, " << q << "sx;\n";
  v << "  wire " << q << "sel = wr_fire && wr_channel == " << s.CH_W << "'d" << c << ";\n";
  for (int seg = 0; seg < SG; ++seg)
    v << "  " << s.name << "_pr_uarray #(.KEEP(" << keep_literal(s, c, gr.columns, seg) << ")) u_" << q << "uarray" << seg
      << " (\n    .clk(clk), .wr_en(" << q << "sel && !wr_sum), .wr_cols(" << p << "hit[" << seg * s.L
      << " +: L]), .wr_elem(wr_data[M:0]),\n    .rd_row(rd_row_reg), .col_en(" << p << "en[" << seg * s.L
      << " +: L]), .count(" << q << "counts[" << seg << "*COUNT_W +: COUNT_W]), .kept_count(" << q << "kept[" << seg
      << "*COUNT_W +: COUNT_W])\n  );\n";
  v << "  " << s.name << "_seg_sum #(.S(" << SG << "), .CW(COUNT_W), .IW(SUM_IW), .OW(B_W)) u_" << q << "sx_sum (.counts("
    << q << "kept), .sum(" << q << "sx_sum));\n";
  v << "  " << s.name << "_shift_acc #(.W(B_W)) u_" << q << "sx (.clk(clk), .en(acc_b), .first(first), .in(" << q
    << "sx_sum), .acc(" << q << "sx));\n";
  v << "  " << s.name << "_channel #(.S(" << SG << ")) u_" << q << "channel (\n    .clk(clk), .sw_wr(" << q
    << "sel && wr_sum), .sw_data(wr_data[SW_W-1:0]),\n    .seg_counts(" << q
    << "counts), .acc_a(acc_a), .acc_b(acc_b), .acc_first(first),\n    .sx(" << q << "sx), .y(y_comb[" << c
    << "*Y_W +: Y_W])\n  );\n";
}

/// The groups' text of top_pr.v.tpl, and a sink for the inputs no group reads.
std::string groups_text(const Spec& s) {
  std::ostringstream v;
  std::vector<bool> read(s.N, false);
  for (size_t g = 0; g < s.pruning->groups.size(); ++g) {
    group_columns(s, int(g), v);
    for (int c : s.pruning->groups[g].channels) group_channel(s, int(g), c, v);
    for (int i : s.pruning->groups[g].columns) read[i] = true;
    v << "\n";
  }
  std::string unread;
  for (int i = 0; i < s.N; ++i)
    if (!read[i]) unread += std::string(unread.empty() ? "" : ", ") + "x_reg[" + std::to_string(i) + "*EW +: EW]";
  if (!unread.empty()) v << "  // inputs pruned in every channel: no group reads them\n  wire unused_x = ^{" << unread << "};\n";
  return v.str();
}

} // namespace

std::vector<Block> pruned_blocks(const Spec& s) {
  int64_t uarrays = 0, gatings = 0;
  for (const PruneGroup& g : s.pruning->groups) {
    uarrays += int64_t(g.channels.size()) * group_segments(g, s.L);
    if (!g.columns.empty()) gatings += group_segments(g, s.L);
  }
  Block cells = make_block("pr_bitcells", "bit-cell array of one uArray of a pruned group (behavioural SRAM)",
                           category::kArray, "pr_bitcells.v.tpl");
  cells.role = Role::Array;
  cells.instances = uarrays;
  cells.params = {{"ROWS", num(s.m + 1)}, {"L", num(s.L)}, {"ROW_W", num(s.ROW_W)}};
  Block ua = make_block("pr_uarray", "uArray of a pruned group: bit cells, kept row, sense amplifiers, two adder trees",
                        category::kGating, "pr_uarray.v.tpl");
  ua.instances = uarrays;
  ua.params = {{"M", num(s.m)}, {"L", num(s.L)}, {"ROW_W", num(s.ROW_W)}, {"COUNT_W", num(s.COUNT_W)}};
  Block top = top_block(s);
  top.tpl = "top_pr.v.tpl";
  top.what = "top level with pruned weights (ports of DESIGN.md section 5, groups of section 10)";
  top.params.erase("S");
  top.params.erase("COL_W");
  top.params["GROUPS"] = groups_text(s);
  std::vector<Block> out = {ctrl_block(s), frontend_block(s), gating_block(s), seg_sum_block(s), cells, ua,
                            adder_tree_block(s), shift_acc_block(s), channel_block(s), top};
  out[2].instances = gatings;
  out[3].instances = 2 * int64_t(s.C);  // per channel: the uChannel sum and the kept-row sum
  out[7].instances = 3 * int64_t(s.C);  // per channel: A, B and Sx
  return out;
}

} // namespace cimgen
