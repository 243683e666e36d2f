// cimgen — blocks of the pruned macros (DESIGN.md section 10): the group uArrays (near_memory:
// pr_uarray.v.tpl, pr_bitcells.v.tpl; in_memory: pr_uarray_im.v.tpl, pr_bitcells_im.v.tpl) and
// the top whose groups are rendered here from the mapping of core/pruning (top_pr.v.tpl,
// top_pr_im.v.tpl). Dense specs never reach this unit.
#include <algorithm>
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

/// Input index map, write-column decode and gating of group g; the column enables are gated by
/// `phase` (step(x) when high) and `when` (issue_valid / sample).
void group_columns(const Spec& s, int g, const char* phase, const char* when, std::ostringstream& v) {
  const PruneGroup& gr = s.pruning->groups[g];
  const int W = int(gr.columns.size()), SG = group_segments(gr, s.L), PWG = SG * s.L;
  const std::string p = "g" + std::to_string(g) + "_";
  v << "  // ---- group " << g << ": channels";
  for (int c : gr.channels) v << " " << c;
  v << "; CIM column of " << W << " columns in " << SG << " uArray(s) ----\n";
  v << "  wire [" << PWG - 1 << ":0] " << p << "gate;\n";
  v << "  wire [" << PWG - 1 << ":0] " << p << "en = " << p << "gate & {" << PWG << "{" << when << "}};\n";
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
      << seg * s.L << "*EW +: " << used << "*EW]), .sel_step(" << phase << "), .plane(plane_reg), .col_en(" << p
      << "gate[" << seg * s.L << " +: L]));\n";
  }
}

/// near_memory channel c of group g: its uArrays, its kept-row Sx accumulator and its combine.
void group_channel_nm(const Spec& s, int g, int c, std::ostringstream& v) {
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

/// in_memory channel c of group g: its uArrays (converters included), its kept-row Sx
/// accumulator and its combine. `id` numbers the uArrays (noise decorrelation).
void group_channel_im(const Spec& s, int g, int c, int& id, std::ostringstream& v) {
  const PruneGroup& gr = s.pruning->groups[g];
  const int SG = group_segments(gr, s.L);
  const std::string p = "g" + std::to_string(g) + "_", q = "c" + std::to_string(c) + "_";
  v << "  wire [" << SG << "*NCONV*CHAT_W-1:0] " << q << "c_hat;\n";
  v << "  wire [" << SG << "*CHAT_W-1:0] " << q << "kept_hat;\n";
  v << "  wire [" << SG << "*CV_W-1:0] " << q << "kept_cv;  // c_hat <= c_max: only its low CV_W bits can be set\n";
  v << "  wire unused_" << q << "kept_hat = ^" << q << "kept_hat;\n";
  v << "  wire [B_W-1:0] " << q << "sx_sum;\n  reg  [B_W-1:0] " << q << "sx;\n";
  v << "  wire " << q << "sel = wr_fire && wr_channel == " << s.CH_W << "'d" << c << ";\n";
  for (int seg = 0; seg < SG; ++seg) {
    v << "  " << s.name << "_pr_uarray_im #(.ID(" << id++ << "), .KEEP(" << keep_literal(s, c, gr.columns, seg)
      << ")) u_" << q << "uarray" << seg << " (\n    .clk(clk), .wr_en(" << q << "sel && !wr_sum), .wr_cols(" << p
      << "hit[" << seg * s.L << " +: L]), .wr_elem(wr_data[M:0]),\n    .sample(sample), .cl(" << p << "en["
      << seg * s.L << " +: L]), .phase_a(phase_a_reg), .row(row),\n    .step(conv), .bit_idx(bit_reg), .last(conv_last),"
      << " .c_hat(" << q << "c_hat[" << seg << "*NCONV*CHAT_W +: NCONV*CHAT_W]), .kept_c_hat(" << q << "kept_hat["
      << seg << "*CHAT_W +: CHAT_W])\n  );\n";
    v << "  assign " << q << "kept_cv[" << seg << "*CV_W +: CV_W] = " << q << "kept_hat[" << seg << "*CHAT_W +: CV_W];\n";
  }
  v << "  " << s.name << "_seg_sum #(.S(" << SG << "), .CW(CV_W), .IW(SUM_W), .OW(B_W)) u_" << q << "sx_sum (.counts(" << q
    << "kept_cv), .sum(" << q << "sx_sum));\n";
  v << "  always @(posedge clk) begin\n    if (acc_b) " << q << "sx <= first_b ? " << q << "sx_sum : (" << q << "sx << 1) + "
    << q << "sx_sum;\n  end\n";
  v << "  " << s.name << "_channel_im #(.S(" << SG << ")) u_" << q << "channel (\n    .clk(clk), .sw_wr(" << q
    << "sel && wr_sum), .sw_data(wr_data[SW_W-1:0]),\n    .c_hat(" << q
    << "c_hat), .acc_a(acc_a), .acc_b(acc_b), .first_a(first_a), .first_b(first_b),\n    .sx(" << q << "sx), .y(y_comb["
    << c << "*Y_W +: Y_W])\n  );\n";
}

/// The groups' text of the pruned top, and a sink for the inputs no group reads.
std::string groups_text(const Spec& s) {
  std::ostringstream v;
  std::vector<bool> read(s.N, false);
  const bool im = s.datapath == Datapath::InMemory;
  int id = 0;
  for (size_t g = 0; g < s.pruning->groups.size(); ++g) {
    group_columns(s, int(g), im ? "phase_a_reg" : "issue_a_reg", im ? "sample" : "issue_valid", v);
    for (int c : s.pruning->groups[g].channels) {
      if (im) group_channel_im(s, int(g), c, id, v);
      else group_channel_nm(s, int(g), c, v);
    }
    for (int i : s.pruning->groups[g].columns) read[i] = true;
    v << "\n";
  }
  std::string unread;
  for (int i = 0; i < s.N; ++i)
    if (!read[i]) unread += std::string(unread.empty() ? "" : ", ") + "x_reg[" + std::to_string(i) + "*EW +: EW]";
  if (!unread.empty()) v << "  // inputs pruned in every channel: no group reads them\n  wire unused_x = ^{" << unread << "};\n";
  if (std::none_of(read.begin(), read.end(), [](bool r) { return r; }))
    v << "  wire unused_wr_index = ^wr_index;  // every entry is pruned: no write reaches a cell\n";
  return v.str();
}

} // namespace

/// The pruned top: the datapath's top with the groups rendered in.
Block pruned_top(const Spec& s, const char* tpl) {
  Block top = top_block(s);
  top.tpl = tpl;
  top.what = "top level with pruned weights (ports of DESIGN.md section 5, groups of section 10)";
  top.params.erase("S");
  top.params.erase("COL_W");
  if (s.datapath == Datapath::InMemory) top.params.erase("COUNT_W");  // it sized the shared dummy row
  top.params["GROUPS"] = groups_text(s);
  return top;
}

std::vector<Block> pruned_blocks(const Spec& s) {
  int64_t uarrays = 0, gatings = 0;
  for (const PruneGroup& g : s.pruning->groups) {
    uarrays += int64_t(g.channels.size()) * group_segments(g, s.L);
    if (!g.columns.empty()) gatings += group_segments(g, s.L);
  }
  const bool im = s.datapath == Datapath::InMemory;
  Block cells = make_block(im ? "pr_bitcells_im" : "pr_bitcells",
                           im ? "8T bit-cell array of one uArray of a pruned group (behavioural model)"
                              : "bit-cell array of one uArray of a pruned group (behavioural SRAM)",
                           category::kArray, im ? "pr_bitcells_im.v.tpl" : "pr_bitcells.v.tpl");
  cells.role = Role::Array;
  cells.instances = uarrays;
  cells.params = {{"ROWS", num(s.m + 1)}, {"L", num(s.L)}};
  Block ua = make_block(im ? "pr_uarray_im" : "pr_uarray",
                        im ? "in-memory uArray of a pruned group: 8T cells, kept row, product lines, SAR converters"
                           : "uArray of a pruned group: bit cells, kept row, sense amplifiers, two adder trees",
                        category::kGating, im ? "pr_uarray_im.v.tpl" : "pr_uarray.v.tpl");
  ua.instances = uarrays;
  ua.params = {{"M", num(s.m)}, {"L", num(s.L)}, {"ROW_W", num(s.ROW_W)}, {"COUNT_W", num(s.COUNT_W)}};
  Block gating = gating_block(s), sum = seg_sum_block(s);
  gating.instances = gatings;
  if (im) {
    ua.params.insert({{"BITS", num(s.adc_bits)}, {"BIT_W", num(s.BIT_W)}, {"CHAT_W", num(s.CHAT_W)},
                      {"PER_ROW", num(s.adc_per_row() ? 1 : 0)}, {"NCONV", num(s.nconv)}});
    sum.instances = s.C;  // the kept-row sum per channel (channel_im sums its converters itself)
    Block pl = product_line_block(s);
    pl.instances = uarrays * (s.m + 2);  // every row and the kept row of every uArray
    return {ctrl_block(s), frontend_block(s), gating, sum, cells, sar_block(s), pl, comparator_block(s), ua,
            channel_block(s), pruned_top(s, "top_pr_im.v.tpl")};
  }
  cells.params["ROW_W"] = num(s.ROW_W);
  sum.instances = 2 * int64_t(s.C);  // per channel: the uChannel sum and the kept-row sum
  Block acc = shift_acc_block(s);
  acc.instances = 3 * int64_t(s.C);  // per channel: A, B and Sx
  return {ctrl_block(s), frontend_block(s), gating, sum, cells, ua, adder_tree_block(s), acc, channel_block(s),
          pruned_top(s, "top_pr.v.tpl")};
}

} // namespace cimgen
