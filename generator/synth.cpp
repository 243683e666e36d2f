// cimgen — `cimgen synth`.
#include "synth.hpp"

#include <cctype>
#include <cstdlib>
#include <functional>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <map>
#include <nlohmann/json.hpp>
#include <regex>
#include <sstream>

#include "generate.hpp"
#include "vecfile.hpp"

namespace cimgen {

namespace fs = std::filesystem;
using nlohmann::json;
using nlohmann::ordered_json;

namespace {

std::string slurp(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  return std::string(std::istreambuf_iterator<char>(in), {});
}

/// Yosys 0.23 prints the hierarchy tree into `stat -json` output; keep only JSON lines.
json parse_stat(const std::string& text) {
  std::istringstream in(text);
  std::string clean, line;
  while (std::getline(in, line)) {
    const bool structural = line.find_first_not_of(" \t{}[],") == std::string::npos;
    if (structural || line.find('"') != std::string::npos) clean += line + "\n";
  }
  return json::parse(clean);
}

/// Block of the area breakdown a module belongs to (by its name after the spec prefix).
std::string block_of(const std::string& module, const std::string& name) {
  // Module names may be wrapped by Yosys: "\\<name>_ctrl", "$paramod\\<name>_shift_acc\\W=...".
  std::string m;
  const auto at = module.find(name + "_");
  if (at != std::string::npos)
    for (size_t i = at + name.size() + 1; i < module.size() && (std::isalnum((unsigned char)module[i]) || module[i] == '_'); ++i)
      m += module[i];
  if (m == "ctrl") return "controller";
  if (m == "gating" || m.rfind("uarray", 0) == 0) return "gating and sense amplifiers";
  if (m == "adder_tree") return "adder trees";
  if (m == "sar") return "ADC logic (SAR sequencers)";
  if (m == "seg_sum" || m == "shift_acc" || m.rfind("channel", 0) == 0) return "accumulators and combine";
  if (m == "top") return "I/O registers and sequencing";
  return "other";
}

int64_t transistors_of(const json& mod) {
  if (!mod.contains("estimated_num_transistors")) return 0;
  const auto& v = mod["estimated_num_transistors"];
  if (v.is_number()) return v.get<int64_t>();
  return std::atoll(v.get<std::string>().c_str());
}

/// Transistors of one flip-flop (static master-slave DFF, 6 GE); Yosys's CMOS estimate omits them.
constexpr int64_t kFfTransistors = 24;

} // namespace

std::pair<std::string, std::string> area_report(const Spec& s, const std::string& stat_text, const std::string& ltp) {
  const json stat = parse_stat(stat_text);
  const json& mods = stat["modules"];
  // Instance count of every module below the top.
  std::map<std::string, int64_t> count;
  const std::string top = "\\" + s.name + "_top";
  std::function<void(const std::string&, int64_t)> walk = [&](const std::string& m, int64_t k) {
    count[m] += k;
    if (!mods.contains(m)) return;
    for (auto it = mods[m]["num_cells_by_type"].begin(); it != mods[m]["num_cells_by_type"].end(); ++it) {
      const std::string sub = "\\" + it.key();
      const std::string sub_plain = it.key();
      if (mods.contains(sub)) walk(sub, k * it.value().get<int64_t>());
      else if (mods.contains(sub_plain)) walk(sub_plain, k * it.value().get<int64_t>());
    }
  };
  walk(mods.contains(top) ? top : s.name + "_top", 1);

  std::map<std::string, int64_t> cells_by_type, block_cells, block_tr, block_ff;
  int64_t transistors = 0, ffs = 0, cells = 0;
  for (const auto& [m, k] : count) {
    if (!mods.contains(m)) continue;
    const json& mod = mods[m];
    const std::string block = block_of(m, s.name);
    const int64_t tr = transistors_of(mod) * k;
    transistors += tr;
    block_tr[block] += tr;
    for (auto it = mod["num_cells_by_type"].begin(); it != mod["num_cells_by_type"].end(); ++it) {
      const std::string type = it.key();
      if (type.rfind("$", 0) != 0) continue;  // a submodule or black box, counted on its own
      const int64_t n = it.value().get<int64_t>() * k;
      cells_by_type[type] += n;
      cells += n;
      block_cells[block] += n;
      if (type.find("DFF") != std::string::npos) {
        ffs += n;
        block_ff[block] += n;
        // `stat -tech cmos` leaves flip-flops out; count a static master-slave DFF as kFfTransistors.
        transistors += n * kFfTransistors;
        block_tr[block] += n * kFfTransistors;
      }
    }
  }
  int ltp_len = -1;
  std::smatch mm;
  if (std::regex_search(ltp, mm, std::regex("length=([0-9]+)"))) ltp_len = std::stoi(mm[1]);

  // Analytic bit-cell array (DESIGN.md section 8); in_memory adds the reference cells of each
  // converter, (2^b - 1) << lsb_shift.
  int64_t array_cells = int64_t(s.m + 1) * s.N * s.C + s.N;
  int64_t ref_cells = 0;
  if (s.datapath == Datapath::InMemory) {
    const int64_t per_conv = ((int64_t{1} << s.adc_bits) - 1) << s.adc_lsb_shift;
    ref_cells = per_conv * ((s.adc_per_row ? s.m : 1) * int64_t(s.C) * s.S + s.S);
  }
  const double array_um2 = double(array_cells + ref_cells) * s.bitcell_area_um2;
  const double ge = double(transistors) / 4.0;  // NAND2 = 4 transistors = 1 GE

  ordered_json j;
  j["name"] = s.name;
  j["spec_hash"] = s.hash;
  j["periphery"] = {{"cells", cells},
                    {"flip_flops", ffs},
                    {"transistors", transistors},
                    {"gate_equivalents", ge},
                    {"longest_path_levels", ltp_len}};
  j["cells_by_type"] = cells_by_type;
  ordered_json blocks = ordered_json::array();
  for (const auto& [b, n] : block_cells)
    blocks.push_back({{"block", b}, {"cells", n}, {"flip_flops", block_ff[b]}, {"transistors", block_tr[b]},
                      {"gate_equivalents", double(block_tr[b]) / 4.0}});
  j["blocks"] = blocks;
  j["array"] = {{"bitcells", array_cells}, {"reference_cells", ref_cells},
                {"bitcell_area_um2", s.bitcell_area_um2}, {"area_um2", array_um2}};

  std::ostringstream md;
  md << "# Area of " << s.name << " (spec " << s.hash << ")\n\n"
     << "Periphery synthesized by Yosys (`synth`, generic gates); bit cells and analog models are black boxes.\n"
     << "Transistors from `stat -tech cmos`, plus 24 per flip-flop (which it omits); gate equivalents =\n"
     << "transistors / 4 (NAND2 = 4 transistors = 1 GE).\n\n"
     << "| block | cells | flip-flops | transistors | GE |\n| --- | ---: | ---: | ---: | ---: |\n";
  for (const auto& [b, n] : block_cells)
    md << "| " << b << " | " << n << " | " << block_ff[b] << " | " << block_tr[b] << " | " << block_tr[b] / 4 << " |\n";
  md << "| **total periphery** | " << cells << " | " << ffs << " | " << transistors << " | " << int64_t(ge) << " |\n\n"
     << "Longest topological path: " << ltp_len << " gate levels.\n\n"
     << "Bit-cell array (analytic): " << array_cells << " cells";
  if (ref_cells) md << " + " << ref_cells << " reference cells";
  md << " x " << s.bitcell_area_um2 << " um^2 = " << array_um2 << " um^2.\n";
  return {j.dump(2) + "\n", md.str()};
}

int run_synth(const std::string& spec_path, const SynthOptions& opt) {
  const Spec s = Spec::from_file(spec_path);
  const std::string out = opt.out.empty() ? s.name + "_synth" : opt.out;
  write_tree(out, generate(s));
  const fs::path dir = fs::path(out) / "synth";
  std::cerr << "cimgen synth: running Yosys on " << s.name << " (log: " << (dir / "yosys.log").string() << ")\n";
  const std::string cmd = "cd '" + dir.string() + "' && yosys -q -l yosys.log -p 'script " + s.name +
                          ".ys; tee -q -o stat.json stat -json -tech cmos; flatten; tee -q -o ltp.txt ltp -noff' > /dev/null 2>&1";
  const int rc = std::system(cmd.c_str());
  if (rc != 0) {
    std::cerr << "cimgen synth: Yosys failed (latch, check -assert, or tool error); see " << (dir / "yosys.log").string()
              << "\n";
    return 1;
  }
  const auto [j, md] = area_report(s, slurp(dir / "stat.json"), slurp(dir / "ltp.txt"));
  golden::write_file_atomic((dir / "area.json").string(), j);
  golden::write_file_atomic((dir / "area.md").string(), md);
  std::cout << md;
  return 0;
}

} // namespace cimgen
