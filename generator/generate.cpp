// cimgen — generation of the near_memory macro: templates filled from the Spec.
#include "generate.hpp"

#include <nlohmann/json.hpp>
#include <sstream>

#include "blocks/adder_tree.hpp"
#include "template.hpp"

namespace cimgen {

std::vector<Port> top_ports(const Spec& s) {
  const auto w = [](int64_t v) { return std::to_string(v); };
  return {
      {"input", "clk", "1", "clock"},
      {"input", "rst_n", "1", "asynchronous reset, active low"},
      {"input", "wr_valid", "1", "weight write beat offered"},
      {"output", "wr_ready", "1", "weight write accepted (no vector in flight)"},
      {"input", "wr_sum", "1", "0: element at (wr_channel, wr_index); 1: Sw of wr_channel"},
      {"input", "wr_channel", w(s.CH_W), "channel"},
      {"input", "wr_index", w(s.IDX_W), "element index"},
      {"input", "wr_data", w(s.WR_W), "element {sign, mag} in [m:0], or Sw"},
      {"input", "x_valid", "1", "input vector offered"},
      {"output", "x_ready", "1", "input vector accepted"},
      {"input", "x_data", w(int64_t(s.N) * (s.n + 1)), "element i at [i*(n+1) +: n+1] = {sign, mag}"},
      {"output", "y_valid", "1", "results of one vector offered"},
      {"input", "y_ready", "1", "results taken"},
      {"output", "y_data", w(int64_t(s.C) * s.Y_W), "channel c at [c*Y_W +: Y_W], two's complement"},
  };
}

namespace {

std::string ports_text(const Spec& s) {
  std::ostringstream os;
  const auto ports = top_ports(s);
  for (size_t i = 0; i < ports.size(); ++i) {
    const Port& p = ports[i];
    std::string decl = std::string("  ") + p.dir + (p.dir[0] == 'i' ? "  wire " : " wire ");
    decl += p.width == "1" ? std::string(14, ' ') : ("[" + p.width + "-1:0]");
    decl.resize(std::max(decl.size(), size_t(30)), ' ');
    decl += p.name;
    decl += i + 1 < ports.size() ? "," : "";
    decl.resize(std::max(decl.size(), size_t(44)), ' ');
    os << decl << "// " << p.what << (i + 1 < ports.size() ? "\n" : "");
  }
  return os.str();
}

/// Values shared by every template of the macro.
struct Org {
  int cnt_w;  ///< width of step counters, row and plane indices
  int b_w;    ///< width of B and Sx
  int x_w;    ///< width of x_data
  int pw;     ///< padded column count S*L
  int row_w;  ///< row address width, clog2(m+1)
  int pl_w;   ///< input-plane index width, clog2(n+1) (indexes {sign, mag})
};

Org organise(const Spec& s) {
  Org o;
  o.cnt_w = std::max(1, clog2(uint64_t(s.steps + s.pipeline_stages) + 1));
  o.cnt_w = std::max(o.cnt_w, clog2(uint64_t(s.m + s.n + 1)));
  o.b_w = clog2(uint64_t(s.N) * uint64_t(s.x_max()) + 1);
  o.x_w = s.N * (s.n + 1);
  o.pw = s.S * s.L;
  o.row_w = clog2(uint64_t(s.m) + 1);
  o.pl_w = clog2(uint64_t(s.n) + 1);
  return o;
}

} // namespace

namespace {

std::string n2s(int64_t v) { return std::to_string(v); }

/// Collects the files of one macro; the near_memory and in_memory parts add their modules,
/// finish() adds files.f, the synthesis script and the manifest.
class Emitter {
public:
  explicit Emitter(const Spec& s) : s_(s), o_(organise(s)), nm_(s.name) {}

  FileSet run() {
    common();
    if (s_.datapath == Datapath::NearMemory) near_memory();
    else in_memory();
    return finish();
  }

private:
  void add(const std::string& module, const std::string& text) {
    files_["rtl/" + module + ".v"] = text;
    modules_.push_back(module);
  }
  void add_sim(const std::string& module, const std::string& text) {
    files_["sim/" + module + ".v"] = text;
    sim_modules_.push_back(module);
  }
  std::string B(const char* what) const { return banner(s_, what); }
  std::string col_w() const { return n2s(std::max(1, clog2(uint64_t(s_.L)))); }

  /// Blocks of every macro: controller, column gating, uChannel sum.
  void common() {
    add(nm_ + "_ctrl", render("ctrl.v.tpl", {{"BANNER", B("uArray controller FSM")},
                                              {"NAME", nm_},
                                              {"CNT_W", n2s(o_.cnt_w)},
                                              {"STEPS", n2s(s_.steps)},
                                              {"PIPE", n2s(s_.pipeline_stages)},
                                              {"LAST", n2s(s_.steps + s_.pipeline_stages - 1)},
                                              {"ACC_VALID", s_.pipeline_stages ? "run && cnt_reg >= PIPE" : "run"}}));
    add(nm_ + "_gating", render("gating.v.tpl", {{"BANNER", B("sense-amp / column-line gating of one uArray")},
                                                  {"NAME", nm_},
                                                  {"EW", n2s(s_.n + 1)},
                                                  {"PL_W", n2s(o_.pl_w)},
                                                  {"L", n2s(s_.L)}}));
    add(nm_ + "_seg_sum", render("seg_sum.v.tpl", {{"BANNER", B("uChannel: sum of segment counts")}, {"NAME", nm_}}));
  }

  /// One gating instance per segment (the last one may hold fewer than L columns), driving
  /// the S*L-bit `out` from x_reg; `tag` makes the generate-block and genvar names unique.
  std::string gating(const std::string& tag, const std::string& out, const std::string& sel,
                     const std::string& plane) const {
    const std::string g = "gs_" + tag, ew = n2s(s_.n + 1), l = n2s(s_.L);
    return "  genvar " + g + ";\n  generate\n    for (" + g + " = 0; " + g + " < " + n2s(s_.S) + "; " + g + " = " + g +
           " + 1) begin : g_" + tag + "\n      localparam integer USED = (" + g + " == " + n2s(s_.S - 1) + ") ? " +
           n2s(s_.N) + " - " + g + "*" + l + " : " + l + ";  // columns holding elements\n      " + nm_ +
           "_gating #(.USED(USED)) u_gating (\n        .x_seg(x_reg[" + g + "*" + l + "*" + ew + " +: USED*" + ew +
           "]), .sel_step(" + sel + "), .plane(" + plane + "),\n        .col_en(" + out + "[" + g + "*" + l + " +: " + l +
           "])\n      );\n    end\n  endgenerate";
  }

  /// Values every top template uses.
  Vars top_vars() const {
    return {{"NAME", nm_},          {"PORTS", ports_text(s_)}, {"M", n2s(s_.m)},       {"NB", n2s(s_.n)},
            {"CNT_W", n2s(o_.cnt_w)}, {"C", n2s(s_.C)},          {"Y_W", n2s(s_.Y_W)},   {"X_W", n2s(o_.x_w)},
            {"PW", n2s(o_.pw)},      {"S", n2s(s_.S)},          {"L", n2s(s_.L)},       {"CH_W", n2s(s_.CH_W)},
            {"ROW_W", n2s(o_.row_w)}, {"PL_W", n2s(o_.pl_w)},    {"IDX_W", n2s(s_.IDX_W)},
            {"IDX_W_P1", n2s(s_.IDX_W + 1)}, {"COL_W", col_w()}, {"BANNER", B("top level (ports of DESIGN.md section 5)")}};
  }
  Vars bitcell_vars() const {
    return {{"NAME", nm_}, {"ROWS", n2s(s_.m + 1)}, {"L", n2s(s_.L)}, {"M", n2s(s_.m)},
            {"M_MINUS_1", n2s(s_.m - 1)}, {"COL_W", col_w()}};
  }

  void near_memory() {
    const bool mf = s_.op == Operator::Mf;
    Vars cells = bitcell_vars();
    cells["BANNER"] = B("bit-cell array of one uArray (behavioural SRAM)");
    cells["ROW_W"] = n2s(o_.row_w);
    add(nm_ + "_bitcells", render("bitcells.v.tpl", cells));
    array_module_ = nm_ + "_bitcells";
    Vars uarray{{"NAME", nm_}, {"M", n2s(s_.m)}, {"ROW_W", n2s(o_.row_w)}, {"L", n2s(s_.L)},
                {"COUNT_W", n2s(s_.COUNT_W)}, {"COL_W", col_w()}};
    uarray["BANNER"] = B(mf ? "uArray: bit cells, sense amplifiers, adder tree"
                            : "uArray of the multiply-based baseline: bit cells, sign mask, two adder trees");
    add(nm_ + (mf ? "_uarray" : "_uarray_conv"), render(mf ? "uarray.v.tpl" : "uarray_conv.v.tpl", uarray));

    const std::string tree = adder_tree_module(nm_, s_.tree, s_.L, s_.COUNT_W, s_.pipeline_stages, &tree_stats_);
    add(nm_ + "_adder_tree",
        B("adder tree (segment popcount)") + "\n`default_nettype none\n\n" + tree + "\n`default_nettype wire\n");
    // A step's column count over all segments is at most N.
    const std::string sum_iw = n2s(clog2(uint64_t(s_.N) + 1));
    Vars ch{{"NAME", nm_}, {"S", n2s(s_.S)}, {"COUNT_W", n2s(s_.COUNT_W)}, {"Y_W", n2s(s_.Y_W)}, {"SUM_IW", sum_iw}};
    if (mf) {
      add(nm_ + "_shift_acc", render("shift_acc.v.tpl", {{"BANNER", B("shift-accumulator")}, {"NAME", nm_}}));
      ch["BANNER"] = B("MF channel: A, B accumulators, Sw register, combine");
      ch["SW_W"] = n2s(s_.SW_W);
      ch["B_W"] = n2s(o_.b_w);
      ch["SUM_OW"] = n2s(std::max(s_.SW_W, o_.b_w));
      add(nm_ + "_channel", render("channel.v.tpl", ch));
    } else {
      ch["BANNER"] = B("baseline channel: plane-pair accumulation");
      add(nm_ + "_channel_conv", render("channel_conv.v.tpl", ch));
    }
    // Bits of wr_data that only Sw uses have no reader in the baseline (it needs no Sw).
    std::string unused;
    if (!mf && s_.WR_W > s_.m + 1)
      unused = "\n  // Sw beats are accepted and ignored: the baseline needs no Sw.\n  wire unused_wr_data = &{1'b0, wr_data[" +
               n2s(s_.WR_W - 1) + ":" + n2s(s_.m) + "+1]};\n";
    Vars top = top_vars();
    top["COUNT_W"] = n2s(s_.COUNT_W);
    top["OUTPUT_STAGE"] = render("top_output.vh.tpl", {{"UNUSED", unused}});
    top["GATING"] = mf ? gating("gate", "gate", "issue_a_reg", "plane_reg")
                       : gating("gate", "gate", "1'b0", "issue_k_reg") + "\n" +
                             gating("xstep", "x_step", "1'b1", n2s(o_.pl_w) + "'d0");
    if (mf) {
      top["SUM_IW"] = sum_iw;
      top["B_W"] = n2s(o_.b_w);
      top["SW_W"] = n2s(s_.SW_W);
    }
    add(nm_ + "_top", render(mf ? "top_mf.v.tpl" : "top_conv.v.tpl", top));
  }

  void in_memory() {
    const int b = s_.adc_bits, sh = s_.adc_lsb_shift;
    const int64_t r = (s_.adc_rounding == Rounding::Nearest && sh > 0) ? (int64_t{1} << (sh - 1)) : 0;
    const int nconv = s_.adc_per_row() ? s_.m : 1;
    const int chat_w = b + sh;
    const int64_t chat_max = ((int64_t{1} << b) - 1) << sh;
    const int sum_w = clog2(uint64_t(s_.S) * uint64_t(chat_max) + 1);
    const int a_w = clog2(uint64_t(s_.S) * uint64_t(chat_max) * uint64_t(s_.w_max()) + 1);
    const int b_w = clog2(uint64_t(s_.S) * uint64_t(chat_max) * uint64_t(s_.x_max()) + 1);
    const std::string bit_w = n2s(std::max(1, clog2(uint64_t(b))));
    const std::string conv_mode = s_.adc_per_row() ? "one converter per row" : "one time-shared converter";

    Vars cells = bitcell_vars();
    cells["BANNER"] = B("8T bit-cell array of one uArray (behavioural model)");
    add(nm_ + "_bitcells_im", render("bitcells_im.v.tpl", cells));
    array_module_ = nm_ + "_bitcells_im";
    add(nm_ + "_sar", render("sar.v.tpl", {{"BANNER", B("SAR ADC sequencer")},
                                            {"NAME", nm_},
                                            {"BITS", n2s(b)},
                                            {"SHIFT", n2s(sh)},
                                            {"BIT_W", bit_w},
                                            {"CHAT_W", n2s(chat_w)},
                                            {"CHAT_EXPR", sh ? "{code, " + n2s(sh) + "'d0}" : "code"}}));
    add_sim(nm_ + "_product_line", render("product_line.v.tpl", {{"BANNER", B("product-line model (simulation only)")},
                                                                 {"NAME", nm_},
                                                                 {"L", n2s(s_.L)},
                                                                 {"COUNT_W", n2s(s_.COUNT_W)},
                                                                 {"NOISY_PAD", n2s(64 - s_.COUNT_W)}}));
    add_sim(nm_ + "_comparator",
            render("comparator.v.tpl", {{"BANNER", B("comparator and reference-cell model (simulation only)")},
                                         {"NAME", nm_},
                                         {"COUNT_W", n2s(s_.COUNT_W)},
                                         {"BITS", n2s(b)},
                                         {"R", n2s(r)},
                                         {"SHIFT", n2s(sh)},
                                         {"CMP_W", n2s(std::max(s_.COUNT_W + 1, b + sh) + 1)}}));

    Vars ua{{"NAME", nm_},    {"NCONV", n2s(nconv)}, {"CONV_MODE", conv_mode}, {"COL_W", col_w()},
            {"M", n2s(s_.m)}, {"L", n2s(s_.L)},      {"BIT_W", bit_w},         {"CHAT_W", n2s(chat_w)},
            {"ROWS", n2s(s_.m + 1)}, {"COUNT_W", n2s(s_.COUNT_W)}, {"BITS", n2s(b)}};
    ua["BANNER"] = B("in-memory uArray: 8T cells, product lines, SAR converters");
    const std::string cw = n2s(s_.COUNT_W);
    if (s_.adc_per_row()) {
      ua["ROW_PORT"] = "";
      ua["LEVEL_SELECT"] = "      assign level_a = levels[i*" + cw + " +: " + cw + "];";
    } else {
      ua["ROW_PORT"] = "  input  wire [" + n2s(o_.row_w) + "-1:0]          row,      // row converted now\n";
      ua["LEVEL_SELECT"] = "      wire [" + cw + "-1:0] row_level [0:" + n2s(s_.m) + "];\n      for (r = 0; r < " +
                           n2s(s_.m + 1) + "; r = r + 1) begin : g_sel\n        assign row_level[r] = levels[r*" + cw +
                           " +: " + cw + "];\n      end\n      assign level_a = row_level[row];";
    }
    add(nm_ + "_uarray_im", render("uarray_im.v.tpl", ua));

    Vars ch{{"NAME", nm_},         {"S", n2s(s_.S)},        {"NCONV", n2s(nconv)}, {"CHAT_W", n2s(chat_w)},
            {"SW_W", n2s(s_.SW_W)}, {"B_W", n2s(b_w)},       {"A_W", n2s(a_w)},     {"SUM_W", n2s(sum_w)},
            {"Y_W", n2s(s_.Y_W)}};
    ch["BANNER"] = B("in-memory MF channel: A, B from converted counts, Sw register, combine");
    if (s_.adc_per_row()) {
      ch["A_MODE"] = "all rows at once, weighted by 2^j";
      ch["FIRST_A_PORT"] = "";
      ch["A_DECLS"] = "  reg  [" + n2s(a_w) + "-1:0]  a_term;\n";
      ch["A_INPUT"] = "    a_in = {" + n2s(a_w) + "{1'b0}};\n    for (i = 0; i < " + n2s(nconv) +
                      "; i = i + 1) begin\n      a_term = {" + n2s(a_w) + "{1'b0}};\n      a_term[" + n2s(sum_w) +
                      "-1:0] = sums[i*" + n2s(sum_w) + " +: " + n2s(sum_w) + "];\n      a_in = a_in + (a_term << i);\n    end";
      ch["A_UPDATE"] = "a_in";
    } else {
      ch["A_MODE"] = "Horner over the rows, MSB first";
      ch["FIRST_A_PORT"] = "  input  wire                                  first_a,  // most significant row\n";
      ch["A_DECLS"] = "";
      ch["A_INPUT"] = "    a_in = {" + n2s(a_w) + "{1'b0}};\n    a_in[" + n2s(sum_w) + "-1:0] = sums[" + n2s(sum_w) + "-1:0];";
      ch["A_UPDATE"] = "first_a ? a_in : (a_reg << 1) + a_in";
    }
    add(nm_ + "_channel_im", render("channel_im.v.tpl", ch));

    Vars top = top_vars();
    top.erase("ROW_W");  // the row register, when there is one, is declared by ROW_REG_DECL
    top["COUNT_W"] = cw;
    top["OUTPUT_STAGE"] = render("top_output.vh.tpl", {{"UNUSED", ""}});
    top["GATING"] = gating("gate", "gate", "phase_a_reg", "plane_reg");
    top["B_W"] = n2s(b_w);
    top["SUM_IW"] = n2s(sum_w);
    top["SW_W"] = n2s(s_.SW_W);
    top["BITS"] = n2s(b);
    top["BIT_W"] = bit_w;
    top["CHAT_W"] = n2s(chat_w);
    top["NCONV"] = n2s(nconv);
    top["STEPS"] = n2s(s_.steps);
    top["CONV_TEXT"] = s_.adc_per_row() ? "one SAR converter per row in parallel" : "one time-shared SAR converter, row by row";
    const std::string pl_w = n2s(o_.pl_w), row_w = n2s(o_.row_w);
    const std::string next_phase =
        "          if (phase_a_reg) phase_a_reg <= 1'b0;\n          else plane_reg <= plane_reg - " + pl_w +
        "'d1;\n          compute_reg <= 1'b1;\n";
    if (s_.adc_per_row()) {
      top["ROW_REG_DECL"] = "";
      top["ROW_REG_INIT"] = "";
      top["ROW_REG_STEP"] = "        begin\n" + next_phase + "        end";
      top["ROW_CONN"] = "";
      top["FIRST_A_CONN"] = "";
    } else {
      top["ROW_REG_DECL"] = "  localparam [" + row_w + "-1:0] ROW_TOP = " + n2s(s_.m) + " - 1;\n  reg [" + row_w +
                            "-1:0] row_reg;     // row converted by the time-shared converters\n";
      top["ROW_REG_INIT"] = "      row_reg     <= ROW_TOP;";
      top["ROW_REG_STEP"] = "        if (phase_a_reg && row_reg != " + row_w + "'d0) begin\n          row_reg <= row_reg - " +
                            row_w + "'d1;\n          bit_reg <= BIT_TOP;\n        end else begin\n" + next_phase +
                            "        end";
      top["ROW_CONN"] = " .row(row_reg),";
      top["FIRST_A_CONN"] = " .first_a(row_reg == ROW_TOP),";
    }
    add(nm_ + "_top", render("top_im.v.tpl", top));
  }

  // TEMPORARY until the block registry: report category by module suffix.
  std::string category(const std::string& module) const {
    const std::string m = module.substr(nm_.size() + 1);
    if (m == "ctrl") return "controller";
    if (m == "gating" || m.rfind("uarray", 0) == 0) return "gating and sense amplifiers";
    if (m == "adder_tree") return "adder trees";
    if (m == "sar") return "ADC logic (SAR sequencers)";
    if (m.rfind("bitcells", 0) == 0) return "bit-cell array";
    if (m == "top") return "I/O registers and sequencing";
    return "accumulators and combine";
  }

  FileSet finish() {
    std::string files_f;
    for (const auto& m : modules_) files_f += m + ".v\n";
    files_["rtl/files.f"] = files_f;
    if (!sim_modules_.empty()) {
      std::string sim_f;
      for (const auto& m : sim_modules_) sim_f += m + ".v\n";
      files_["sim/files.f"] = sim_f;
    }

    nlohmann::ordered_json man;
    man["tool"] = "cimgen";
    man["version"] = kVersion;
    man["name"] = nm_;
    man["top"] = nm_ + "_top";
    man["spec_hash"] = s_.hash;
    man["spec"] = nlohmann::ordered_json::parse(s_.canonical);
    man["derived"] = nlohmann::ordered_json::parse(s_.derived_json());
    man["latency"] = s_.latency;
    man["initiation_interval"] = s_.initiation_interval;
    if (s_.datapath == Datapath::NearMemory) {
      man["row_reads_per_vector"] = s_.row_reads;
      man["adder_tree"] = {{"kind", to_string(s_.tree)},
                           {"inputs", s_.L},
                           {"full_adders", tree_stats_.full_adders},
                           {"half_adders", tree_stats_.half_adders},
                           {"levels", tree_stats_.levels},
                           {"pipeline_registers", tree_stats_.registers},
                           {"instances", s_.op == Operator::Mf ? s_.C * s_.S + s_.S : 2 * s_.C * s_.S}};
    } else {
      man["compute_cycles_per_vector"] = s_.compute_cycles;
      man["conversions_per_channel"] = s_.conversions;
      man["converters"] = {{"per_uarray", s_.adc_per_row() ? s_.m : 1},
                           {"dummy_per_segment", 1},
                           {"total", (s_.adc_per_row() ? s_.m : 1) * s_.C * s_.S + s_.S},
                           {"bits", s_.adc_bits}};
    }
    // Modules by role: synthesized logic, the bit-cell array and the simulation models
    // (black boxes for synthesis).
    nlohmann::ordered_json mods = nlohmann::ordered_json::array();
    for (const auto& m : modules_)
      mods.push_back({{"module", m}, {"role", m == array_module_ ? "array" : "logic"}, {"block", category(m)}, {"file", "rtl/" + m + ".v"}});
    for (const auto& m : sim_modules_)
      mods.push_back({{"module", m}, {"role", "simulation"}, {"block", "analog models"}, {"file", "sim/" + m + ".v"}});
    man["modules"] = mods;
    files_["manifest.json"] = man.dump(2) + "\n";
    list_files_in_manifest(files_);
    return files_;
  }

  const Spec& s_;
  const Org o_;
  const std::string nm_;
  FileSet files_;
  std::vector<std::string> modules_;      ///< rtl/ modules, in emission order
  std::vector<std::string> sim_modules_;  ///< sim/ models
  std::string array_module_;              ///< black box in synthesis
  TreeStats tree_stats_;
};

} // namespace

FileSet generate(const Spec& s) { return Emitter(s).run(); }

void list_files_in_manifest(FileSet& files) {
  auto man = nlohmann::ordered_json::parse(files.at("manifest.json"));
  std::vector<std::string> list;
  for (const auto& [path, text] : files) list.push_back(path);
  man["files"] = list;
  files["manifest.json"] = man.dump(2) + "\n";
}

} // namespace cimgen
