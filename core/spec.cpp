// cimgen — Spec::from_json: the only code that reads a spec's JSON.
#include "spec.hpp"

#include "htree.hpp"
#include "pruning.hpp"

#include <algorithm>
#include <cctype>
#include <filesystem>
#include <nlohmann/json.hpp>
#include <set>
#include <sstream>
#include <vector>

#include "files.hpp"

namespace cimgen {

using nlohmann::json;

// Worst case |y| for the largest legal spec fits in int64 with room to spare.
static_assert(int64_t{Limits::kMaxVectorLength} * ((int64_t{1} << Limits::kMaxBits) - 1) *
                      ((int64_t{1} << Limits::kMaxBits) - 1) <
                  (int64_t{1} << 62),
              "64-bit golden arithmetic must be exact for every legal spec");

namespace {

/// Marks a string that parse_json put in place of a number outside the range of a double.
const std::string kOverflowMark = std::string(1, '\0') + "number overflow:";

/// A value as an error message shows it: at most 64 characters, one line.
std::string shown(const json& got) {
  if (got.is_string() && got.get<std::string>().rfind(kOverflowMark, 0) == 0)
    return got.get<std::string>().substr(kOverflowMark.size()) + " (beyond the range of a 64-bit float)";
  std::string text = printable(got.dump(-1, ' ', false, json::error_handler_t::replace));
  if (text.size() > 64) text = text.substr(0, 60) + " ...";
  return text;
}

[[noreturn]] void fail(const std::string& path, const std::string& what, const json& got) {
  throw InputError(path + ": " + what + ", got " + shown(got));
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
    if (v.is_number_unsigned() && v.get<uint64_t>() > uint64_t(INT64_MAX)) fail(at(key), "must be in " + range(lo, hi), v);
    const int64_t x = v.get<int64_t>();
    if (x < lo || x > hi) fail(at(key), "must be in " + range(lo, hi), v);
    return static_cast<int>(x);
  }
  /// An enum field read through its table; integer spellings ("1") accept the JSON integer.
  template <class E>
  E choice(const char* key, E dflt) {
    if (!obj_.contains(key)) return dflt;
    const json& v = obj_[key];
    std::string list;
    for (const auto& e : EnumTable<E>::entries) {
      const bool integer = std::isdigit(static_cast<unsigned char>(e.name[0]));
      list += std::string(list.empty() ? "" : " | ") + (integer ? e.name : "\"" + std::string(e.name) + "\"");
    }
    std::string spelled;
    if (v.is_string()) spelled = v.get<std::string>();
    else if (v.is_number_integer()) spelled = std::to_string(v.get<int64_t>());
    const auto value = enum_from_string<E>(spelled);
    const bool integer_form = !spelled.empty() && std::isdigit(static_cast<unsigned char>(spelled[0]));
    if (!value || integer_form != v.is_number_integer()) fail(at(key), "must be one of " + list, v);
    return *value;
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
      if (!ok) throw InputError(path_ + "/" + printable(it.key()) + ": unknown key (allowed: " + list + ")");
    }
  }
  static std::string range(int lo, int hi) { return std::to_string(lo) + ".." + std::to_string(hi); }

private:
  const json& obj_;
  std::string path_;
};

/// Largest spec file read (the largest legal spec is a few hundred bytes).
constexpr std::uintmax_t kMaxSpecFileBytes = std::uintmax_t{1} << 20;

/// Builds the DOM like nlohmann's own SAX parser, and in addition tracks the JSON path, refuses
/// duplicate keys and nesting deeper than kMaxDepth, and reports a number beyond the range of a
/// double (which nlohmann refuses with no path) as an Overflow.
class SpecSax {
public:
  static constexpr size_t kMaxDepth = 32;
  /// A number token beyond the range of a double, ending before byte `end` of the text.
  struct Overflow {
    size_t end;
    std::string token;
  };
  using Exception = nlohmann::detail::exception;

  explicit SpecSax(json& root) : dom_(root, true) {}
  bool null() { return value(), dom_.null(); }
  bool boolean(bool v) { return value(), dom_.boolean(v); }
  bool number_integer(json::number_integer_t v) { return value(), dom_.number_integer(v); }
  bool number_unsigned(json::number_unsigned_t v) { return value(), dom_.number_unsigned(v); }
  bool number_float(json::number_float_t v, const std::string& s) { return value(), dom_.number_float(v, s); }
  bool string(std::string& v) { return value(), dom_.string(v); }
  bool binary(json::binary_t& v) { return value(), dom_.binary(v); }
  bool start_object(size_t n) { return enter(true), dom_.start_object(n); }
  bool key(std::string& k) {
    Frame& f = frames_.back();
    f.key = k;
    if (!f.keys.insert(k).second) throw InputError(path(false) + ": duplicate key");
    return dom_.key(k);
  }
  bool end_object() { return frames_.pop_back(), dom_.end_object(); }
  bool start_array(size_t n) { return enter(false), dom_.start_array(n); }
  bool end_array() { return frames_.pop_back(), dom_.end_array(); }
  bool parse_error(size_t position, const std::string& token, const Exception& e) {
    if (e.id == 406) throw Overflow{position, token};
    std::string msg = e.what();
    const auto at = msg.find("parse error");
    throw InputError("/: malformed JSON: " + printable(at == std::string::npos ? msg : msg.substr(at)));
  }

private:
  struct Frame {
    bool object;                 ///< object (key) or array (index)
    size_t next = 0;             ///< array: values begun so far
    std::string key;             ///< object: the current key
    std::set<std::string> keys;  ///< object: keys seen
  };
  /// A value begins (in an array: the next element).
  void value() {
    if (!frames_.empty() && !frames_.back().object) ++frames_.back().next;
  }
  void enter(bool object) {
    value();
    if (frames_.size() >= kMaxDepth)
      throw InputError(path(true) + ": nested deeper than " + std::to_string(kMaxDepth) + " levels");
    frames_.push_back({object, 0, "", {}});
  }
  /// JSON pointer of the value being read ("/" for the root); `begun`: its element is counted.
  std::string path(bool begun) const {
    std::string p;
    for (size_t i = 0; i < frames_.size(); ++i) {
      const Frame& f = frames_[i];
      const bool last = i + 1 == frames_.size();
      p += "/" + (f.object ? printable(f.key) : std::to_string(f.next - ((!last || begun) && f.next > 0 ? 1 : 0)));
    }
    return p.empty() ? "/" : p;
  }

  nlohmann::detail::json_sax_dom_parser<json> dom_;
  std::vector<Frame> frames_;
};

/// The JSON value of a spec text. Numbers beyond the range of a double are replaced by marked
/// strings (see kOverflowMark) so the field's reader refuses them with its path and range.
json parse_json(const std::string& text) {
  const size_t nul = text.find('\0');
  if (nul != std::string::npos) throw InputError("/: malformed JSON: NUL byte at offset " + std::to_string(nul));
  std::string t = text;
  for (int overflows = 0;; ++overflows) {
    json root;
    SpecSax sax(root);
    try {
      json::sax_parse(t, &sax);
      return root;
    } catch (const SpecSax::Overflow& o) {
      const size_t start = o.token.empty() ? std::string::npos : t.rfind(o.token, o.end);
      if (overflows >= 16 || start == std::string::npos)
        throw InputError("/: number " + printable(o.token) + " beyond the range of a 64-bit float");
      t.replace(start, o.token.size(), json(kOverflowMark + o.token).dump());
    }
  }
}

void read_adder_tree(Reader& top, Spec& s) {
  if (!top.has("adder_tree")) return;
  Reader t(top.raw("adder_tree"), "/adder_tree");
  t.only({"kind", "pipeline_stages"});
  s.tree = t.choice("kind", TreeKind::Behavioral);
  s.pipeline_stages = t.integer("pipeline_stages", 0, Limits::kMaxPipelineStages, 0);
}

void read_adc(Reader& top, Spec& s) {
  const int lossless_bits = clog2(uint64_t(s.L) + 1);
  s.adc_bits = lossless_bits;
  if (top.has("adc")) {
    Reader a(top.raw("adc"), "/adc");
    a.only({"bits", "lsb_shift", "rounding", "converters"});
    s.adc_bits = a.integer("bits", 1, Limits::kMaxAdcBits, lossless_bits);
    s.adc_lsb_shift = a.integer("lsb_shift", 0, Limits::kMaxLsbShift, 0);
    s.adc_rounding = a.choice("rounding", Rounding::Floor);
    s.adc_converters = a.choice("converters", Converters::PerRow);
  }
  if (s.adc_bits > Limits::kMaxAdcBits)
    throw InputError("/adc/bits: default clog2(uarray_columns+1) = " + std::to_string(s.adc_bits) + " exceeds " +
                     std::to_string(Limits::kMaxAdcBits) + "; set /adc/bits in 1..12 or reduce /uarray_columns");
}

/// adc and dima objects of a "dima" spec (DESIGN.md section 12): a signed b-bit code of the
/// whole dot product, lossless by default; the instruction memory holds at least the default
/// program (one task per channel).
void read_dima(Reader& top, Spec& s) {
  if (top.has("operator") && s.op != Operator::Conventional)
    fail("/operator", "must be \"conventional\" or absent for datapath \"dima\" (it computes the dot product)",
         top.raw("operator"));
  if (top.has("uarray_columns"))
    fail("/uarray_columns", "not used by datapath \"dima\" (a word row spans all N columns)", top.raw("uarray_columns"));
  s.op = Operator::Conventional;
  s.L = s.N;
  const int lossless = clog2(uint64_t(s.N) * uint64_t(s.w_max()) * uint64_t(s.x_max()) + 1) + 1;
  s.adc_bits = lossless;
  if (top.has("adc")) {
    Reader a(top.raw("adc"), "/adc");
    a.only({"bits", "lsb_shift", "rounding"});
    s.adc_bits = a.integer("bits", 1, lossless, lossless);
    s.adc_lsb_shift = a.integer("lsb_shift", 0, lossless - 1, 0);
    s.adc_rounding = a.choice("rounding", Rounding::Floor);
  }
  s.dima.program_words = s.C;
  if (top.has("dima")) {
    Reader d(top.raw("dima"), "/dima");
    d.only({"program_words"});
    s.dima.program_words = d.integer("program_words", std::min(s.C, Limits::kMaxProgramWords),
                                     Limits::kMaxProgramWords, s.C);
  }
  if (s.dima.program_words > Limits::kMaxProgramWords)
    throw InputError("/channels: datapath \"dima\" holds the default program of one task per channel in at most " +
                     std::to_string(Limits::kMaxProgramWords) + " instruction words, got " + std::to_string(s.C));
  if (s.dima.program_words < s.C)
    throw InputError("/dima/program_words: must be in " + std::to_string(s.C) + ".." +
                     std::to_string(Limits::kMaxProgramWords) + " (the default program has one task per channel), got " +
                     std::to_string(s.dima.program_words));
}

void read_htree(Reader& top, Spec& s) {
  if (!top.has("htree")) throw InputError("/htree: required when /datapath is \"htree\" (object with banks, fanout, link_stages)");
  Reader h(top.raw("htree"), "/htree");
  h.only({"banks", "fanout", "link_stages"});
  s.banks = h.integer("banks", 2, std::min(Limits::kMaxBanks, s.N), 0, true);
  s.fanout = h.integer("fanout", 2, 4, 2);
  if (s.fanout == 3) fail(h.at("fanout"), "must be 2 | 4", h.raw("fanout"));
  s.link_stages = h.integer("link_stages", 0, Limits::kMaxLinkStages, 0);
  const int nb = (s.N + s.banks - 1) / s.banks;
  if (int64_t(s.banks - 1) * nb >= s.N)
    throw InputError("/htree/banks: " + std::to_string(s.banks) + " banks of ceil(" + std::to_string(s.N) + "/" +
                     std::to_string(s.banks) + ") = " + std::to_string(nb) + " elements leave the last bank empty");
  if (top.has("uarray_columns") && s.L > nb)
    fail("/uarray_columns", "must be <= ceil(vector_length/banks) = " + std::to_string(nb) + " for htree",
         top.raw("uarray_columns"));
  if (!top.has("uarray_columns")) s.L = std::min(nb, 64);
}

/// The datapath's own sub-object; the other datapaths' objects are refused.
void read_datapath_fields(Reader& top, Spec& s) {
  const auto refuse = [&](const char* key, const char* owner) {
    if (top.has(key))
      throw InputError(std::string("/") + key + ": only allowed when /datapath is \"" + owner + "\"");
  };
  switch (s.datapath) {
  case Datapath::NearMemory:
    refuse("adc", "in_memory");
    refuse("htree", "htree");
    refuse("dima", "dima");
    read_adder_tree(top, s);
    return;
  case Datapath::HTree:
    refuse("adc", "in_memory");
    refuse("dima", "dima");
    if (s.op == Operator::Conventional)
      throw InputError("/datapath: operator \"conventional\" requires \"near_memory\", got \"htree\"");
    read_htree(top, s);
    read_adder_tree(top, s);
    return;
  case Datapath::InMemory:
    refuse("adder_tree", "near_memory");
    refuse("htree", "htree");
    refuse("dima", "dima");
    if (s.op == Operator::Conventional)
      throw InputError("/datapath: operator \"conventional\" requires \"near_memory\", got \"in_memory\"");
    read_adc(top, s);
    return;
  case Datapath::Dima:
    refuse("adder_tree", "near_memory");
    refuse("htree", "htree");
    read_dima(top, s);
    return;
  }
}

void read_tech(Reader& top, Spec& s) {
  if (!top.has("tech")) return;
  Reader t(top.raw("tech"), "/tech");
  t.only({"bitcell_area_um2"});
  if (t.has("bitcell_area_um2")) {
    const json& v = t.raw("bitcell_area_um2");
    if (!v.is_number() || v.get<double>() <= 0 || v.get<double>() > 1e6)
      fail(t.at("bitcell_area_um2"), "must be a number in (0, 1e6]", v);
    s.bitcell_area_um2 = v.get<double>();
  }
}

/// "pruning": {"mask", "group_size", "grouping"} (DESIGN.md section 10); the mask file is read
/// relative to the spec's folder and mapped by core/pruning.
void read_pruning(Reader& top, Spec& s, const std::string& base_dir) {
  if (!top.has("pruning")) return;
  Reader p(top.raw("pruning"), "/pruning");
  p.only({"mask", "group_size", "grouping"});
  if (s.op != Operator::Mf || s.datapath == Datapath::HTree)
    throw InputError("/pruning: only allowed with /operator \"mf\" and /datapath \"near_memory\" | \"in_memory\"");
  if (!p.has("mask")) throw InputError("/pruning/mask: required (file name of the C x N 0/1 mask)");
  const json& f = p.raw("mask");
  if (!f.is_string() || f.get<std::string>().empty() || f.get<std::string>().size() > 4096)
    fail("/pruning/mask", "must be a non-empty file name", f);
  const int k = p.integer("group_size", 1, s.C, 1);
  const Grouping g = p.choice("grouping", Grouping::Greedy);
  const std::filesystem::path file(f.get<std::string>());
  const std::string path = file.is_absolute() ? file.string() : (std::filesystem::path(base_dir) / file).string();
  s.pruning = std::make_shared<const Pruning>(make_pruning(read_mask(path, s.C, s.N), k, g, file.string()));
}

/// `"dropout": {"registers": R}` (DESIGN.md section 11): MF on near_memory or a lossless in_memory.
void read_dropout(Reader& top, Spec& s) {
  if (!top.has("dropout")) return;
  Reader d(top.raw("dropout"), "/dropout");
  d.only({"registers"});
  s.dropout_registers = d.integer("registers", 1, Limits::kMaxDropoutRegisters, 0, true);
  if (s.op == Operator::Conventional) throw InputError("/dropout: requires operator \"mf\", got \"conventional\"");
  if (s.pruning) throw InputError("/dropout: not available together with /pruning (pruned groups have no x-beat fields)");
  switch (s.datapath) {
  case Datapath::NearMemory: return;
  case Datapath::InMemory:
    if (s.adc_lsb_shift != 0 || full_scale(s.adc_bits) < s.L)
      throw InputError("/dropout: requires a lossless ADC (lsb_shift 0 and 2^bits-1 >= uarray_columns), got bits " +
                       std::to_string(s.adc_bits) + " lsb_shift " + std::to_string(s.adc_lsb_shift));
    return;
  case Datapath::HTree:
  case Datapath::Dima:
    throw InputError("/dropout: requires datapath \"near_memory\" or \"in_memory\", got \"" +
                     std::string(to_string(s.datapath)) + "\"");
  }
}

std::string read_name(Reader& top, const Spec& s) {
  if (top.has("name")) {
    const json& v = top.raw("name");
    const auto legal = [](const std::string& n) {
      if (n.empty() || n.size() > 48 || n[0] < 'a' || n[0] > 'z') return false;
      return std::all_of(n.begin(), n.end(), [](char c) { return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_'; });
    };
    if (!v.is_string() || !legal(v.get<std::string>()))
      fail("/name", "must match [a-z][a-z0-9_]* (at most 48 characters)", v);
    return v.get<std::string>();
  }
  const auto op_tag = [&] {
    switch (s.op) {
    case Operator::Mf: return "mf";
    case Operator::Conventional: return "conv";
    }
    return "?";
  };
  const auto dp_tag = [&] {
    switch (s.datapath) {
    case Datapath::NearMemory: return "_nm";
    case Datapath::InMemory: return "_im";
    case Datapath::HTree: return "_ht";
    case Datapath::Dima: return "_dm";
    }
    return "?";
  };
  std::ostringstream os;
  os << op_tag() << dp_tag() << "_n" << s.N << "_c" << s.C << "_w" << s.m << "_x" << s.n << "_l" << s.L;
  return os.str();
}

} // namespace

Spec Spec::from_json_text(const std::string& text, const std::string& base_dir) {
  const json root = parse_json(text);
  Spec s;
  Reader top(root, "");
  top.only({"name", "operator", "datapath", "vector_length", "channels", "weight_bits", "input_bits",
            "uarray_columns", "adder_tree", "adc", "htree", "dima", "tech", "pruning", "dropout"});
  s.op = top.choice("operator", Operator::Mf);
  s.datapath = top.choice("datapath", Datapath::NearMemory);
  s.N = top.integer("vector_length", 1, Limits::kMaxVectorLength, 0, true);
  s.C = top.integer("channels", 1, Limits::kMaxChannels, 0, true);
  s.m = top.integer("weight_bits", 1, Limits::kMaxBits, 0, true);
  s.n = top.integer("input_bits", 1, Limits::kMaxBits, 0, true);
  s.L = top.integer("uarray_columns", 1, s.N, std::min(s.N, 64));
  read_datapath_fields(top, s);
  read_tech(top, s);
  read_pruning(top, s, base_dir);
  read_dropout(top, s);
  s.name = read_name(top, s);
  s.derive();
  return s;
}

Spec Spec::from_file(const std::string& path) {
  const std::string text = read_input_file(path, "spec file", kMaxSpecFileBytes);
  try {
    return from_json_text(text, std::filesystem::path(path).parent_path().empty()
                                    ? std::string(".")
                                    : std::filesystem::path(path).parent_path().string());
  } catch (const InputError& e) {
    throw InputError(printable(path) + ": " + e.what());
  }
}

void Spec::derive() {
  S = (N + L - 1) / L;
  CH_W = std::max(1, clog2(uint64_t(C)));
  IDX_W = std::max(1, clog2(uint64_t(N)));
  SW_W = clog2(uint64_t(N) * uint64_t(w_max()) + 1);
  WR_W = std::max(m + 1, SW_W);
  COUNT_W = clog2(uint64_t(L) + 1);
  derive_bounds();
  derive_timing();
  derive_organisation();
  if (pruning) derive_pruned(*this);
  derive_dropout();
  derive_canonical();
}

/// Dropout widths (DESIGN.md section 11); results wrap modulo 2^Y_W, so Y_W is unchanged.
void Spec::derive_dropout() {
  if (!has_dropout()) return;
  R_W = std::max(1, clog2(uint64_t(dropout_registers)));
  switch (datapath) {
  case Datapath::NearMemory:
    // m more row reads: the weight planes again, gated by the mask alone, count the Sw of the
    // active columns (it cannot be host-loaded).
    steps += m;
    row_reads = steps;
    initiation_interval = steps + pipeline_stages + 1;
    latency = initiation_interval + 1;
    CNT_W = std::max({1, clog2(uint64_t(steps + pipeline_stages) + 1), clog2(uint64_t(m + n + 1))});
    return;
  case Datapath::InMemory:
    // One more compute cycle with the column lines at the mask and the m weight rows converted
    // again (the Sw of the active columns).
    compute_cycles += 1;
    conversions += m;
    steps += adc_per_row() ? 1 + adc_bits : 1 + m * adc_bits;
    initiation_interval = steps + 1;
    latency = steps + 2;
    CNT_W = std::max({1, clog2(uint64_t(steps + pipeline_stages) + 1), clog2(uint64_t(m + n + 1))});
    return;
  case Datapath::HTree:
  case Datapath::Dima: return;  // refused by read_dropout
  }
}

/// c_max, y_max, Y_W and losslessness (DESIGN.md sections 3 and 5).
void Spec::derive_bounds() {
  const int64_t planes = (int64_t{1} << m) + (int64_t{1} << n) - 2;
  c_max = L;
  switch (op) {
  case Operator::Conventional:
    y_max = int64_t(N) * w_max() * x_max();
    break;
  case Operator::Mf:
    y_max = int64_t(N) * planes;
    if (datapath == Datapath::InMemory) {
      const int s = adc_lsb_shift;
      r_bias = (adc_rounding == Rounding::Nearest && s > 0) ? (int64_t{1} << (s - 1)) : 0;
      const int64_t full = full_scale(adc_bits);
      lossless = s == 0 && full >= L;
      c_max = std::min(full << s, ((int64_t(L) + r_bias) >> s) << s);
      // Lossy: the positive extreme 2*S*c_max*(2^m+2^n-2), or the negative one -Sw - Sx
      // with A = B = 0 (all weights and inputs negative at full scale).
      if (!lossless)
        y_max = std::max(2 * int64_t(S) * c_max * planes, int64_t(N) * w_max() + int64_t(S) * c_max * x_max());
    }
    break;
  }
  if (datapath == Datapath::Dima) dima_bounds(*this);  // core/dima.cpp
  Y_W = clog2(uint64_t(y_max) + 1) + 1;
}

/// Array steps, latency and initiation interval (DESIGN.md sections 4 and 5).
void Spec::derive_timing() {
  switch (datapath) {
  case Datapath::NearMemory:
    switch (op) {
    case Operator::Mf: steps = m + n; break;                // m weight planes, n input planes
    case Operator::Conventional: steps = 1 + m * n; break;  // the sign row, then m*n plane pairs
    }
    row_reads = steps;
    // Cycle of the x beat = 0; steps in cycles 1..steps, counts arrive pipeline_stages later,
    // the combine loads the output register at the end of the next cycle (when the next x
    // beat may be accepted), and y_valid is high from the cycle after.
    initiation_interval = steps + pipeline_stages + 1;
    latency = initiation_interval + 1;
    break;
  case Datapath::HTree: {
    // Run cycle 0 (the cycle after the x beat): the root sends go and the step bits down, k
    // registers per link level; a bank latches them, reads its m weight planes, counts (P
    // pipeline stages) and shift-accumulates, and offers A_b registered m + P + 1 cycles after
    // go arrived; every level up adds k link registers and one node register. Meanwhile the
    // root counts its n input planes for B and Sx. The controller's last run cycle is the one
    // before A is held, or the last B/Sx accumulation, whichever is later.
    depth = 1;
    for (int64_t reach = fanout; reach < banks; reach *= fanout) ++depth;
    const int down = link_stages * depth, up = (link_stages + 1) * depth;
    a_ready = down + m + pipeline_stages + 1 + up;
    steps = std::max(n, a_ready - pipeline_stages);
    row_reads = m + n;
    initiation_interval = steps + pipeline_stages + 1;
    latency = initiation_interval + 1;
    break;
  }
  case Datapath::InMemory:
    // One cycle per compute cycle, then b SAR steps per conversion: the m weight rows in
    // parallel (per_row) or one after the other (one converter per uArray); the sign row and
    // the dummy row (its own converter, shared by the channels) convert in parallel.
    compute_cycles = 1 + n;
    conversions = m + 2 * n;
    steps = (adc_per_row() ? 1 + adc_bits : 1 + m * adc_bits) + n * (1 + adc_bits);
    initiation_interval = steps + 1;
    latency = steps + 2;
    break;
  case Datapath::Dima:
    dima_timing(*this);
    break;
  }
}

/// Widths and counts the blocks share, computed once here.
void Spec::derive_organisation() {
  CNT_W = std::max({1, clog2(uint64_t(steps + pipeline_stages) + 1), clog2(uint64_t(m + n + 1))});
  X_W = N * (n + 1);
  PW = S * L;
  ROW_W = clog2(uint64_t(m) + 1);
  PL_W = clog2(uint64_t(n) + 1);
  COL_W = std::max(1, clog2(uint64_t(L)));
  array_cells = int64_t(m + 1) * N * C + N;
  switch (datapath) {
  case Datapath::NearMemory:
    SUM_IW = clog2(uint64_t(N) + 1);  // a step's column count over all segments is at most N
    B_W = clog2(uint64_t(N) * uint64_t(x_max()) + 1);
    A_W = SW_W;
    switch (op) {
    case Operator::Mf: tree_instances = C * S + S; break;           // one per uArray, one per dummy segment
    case Operator::Conventional: tree_instances = 2 * C * S; break;  // agreeing and differing signs
    }
    break;
  case Datapath::HTree:
    SUM_IW = clog2(uint64_t(N) + 1);
    B_W = clog2(uint64_t(N) * uint64_t(x_max()) + 1);
    A_W = SW_W;
    NBK = (N + banks - 1) / banks;
    SB = (NBK + L - 1) / L;
    AB_W = clog2(uint64_t(NBK) * uint64_t(w_max()) + 1);
    tree_instances = banks * C * SB + C * S + S;  // bank uArrays, root B trees per channel, root Sx trees
    array_cells = int64_t(m + 1) * N * C;         // magnitude planes in the banks, step(w) rows at the root
    break;
  case Datapath::InMemory: {
    // A converted count c_hat is carried on b + lsb_shift wires, but never exceeds c_max: the
    // sums and accumulators are sized from c_max (so they fit Y_W) and read CV_W bits of it.
    const int64_t chat_max = full_scale(adc_bits) << adc_lsb_shift;
    CHAT_W = adc_bits + adc_lsb_shift;
    CV_W = std::max(1, clog2(uint64_t(c_max) + 1));
    BIT_W = std::max(1, clog2(uint64_t(adc_bits)));
    SUM_IW = std::max(CV_W, clog2(uint64_t(S) * uint64_t(c_max) + 1));
    A_W = std::max(1, clog2(uint64_t(S) * uint64_t(c_max) * uint64_t(w_max()) + 1));
    B_W = std::max(1, clog2(uint64_t(S) * uint64_t(c_max) * uint64_t(x_max()) + 1));
    nconv = adc_per_row() ? m : 1;
    converters_total = nconv * C * S + S;
    reference_cells = chat_max * converters_total;
    break;
  }
  case Datapath::Dima:
    dima_organisation(*this);
    break;
  }
}

/// The canonical spec text (defaults filled in) and its hash.
void Spec::derive_canonical() {
  json c;
  c["name"] = name;
  c["operator"] = to_string(op);
  c["datapath"] = to_string(datapath);
  c["vector_length"] = N;
  c["channels"] = C;
  c["weight_bits"] = m;
  c["input_bits"] = n;
  c["uarray_columns"] = L;
  switch (datapath) {
  case Datapath::NearMemory:
    c["adder_tree"] = {{"kind", to_string(tree)}, {"pipeline_stages", pipeline_stages}};
    break;
  case Datapath::HTree:
    c["adder_tree"] = {{"kind", to_string(tree)}, {"pipeline_stages", pipeline_stages}};
    c["htree"] = {{"banks", banks}, {"fanout", fanout}, {"link_stages", link_stages}};
    break;
  case Datapath::InMemory:
    c["adc"] = {{"bits", adc_bits}, {"lsb_shift", adc_lsb_shift}, {"rounding", to_string(adc_rounding)}};
    if (adc_per_row()) c["adc"]["converters"] = "per_row";
    else c["adc"]["converters"] = 1;
    break;
  case Datapath::Dima:
    c["adc"] = {{"bits", adc_bits}, {"lsb_shift", adc_lsb_shift}, {"rounding", to_string(adc_rounding)}};
    c["dima"] = {{"program_words", dima.program_words}};
    break;
  }
  c["tech"] = {{"bitcell_area_um2", bitcell_area_um2}};
  if (pruning) c["pruning"] = json::parse(pruning_canonical(*pruning));
  if (has_dropout()) c["dropout"] = {{"registers", dropout_registers}};
  canonical = c.dump();
  hash = fnv1a64(canonical);
}

bool Spec::has_analog_models() const {
  switch (datapath) {
  case Datapath::NearMemory: return false;
  case Datapath::InMemory: return true;
  case Datapath::HTree: return false;
  case Datapath::Dima: return true;
  }
  return false;
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
  switch (datapath) {
  case Datapath::NearMemory:
    d["row_reads_per_vector"] = row_reads;
    break;
  case Datapath::HTree: {
    d["row_reads_per_vector"] = row_reads;
    d["htree"] = {{"banks", banks}, {"fanout", fanout}, {"link_stages", link_stages}, {"depth", depth},
                  {"elements_per_bank", NBK}, {"segments_per_bank", SB}};
    json traffic = json::array();
    for (const HTreeLevel& t : htree_traffic(*this))
      traffic.push_back({{"level", t.level},
                         {"links", t.links},
                         {"down_bits_per_vector", t.down_bits_per_vector},
                         {"up_bits_per_vector", t.up_bits_per_vector},
                         {"bits_per_weight_load", t.bits_per_weight_load},
                         {"down_wires", t.down_wires},
                         {"up_wires", t.up_wires},
                         {"multiply_based_down_bits_per_vector", t.multiply_down_bits}});
    d["htree"]["traffic"] = traffic;
    break;
  }
  case Datapath::InMemory:
    d["compute_cycles_per_vector"] = compute_cycles;
    d["conversions_per_channel"] = conversions;
    break;
  case Datapath::Dima:
    d["compute_cycles_per_vector"] = compute_cycles;
    d["conversions_per_channel"] = conversions;
    d["dima"] = {{"program_words", dima.program_words}, {"lossless_adc_bits", dima.lossless_bits},
                 {"instruction_bits", dima.I_W}, {"level_bits", dima.V_W}, {"d_max", dima.d_max},
                 {"cycles_per_task", dima.cycles_per_task}};
    break;
  }
  d["array_cells"] = array_cells;
  if (pruning) d["pruning"] = json::parse(pruning_report_json(*this));
  if (has_dropout()) d["dropout"] = {{"registers", dropout_registers}, {"R_W", R_W}};
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
  switch (datapath) {
  case Datapath::NearMemory:
    os << "adder tree           " << to_string(tree) << ", " << pipeline_stages << " pipeline stages\n"
       << "row reads / vector   " << row_reads << "\n";
    break;
  case Datapath::HTree:
    os << "adder tree           " << to_string(tree) << ", " << pipeline_stages << " pipeline stages\n"
       << "H-tree               " << banks << " banks of " << NBK << " elements, fanout " << fanout << ", depth "
       << depth << ", " << link_stages << " link stages\n"
       << "traffic per level    level: links, down bits/vector (multiply-based), up bits/vector, bits/weight load\n";
    for (const HTreeLevel& t : htree_traffic(*this))
      os << "                     " << t.level << ": " << t.links << ", " << t.down_bits_per_vector << " ("
         << t.multiply_down_bits << "), " << t.up_bits_per_vector << ", " << t.bits_per_weight_load << "\n";
    break;
  case Datapath::InMemory:
    os << "ADC                  " << adc_bits << " bits, lsb_shift " << adc_lsb_shift << ", "
       << to_string(adc_rounding) << ", converters " << to_string(adc_converters)
       << (lossless ? " (lossless)" : " (lossy)") << "\n"
       << "compute cycles       " << compute_cycles << ", conversions/channel " << conversions << "\n";
    break;
  case Datapath::Dima:
    os << "ADC                  " << adc_bits << " bits signed, lsb_shift " << adc_lsb_shift << ", "
       << to_string(adc_rounding) << (lossless ? " (lossless)" : " (lossy)") << "\n"
       << "DIMA                 " << dima.program_words << " instruction words of " << dima.I_W << " bits, "
       << dima.cycles_per_task << " cycles per task, 1 conversion per channel\n";
    break;
  }
  os << "widths               CH_W " << CH_W << ", IDX_W " << IDX_W << ", SW_W " << SW_W << ", WR_W " << WR_W
     << ", Y_W " << Y_W << ", COUNT_W " << COUNT_W << "\n"
     << "latency / II         " << latency << " / " << initiation_interval << " cycles\n";
  if (pruning) os << pruning_report_text(*this);
  if (has_dropout()) os << "dropout              " << dropout_registers << " partial-sum registers, R_W " << R_W << "\n";
  return os.str();
}

} // namespace cimgen
