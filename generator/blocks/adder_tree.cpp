// cimgen — adder tree generator. The structural kinds are built as a netlist of full and half
// adders (also emulated bit by bit in C++), then printed as Verilog assigns.
#include "adder_tree.hpp"

#include <algorithm>
#include <functional>
#include <sstream>
#include <vector>

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
  int eval(uint64_t bits, const std::vector<int>& out) {
    std::vector<int> v(names_.size(), 0);
    for (size_t i = 0; i < values_.size(); ++i) v[i] = int(bits >> i) & 1;
    for (const Op& o : ops_) {
      if (o.b == -2) {
        v[o.s] = v[o.a];
        continue;
      }
      const int c = o.c >= 0 ? v[o.c] : 0;
      const int t = v[o.a] + v[o.b] + c;
      v[o.s] = t & 1;
      if (o.co >= 0) v[o.co] = t >> 1;
    }
    int r = 0;
    for (size_t i = 0; i < out.size(); ++i)
      if (out[i] >= 0) r |= v[out[i]] << i;
    return r;
  }
  std::string verilog() const {
    std::ostringstream os;
    for (size_t w = values_.size(); w < names_.size(); ++w)
      os << "  " << (is_reg(int(w)) ? "reg  " : "wire ") << names_[w] << ";\n";
    for (const Op& o : ops_) {
      if (o.b == -2) {
        os << "  always @(posedge clk) " << names_[o.s] << " <= " << names_[o.a] << ";\n";
        continue;
      }
      const std::string a = names_[o.a], b = names_[o.b];
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

/// Column compression (Wallace or Dadda) of `width` ones into `out_w` bits; `plan` (may be
/// empty) says how many register stages follow each level.
std::vector<int> compress_with(Netlist& net, TreeKind kind, int width, int out_w, const std::vector<int>& plan) {
  Columns cols(out_w);
  for (int i = 0; i < width; ++i) cols[0].push_back(i);
  auto height = [&] {
    size_t h = 0;
    for (const auto& c : cols) h = std::max(h, c.size());
    return int(h);
  };
  auto regs_after = [&](int level) { return level < int(plan.size()) ? plan[level] : 0; };
  auto stage = [&](int target) {
    Columns next(out_w);
    for (int j = 0; j < out_w; ++j) {
      const std::vector<int>& in = cols[j];
      const bool want = j + 1 < out_w;  // a carry out of the top column is always zero
      auto add = [&](std::pair<int, int> sc) {
        next[j].push_back(sc.first);
        if (want) next[j + 1].push_back(sc.second);
      };
      size_t i = 0;
      if (kind == TreeKind::Wallace) {
        for (; in.size() - i >= 3; i += 3) add(net.fa(in[i], in[i + 1], in[i + 2], want));
        if (in.size() - i == 2 && in.size() > 2) {
          add(net.ha(in[i], in[i + 1], want));
          i += 2;
        }
      } else {
        // Dadda: reduce the column (with the carries already placed in it) to `target` bits.
        while (in.size() - i >= 2 && int(in.size() - i + next[j].size()) > target) {
          if (int(in.size() - i + next[j].size()) - target >= 2 && in.size() - i >= 3) {
            add(net.fa(in[i], in[i + 1], in[i + 2], want));
            i += 3;
          } else {
            add(net.ha(in[i], in[i + 1], want));
            i += 2;
          }
        }
      }
      for (; i < in.size(); ++i) next[j].push_back(in[i]);
    }
    cols = next;
  };
  int level = 0;
  auto after_level = [&] {
    ++level;
    for (int r = 0; r < regs_after(level); ++r) unflatten(cols, net.reg(flatten(cols)));
  };
  if (kind == TreeKind::Wallace) {
    while (height() > 2) {
      stage(0);
      after_level();
    }
  } else {
    std::vector<int> targets{2};  // Dadda heights 2, 3, 4, 6, 9, ...
    while (targets.back() < width) targets.push_back(targets.back() * 3 / 2);
    for (int t = int(targets.size()) - 1; t >= 0; --t)
      if (targets[t] < height()) {
        stage(targets[t]);
        after_level();
      }
  }
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

std::vector<int> compress(Netlist& net, TreeKind kind, int width, int out_w, int pipeline) {
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

std::vector<int> build(Netlist& net, TreeKind kind, int width, int out_w, int pipeline) {
  if (kind == TreeKind::Ripple) return ripple(net, width, out_w, pipeline);
  return compress(net, kind, width, out_w, pipeline);
}

} // namespace

int emulate_adder_tree(TreeKind kind, int width, int out_w, uint64_t bits) {
  if (kind == TreeKind::Behavioral) {
    int c = 0;
    for (int i = 0; i < width; ++i) c += int(bits >> i) & 1;
    return c;
  }
  Netlist net(width);
  const std::vector<int> out = build(net, kind, width, out_w, 0);
  return net.eval(bits, out);
}

std::string adder_tree_module(const std::string& name, TreeKind kind, int width, int out_w, int pipeline,
                              TreeStats* stats) {
  std::ostringstream os;
  os << "// Counts the ones of `bits` (" << to_string(kind) << " tree, " << pipeline << " pipeline stages).\n"
     << "module " << name << "_adder_tree (\n"
     << "  input  wire                clk,\n"
     << "  input  wire [" << width << "-1:0] bits,\n"
     << "  output wire [" << out_w << "-1:0] count\n"
     << ");\n";
  if (pipeline == 0) os << "  wire unused_clk = clk;  // no pipeline registers in this configuration\n";
  TreeStats st;
  if (kind == TreeKind::Behavioral) {
    os << "  reg [" << out_w << "-1:0] sum;\n  reg [" << out_w << "-1:0] term;\n  integer i;\n"
       << "  always @* begin\n    sum = {" << out_w << "{1'b0}};\n"
       << "    for (i = 0; i < " << width << "; i = i + 1) begin\n"
       << "      term    = {" << out_w << "{1'b0}};\n      term[0] = bits[i];\n      sum     = sum + term;\n"
       << "    end\n  end\n";
    std::string prev = "sum";
    for (int p = 0; p < pipeline; ++p) {
      const std::string r = "pipe" + std::to_string(p) + "_reg";
      os << "  reg [" << out_w << "-1:0] " << r << ";\n  always @(posedge clk) " << r << " <= " << prev << ";\n";
      prev = r;
      st.registers += out_w;
    }
    os << "  assign count = " << prev << ";\n";
    st.levels = 1;
  } else {
    Netlist net(width);
    const std::vector<int> out = build(net, kind, width, out_w, pipeline);
    os << net.verilog();
    for (int j = 0; j < out_w; ++j)
      os << "  assign count[" << j << "] = " << (out[j] >= 0 ? net.name(out[j]) : std::string("1'b0")) << ";\n";
    st = net.stats;
  }
  os << "endmodule\n";
  if (stats) *stats = st;
  return os.str();
}

} // namespace cimgen
