// cimgen — hierarchical netlist: instance counts and longest path without flattening.
#include "netlist.hpp"

#include <algorithm>
#include <nlohmann/json.hpp>
#include <sstream>
#include <stdexcept>
#include <unordered_map>

#include "errors.hpp"
#include "files.hpp"

namespace cimgen {

using json = nlohmann::ordered_json;  // keeps the ports in file (Verilog) order

namespace {

Bit to_bit(const json& b) {
  if (b.is_number_integer()) return b.get<Bit>();
  const std::string s = b.get<std::string>();
  if (s == "0") return kBit0;
  if (s == "1") return kBit1;
  if (s == "z") return kBitZ;
  return kBitX;
}

std::vector<Bit> to_bits(const json& a) {
  if (!a.is_array()) throw InputError("bits must be an array, got " + std::string(a.type_name()));
  std::vector<Bit> v;
  for (const auto& b : a) v.push_back(to_bit(b));
  return v;
}

/// One module of a `write_json` netlist.
NetModule read_module(const std::string& name, const json& jm) {
  NetModule m;
  m.name = name;
  if (jm.contains("attributes") && jm.at("attributes").contains("blackbox")) m.blackbox = true;
  if (jm.contains("ports"))
    for (const auto& [pname, p] : jm.at("ports").items())
      m.ports.push_back({pname, p.contains("direction") ? p.at("direction").get<std::string>() : "input", to_bits(p.at("bits"))});
  if (jm.contains("cells"))
    for (const auto& [cname, c] : jm.at("cells").items()) {
      NetModule::Cell cell;
      cell.name = cname;
      cell.type = c.at("type").get<std::string>();
      const json dirs = c.contains("port_directions") ? c.at("port_directions") : json::object();
      for (const auto& [pin, bits] : c.at("connections").items())
        cell.pins.push_back({pin, dirs.contains(pin) ? dirs.at(pin).get<std::string>() : "", to_bits(bits)});
      m.cells.push_back(std::move(cell));
    }
  return m;
}

using Arcs = ModuleTiming::Arcs;
constexpr int kNone = ModuleTiming::kNone;

/// Arrival at one net bit: max(start, max over arcs of arrival(input) + levels).
struct Arrival {
  int start = kNone;
  Arcs arcs;
};

/// out = pointwise max(out, in + add).
void merge_arcs(Arcs& out, const Arcs& in, int add) {
  if (in.empty()) return;
  Arcs r;
  r.reserve(out.size() + in.size());
  size_t a = 0, b = 0;
  while (a < out.size() || b < in.size()) {
    if (b == in.size() || (a < out.size() && out[a].first < in[b].first)) {
      r.push_back(out[a++]);
    } else if (a == out.size() || in[b].first < out[a].first) {
      r.emplace_back(in[b].first, in[b].second + add);
      ++b;
    } else {
      r.emplace_back(out[a].first, std::max(out[a].second, in[b].second + add));
      ++a;
      ++b;
    }
  }
  out.swap(r);
}

int plus(int a, int b) { return (a == kNone || b == kNone) ? kNone : a + b; }


/// A node of a module's timing graph: a combinational cell or black box (one level), a
/// flip-flop, or a submodule instance (its timing abstraction).
struct Node {
  enum Kind { Comb, Seq, Inst } kind = Comb;
  const ModuleTiming* sub = nullptr;  ///< Inst: the submodule's timing
  std::vector<Bit> in;                ///< input bits (Inst: in the submodule's input-bit order)
  std::vector<Bit> out;               ///< output bits (Inst: in the submodule's output-bit order)
};

/// The timing graph of one module: its port bits, nodes and the driver of every net bit.
struct TimingGraph {
  std::unordered_map<Bit, int> in_index;                 ///< input bit -> number in port order
  int n_in = 0;                                          ///< input bits, constants included
  std::vector<Bit> out_bits;                             ///< output bits in port order
  std::vector<Node> nodes;                               ///< every cell
  std::unordered_map<Bit, std::pair<int, int>> driver;   ///< bit -> (node, output position)
};

using SubTiming = std::function<const ModuleTiming&(const std::string&)>;
using Sequential = std::function<bool(const std::string&)>;

/// Input bits of the module numbered in port order, and its output bits.
void add_port_bits(const NetModule& m, TimingGraph& g) {
  for (const auto& p : m.ports) {
    if (p.direction == "output") {
      g.out_bits.insert(g.out_bits.end(), p.bits.begin(), p.bits.end());
      continue;
    }
    for (Bit b : p.bits) {
      if (b >= 0) g.in_index.emplace(b, g.n_in);
      ++g.n_in;
    }
  }
}

/// Node of an instance of the module `sub` (with contents): pins in the submodule's port order.
Node instance_node(const NetModule::Cell& c, const NetModule& sub, const ModuleTiming& timing) {
  Node node;
  node.kind = Node::Inst;
  node.sub = &timing;
  for (const auto& p : sub.ports) {
    const auto pin = std::find_if(c.pins.begin(), c.pins.end(), [&](const NetModule::Port& q) { return q.name == p.name; });
    for (size_t i = 0; i < p.bits.size(); ++i) {
      const Bit b = (pin != c.pins.end() && i < pin->bits.size()) ? pin->bits[i] : kBitZ;
      (p.direction == "output" ? node.out : node.in).push_back(b);
    }
  }
  return node;
}

/// Node of a leaf cell; pin directions from the netlist, else from the black box `sub`.
Node leaf_node(const NetModule::Cell& c, const NetModule* sub, const Sequential& sequential, const std::string& module) {
  Node node;
  node.kind = sequential(c.type) ? Node::Seq : Node::Comb;
  for (const auto& pin : c.pins) {
    std::string dir = pin.direction;
    if (dir.empty() && sub) {
      for (const auto& p : sub->ports)
        if (p.name == pin.name) dir = p.direction;
    }
    if (dir.empty())
      throw std::runtime_error("cell " + c.name + " of type " + c.type + " in " + module + ": direction of pin " + pin.name +
                               " unknown");
    auto& v = dir == "output" ? node.out : node.in;
    v.insert(v.end(), pin.bits.begin(), pin.bits.end());
  }
  return node;
}

TimingGraph build_graph(const Netlist& nl, const NetModule& m, const Sequential& sequential, const SubTiming& sub_timing) {
  TimingGraph g;
  add_port_bits(m, g);
  for (const auto& c : m.cells) {
    const NetModule* sub = nl.module(c.type);
    Node node = sub && !sub->blackbox ? instance_node(c, *sub, sub_timing(c.type)) : leaf_node(c, sub, sequential, m.name);
    for (size_t o = 0; o < node.out.size(); ++o)
      if (node.out[o] >= 0) g.driver[node.out[o]] = {int(g.nodes.size()), int(o)};
    g.nodes.push_back(std::move(node));
  }
  return g;
}

/// Arrivals of every bit of a timing graph, computed on demand with an explicit stack (deep
/// adder chains would overflow recursion), and the module's timing abstraction from them.
class ArrivalSolver {
public:
  ArrivalSolver(const TimingGraph& g, const std::string& name) : g_(g), name_(name) { t_.reach.assign(g.n_in, kNone); }

  ModuleTiming solve() {
    for (const auto& n : g_.nodes) {
      for (Bit b : n.out) evaluate(b);
      for (Bit b : n.in) evaluate(b);
    }
    for (Bit b : g_.out_bits) evaluate(b);
    add_submodule_paths();
    for (Bit b : g_.out_bits) {
      const Arrival& a = get(b);
      t_.out_start.push_back(b < 0 ? kNone : a.start);
      t_.out_arcs.push_back(b < 0 ? Arcs{} : a.arcs);
    }
    return std::move(t_);
  }

private:
  /// Dependencies of a driven bit that must be known before it.
  void deps(Bit b, std::vector<Bit>& d) const {
    d.clear();
    const auto dr = g_.driver.find(b);
    if (g_.in_index.count(b) || dr == g_.driver.end()) return;
    const Node& n = g_.nodes[dr->second.first];
    if (n.kind == Node::Comb) {
      d = n.in;
    } else if (n.kind == Node::Inst) {
      for (const auto& [j, lv] : n.sub->out_arcs[dr->second.second]) d.push_back(n.in[j]);
    }
  }

  const Arrival& get(Bit b) const { return b < 0 ? const_arrival_ : arr_.at(b); }

  /// Arrival at the output of a combinational cell: one level after its latest input.
  Arrival through_cell(const Node& n) const {
    Arrival a;
    int s = kNone;
    for (Bit i : n.in) {
      const Arrival& x = get(i);
      s = std::max(s, x.start);
      merge_arcs(a.arcs, x.arcs, 1);
    }
    a.start = n.in.empty() ? 0 : plus(s, 1);
    if (a.start == kNone && a.arcs.empty()) a.start = 0;
    return a;
  }

  /// Arrival at output `o` of a submodule instance, through the submodule's arcs.
  Arrival through_instance(const Node& n, int o) const {
    Arrival a;
    a.start = n.sub->out_start[o];
    for (const auto& [j, lv] : n.sub->out_arcs[o]) {
      const Arrival& x = get(n.in[j]);
      a.start = std::max(a.start, plus(x.start, lv));
      merge_arcs(a.arcs, x.arcs, lv);
    }
    return a;
  }

  void compute(Bit b) {
    Arrival a;
    const auto ii = g_.in_index.find(b);
    const auto dr = g_.driver.find(b);
    if (ii != g_.in_index.end()) {
      a.arcs.emplace_back(ii->second, 0);
    } else if (dr == g_.driver.end() || g_.nodes[dr->second.first].kind == Node::Seq) {
      a = start_arrival_;
    } else {
      const Node& n = g_.nodes[dr->second.first];
      a = n.kind == Node::Comb ? through_cell(n) : through_instance(n, dr->second.second);
      t_.internal = std::max(t_.internal, a.start);
      for (const auto& [i, lv] : a.arcs) t_.reach[i] = std::max(t_.reach[i], lv);
    }
    arr_[b] = std::move(a);
  }

  /// Compute `root` after everything it depends on (depth first, explicit stack).
  void evaluate(Bit root) {
    if (root < 0 || arr_.count(root)) return;
    std::vector<std::pair<Bit, size_t>> stack{{root, 0}};
    std::vector<std::vector<Bit>> dep_stack(1);
    busy_[root] = 1;
    deps(root, dep_stack.back());
    while (!stack.empty()) {
      auto& [b, k] = stack.back();
      auto& ds = dep_stack.back();
      if (k < ds.size()) {
        const Bit x = ds[k++];
        if (x < 0 || arr_.count(x)) continue;
        if (busy_[x]) throw std::runtime_error("combinational loop in module " + name_);
        busy_[x] = 1;
        std::vector<Bit> d;
        deps(x, d);
        stack.emplace_back(x, 0);
        dep_stack.push_back(std::move(d));
        continue;
      }
      compute(b);
      busy_[b] = 0;
      stack.pop_back();
      dep_stack.pop_back();
    }
  }

  /// Paths that continue inside the submodules.
  void add_submodule_paths() {
    for (const auto& n : g_.nodes) {
      if (n.kind != Node::Inst) continue;
      t_.internal = std::max(t_.internal, n.sub->internal);
      for (size_t j = 0; j < n.in.size(); ++j) {
        if (n.sub->reach[j] == kNone) continue;
        const Arrival& x = get(n.in[j]);
        t_.internal = std::max(t_.internal, plus(x.start, n.sub->reach[j]));
        for (const auto& [i, lv] : x.arcs) t_.reach[i] = std::max(t_.reach[i], lv + n.sub->reach[j]);
      }
    }
  }

  const TimingGraph& g_;
  const std::string& name_;
  ModuleTiming t_;                            ///< the result, filled as arrivals are computed
  std::unordered_map<Bit, Arrival> arr_;      ///< arrival of every bit computed so far
  std::unordered_map<Bit, char> busy_;        ///< bits on the evaluation stack (loop detection)
  const Arrival const_arrival_{-1, {}};       ///< a constant is no cell: the first cell it feeds starts at 0
  const Arrival start_arrival_{0, {}};        ///< a flip-flop output or an undriven bit
};

} // namespace

std::string pretty_module_name(const std::string& m) {
  if (m.rfind("$paramod", 0) != 0) return m;
  const size_t bs = m.find('\\');
  if (bs == std::string::npos) return m;
  std::string rest = m.substr(bs + 1);
  const size_t p = rest.find('\\');
  if (p == std::string::npos) return rest + " (parameterized)";
  std::string name = rest.substr(0, p), params;
  std::istringstream in(rest.substr(p + 1));
  std::string kv;
  while (std::getline(in, kv, '\\')) {
    const size_t eq = kv.find('='), q = kv.find('\'');
    std::string v = kv.substr(eq + 1);
    if (q != std::string::npos && q > eq) {
      uint64_t x = 0;
      for (char c : kv.substr(q + 1)) x = (x << 1) | uint64_t(c == '1');
      v = std::to_string(x);
    }
    params += (params.empty() ? "" : ", ") + kv.substr(0, eq) + "=" + v;
  }
  return name + " (" + params + ")";
}

std::string base_module_name(const std::string& m) {
  if (m.rfind("$paramod", 0) != 0) return m;
  const size_t bs = m.find('\\');
  if (bs == std::string::npos) return m;
  const size_t end = m.find('\\', bs + 1);
  return m.substr(bs + 1, end == std::string::npos ? std::string::npos : end - bs - 1);
}

bool is_yosys_sequential(const std::string& t) {
  if (t.rfind("$_", 0) == 0)
    return t.find("DFF") != std::string::npos || t.find("DLATCH") != std::string::npos || t.rfind("$_SR_", 0) == 0 ||
           t.rfind("$_FF_", 0) == 0;
  static const char* const coarse[] = {"$dff",  "$dffe",   "$adff",   "$adffe",  "$sdff",  "$sdffe",   "$sdffce",
                                       "$dffsr", "$dffsre", "$aldff",  "$aldffe", "$dlatch", "$adlatch", "$dlatchsr",
                                       "$sr",   "$ff",     "$mem",    "$mem_v2"};
  for (const char* c : coarse)
    if (t == c) return true;
  return false;
}

void Netlist::add_json(const std::string& text, const std::string& source) {
  // Every access is checked (at(), typed get<>()), so a malformed netlist is a json::exception
  // or an InputError, reported naming the source.
  try {
    const json j = json::parse(text);
    if (!j.is_object() || !j.contains("modules") || !j.at("modules").is_object())
      throw InputError("no \"modules\" object");
    for (const auto& [name, jm] : j.at("modules").items()) {
      NetModule m = read_module(name, jm);
      const auto old = modules_.find(m.name);
      if (old != modules_.end() && !old->second.blackbox && m.blackbox) continue;  // keep the contents
      modules_[m.name] = std::move(m);
    }
  } catch (const json::exception& e) {
    throw InputError(printable(source) + ": not a Yosys JSON netlist: " + printable(e.what()));
  } catch (const InputError& e) {
    throw InputError(printable(source) + ": " + e.what());
  }
}

const NetModule* Netlist::module(const std::string& name) const {
  const auto it = modules_.find(name);
  return it == modules_.end() ? nullptr : &it->second;
}

std::vector<std::string> Netlist::modules() const {
  std::vector<std::string> v;
  for (const auto& [n, m] : modules_)
    if (!m.blackbox) v.push_back(n);
  return v;
}

std::map<std::string, int64_t> Netlist::instance_counts(const std::string& top) const {
  std::map<std::string, int64_t> count;
  std::function<void(const std::string&, int64_t, int)> walk = [&](const std::string& name, int64_t k, int depth) {
    if (depth > 64) throw std::runtime_error("module hierarchy deeper than 64 levels (recursive instantiation?)");
    count[name] += k;
    std::map<std::string, int64_t> children;
    for (const auto& c : modules_.at(name).cells) {
      const NetModule* sub = module(c.type);
      if (sub && !sub->blackbox) ++children[c.type];
    }
    for (const auto& [t, n] : children) walk(t, k * n, depth + 1);
  };
  if (!module(top) || module(top)->blackbox) throw std::runtime_error("top module " + top + " not in the netlist");
  walk(top, 1, 0);
  return count;
}

std::map<std::string, int64_t> Netlist::leaf_cells(const std::string& name) const {
  std::map<std::string, int64_t> count;
  for (const auto& c : modules_.at(name).cells) {
    const NetModule* sub = module(c.type);
    if (!sub || sub->blackbox) ++count[c.type];
  }
  return count;
}

ModuleTiming Netlist::timing(const std::string& name, const std::function<bool(const std::string&)>& sequential) const {
  Memo memo;
  return timing_of(name, sequential, memo);
}

const ModuleTiming& Netlist::timing_of(const std::string& name, const std::function<bool(const std::string&)>& sequential,
                                       Memo& memo) const {
  const auto done = memo.find(name);
  if (done != memo.end()) return *done->second;
  const auto sub_timing = [&](const std::string& type) -> const ModuleTiming& { return timing_of(type, sequential, memo); };
  const TimingGraph g = build_graph(*this, modules_.at(name), sequential, sub_timing);
  return *(memo[name] = std::make_unique<ModuleTiming>(ArrivalSolver(g, name).solve()));
}

int Netlist::longest_path(const std::string& top, const std::function<bool(const std::string&)>& sequential) const {
  if (!module(top) || module(top)->blackbox) throw std::runtime_error("top module " + top + " not in the netlist");
  Memo memo;
  const ModuleTiming& t = timing_of(top, sequential, memo);
  int best = std::max(0, t.internal);
  for (int r : t.reach) best = std::max(best, r);
  return best;
}

} // namespace cimgen
