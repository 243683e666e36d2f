// cimgen — mask files, grouping and placement of pruned channels (DESIGN.md section 10).
#include "pruning.hpp"

#include <algorithm>
#include <iomanip>
#include <nlohmann/json.hpp>
#include <numeric>
#include <sstream>

#include "errors.hpp"
#include "arith.hpp"
#include "files.hpp"
#include "spec.hpp"

namespace cimgen {

namespace {

/// Largest mask file read (1024 channels of 65536 tokens and spaces).
constexpr std::uintmax_t kMaxMaskFileBytes = std::uintmax_t{256} << 20;

std::string token_shown(const std::string& tok) { return printable(tok.size() > 32 ? tok.substr(0, 28) + " ..." : tok); }

/// Tokens of one line (up to a `#` comment).
std::vector<std::string> tokens(const std::string& line) {
  std::vector<std::string> out;
  const std::string body = line.substr(0, line.find('#'));
  size_t i = 0;
  while (i < body.size()) {
    while (i < body.size() && std::isspace(static_cast<unsigned char>(body[i]))) ++i;
    const size_t start = i;
    while (i < body.size() && !std::isspace(static_cast<unsigned char>(body[i]))) ++i;
    if (i > start) out.push_back(body.substr(start, i - start));
  }
  return out;
}

/// A row of the mask as 64-bit words (the mapper's inner loops work on words).
using Bits = std::vector<uint64_t>;

Bits to_bits(const std::vector<uint8_t>& row) {
  Bits b((row.size() + 63) / 64, 0);
  for (size_t i = 0; i < row.size(); ++i)
    if (row[i]) b[i / 64] |= uint64_t{1} << (i % 64);
  return b;
}

Bits to_bits(const std::vector<int>& cols, int N) {
  Bits b((size_t(N) + 63) / 64, 0);
  for (int i : cols) b[size_t(i) / 64] |= uint64_t{1} << (i % 64);
  return b;
}

/// Columns of `row` outside `uni` (returned) and inside it (`shared`).
int count_new(const Bits& row, const Bits& uni, int& shared) {
  int fresh = 0;
  shared = 0;
  for (size_t w = 0; w < row.size(); ++w) {
    fresh += __builtin_popcountll(row[w] & ~uni[w]);
    shared += __builtin_popcountll(row[w] & uni[w]);
  }
  return fresh;
}

/// Columns of the union of the channels' kept entries, ascending.
std::vector<int> union_columns(const Mask& mask, const std::vector<int>& channels) {
  std::vector<int> cols;
  const int N = mask.empty() ? 0 : int(mask[0].size());
  for (int i = 0; i < N; ++i)
    if (std::any_of(channels.begin(), channels.end(), [&](int c) { return mask[c][i] != 0; })) cols.push_back(i);
  return cols;
}

std::vector<std::vector<int>> in_order_partition(int C, int k) {
  std::vector<std::vector<int>> parts;
  for (int c = 0; c < C; c += k) {
    parts.emplace_back();
    for (int d = c; d < std::min(C, c + k); ++d) parts.back().push_back(d);
  }
  return parts;
}

/// Greedy: seed each group with the remaining channel of most kept entries, then add the
/// channel that brings the fewest new columns (ties: most shared columns, lowest index).
std::vector<std::vector<int>> greedy_partition(const Mask& mask, int k) {
  const int C = int(mask.size());
  std::vector<int> weight(C);
  std::vector<Bits> rows;
  for (int c = 0; c < C; ++c) {
    weight[c] = int(std::count(mask[c].begin(), mask[c].end(), 1));
    rows.push_back(to_bits(mask[c]));
  }
  std::vector<bool> used(C, false);
  std::vector<std::vector<int>> parts;
  for (int left = C; left > 0;) {
    int seed = -1;
    for (int c = 0; c < C; ++c)
      if (!used[c] && (seed < 0 || weight[c] > weight[seed])) seed = c;
    std::vector<int> part = {seed};
    Bits uni = rows[seed];
    used[seed] = true;
    --left;
    while (int(part.size()) < k && left > 0) {
      int best = -1, best_new = 0, best_shared = 0;
      for (int c = 0; c < C; ++c) {
        if (used[c]) continue;
        int shared = 0;
        const int fresh = count_new(rows[c], uni, shared);
        if (best < 0 || fresh < best_new || (fresh == best_new && shared > best_shared)) {
          best = c, best_new = fresh, best_shared = shared;
        }
      }
      part.push_back(best);
      used[best] = true;
      --left;
      for (size_t w = 0; w < uni.size(); ++w) uni[w] |= rows[best][w];
    }
    std::sort(part.begin(), part.end());
    parts.push_back(part);
  }
  return parts;
}

int shared_count(const std::vector<int>& a, const std::vector<int>& b) {
  std::vector<int> both;
  std::set_intersection(a.begin(), a.end(), b.begin(), b.end(), std::back_inserter(both));
  return int(both.size());
}

/// Places the groups so that neighbours share the most inputs: start with the first group,
/// then append the unplaced group sharing most columns with the last placed (ties: first).
std::vector<PruneGroup> place(std::vector<PruneGroup> groups, int N) {
  std::vector<Bits> cols;
  for (const PruneGroup& g : groups) cols.push_back(to_bits(g.columns, N));
  std::vector<PruneGroup> out;
  std::vector<bool> placed(groups.size(), false);
  int last = -1;
  for (size_t n = 0; n < groups.size(); ++n) {
    int best = -1, best_shared = -1;
    for (size_t g = 0; g < groups.size(); ++g) {
      if (placed[g]) continue;
      int sh = 0;
      if (last >= 0) count_new(cols[g], cols[size_t(last)], sh);
      if (sh > best_shared) best = int(g), best_shared = sh;
    }
    placed[size_t(best)] = true;
    out.push_back(groups[size_t(best)]);
    last = best;
  }
  return out;
}

std::vector<PruneGroup> to_groups(const Mask& mask, const std::vector<std::vector<int>>& parts) {
  std::vector<PruneGroup> groups;
  for (const auto& p : parts) groups.push_back({p, union_columns(mask, p)});
  return groups;
}

} // namespace

Mask parse_mask(const std::string& text, const std::string& where, int C, int N) {
  Mask mask;
  size_t p = 0;
  for (int no = 1; p <= text.size() && p < text.size(); ++no) {
    size_t end = text.find('\n', p);
    if (end == std::string::npos) end = text.size();
    const std::vector<std::string> toks = tokens(text.substr(p, end - p));
    p = end + 1;
    if (toks.empty()) continue;
    const std::string at = where + ":" + std::to_string(no);
    if (int(mask.size()) == C)
      throw InputError(at + ": mask has more than " + std::to_string(C) + " lines (one per channel, C = " +
                       std::to_string(C) + ")");
    if (int(toks.size()) != N)
      throw InputError(at + ": " + std::to_string(toks.size()) + " tokens, expected N = " + std::to_string(N) +
                       " (one 0/1 per element)");
    std::vector<uint8_t> row;
    for (const std::string& t : toks) {
      if (t != "0" && t != "1") throw InputError(at + ": token '" + token_shown(t) + "': must be 0 (pruned) or 1 (kept)");
      row.push_back(t == "1");
    }
    mask.push_back(std::move(row));
  }
  if (int(mask.size()) != C)
    throw InputError(where + ": " + std::to_string(mask.size()) + " mask lines, expected C = " + std::to_string(C) +
                     " (one per channel)");
  return mask;
}

Mask read_mask(const std::string& path, int C, int N) {
  return parse_mask(read_input_file(path, "mask file", kMaxMaskFileBytes), printable(path), C, N);
}

std::string format_mask(const Mask& mask) {
  std::string out;
  for (const auto& row : mask) {
    for (size_t i = 0; i < row.size(); ++i) out += std::string(i ? " " : "") + (row[i] ? "1" : "0");
    out += "\n";
  }
  return out;
}

std::vector<PruneGroup> map_groups(const Mask& mask, int k, Grouping grouping) {
  const int C = int(mask.size());
  const std::vector<PruneGroup> in_order = to_groups(mask, in_order_partition(C, k));
  switch (grouping) {
  case Grouping::InOrder: return in_order;
  case Grouping::Greedy: {
    // The greedy partition is kept only when it stores no more than in_order's.
    std::vector<PruneGroup> greedy = to_groups(mask, greedy_partition(mask, k));
    const bool worse = prune_stats(mask, greedy).stored > prune_stats(mask, in_order).stored;
    return place(worse ? in_order : greedy, mask.empty() ? 0 : int(mask[0].size()));
  }
  }
  return in_order;
}

PruneStats prune_stats(const Mask& mask, const std::vector<PruneGroup>& groups) {
  PruneStats st;
  for (const auto& row : mask) {
    st.dense += int64_t(row.size());
    st.ideal += std::count(row.begin(), row.end(), 1);
  }
  for (size_t g = 0; g < groups.size(); ++g) {
    st.stored += int64_t(groups[g].columns.size()) * int64_t(groups[g].channels.size());
    st.input_wires += int64_t(groups[g].columns.size());
    if (g > 0) st.shared_inputs += shared_count(groups[g - 1].columns, groups[g].columns);
  }
  return st;
}

Pruning make_pruning(Mask mask, int k, Grouping grouping, std::string mask_file) {
  Pruning p;
  p.mask_file = std::move(mask_file);
  p.group_size = k;
  p.grouping = grouping;
  p.mask = std::move(mask);
  p.mask_text = format_mask(p.mask);
  p.groups = map_groups(p.mask, k, grouping);
  p.group_of.assign(p.mask.size(), -1);
  for (size_t g = 0; g < p.groups.size(); ++g)
    for (int c : p.groups[g].channels) p.group_of[c] = int(g);
  p.stats = prune_stats(p.mask, p.groups);
  return p;
}

Mask random_mask(int C, int N, double density, int clusters, uint64_t seed) {
  uint64_t state = seed;
  const auto next = [&state] {  // splitmix64
    uint64_t z = (state += 0x9e3779b97f4a7c15ull);
    z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ull;
    z = (z ^ (z >> 27)) * 0x94d049bb133111ebull;
    return z ^ (z >> 31);
  };
  const auto bit = [&] { return double(next() >> 11) * 0x1.0p-53 < density; };
  const auto row = [&] {
    std::vector<uint8_t> r(N);
    for (auto& b : r) b = bit();
    return r;
  };
  Mask mask;
  if (clusters <= 0) {
    for (int c = 0; c < C; ++c) mask.push_back(row());
    return mask;
  }
  // K templates; channel c copies template perm[c] % K (balanced clusters in shuffled channel
  // order) and flips max(1, kept/32) random positions of it.
  std::vector<std::vector<uint8_t>> tpl;
  for (int t = 0; t < clusters; ++t) tpl.push_back(row());
  std::vector<int> perm(C);
  std::iota(perm.begin(), perm.end(), 0);
  for (int i = C - 1; i > 0; --i) std::swap(perm[i], perm[next() % uint64_t(i + 1)]);
  for (int c = 0; c < C; ++c) {
    std::vector<uint8_t> r = tpl[perm[c] % clusters];
    const int kept = int(std::count(r.begin(), r.end(), 1));
    for (int f = std::max(1, kept / 32); f > 0; --f) r[next() % uint64_t(N)] ^= 1;
    mask.push_back(std::move(r));
  }
  return mask;
}

int group_segments(const PruneGroup& g, int L) {
  return std::max<int>(1, (int(g.columns.size()) + L - 1) / L);
}

std::string pruning_canonical(const Pruning& p) {
  nlohmann::json j;
  j["mask"] = p.mask_file;
  j["mask_hash"] = fnv1a64(p.mask_text);
  j["group_size"] = p.group_size;
  j["grouping"] = to_string(p.grouping);
  return j.dump();
}

void derive_pruned(Spec& s) {
  const Pruning& p = *s.pruning;
  // Per stored position: m magnitude cells, the sign cell (step(w)) and the kept-row cell.
  s.array_cells = p.stats.stored * (s.m + 2);
  int64_t uarrays = 0;
  for (const PruneGroup& g : p.groups) uarrays += int64_t(g.channels.size()) * group_segments(g, s.L);
  if (s.datapath == Datapath::InMemory) {
    // Every uArray: nconv weight-row converters and the kept-row converter (no shared dummy).
    s.converters_total = int(uarrays * (s.nconv + 1));
    s.reference_cells = (full_scale(s.adc_bits) << s.adc_lsb_shift) * s.converters_total;
  } else {
    s.tree_instances = int(2 * uarrays);  // the selected row and the kept row of every uArray
  }
}

std::string pruning_report_json(const Spec& s) {
  const Pruning& p = *s.pruning;
  const PruneStats& st = p.stats;
  nlohmann::ordered_json j;
  j["mask"] = p.mask_file;
  j["group_size"] = p.group_size;
  j["grouping"] = to_string(p.grouping);
  j["weight_entries"] = {{"dense", st.dense}, {"ideal", st.ideal}, {"stored", st.stored}};
  j["stored_over_dense"] = st.dense ? double(st.stored) / double(st.dense) : 0.0;
  j["stored_over_ideal"] = st.ideal ? double(st.stored) / double(st.ideal) : 0.0;
  j["utilization"] = st.utilization();
  j["array_cells"] = {{"dense", int64_t(s.m + 1) * s.N * s.C + s.N}, {"pruned", s.array_cells}};
  nlohmann::ordered_json groups = nlohmann::ordered_json::array();
  std::vector<int64_t> widths, shared;
  for (size_t g = 0; g < p.groups.size(); ++g) {
    const PruneGroup& gr = p.groups[g];
    groups.push_back({{"channels", gr.channels}, {"width", gr.columns.size()}, {"uarrays", group_segments(gr, s.L)}});
    widths.push_back(int64_t(gr.columns.size()));
    if (g > 0) shared.push_back(int64_t(shared_count(p.groups[g - 1].columns, gr.columns)));
  }
  j["cim_column_widths"] = widths;
  j["input_wires_per_group"] = widths;
  j["input_wires"] = st.input_wires;
  j["shared_inputs_between_neighbours"] = shared;
  j["shared_inputs"] = st.shared_inputs;
  j["groups"] = groups;
  return j.dump();
}

std::string pruning_report_text(const Spec& s) {
  const Pruning& p = *s.pruning;
  const PruneStats& st = p.stats;
  std::ostringstream os;
  os << std::fixed << std::setprecision(3);
  os << "pruning              mask " << printable(p.mask_file) << ", group size " << p.group_size << ", "
     << to_string(p.grouping) << ", " << p.groups.size() << " groups\n"
     << "weight entries       stored " << st.stored << ", dense " << st.dense << ", ideal (kept) " << st.ideal
     << "  (stored/dense " << (st.dense ? double(st.stored) / double(st.dense) : 0.0) << ", stored/ideal "
     << (st.ideal ? double(st.stored) / double(st.ideal) : 0.0) << ", utilization " << st.utilization() << ")\n"
     << "CIM column widths   ";
  for (size_t g = 0; g < p.groups.size() && g < 32; ++g) os << " " << p.groups[g].columns.size();
  if (p.groups.size() > 32) os << " ... (" << p.groups.size() << " groups; all in check --json)";
  os << "\n"
     << "input wires          " << st.input_wires << ", shared between neighbouring groups " << st.shared_inputs << "\n";
  return os.str();
}

} // namespace cimgen
