// cimgen — hierarchical netlist: instance counts and longest path without flattening.
#include "netlist.hpp"

#include <algorithm>
#include <nlohmann/json.hpp>
#include <stdexcept>
#include <unordered_map>

#include "errors.hpp"

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
  std::vector<Bit> v;
  for (const auto& b : a) v.push_back(to_bit(b));
  return v;
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

} // namespace

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
  json j;
  try {
    j = json::parse(text);
  } catch (const json::exception& e) {
    throw InputError(source + ": not a Yosys JSON netlist: " + e.what());
  }
  if (!j.contains("modules") || !j["modules"].is_object()) throw InputError(source + ": no \"modules\" object");
  for (auto it = j["modules"].begin(); it != j["modules"].end(); ++it) {
    const json& jm = it.value();
    NetModule m;
    m.name = it.key();
    if (jm.contains("attributes") && jm["attributes"].contains("blackbox")) m.blackbox = true;
    if (jm.contains("ports"))
      for (auto p = jm["ports"].begin(); p != jm["ports"].end(); ++p)
        m.ports.push_back({p.key(), p.value().value("direction", "input"), to_bits(p.value()["bits"])});
    if (jm.contains("cells"))
      for (auto c = jm["cells"].begin(); c != jm["cells"].end(); ++c) {
        NetModule::Cell cell;
        cell.name = c.key();
        cell.type = c.value()["type"].get<std::string>();
        const json& dirs = c.value().contains("port_directions") ? c.value()["port_directions"] : json::object();
        for (auto p = c.value()["connections"].begin(); p != c.value()["connections"].end(); ++p)
          cell.pins.push_back({p.key(), dirs.contains(p.key()) ? dirs[p.key()].get<std::string>() : "", to_bits(p.value())});
        m.cells.push_back(std::move(cell));
      }
    const auto old = modules_.find(m.name);
    if (old != modules_.end() && !old->second.blackbox && m.blackbox) continue;  // keep the contents
    modules_[m.name] = std::move(m);
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
  const NetModule& m = modules_.at(name);

  // Input bits of the module, numbered in port order.
  std::unordered_map<Bit, int> in_index;
  std::vector<Bit> out_bits;
  int n_in = 0;
  for (const auto& p : m.ports) {
    if (p.direction == "output") {
      out_bits.insert(out_bits.end(), p.bits.begin(), p.bits.end());
    } else {
      for (Bit b : p.bits) {
        if (b >= 0) in_index.emplace(b, n_in);
        ++n_in;
      }
    }
  }

  // Nodes: combinational cells and black boxes (one level), flip-flops, submodule instances.
  struct Node {
    enum Kind { Comb, Seq, Inst } kind = Comb;
    const ModuleTiming* sub = nullptr;
    std::vector<Bit> in;   ///< input bits (Inst: in the submodule's input-bit order)
    std::vector<Bit> out;  ///< output bits (Inst: in the submodule's output-bit order)
  };
  std::vector<Node> nodes;
  std::unordered_map<Bit, std::pair<int, int>> driver;  // bit -> (node, output position)
  for (const auto& c : m.cells) {
    Node node;
    const NetModule* sub = module(c.type);
    if (sub && !sub->blackbox) {
      node.kind = Node::Inst;
      node.sub = &timing_of(c.type, sequential, memo);
      for (const auto& p : sub->ports) {
        const auto pin = std::find_if(c.pins.begin(), c.pins.end(), [&](const NetModule::Port& q) { return q.name == p.name; });
        for (size_t i = 0; i < p.bits.size(); ++i) {
          const Bit b = (pin != c.pins.end() && i < pin->bits.size()) ? pin->bits[i] : kBitZ;
          (p.direction == "output" ? node.out : node.in).push_back(b);
        }
      }
    } else {
      node.kind = sequential(c.type) ? Node::Seq : Node::Comb;
      for (const auto& pin : c.pins) {
        std::string dir = pin.direction;
        if (dir.empty() && sub) {
          for (const auto& p : sub->ports)
            if (p.name == pin.name) dir = p.direction;
        }
        if (dir.empty())
          throw std::runtime_error("cell " + c.name + " of type " + c.type + " in " + name + ": direction of pin " + pin.name +
                                   " unknown");
        auto& v = dir == "output" ? node.out : node.in;
        v.insert(v.end(), pin.bits.begin(), pin.bits.end());
      }
    }
    for (size_t o = 0; o < node.out.size(); ++o)
      if (node.out[o] >= 0) driver[node.out[o]] = {int(nodes.size()), int(o)};
    nodes.push_back(std::move(node));
  }

  auto t = std::make_unique<ModuleTiming>();
  t->reach.assign(n_in, kNone);

  // Arrivals of every bit, computed on demand with an explicit stack (deep adder chains).
  std::unordered_map<Bit, Arrival> arr;
  std::unordered_map<Bit, char> busy;
  const Arrival const_arrival{-1, {}};  // a constant is no cell: the first cell it feeds starts at 0
  const Arrival start_arrival{0, {}};

  // Dependencies of a driven bit that must be known before it.
  const auto deps = [&](Bit b, std::vector<Bit>& d) {
    d.clear();
    const auto dr = driver.find(b);
    if (in_index.count(b) || dr == driver.end()) return;
    const Node& n = nodes[dr->second.first];
    if (n.kind == Node::Comb) {
      d = n.in;
    } else if (n.kind == Node::Inst) {
      for (const auto& [j, lv] : n.sub->out_arcs[dr->second.second]) d.push_back(n.in[j]);
    }
  };
  const auto get = [&](Bit b) -> const Arrival& { return b < 0 ? const_arrival : arr.at(b); };
  const auto compute = [&](Bit b) {
    Arrival a;
    const auto ii = in_index.find(b);
    const auto dr = driver.find(b);
    if (ii != in_index.end()) {
      a.arcs.emplace_back(ii->second, 0);
    } else if (dr == driver.end() || nodes[dr->second.first].kind == Node::Seq) {
      a = start_arrival;
    } else {
      const Node& n = nodes[dr->second.first];
      if (n.kind == Node::Comb) {
        int s = kNone;
        bool any = false;
        for (Bit i : n.in) {
          const Arrival& x = get(i);
          s = std::max(s, x.start);
          merge_arcs(a.arcs, x.arcs, 1);
          any = true;
        }
        a.start = any ? plus(s, 1) : 0;
        if (a.start == kNone && a.arcs.empty()) a.start = 0;
      } else {
        const int o = dr->second.second;
        a.start = n.sub->out_start[o];
        for (const auto& [j, lv] : n.sub->out_arcs[o]) {
          const Arrival& x = get(n.in[j]);
          a.start = std::max(a.start, plus(x.start, lv));
          merge_arcs(a.arcs, x.arcs, lv);
        }
      }
      t->internal = std::max(t->internal, a.start);
      for (const auto& [i, lv] : a.arcs) t->reach[i] = std::max(t->reach[i], lv);
    }
    arr[b] = std::move(a);
  };
  std::vector<Bit> d;
  const auto evaluate = [&](Bit root) {
    if (root < 0 || arr.count(root)) return;
    std::vector<std::pair<Bit, size_t>> stack{{root, 0}};
    busy[root] = 1;
    std::vector<std::vector<Bit>> dep_stack;
    deps(root, d);
    dep_stack.push_back(d);
    while (!stack.empty()) {
      auto& [b, k] = stack.back();
      auto& ds = dep_stack.back();
      if (k < ds.size()) {
        const Bit x = ds[k++];
        if (x < 0 || arr.count(x)) continue;
        if (busy[x]) throw std::runtime_error("combinational loop in module " + name);
        busy[x] = 1;
        deps(x, d);
        stack.emplace_back(x, 0);
        dep_stack.push_back(d);
        continue;
      }
      compute(b);
      busy[b] = 0;
      stack.pop_back();
      dep_stack.pop_back();
    }
  };

  for (const auto& n : nodes) {
    for (Bit b : n.out) evaluate(b);
    for (Bit b : n.in) evaluate(b);
  }
  for (Bit b : out_bits) evaluate(b);

  // Paths that continue inside the submodules.
  for (const auto& n : nodes) {
    if (n.kind != Node::Inst) continue;
    t->internal = std::max(t->internal, n.sub->internal);
    for (size_t j = 0; j < n.in.size(); ++j) {
      if (n.sub->reach[j] == kNone) continue;
      const Arrival& x = get(n.in[j]);
      t->internal = std::max(t->internal, plus(x.start, n.sub->reach[j]));
      for (const auto& [i, lv] : x.arcs) t->reach[i] = std::max(t->reach[i], lv + n.sub->reach[j]);
    }
  }

  for (Bit b : out_bits) {
    const Arrival& a = get(b);
    t->out_start.push_back(b < 0 ? kNone : a.start);
    t->out_arcs.push_back(b < 0 ? Arcs{} : a.arcs);
  }
  return *(memo[name] = std::move(t));
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
