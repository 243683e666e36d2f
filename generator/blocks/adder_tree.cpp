// cimgen — block: the adder tree (segment popcount). Each tree kind is a strategy: the
// behavioral kind renders rtl_templates/adder_tree_behavioral.v.tpl; the structural kinds
// (ripple, wallace, dadda) are built as a netlist of full and half adders, emulated cycle by
// cycle in C++ (pipeline registers included) and printed as Verilog assigns: an irregular
// netlist that Verilog parameters cannot express.
#include "adder_tree.hpp"

#include <algorithm>
#include <deque>
#include <functional>
#include <memory>
#include <stdexcept>
#include <sstream>
#include <vector>

#include "block.hpp"
#include "template.hpp"

namespace cimgen {
namespace {

/// A bit-level netlist of FA/HA cells over named wires, with a C++ evaluator.
class Netlist {
public:
  explicit Netlist(int inputs) : values_(inputs) {
    for (int i = 0; i < inputs; ++i) names_.push_back("bits[" + std::to_string(i) + "]");
  }
  /// Full adder; returns (sum, carry). carry < 0 when `want_carry` is false.
  std::pair<int, int> fa(int a, int b, int c, bool want_carry) {
    const int s = fresh(), co = want_carry ? fresh() : -1;
    ops_.push_back({a, b, c, s, co});
    ++stats.full_adders;
    return {s, co};
  }
  std::pair<int, int> ha(int a, int b, bool want_carry) {
    const int s = fresh(), co = want_carry ? fresh() : -1;
    ops_.push_back({a, b, -1, s, co});
    ++stats.half_adders;
    return {s, co};
  }
  /// Pipeline register stage over the live wires; returns their registered copies.
  std::vector<int> reg(const std::vector<int>& live) {
    std::vector<int> out;
    for (int w : live) {
      const int r = fresh();
      regs_.push_back({w, r});
      ops_.push_back({w, -2, -1, r, -1});
      out.push_back(r);
      ++stats.registers;
    }
    return out;
  }
  const std::string& name(int w) const { return names_[w]; }
  /// One clock cycle: the value of `out` during the cycle with inputs `bits` (registers show
  /// what they took at the previous edge), then the edge (registers take their inputs).
  int clock(uint64_t bits, const std::vector<int>& out) {
    state_.resize(names_.size(), 0);
    std::vector<int> v(names_.size(), 0), next = state_;
    for (size_t i = 0; i < values_.size(); ++i) v[i] = int(bits >> i) & 1;
    for (const Op& o : ops_) {
      if (o.b == -2) {  // register: output from the last edge, input taken at this one
        v[o.s] = state_[o.s];
        next[o.s] = v[o.a];
        continue;
      }
      const int c = o.c >= 0 ? v[o.c] : 0;
      const int t = v[o.a] + v[o.b] + c;
      v[o.s] = t & 1;
      if (o.co >= 0) v[o.co] = t >> 1;
    }
    state_ = next;
    int r = 0;
    for (size_t i = 0; i < out.size(); ++i)
      if (out[i] >= 0) r |= v[out[i]] << i;
    return r;
  }
  std::string verilog(const AdderCells* cells) const {
    std::ostringstream os;
    for (size_t w = values_.size(); w < names_.size(); ++w)
      os << "  " << (is_reg(int(w)) ? "reg  " : "wire ") << names_[w] << ";\n";
    for (const Op& o : ops_) {
      if (o.b == -2) {
        os << "  always @(posedge clk) " << names_[o.s] << " <= " << names_[o.a] << ";\n";
        continue;
      }
      const std::string a = names_[o.a], b = names_[o.b];
      const std::string cell = !cells ? "" : o.c >= 0 ? cells->fa : cells->ha;
      if (!cell.empty()) {
        os << instance(o, cell, o.c >= 0 ? cells->fa_pins : cells->ha_pins);
        continue;
      }
      if (o.c >= 0) {
        const std::string c = names_[o.c];
        os << "  assign " << names_[o.s] << " = " << a << " ^ " << b << " ^ " << c << ";  // FA\n";
        if (o.co >= 0)
          os << "  assign " << names_[o.co] << " = (" << a << " & " << b << ") | (" << c << " & (" << a << " ^ "
             << b << "));\n";
      } else {
        os << "  assign " << names_[o.s] << " = " << a << " ^ " << b << ";  // HA\n";
        if (o.co >= 0) os << "  assign " << names_[o.co] << " = " << a << " & " << b << ";\n";
      }
    }
    return os.str();
  }
  TreeStats stats;  ///< cell counts

private:
  struct Op {
    int a, b, c, s, co;  ///< b == -2: register s <= a
  };
  /// A library adder cell: pins a, b, (c,) sum, carry (carry unconnected when unused).
  std::string instance(const Op& o, const std::string& cell, const std::vector<std::string>& pins) const {
    const std::vector<int> nets = o.c >= 0 ? std::vector<int>{o.a, o.b, o.c, o.s, o.co} : std::vector<int>{o.a, o.b, o.s, o.co};
    std::string text = "  " + cell + " u_" + names_[o.s] + " (";
    for (size_t k = 0; k < nets.size(); ++k)
      text += std::string(k ? ", " : "") + "." + pins[k] + "(" + (nets[k] >= 0 ? names_[nets[k]] : "") + ")";
    return text + ");  // " + (o.c >= 0 ? "FA" : "HA") + "\n";
  }
  int fresh() {
    names_.push_back("n" + std::to_string(names_.size() - values_.size()));
    return int(names_.size()) - 1;
  }
  bool is_reg(int w) const {
    for (const auto& r : regs_)
      if (r.second == w) return true;
    return false;
  }
  std::vector<int> values_;                ///< primary inputs
  std::vector<std::string> names_;         ///< wire names, inputs first
  std::vector<Op> ops_;                    ///< cells in topological order
  std::vector<std::pair<int, int>> regs_;  ///< (d, q) of pipeline registers
  std::vector<int> state_;                 ///< register outputs (cycle emulation)
};

/// Places `pipeline` register stages after the levels of a `depth`-level structure: entry l
/// (1-based) is how many stages follow level l; spread evenly, the last one at the output.
std::vector<int> stage_plan(int depth, int pipeline) {
  std::vector<int> after(depth + 1, 0);
  for (int i = 1; i <= pipeline; ++i) after[std::max(1, std::min(depth, (i * depth + pipeline - 1) / pipeline))]++;
  return after;
}

/// Columns of bits by weight (carry-save form); -1 never appears.
using Columns = std::vector<std::vector<int>>;

std::vector<int> flatten(const Columns& cols) {
  std::vector<int> all;
  for (const auto& c : cols) all.insert(all.end(), c.begin(), c.end());
  return all;
}
void unflatten(Columns& cols, const std::vector<int>& regs) {
  size_t k = 0;
  for (auto& c : cols)
    for (int& w : c) w = regs[k++];
}

/// Final carry-propagate adder of a two-row carry-save form.
std::vector<int> final_adder(Netlist& net, const Columns& cols, int out_w) {
  std::vector<int> out(out_w, -1);
  int carry = -1;
  for (int j = 0; j < out_w; ++j) {
    std::vector<int> in = cols[j];
    if (carry >= 0) in.push_back(carry);
    carry = -1;
    const bool want = j + 1 < out_w;
    if (in.size() == 1) out[j] = in[0];
    else if (in.size() == 2) std::tie(out[j], carry) = net.ha(in[0], in[1], want);
    else if (in.size() == 3) std::tie(out[j], carry) = net.fa(in[0], in[1], in[2], want);
  }
  return out;
}

/// The two column-compression schedules.
enum class Schedule {
  Wallace,  ///< every column reduced by 3:2 counters as far as it goes, at every stage
  Dadda,    ///< columns reduced just enough to reach the heights 2, 3, 4, 6, 9, ... in turn
};

/// One compression stage: every column reduced by 3:2 (FA) and 2:2 (HA) counters, as far as
/// Wallace goes, or (Dadda) just enough that no column exceeds `target` bits.
Columns compress_stage(Netlist& net, Schedule kind, const Columns& cols, int target) {
  const int out_w = int(cols.size());
  Columns next(out_w);
  for (int j = 0; j < out_w; ++j) {
    const std::vector<int>& in = cols[j];
    const bool want = j + 1 < out_w;  // a carry out of the top column is always zero
    auto add = [&](std::pair<int, int> sc) {
      next[j].push_back(sc.first);
      if (want) next[j + 1].push_back(sc.second);
    };
    size_t i = 0;
    switch (kind) {
    case Schedule::Wallace:
      for (; in.size() - i >= 3; i += 3) add(net.fa(in[i], in[i + 1], in[i + 2], want));
      if (in.size() - i == 2 && in.size() > 2) {
        add(net.ha(in[i], in[i + 1], want));
        i += 2;
      }
      break;
    case Schedule::Dadda:
      // Reduce the column (with the carries already placed in it) to `target` bits.
      while (in.size() - i >= 2 && int(in.size() - i + next[j].size()) > target) {
        if (int(in.size() - i + next[j].size()) - target >= 2 && in.size() - i >= 3) {
          add(net.fa(in[i], in[i + 1], in[i + 2], want));
          i += 3;
        } else {
          add(net.ha(in[i], in[i + 1], want));
          i += 2;
        }
      }
      break;
    }
    for (; i < in.size(); ++i) next[j].push_back(in[i]);
  }
  return next;
}

/// The stage targets of a schedule for `width` inputs, first stage first (Wallace: reduce
/// until two rows are left, target unused; Dadda: heights ..., 9, 6, 4, 3, 2 below the start).
std::vector<int> stage_targets(Schedule kind, int width) {
  switch (kind) {
  case Schedule::Wallace:
    return {};
  case Schedule::Dadda: {
    std::vector<int> up{2};  // Dadda heights 2, 3, 4, 6, 9, ...
    while (up.back() < width) up.push_back(up.back() * 3 / 2);
    return std::vector<int>(up.rbegin(), up.rend());
  }
  }
  return {};
}

/// Column compression of `width` ones into `out_w` bits; `plan` (may be empty) says how many
/// register stages follow each level.
std::vector<int> compress_with(Netlist& net, Schedule kind, int width, int out_w, const std::vector<int>& plan) {
  Columns cols(out_w);
  for (int i = 0; i < width; ++i) cols[0].push_back(i);
  auto height = [&] {
    size_t h = 0;
    for (const auto& c : cols) h = std::max(h, c.size());
    return int(h);
  };
  auto regs_after = [&](int level) { return level < int(plan.size()) ? plan[level] : 0; };
  int level = 0;
  auto stage = [&](int target) {
    cols = compress_stage(net, kind, cols, target);
    ++level;
    for (int r = 0; r < regs_after(level); ++r) unflatten(cols, net.reg(flatten(cols)));
  };
  const std::vector<int> targets = stage_targets(kind, width);
  if (targets.empty())
    while (height() > 2) stage(0);
  for (int target : targets)
    if (target < height()) stage(target);
  std::vector<int> out = final_adder(net, cols, out_w);
  ++level;
  net.stats.levels = level;
  for (int r = 0; r < regs_after(level); ++r) {
    std::vector<int> live;
    for (int w : out)
      if (w >= 0) live.push_back(w);
    const std::vector<int> q = net.reg(live);
    size_t k = 0;
    for (int& w : out)
      if (w >= 0) w = q[k++];
  }
  return out;
}

std::vector<int> compress(Netlist& net, Schedule kind, int width, int out_w, int pipeline) {
  Netlist dry(width);  // first pass: the number of levels, so registers can be spread over them
  compress_with(dry, kind, width, out_w, {});
  return compress_with(net, kind, width, out_w, pipeline ? stage_plan(dry.stats.levels, pipeline) : std::vector<int>{});
}

/// Pairwise tree of ripple-carry adders.
std::vector<int> ripple(Netlist& net, int width, int out_w, int pipeline) {
  struct Num {
    std::vector<int> bits;  ///< LSB first
    int64_t max;            ///< largest value it can take
  };
  std::vector<Num> nums;
  for (int i = 0; i < width; ++i) nums.push_back({{i}, 1});
  int depth = 0;
  for (size_t k = nums.size(); k > 1; k = (k + 1) / 2) ++depth;
  const std::vector<int> plan = stage_plan(std::max(depth, 1), pipeline);
  int lvl = 0;
  auto reg_all = [&](int l) {
    for (int r = 0; r < plan[l]; ++r)
      for (Num& x : nums) x.bits = net.reg(x.bits);
  };
  while (nums.size() > 1) {
    std::vector<Num> next;
    for (size_t i = 0; i + 1 < nums.size(); i += 2) {
      const Num& a = nums[i];
      const Num& b = nums[i + 1];
      const int64_t max = a.max + b.max;
      const int w = clog2(uint64_t(max) + 1);
      Num s{{}, max};
      int carry = -1;
      for (int j = 0; j < w; ++j) {
        std::vector<int> in;
        if (j < int(a.bits.size())) in.push_back(a.bits[j]);
        if (j < int(b.bits.size())) in.push_back(b.bits[j]);
        if (carry >= 0) in.push_back(carry);
        carry = -1;
        const bool want = j + 1 < w;
        int bit = -1;
        if (in.size() == 1) bit = in[0];
        else if (in.size() == 2) std::tie(bit, carry) = net.ha(in[0], in[1], want);
        else if (in.size() == 3) std::tie(bit, carry) = net.fa(in[0], in[1], in[2], want);
        s.bits.push_back(bit);
      }
      next.push_back(s);
    }
    if (nums.size() % 2) next.push_back(nums.back());
    nums = next;
    reg_all(++lvl);
  }
  if (lvl == 0) reg_all(1);  // a single input: the registers go at the output
  net.stats.levels = std::max(lvl, 1);
  std::vector<int> out(out_w, -1);
  for (size_t j = 0; j < nums[0].bits.size() && int(j) < out_w; ++j) out[j] = nums[0].bits[j];
  return out;
}

/// How one tree kind is built and emulated; every TreeKind has exactly one (strategy_of).
class TreeStrategy {
public:
  virtual ~TreeStrategy() = default;
  /// Module text (no banner) and structure statistics.
  virtual std::string module(const std::string& name, int width, int out_w, int pipeline, TreeStats* st,
                             const AdderCells* cells) const = 0;
  /// Cycle model: the count visible during a cycle with inputs `bits`, then the clock edge.
  virtual std::function<int(uint64_t)> model(int width, int out_w, int pipeline) const = 0;
};

/// Behavioral: a `for` loop Yosys maps as it likes; registers at the output.
class BehavioralTree final : public TreeStrategy {
public:
  std::string module(const std::string& name, int width, int out_w, int pipeline, TreeStats* st,
                     const AdderCells*) const override {
    st->levels = 1;
    st->registers = out_w * pipeline;
    return render("adder_tree_behavioral.v.tpl",
                  {{"NAME", name}, {"W", num(width)}, {"OUT_W", num(out_w)}, {"PIPE", num(pipeline)}});
  }
  std::function<int(uint64_t)> model(int width, int out_w, int pipeline) const override {
    auto line = std::make_shared<std::deque<int>>(size_t(pipeline), 0);
    return [=](uint64_t bits) {
      const int mask = (1 << out_w) - 1;
      const int now = __builtin_popcountll(width == 64 ? bits : bits & ((uint64_t{1} << width) - 1)) & mask;
      if (line->empty()) return now;
      const int shown = line->front();
      line->pop_front();
      line->push_back(now);
      return shown;
    };
  }
};

/// Structural kinds: a netlist of full and half adders with pipeline registers.
class NetlistTree : public TreeStrategy {
public:
  std::string module(const std::string& name, int width, int out_w, int pipeline, TreeStats* st,
                     const AdderCells* cells) const override {
    Netlist net(width);
    const std::vector<int> out = build(net, width, out_w, pipeline);
    std::ostringstream os;
    os << "// Counts the ones of `bits` (" << describe() << ", " << pipeline << " pipeline stages).\n"
       << "module " << name << "_adder_tree (\n"
       << "  input  wire                clk,\n"
       << "  input  wire [" << width << "-1:0] bits,\n"
       << "  output wire [" << out_w << "-1:0] count\n"
       << ");\n";
    if (pipeline == 0) os << "  wire unused_clk = clk;  // no pipeline registers in this configuration\n";
    os << net.verilog(cells);
    for (int j = 0; j < out_w; ++j)
      os << "  assign count[" << j << "] = " << (out[j] >= 0 ? net.name(out[j]) : std::string("1'b0")) << ";\n";
    os << "endmodule\n";
    *st = net.stats;
    return os.str();
  }
  std::function<int(uint64_t)> model(int width, int out_w, int pipeline) const override {
    auto net = std::make_shared<Netlist>(width);
    const std::vector<int> out = build(*net, width, out_w, pipeline);
    return [net, out](uint64_t bits) { return net->clock(bits, out); };
  }

protected:
  virtual const char* describe() const = 0;
  virtual std::vector<int> build(Netlist& net, int width, int out_w, int pipeline) const = 0;
};

class RippleTree final : public NetlistTree {
  const char* describe() const override { return "ripple tree"; }
  std::vector<int> build(Netlist& net, int width, int out_w, int pipeline) const override {
    return ripple(net, width, out_w, pipeline);
  }
};

class CompressorTree final : public NetlistTree {
public:
  explicit CompressorTree(Schedule schedule) : schedule_(schedule) {}

private:
  const char* describe() const override { return schedule_ == Schedule::Wallace ? "wallace tree" : "dadda tree"; }
  std::vector<int> build(Netlist& net, int width, int out_w, int pipeline) const override {
    return compress(net, schedule_, width, out_w, pipeline);
  }
  Schedule schedule_;
};

const TreeStrategy& strategy_of(TreeKind kind) {
  static const BehavioralTree behavioral;
  static const RippleTree ripple_tree;
  static const CompressorTree wallace(Schedule::Wallace), dadda(Schedule::Dadda);
  switch (kind) {
  case TreeKind::Behavioral: return behavioral;
  case TreeKind::Ripple: return ripple_tree;
  case TreeKind::Wallace: return wallace;
  case TreeKind::Dadda: return dadda;
  }
  throw std::logic_error("adder tree: no strategy for this kind");
}

} // namespace

std::string adder_tree_module(const std::string& name, TreeKind kind, int width, int out_w, int pipeline,
                              TreeStats* stats, const AdderCells* cells) {
  TreeStats st;
  std::string text = strategy_of(kind).module(name, width, out_w, pipeline, &st, cells);
  if (stats) *stats = st;
  return text;
}

std::function<int(uint64_t)> adder_tree_model(TreeKind kind, int width, int out_w, int pipeline) {
  return strategy_of(kind).model(width, out_w, pipeline);
}

int emulate_adder_tree(TreeKind kind, int width, int out_w, uint64_t bits) {
  return adder_tree_model(kind, width, out_w, 0)(bits);
}

Block adder_tree_block(const Spec& s) {
  Block b = make_block("adder_tree", "adder tree (segment popcount)", category::kAdderTree, "");
  b.instances = s.tree_instances;
  TreeStats st;
  b.body = adder_tree_module(s.name, s.tree, s.L, s.COUNT_W, s.pipeline_stages, &st);
  b.report["adder_tree"] = {{"module", module_name(s, b)},
                            {"kind", to_string(s.tree)},
                            {"inputs", s.L},
                            {"full_adders", st.full_adders},
                            {"half_adders", st.half_adders},
                            {"levels", st.levels},
                            {"pipeline_registers", st.registers},
                            {"instances", s.tree_instances}};
  return b;
}

} // namespace cimgen
