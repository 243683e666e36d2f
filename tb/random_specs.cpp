// cimgen_random_specs — seeded random specs over the whole spec space, for the property tests
// (random lint, random simulation; issue 9). Every draw is validated by Spec::from_json_text,
// the one validator; refused draws are counted by the JSON path of their error, accepted ones
// are written as DIR/<name>.json. Same seed and options, same files.
//
//   cimgen_random_specs --seed S --count K -o DIR [--max-n N] [--max-c C] [--max-bits B]
//                       [--max-instances I]
// Legal specs with more than I adder trees or converters are drawn again (counted as too
// large): Verilator's lint time grows with them (an in_memory N=96 L=1 C=5 macro has 2500
// SAR converters and lints in 40 s).
#include <CLI/CLI.hpp>
#include <cstdint>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <map>
#include <nlohmann/json.hpp>
#include <random>
#include <string>
#include <vector>

#include "enums.hpp"
#include "errors.hpp"
#include "spec.hpp"

namespace fs = std::filesystem;
using json = nlohmann::ordered_json;
using namespace cimgen;

namespace {

/// Largest adder-tree pipeline depth drawn (the spec allows more; deeper trees add only latency).
constexpr int kMaxDrawnStages = 3;

/// Bounds of one run (sizes stay small so lint and simulation stay fast).
struct Options {
  uint64_t seed = 1;    ///< random seed, printed
  int count = 200;      ///< accepted specs to write
  std::string out;      ///< output directory
  int max_n = 96;       ///< largest vector_length N
  int max_c = 8;        ///< largest channel count C
  int max_bits = 8;     ///< largest weight_bits m and input_bits n
  int max_instances = 64; ///< largest count of adder trees or converters (lint and build time)
};

/// Integer draws from a 64-bit Mersenne twister; portable (no std distributions, whose output
/// differs between standard libraries), so a seed names the same specs everywhere.
class Draw {
public:
  explicit Draw(uint64_t seed) : rng_(seed) {}
  /// Uniform in lo..hi (inclusive); lo <= hi.
  int in(int lo, int hi) { return lo + int(rng_() % uint64_t(hi - lo + 1)); }
  /// True with probability num/den.
  bool chance(int num, int den) { return in(1, den) <= num; }
  /// One element of a non-empty vector.
  template <class T>
  const T& pick(const std::vector<T>& v) { return v[size_t(in(0, int(v.size()) - 1))]; }

private:
  std::mt19937_64 rng_;  ///< the generator; its output sequence is fixed by the standard
};

bool is_prime(int x) {
  if (x < 2) return false;
  for (int d = 2; d * d <= x; ++d)
    if (x % d == 0) return false;
  return true;
}

/// Values v in lo..hi with pred(v).
template <class Pred>
std::vector<int> values(int lo, int hi, Pred pred) {
  std::vector<int> out;
  for (int v = lo; v <= hi; ++v)
    if (pred(v)) out.push_back(v);
  return out;
}

/// JSON value of an enum spelling: "1" is written as the integer 1 (see EnumEntry::name).
json enum_json(const std::string& name) {
  const bool digits = !name.empty() && name.find_first_not_of("0123456789") == std::string::npos;
  return digits ? json(std::stoi(name)) : json(name);
}

/// Store `value` at the dotted spec key of an enum table ("adder_tree.kind" -> j.adder_tree.kind).
void put(json& j, const std::string& dotted, json value) {
  const size_t dot = dotted.find('.');
  if (dot == std::string::npos) {
    j[dotted] = std::move(value);
    return;
  }
  put(j[dotted.substr(0, dot)], dotted.substr(dot + 1), std::move(value));
}

/// A uniformly drawn value of enum E, stored at its table's key: a new table row is drawn too.
template <class E>
void put_enum(json& j, Draw& d) {
  put(j, EnumTable<E>::key, enum_json(d.pick(enum_names<E>())));
}

/// N: 1, the largest, a prime, a power of two or one off it, or uniform.
int draw_n(Draw& d, int max_n) {
  const std::vector<int> primes = values(2, max_n, is_prime);
  const std::vector<int> near_pow2 = values(2, max_n, [](int v) {
    return (v & (v - 1)) == 0 || ((v + 1) & v) == 0 || ((v - 1) & (v - 2)) == 0;
  });
  switch (d.in(0, 5)) {
  case 0: return 1;
  case 1: return max_n;
  case 2: return primes.empty() ? 1 : d.pick(primes);
  case 3: return near_pow2.empty() ? 1 : d.pick(near_pow2);
  default: return d.in(1, max_n);
  }
}

/// L for N: 1, N, a divisor, a non-divisor, a prime, uniform, or left to the default (0).
int draw_l(Draw& d, int N) {
  const std::vector<int> divisors = values(1, N, [N](int v) { return N % v == 0; });
  const std::vector<int> others = values(2, N - 1, [N](int v) { return N % v != 0; });
  const std::vector<int> primes = values(2, N, is_prime);
  switch (d.in(0, 6)) {
  case 0: return 1;
  case 1: return N;
  case 2: return d.pick(divisors);
  case 3: return others.empty() ? N : d.pick(others);
  case 4: return primes.empty() ? N : d.pick(primes);
  case 5: return 0;
  default: return d.in(1, N);
  }
}

/// A width in 1..max: width 1 one time in four.
int draw_width(Draw& d, int max) { return d.chance(1, 4) ? 1 : d.in(1, max); }

/// adder_tree (near_memory): each field present three times in four, or no object at all.
void draw_adder_tree(json& j, Draw& d) {
  if (d.chance(1, 8)) return;
  j["adder_tree"] = json::object();
  if (d.chance(3, 4)) put_enum<TreeKind>(j, d);
  if (d.chance(3, 4)) j["adder_tree"]["pipeline_stages"] = d.in(0, kMaxDrawnStages);
}

/// adc (in_memory): bits around the lossless clog2(L+1), shifts up to it, rounding, converters.
void draw_adc(json& j, Draw& d, int L) {
  if (d.chance(1, 5)) return;
  const int lossless_bits = clog2(uint64_t(L) + 1);
  json& a = j["adc"] = json::object();
  if (d.chance(3, 4)) a["bits"] = d.in(1, std::min(Limits::kMaxAdcBits, lossless_bits + 1));
  if (d.chance(3, 4)) a["lsb_shift"] = d.chance(1, 3) ? 0 : d.in(0, std::min(Limits::kMaxLsbShift, lossless_bits));
  if (d.chance(3, 4)) put_enum<Rounding>(j, d);
  if (d.chance(3, 4)) put_enum<Converters>(j, d);
}

/// dima: no uarray_columns (a word row spans N); bits up to the lossless width (rarely above, which
/// is refused), shifts up to it, rounding, and sometimes a larger instruction memory.
void draw_dima(json& j, Draw& d, int N, int C, int m, int n) {
  j.erase("uarray_columns");
  const int lossless = clog2(uint64_t(N) * ((uint64_t{1} << m) - 1) * ((uint64_t{1} << n) - 1) + 1) + 1;
  if (d.chance(3, 4)) {
    json& a = j["adc"] = json::object();
    if (d.chance(3, 4)) a["bits"] = d.in(1, lossless + (d.chance(1, 10) ? 1 : 0));
    if (d.chance(2, 3)) a["lsb_shift"] = d.chance(1, 3) ? 0 : d.in(0, lossless - 1);
    if (d.chance(3, 4)) put_enum<Rounding>(j, d);
  }
  if (d.chance(1, 3)) j["dima"] = {{"program_words", d.in(C, std::min(C + 8, Limits::kMaxProgramWords))}};
}

/// htree: banks up to N (some draws leave the last bank empty and are refused), fanout 2 or 4,
/// link stages 0..2; uarray_columns redrawn within a bank's slice.
void draw_htree(json& j, Draw& d, int N) {
  const int banks = d.in(2, std::max(2, std::min(N, 24)));
  json& h = j["htree"] = json::object();
  h["banks"] = banks;
  if (d.chance(3, 4)) h["fanout"] = d.chance(1, 2) ? 2 : 4;
  if (d.chance(3, 4)) h["link_stages"] = d.in(0, 2);
  j.erase("uarray_columns");
  const int nbk = (N + banks - 1) / banks;
  const int L = draw_l(d, nbk);
  if (L > 0) j["uarray_columns"] = L;
  draw_adder_tree(j, d);
}

/// dropout (near_memory or in_memory MF, DESIGN.md section 11) on a quarter of the draws, R = 1..16, chosen
/// from a hash of the name so the draws of every other field stay as they were.
void draw_dropout(json& j, const std::string& name) {
  const std::string h = fnv1a64(name);
  if (j["operator"] != "mf" || h[15] > '3') return;
  j["dropout"] = {{"registers", 1 + std::stoi(h.substr(14, 1), nullptr, 16)}};
}

/// One draw. Operator and datapath are drawn independently, so some draws are refused.
json draw_spec(Draw& d, const Options& o, const std::string& name) {
  json j;
  j["name"] = name;
  put_enum<Operator>(j, d);
  put_enum<Datapath>(j, d);
  const int N = draw_n(d, o.max_n);
  j["vector_length"] = N;
  j["channels"] = d.chance(1, 4) ? 1 : d.in(1, o.max_c);
  j["weight_bits"] = draw_width(d, o.max_bits);
  j["input_bits"] = draw_width(d, o.max_bits);
  const int L = draw_l(d, N);
  if (L > 0) j["uarray_columns"] = L;
  const auto dp = enum_from_string<Datapath>(j["datapath"].get<std::string>());
  switch (*dp) {
  case Datapath::NearMemory:
    draw_adder_tree(j, d);
    draw_dropout(j, name);
    break;
  case Datapath::InMemory:
    draw_adc(j, d, L > 0 ? L : std::min(N, 64));
    draw_dropout(j, name);  // refused with a lossy ADC
    break;
  case Datapath::HTree: draw_htree(j, d, N); break;
  case Datapath::Dima:
    draw_dima(j, d, N, j["channels"].get<int>(), j["weight_bits"].get<int>(), j["input_bits"].get<int>());
    break;
  }
  return j;
}

/// Pruning (DESIGN.md section 10) on about a third of the MF near_memory / in_memory draws, from
/// its own generator (seeded by the spec's index, so the other fields of every draw stay those
/// of the seed without pruning): the mask text is returned and written as DIR/<name>.mask.
/// Masks: all kept, all pruned channels, columns pruned everywhere, random densities.
std::string draw_pruning(json& j, uint64_t seed, int index) {
  if (j["operator"] != "mf" || j["datapath"] == "htree") return "";
  Draw d(seed * 1000003u + uint64_t(index) * 7919u + 13u);
  if (!d.chance(1, 3)) return "";
  const int N = j["vector_length"], C = j["channels"];
  const int density = d.pick(std::vector<int>{0, 20, 50, 80, 100});  // percent kept
  const int dead_col = d.chance(1, 2) ? d.in(0, N - 1) : -1;
  const int dead_ch = d.chance(1, 3) ? d.in(0, C - 1) : -1;
  std::string mask;
  for (int c = 0; c < C; ++c) {
    for (int i = 0; i < N; ++i)
      mask += std::string(i ? " " : "") + (c != dead_ch && i != dead_col && d.in(1, 100) <= density ? "1" : "0");
    mask += "\n";
  }
  j["pruning"] = {{"mask", j["name"].get<std::string>() + ".mask"},
                  {"group_size", d.in(1, C)},
                  {"grouping", d.chance(1, 2) ? "greedy" : "in_order"}};
  return mask;
}

/// The JSON path that opens an InputError message ("/adc/bits: must be ...").
std::string reason(const std::string& what) { return what.substr(0, what.find(':')); }

/// Adder trees (near_memory) or converters (in_memory): what lint and build time grow with.
int instances(const Spec& s) {
  switch (s.datapath) {
  case Datapath::NearMemory:
  case Datapath::HTree: return s.tree_instances;
  case Datapath::InMemory: return s.converters_total;
  case Datapath::Dima: return 1 + s.N * s.C / 16;  // one converter; the word rows grow with N*C
  }
  return 0;
}

/// Histogram key/value of the accepted specs: one entry per enum table, plus a few shapes.
void tally(std::map<std::string, int>& cov, const Spec& s) {
  ++cov[std::string("datapath=") + to_string(s.datapath) + " operator=" + to_string(s.op)];
  switch (s.datapath) {
  case Datapath::NearMemory:
    ++cov[std::string("tree=") + to_string(s.tree) + " stages=" + std::to_string(s.pipeline_stages)];
    break;
  case Datapath::HTree:
    ++cov["htree fanout=" + std::to_string(s.fanout) + " link_stages=" + std::to_string(s.link_stages) +
          (s.N % s.banks ? " partial last bank" : "")];
    break;
  case Datapath::InMemory:
    ++cov[std::string("adc ") + (s.lossless ? "lossless" : "lossy") + " rounding=" + to_string(s.adc_rounding) +
          " converters=" + to_string(s.adc_converters)];
    break;
  case Datapath::Dima:
    ++cov[std::string("dima adc ") + (s.lossless ? "lossless" : "lossy") + " rounding=" + to_string(s.adc_rounding) +
          (s.dima.program_words > s.C ? " program_words>C" : "")];
    break;
  }
  if (s.has_dropout()) ++cov["dropout R=" + std::to_string(s.dropout_registers)];
  if (s.N == 1) ++cov["N=1"];
  if (s.L == 1) ++cov["L=1"];
  if (s.L == s.N) ++cov["L=N"];
  if (s.N % s.L != 0) ++cov["L does not divide N"];
  if (s.m == 1 || s.n == 1) ++cov["m=1 or n=1"];
}

int run(const Options& o) {
  Draw d(o.seed);
  fs::create_directories(o.out);
  std::map<std::string, int> refused, cov;
  int accepted = 0, draws = 0, too_large = 0;
  const int max_draws = 20 * o.count + 100;  // the refused fraction is about a quarter
  for (; accepted < o.count && draws < max_draws; ++draws) {
    char index[16];
    std::snprintf(index, sizeof index, "%04d", draws);
    const std::string name = "rs" + std::to_string(o.seed) + "_" + index;
    json j = draw_spec(d, o, name);
    const std::string mask = draw_pruning(j, o.seed, draws);
    const fs::path mask_path = fs::path(o.out) / (name + ".mask");
    if (!mask.empty()) std::ofstream(mask_path) << mask;
    const std::string text = j.dump() + "\n";
    try {
      const Spec s = Spec::from_json_text(text, o.out);
      if (instances(s) > o.max_instances) {
        ++too_large;
        fs::remove(mask_path);
        continue;
      }
      tally(cov, s);
      if (s.pruning) ++cov["pruning"];
    } catch (const InputError& e) {
      ++refused[reason(e.what())];
      fs::remove(mask_path);
      continue;
    }
    std::ofstream(fs::path(o.out) / (name + ".json")) << text;
    ++accepted;
  }
  int n_refused = 0;
  for (const auto& [path, k] : refused) n_refused += k;
  std::cout << "cimgen_random_specs: seed " << o.seed << ": " << accepted << " specs written to " << o.out << ", "
            << n_refused << " draws refused, " << too_large << " legal draws over --max-instances "
            << o.max_instances << " skipped\n";
  for (const auto& [path, k] : refused) std::cout << "  refused " << k << " at " << path << "\n";
  for (const auto& [key, k] : cov) std::cout << "  " << k << " " << key << "\n";
  return accepted == o.count ? kExitOk : kExitCheckFailed;
}

} // namespace

int main(int argc, char** argv) {
  Options o;
  CLI::App app{"Seeded random legal cimgen specs"};
  app.add_option("--seed", o.seed, "random seed")->required();
  app.add_option("--count", o.count, "accepted specs to write")->check(CLI::Range(1, 100000));
  app.add_option("-o,--out", o.out, "output directory")->required();
  app.add_option("--max-n", o.max_n, "largest vector_length")->check(CLI::Range(1, Limits::kMaxVectorLength));
  app.add_option("--max-c", o.max_c, "largest channel count")->check(CLI::Range(1, Limits::kMaxChannels));
  app.add_option("--max-instances", o.max_instances, "largest count of adder trees or converters")
      ->check(CLI::PositiveNumber);
  app.add_option("--max-bits", o.max_bits, "largest weight_bits and input_bits")->check(CLI::Range(1, Limits::kMaxBits));
  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    return app.exit(e) == 0 ? kExitOk : kExitBadInput;
  }
  return run(o);
}
