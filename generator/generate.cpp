// cimgen — generation of a whole macro: the datapath's blocks rendered, plus the manifest.
#include "generate.hpp"

#include <nlohmann/json.hpp>

#include "block.hpp"
#include "fusesoc.hpp"

namespace cimgen {

namespace {

using ordered_json = nlohmann::ordered_json;

/// Path of a block's file: rtl/ for synthesizable modules and the array, sim/ for analog models.
std::string file_of(const Spec& s, const Block& b) {
  return std::string(b.role == Role::Simulation ? "sim/" : "rtl/") + module_name(s, b) + ".v";
}

/// rtl/files.f and sim/files.f: the modules in emission order, leaves first.
void add_file_lists(const Spec& s, const std::vector<Block>& blocks, FileSet& files) {
  std::string rtl, sim;
  for (const Block& b : blocks) (b.role == Role::Simulation ? sim : rtl) += module_name(s, b) + ".v\n";
  files["rtl/files.f"] = rtl;
  if (!sim.empty()) files["sim/files.f"] = sim;
}

/// Fields the datapath states about its schedule (DESIGN.md section 4).
void add_datapath_fields(const Spec& s, ordered_json& man) {
  switch (s.datapath) {
  case Datapath::NearMemory:
    man["row_reads_per_vector"] = s.row_reads;
    break;
  case Datapath::HTree:
    man["row_reads_per_vector"] = s.row_reads;
    man["htree"] = ordered_json::parse(s.derived_json())["htree"];
    break;
  case Datapath::InMemory:
    man["compute_cycles_per_vector"] = s.compute_cycles;
    man["conversions_per_channel"] = s.conversions;
    man["converters"] = {{"per_uarray", s.nconv},
                         {"dummy_per_segment", 1},
                         {"total", s.converters_total},
                         {"bits", s.adc_bits}};
    if (s.pruning) {  // DESIGN section 10: each uArray's kept row has its own converter, no dummy row
      man["converters"]["dummy_per_segment"] = 0;
      man["converters"]["kept_row_per_uarray"] = 1;
    }
    break;
  case Datapath::Dima:
    man["compute_cycles_per_vector"] = s.compute_cycles;
    man["conversions_per_channel"] = s.conversions;
    man["converters"] = {{"total", 1}, {"bits", s.adc_bits}, {"signed", true}};
    man["program"] = {{"words", s.dima.program_words}, {"instruction_bits", s.dima.I_W}, {"addr_bits", s.dima.PC_W}};
    break;
  }
}

std::string manifest(const Spec& s, const std::vector<Block>& blocks) {
  ordered_json man;
  man["tool"] = "cimgen";
  man["version"] = kVersion;
  man["name"] = s.name;
  man["top"] = s.name + "_top";
  man["spec_hash"] = s.hash;
  man["spec"] = ordered_json::parse(s.canonical);
  man["derived"] = ordered_json::parse(s.derived_json());
  man["latency"] = s.latency;
  man["initiation_interval"] = s.initiation_interval;
  add_datapath_fields(s, man);
  ordered_json mods = ordered_json::array();
  for (const Block& b : blocks) {
    mods.push_back({{"module", module_name(s, b)},
                    {"role", to_string(b.role)},
                    {"block", b.category},
                    {"instances", b.instances},
                    {"file", file_of(s, b)}});
    if (!b.report.is_null())
      for (const auto& [key, value] : b.report.items()) man[key] = value;
  }
  man["modules"] = mods;
  return man.dump(2) + "\n";
}

} // namespace

FileSet generate(const Spec& s) {
  const std::vector<Block> blocks = datapath_blocks(s);
  FileSet files;
  for (const Block& b : blocks) files[file_of(s, b)] = emit(s, b);
  add_file_lists(s, blocks, files);
  files["manifest.json"] = manifest(s, blocks);
  files[s.name + ".core"] = fusesoc_core(s, files);
  list_files_in_manifest(files);
  return files;
}

void list_files_in_manifest(FileSet& files) {
  auto man = ordered_json::parse(files.at("manifest.json"));
  std::vector<std::string> list;
  for (const auto& [path, text] : files) list.push_back(path);
  man["files"] = list;
  files["manifest.json"] = man.dump(2) + "\n";
}

} // namespace cimgen
