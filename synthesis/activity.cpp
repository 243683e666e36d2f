// cimgen — the activity file: written from Verilator's toggle coverage, read and mapped onto the
// timed netlist for OpenSTA.
#include "activity.hpp"

#include <fstream>
#include <regex>
#include <sstream>

#include "area_report.hpp"
#include "errors.hpp"
#include "files.hpp"
#include "yosys_run.hpp"

namespace cimgen {

namespace fs = std::filesystem;

namespace {

/// A non-negative integer, or -1.
int64_t count_of(const std::string& t) {
  if (t.empty() || t.size() > 18 || t.find_first_not_of("0123456789") != std::string::npos) return -1;
  return std::stoll(t);
}

/// The value of `key` in a Verilator coverage key string (\001key\002value...), or "".
std::string cov_value(const std::string& keys, const std::string& key) {
  const std::string tag = "\001" + key + "\002";
  const size_t at = keys.find(tag);
  if (at == std::string::npos) return "";
  const size_t from = at + tag.size();
  return keys.substr(from, keys.find('\001', from) - from);
}

/// A plain identifier for an escaped Verilog name: every character outside [A-Za-z0-9_]
/// becomes '_', made unique with a suffix.
std::string plain_name(const std::string& name, std::set<std::string>& used) {
  std::string p = "n_";
  for (char c : name) p += std::isalnum(static_cast<unsigned char>(c)) ? c : '_';
  std::string q = p;
  for (int k = 1; !used.insert(q).second; ++k) q = p + "_" + std::to_string(k);
  return q;
}

/// `text` with every escaped identifier found in `renamed` replaced by its plain identifier.
std::string rewrite_escaped(const std::string& text, const std::map<std::string, std::string>& renamed) {
  std::string out;
  out.reserve(text.size());
  for (size_t i = 0; i < text.size();) {
    if (text[i] != '\\') {
      out += text[i++];
      continue;
    }
    size_t end = text.find_first_of(" \t\n", i);
    if (end == std::string::npos) end = text.size();
    const auto r = renamed.find(text.substr(i + 1, end - i - 1));
    if (r == renamed.end()) {
      out.append(text, i, end - i);
    } else {
      out += r->second;
      if (end < text.size() && text[end] == ' ') ++end;  // the escaped name's terminating blank
    }
    i = end;
  }
  return out;
}

/// `assign a = b;` makes a an alias of b: OpenSTA has one net, the driven one (b), whose
/// activity may be listed under either name. Drops the aliases (a) from tn.nets.
void find_aliases(const std::string& verilog, const std::map<std::string, std::string>& original, TimedNets& tn) {
  std::set<std::string> lhs;
  const std::regex assign("^\\s*assign\\s+(\\S+)\\s*=\\s*(\\S+)\\s*;");
  std::istringstream in(verilog);
  std::smatch m;
  for (std::string line; std::getline(in, line);)
    if (line.find("assign ") != std::string::npos && std::regex_search(line, m, assign)) {
      lhs.insert(m[1]);
      if (const auto o = original.find(m[1]); o != original.end()) tn.aliases[m[2]].push_back(o->second);
    }
  std::vector<std::pair<std::string, std::string>> kept;
  for (const auto& [orig, id] : tn.nets)
    if (!lhs.count(id)) kept.push_back({orig, id});
  tn.nets = kept;
}

} // namespace

ActivityFile read_activity(const std::string& path) {
  ActivityFile a;
  a.path = path;
  std::istringstream in(read_input_file(path, "activity file", std::uintmax_t(1) << 31));
  int line_no = 0;
  auto bad = [&](const std::string& what) {
    return InputError(path + ":" + std::to_string(line_no) + ": " + what +
                      " (an activity file of `cimgen sim --activity`, see README)");
  };
  std::string l1, l2, l3, line;
  std::smatch m;
  line_no = 1;
  if (!std::getline(in, l1) || l1.rfind("# cimgen activity 1", 0) != 0) throw bad("expected '# cimgen activity 1' first");
  line_no = 2;
  if (!std::getline(in, l2) || !std::regex_match(l2, m, std::regex("top ([A-Za-z_][A-Za-z0-9_$]*)")))
    throw bad("expected 'top <module>'");
  a.top = m[1];
  line_no = 3;
  if (!std::getline(in, l3) || !std::regex_match(l3, m, std::regex("window ([0-9]{1,12}) vectors ([0-9]{1,15}) cycles")) ||
      std::stoll(m[1]) < 1 || std::stoll(m[2]) < 1)
    throw bad("expected 'window <vectors >= 1> vectors <cycles >= 1> cycles'");
  a.vectors = std::stoll(m[1]);
  a.cycles = std::stoll(m[2]);
  while (std::getline(in, line)) {
    ++line_no;
    std::istringstream f(line);
    std::string t, mod, name, extra;
    if (!(f >> t >> mod >> name) || (f >> extra)) throw bad("expected '<toggles> <module> <net>', got '" + printable(line) + "'");
    const int64_t n = count_of(t);
    if (n < 0) throw bad("toggles '" + printable(t) + "' is not a non-negative integer");
    if (!a.nets.emplace(name, std::make_pair(n, mod)).second) throw bad("net '" + printable(name) + "' listed twice");
  }
  if (a.nets.empty()) throw bad("no net");
  return a;
}

std::string activity_from_coverage(const std::string& text, const std::string& top, int64_t vectors, int64_t cycles) {
  std::map<std::string, std::pair<int64_t, std::string>> nets;
  std::istringstream in(text);
  const std::string prefix = "TOP." + top;
  for (std::string line; std::getline(in, line);) {
    if (line.rfind("C '", 0) != 0) continue;
    const size_t close = line.rfind('\'');
    if (close == std::string::npos || close < 3) continue;
    const std::string keys = line.substr(3, close - 3);
    const std::string page = cov_value(keys, "page");
    if (page.rfind("v_toggle/", 0) != 0) continue;
    std::string hier = cov_value(keys, "h");
    if (hier.rfind(prefix, 0) != 0) continue;
    hier = hier.substr(prefix.size());
    if (!hier.empty()) hier = hier.substr(1) + ".";
    nets[hier + cov_value(keys, "o")] = {std::stoll(line.substr(close + 1)), page.substr(9)};
  }
  std::ostringstream out;
  out << "# cimgen activity 1 (toggles per net bit counted by Verilator over the window)\ntop " << top << "\nwindow "
      << vectors << " vectors " << cycles << " cycles\n";
  for (const auto& [name, tm] : nets) out << tm.first << " " << tm.second << " " << name << "\n";
  return out.str();
}

TimedNets plain_net_names(const fs::path& verilog_file) {
  const std::string text = read_text(verilog_file);
  // Declarations: `input [7:0] x;`, `wire \a.b[3] ;`, `wire c;` (splitnets: internal wires are bits).
  const std::regex decl("^\\s*(input|output|wire)\\s+(?:\\[(\\d+):(\\d+)\\]\\s+)?(\\\\\\S+|[A-Za-z_][A-Za-z0-9_$]*)\\s*;");
  std::map<std::string, std::string> renamed;  // escaped name -> plain identifier
  std::set<std::string> used;
  TimedNets tn;
  auto& nets = tn.nets;
  auto& inputs = tn.inputs;
  std::istringstream in(text);
  std::smatch m;
  for (std::string line; std::getline(in, line);) {
    const size_t f = line.find_first_not_of(' ');  // cheap filter before the regex (large netlists)
    if (f == std::string::npos || (line.compare(f, 4, "wire") && line.compare(f, 5, "input") && line.compare(f, 6, "output")) ||
        !std::regex_search(line, m, decl))
      continue;
    std::string name = m[4];
    const bool port = m[1] != "wire";
    if (name[0] == '\\') {
      name = name.substr(1);
      if (!port && !renamed.count(name)) renamed[name] = "";
    }
    const int hi = m[2].matched ? std::stoi(m[2]) : -1, lo = m[3].matched ? std::stoi(m[3]) : -1;
    for (int b = std::min(hi, lo); b <= std::max(hi, lo); ++b) {
      const std::string bit = hi < 0 ? name : name + "[" + std::to_string(b) + "]";
      if (m[1] == "input") inputs.push_back(bit);
      else if (m[1] == "output" || !used.count(bit)) nets.push_back({bit, bit});
      used.insert(bit);
    }
  }
  for (auto& [name, plain] : renamed) plain = plain_name(name, used);
  const std::string out = rewrite_escaped(text, renamed);
  write_text(verilog_file, out);
  std::map<std::string, std::string> original;  // identifier -> name
  for (auto& [orig, id] : nets) {
    if (const auto r = renamed.find(orig); r != renamed.end()) id = r->second;
    original[id] = orig;
  }
  find_aliases(out, original, tn);
  return tn;
}

std::string activity_commands(const TimedNets& tn, const ActivityFile& a,
                              const std::set<std::pair<std::string, std::string>>& blackbox_outputs, ActivityStats& st) {
  // Mean activity of the black boxes' outputs: the exposed inputs of the timed netlist.
  double bb_sum = 0;
  int64_t bb_count = 0;
  for (const auto& [name, tm] : a.nets) {
    const std::string base = name.substr(0, name.find('[', name.rfind('.') == std::string::npos ? 0 : name.rfind('.')));
    const std::string port = base.substr(base.rfind('.') == std::string::npos ? 0 : base.rfind('.') + 1);
    for (const auto& [mod, p] : blackbox_outputs)
      if (p == port && (tm.second == mod || tm.second.rfind(mod + "__", 0) == 0)) bb_sum += a.activity(tm.first), ++bb_count;
  }
  st = ActivityStats{};
  st.blackbox_activity = bb_count ? bb_sum / double(bb_count) : 0;
  std::ostringstream tcl;
  // set_power_activity -pins of OpenSTA 2.0.17 fails (a misnamed variable, input pins only):
  // every pin of the net (driver and loads) is set through the command beneath it.
  tcl << "proc cimgen_net_activity { net activity } {\n  foreach pin [get_pins -quiet -of_objects [get_nets -quiet $net]] "
         "{ sta::set_power_pin_activity $pin $activity 0.5 }\n}\n";
  tcl << "set_power_activity -input -activity " << fixed(st.blackbox_activity, 6) << "\n";
  for (const std::string& p : tn.inputs) {
    const auto it = a.nets.find(p);
    if (it == a.nets.end() || p == "clk") {
      if (p != "clk" && p[0] == '_') ++st.blackbox_inputs;
      continue;
    }
    tcl << "set_power_activity -input_ports [get_ports {" << p << "}] -activity " << fixed(a.activity(it->second.first), 6) << "\n";
    ++st.measured;
  }
  for (const auto& [orig, id] : tn.nets) {
    auto it = a.nets.find(orig);
    if (const auto al = tn.aliases.find(id); it == a.nets.end() && al != tn.aliases.end())
      for (const std::string& n : al->second)
        if (it == a.nets.end()) it = a.nets.find(n);
    if (it == a.nets.end() || orig == "clk") continue;
    tcl << "cimgen_net_activity {" << id << "} " << fixed(a.activity(it->second.first), 6) << "\n";
    ++st.measured;
  }
  st.nets = int64_t(tn.inputs.size() + tn.nets.size());
  return tcl.str();
}

} // namespace cimgen
