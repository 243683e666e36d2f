// cimgen — Spec::from_json: the only code that reads a spec's JSON.
#include "spec.hpp"

#include <fstream>
#include <nlohmann/json.hpp>
#include <regex>
#include <sstream>

namespace cimgen {

using nlohmann::json;

int clog2(uint64_t x) {
  int r = 0;
  while ((uint64_t{1} << r) < x) ++r;
  return r;
}

const char* to_string(Operator op) { return op == Operator::Mf ? "mf" : "conventional"; }
const char* to_string(Datapath dp) { return dp == Datapath::NearMemory ? "near_memory" : "in_memory"; }
const char* to_string(Rounding r) { return r == Rounding::Floor ? "floor" : "nearest"; }
const char* to_string(TreeKind kind) {
  switch (kind) {
  case TreeKind::Behavioral: return "behavioral";
  case TreeKind::Ripple: return "ripple";
  case TreeKind::Wallace: return "wallace";
  case TreeKind::Dadda: return "dadda";
  }
  return "?";
}

// Worst case |y| for the largest legal spec fits in int64 with room to spare.
static_assert(int64_t{Limits::kMaxVectorLength} * ((int64_t{1} << Limits::kMaxBits) - 1) *
                      ((int64_t{1} << Limits::kMaxBits) - 1) <
                  (int64_t{1} << 62),
              "64-bit golden arithmetic must be exact for every legal spec");

namespace {

[[noreturn]] void fail(const std::string& path, const std::string& what, const json& got) {
  throw InputError(path + ": " + what + ", got " + got.dump());
}

/// Reads one JSON object, remembering which keys were used so unknown ones are errors.
class Reader {
public:
  Reader(const json& obj, std::string path) : obj_(obj), path_(std::move(path)) {
    if (!obj_.is_object()) fail(path_.empty() ? "/" : path_, "must be an object", obj_);
  }
  bool has(const char* key) const { return obj_.contains(key); }
  std::string at(const char* key) const { return path_ + "/" + key; }

  int integer(const char* key, int lo, int hi, int dflt, bool required = false) {
    if (!obj_.contains(key)) {
      if (required) throw InputError(at(key) + ": required (integer in " + range(lo, hi) + ")");
      return dflt;
    }
    const json& v = obj_[key];
    if (!v.is_number_integer()) fail(at(key), "must be an integer in " + range(lo, hi), v);
    const int64_t x = v.get<int64_t>();
    if (x < lo || x > hi) fail(at(key), "must be in " + range(lo, hi), v);
    return static_cast<int>(x);
  }
  std::string choice(const char* key, std::initializer_list<const char*> allowed, const char* dflt) {
    if (!obj_.contains(key)) return dflt;
    const json& v = obj_[key];
    std::string list;
    for (const char* a : allowed) list += std::string(list.empty() ? "" : " | ") + "\"" + a + "\"";
    if (!v.is_string()) fail(at(key), "must be one of " + list, v);
    for (const char* a : allowed)
      if (v.get<std::string>() == a) return a;
    fail(at(key), "must be one of " + list, v);
  }
  const json& raw(const char* key) const { return obj_[key]; }
  /// Reject any key not in `known`.
  void only(std::initializer_list<const char*> known) const {
    for (auto it = obj_.begin(); it != obj_.end(); ++it) {
      bool ok = false;
      std::string list;
      for (const char* k : known) {
        ok = ok || it.key() == k;
        list += std::string(list.empty() ? "" : ", ") + k;
      }
      if (!ok) throw InputError(path_ + "/" + it.key() + ": unknown key (allowed: " + list + ")");
    }
  }
  static std::string range(int lo, int hi) { return std::to_string(lo) + ".." + std::to_string(hi); }

private:
  const json& obj_;
  std::string path_;
};

} // namespace

std::string fnv1a64(const std::string& s) {
  uint64_t h = 1469598103934665603ull;
  for (unsigned char c : s) {
    h ^= c;
    h *= 1099511628211ull;
  }
  char buf[17];
  snprintf(buf, sizeof buf, "%016llx", static_cast<unsigned long long>(h));
  return buf;
}

Spec Spec::from_json_text(const std::string& text) {
  json root;
  try {
    root = json::parse(text);
  } catch (const json::parse_error& e) {
    std::string msg = e.what();
    const auto pos = msg.find("parse error");
    throw InputError("/: malformed JSON: " + (pos == std::string::npos ? msg : msg.substr(pos)));
  }
  Spec s;
  Reader top(root, "");
  top.only({"name", "operator", "datapath", "vector_length", "channels", "weight_bits", "input_bits",
            "uarray_columns", "adder_tree", "adc", "tech"});
  s.op = top.choice("operator", {"mf", "conventional"}, "mf") == "mf" ? Operator::Mf : Operator::Conventional;
  s.datapath = top.choice("datapath", {"near_memory", "in_memory"}, "near_memory") == "near_memory"
                   ? Datapath::NearMemory
                   : Datapath::InMemory;
  s.N = top.integer("vector_length", 1, Limits::kMaxVectorLength, 0, true);
  s.C = top.integer("channels", 1, Limits::kMaxChannels, 0, true);
  s.m = top.integer("weight_bits", 1, Limits::kMaxBits, 0, true);
  s.n = top.integer("input_bits", 1, Limits::kMaxBits, 0, true);
  s.L = top.integer("uarray_columns", 1, s.N, std::min(s.N, 64));
  if (top.has("uarray_columns") && s.L > s.N) fail(top.at("uarray_columns"), "must be <= vector_length", top.raw("uarray_columns"));

  if (s.op == Operator::Conventional && s.datapath != Datapath::NearMemory)
    throw InputError("/datapath: operator \"conventional\" requires \"near_memory\", got \"in_memory\"");

  if (s.datapath == Datapath::NearMemory) {
    if (top.has("adc")) throw InputError("/adc: only allowed when /datapath is \"in_memory\"");
    if (top.has("adder_tree")) {
      Reader t(top.raw("adder_tree"), "/adder_tree");
      t.only({"kind", "pipeline_stages"});
      const std::string k = t.choice("kind", {"behavioral", "ripple", "wallace", "dadda"}, "behavioral");
      s.tree = k == "behavioral" ? TreeKind::Behavioral
               : k == "ripple"   ? TreeKind::Ripple
               : k == "wallace"  ? TreeKind::Wallace
                                 : TreeKind::Dadda;
      s.pipeline_stages = t.integer("pipeline_stages", 0, Limits::kMaxPipelineStages, 0);
    }
  } else {
    if (top.has("adder_tree")) throw InputError("/adder_tree: only allowed when /datapath is \"near_memory\"");
    const int lossless_bits = clog2(uint64_t(s.L) + 1);
    s.adc_bits = lossless_bits;
    if (top.has("adc")) {
      Reader a(top.raw("adc"), "/adc");
      a.only({"bits", "lsb_shift", "rounding", "converters"});
      s.adc_bits = a.integer("bits", 1, Limits::kMaxAdcBits, lossless_bits);
      s.adc_lsb_shift = a.integer("lsb_shift", 0, Limits::kMaxLsbShift, 0);
      s.adc_rounding = a.choice("rounding", {"floor", "nearest"}, "floor") == "floor" ? Rounding::Floor : Rounding::Nearest;
      if (a.has("converters")) {
        const json& v = a.raw("converters");
        if (v == "per_row") s.adc_per_row = true;
        else if (v.is_number_integer() && v.get<int64_t>() == 1) s.adc_per_row = false;
        else fail(a.at("converters"), "must be \"per_row\" | 1", v);
      }
    }
    if (s.adc_bits > Limits::kMaxAdcBits)
      throw InputError("/adc/bits: default clog2(uarray_columns+1) = " + std::to_string(s.adc_bits) +
                       " exceeds " + std::to_string(Limits::kMaxAdcBits) + "; set /adc/bits in 1..12 or reduce /uarray_columns");
  }

  if (top.has("tech")) {
    Reader t(top.raw("tech"), "/tech");
    t.only({"bitcell_area_um2"});
    if (t.has("bitcell_area_um2")) {
      const json& v = t.raw("bitcell_area_um2");
      if (!v.is_number() || v.get<double>() <= 0 || v.get<double>() > 1e6)
        fail(t.at("bitcell_area_um2"), "must be a number in (0, 1e6]", v);
      s.bitcell_area_um2 = v.get<double>();
    }
  }

  if (top.has("name")) {
    const json& v = top.raw("name");
    static const std::regex re("[a-z][a-z0-9_]{0,47}");
    if (!v.is_string() || !std::regex_match(v.get<std::string>(), re))
      fail("/name", "must match [a-z][a-z0-9_]* (at most 48 characters)", v);
    s.name = v.get<std::string>();
  } else {
    std::ostringstream os;
    os << (s.op == Operator::Mf ? "mf" : "conv") << (s.datapath == Datapath::NearMemory ? "_nm" : "_im") << "_n"
       << s.N << "_c" << s.C << "_w" << s.m << "_x" << s.n << "_l" << s.L;
    s.name = os.str();
  }
  s.derive();
  return s;
}

Spec Spec::from_file(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw InputError(path + ": cannot read spec file");
  std::stringstream ss;
  ss << in.rdbuf();
  try {
    return from_json_text(ss.str());
  } catch (const InputError& e) {
    throw InputError(path + ": " + e.what());
  }
}

void Spec::derive() {
  S = (N + L - 1) / L;
  CH_W = std::max(1, clog2(uint64_t(C)));
  IDX_W = std::max(1, clog2(uint64_t(N)));
  SW_W = clog2(uint64_t(N) * uint64_t(w_max()) + 1);
  WR_W = std::max(m + 1, SW_W);
  COUNT_W = clog2(uint64_t(L) + 1);
  const int64_t planes = (int64_t{1} << m) + (int64_t{1} << n) - 2;
  if (op == Operator::Conventional) {
    y_max = int64_t(N) * w_max() * x_max();
    c_max = L;
  } else if (datapath == Datapath::NearMemory) {
    c_max = L;
    y_max = int64_t(N) * planes;
  } else {
    const int s = adc_lsb_shift;
    const int64_t r = (adc_rounding == Rounding::Nearest && s > 0) ? (int64_t{1} << (s - 1)) : 0;
    const int64_t full = (int64_t{1} << adc_bits) - 1;
    lossless = s == 0 && full >= L;
    c_max = std::min(full << s, ((int64_t(L) + r) >> s) << s);
    y_max = lossless ? int64_t(N) * planes : 2 * int64_t(S) * c_max * planes;
  }
  Y_W = clog2(uint64_t(y_max) + 1) + 1;
  if (!lossless) {
    // DESIGN.md section 5 sizes Y_W from 2*S*c_max*(2^m+2^n-2), but with a coarse ADC the most
    // negative output, -Sw - Sx = -(N*(2^m-1) + S*c_max*(2^n-1)) (all weights and inputs
    // negative at full scale), can be larger in magnitude. Such specs are refused rather than
    // given outputs that wrap.
    const int64_t y_min = int64_t(N) * w_max() + int64_t(S) * c_max * x_max();
    if (y_min > (int64_t{1} << (Y_W - 1)))
      throw InputError("/adc: this lossy ADC lets y reach -" + std::to_string(y_min) + ", outside the " +
                       std::to_string(Y_W) + "-bit Y_W of DESIGN.md section 5 (bound " + std::to_string(y_max) +
                       "); use more /adc/bits, a smaller /adc/lsb_shift or smaller /uarray_columns");
  }

  if (datapath == Datapath::NearMemory) {
    steps = op == Operator::Mf ? m + n : 1 + m * n;
    row_reads = steps;
    // Cycle of the x beat = 0; steps in cycles 1..steps, counts arrive pipeline_stages later,
    // the combine loads the output register at the end of the next cycle (when the next x
    // beat may be accepted), and y_valid is high from the cycle after.
    initiation_interval = steps + pipeline_stages + 1;
    latency = initiation_interval + 1;
  } else {
    // One cycle per compute cycle, then b SAR steps per conversion: the m weight rows in
    // parallel (per_row) or one after the other (one converter per uArray); the sign row and
    // the dummy row (its own converter, shared by the channels) convert in parallel.
    compute_cycles = 1 + n;
    conversions = m + 2 * n;
    const int b = adc_bits;
    steps = (adc_per_row ? 1 + b : 1 + m * b) + n * (1 + b);
    initiation_interval = steps + 1;
    latency = steps + 2;
  }

  json c;
  c["name"] = name;
  c["operator"] = to_string(op);
  c["datapath"] = to_string(datapath);
  c["vector_length"] = N;
  c["channels"] = C;
  c["weight_bits"] = m;
  c["input_bits"] = n;
  c["uarray_columns"] = L;
  if (datapath == Datapath::NearMemory) {
    c["adder_tree"] = {{"kind", to_string(tree)}, {"pipeline_stages", pipeline_stages}};
  } else {
    c["adc"] = {{"bits", adc_bits}, {"lsb_shift", adc_lsb_shift}, {"rounding", to_string(adc_rounding)}};
    if (adc_per_row) c["adc"]["converters"] = "per_row";
    else c["adc"]["converters"] = 1;
  }
  c["tech"] = {{"bitcell_area_um2", bitcell_area_um2}};
  canonical = c.dump();
  hash = fnv1a64(canonical);
}

std::string Spec::derived_json() const {
  json d;
  d["name"] = name;
  d["spec_hash"] = hash;
  d["spec"] = json::parse(canonical);
  d["segments"] = S;
  d["CH_W"] = CH_W;
  d["IDX_W"] = IDX_W;
  d["SW_W"] = SW_W;
  d["WR_W"] = WR_W;
  d["Y_W"] = Y_W;
  d["COUNT_W"] = COUNT_W;
  d["lossless"] = lossless;
  d["c_max"] = c_max;
  d["y_max"] = y_max;
  d["latency"] = latency;
  d["initiation_interval"] = initiation_interval;
  if (datapath == Datapath::NearMemory) {
    d["row_reads_per_vector"] = row_reads;
  } else {
    d["compute_cycles_per_vector"] = compute_cycles;
    d["conversions_per_channel"] = conversions;
  }
  d["array_cells"] = int64_t(m + 1) * N * C + N;
  return d.dump(2);
}

std::string Spec::derived_text() const {
  std::ostringstream os;
  os << "name                 " << name << "\n"
     << "spec hash            " << hash << "\n"
     << "operator             " << to_string(op) << "\n"
     << "datapath             " << to_string(datapath) << "\n"
     << "N, C, m, n           " << N << ", " << C << ", " << m << ", " << n << "\n"
     << "uArray columns L     " << L << "  (segments S = " << S << ")\n";
  if (datapath == Datapath::NearMemory)
    os << "adder tree           " << to_string(tree) << ", " << pipeline_stages << " pipeline stages\n"
       << "row reads / vector   " << row_reads << "\n";
  else
    os << "ADC                  " << adc_bits << " bits, lsb_shift " << adc_lsb_shift << ", "
       << to_string(adc_rounding) << ", converters " << (adc_per_row ? "per_row" : "1")
       << (lossless ? " (lossless)" : " (lossy)") << "\n"
       << "compute cycles       " << compute_cycles << ", conversions/channel " << conversions << "\n";
  os << "widths               CH_W " << CH_W << ", IDX_W " << IDX_W << ", SW_W " << SW_W << ", WR_W " << WR_W
     << ", Y_W " << Y_W << ", COUNT_W " << COUNT_W << "\n"
     << "latency / II         " << latency << " / " << initiation_interval << " cycles\n";
  return os.str();
}

} // namespace cimgen
