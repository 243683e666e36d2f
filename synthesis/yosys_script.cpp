// cimgen — Yosys command text of the synthesis flow.
#include "yosys_script.hpp"

#include <nlohmann/json.hpp>
#include <sstream>

#include "banner.hpp"
#include "liberty.hpp"

namespace cimgen {

std::string read_rtl_commands(const std::vector<std::string>& rtl_modules, const std::string& array_module,
                              const std::vector<std::string>& sim_modules) {
  std::string s;
  for (const auto& m : rtl_modules)
    if (m != array_module) s += "read_verilog ../rtl/" + m + ".v\n";
  s += "read_verilog -lib ../rtl/" + array_module + ".v\n";
  for (const auto& m : sim_modules) s += "read_verilog -lib ../sim/" + m + ".v\n";
  s += std::string("read_liberty -lib ") + kCellLibrary + "\n";
  return s;
}

std::string synth_map_commands(const std::string& top, const std::string& generic_out, const std::string& mapped_out) {
  const std::string lib = kCellLibrary;
  std::string s = "synth -top " + top + "\n" +
                  "select -assert-none t:$dlatch t:$_DLATCH_*\n"
                  "check -assert\n";
  if (generic_out.empty()) {
    s += "stat -tech cmos\n";
  } else {
    s += "tee -q -o " + generic_out + ".cmos.json stat -json -tech cmos\n";
    s += "write_json " + generic_out + ".generic.json\n";
  }
  s += "dfflibmap -liberty " + lib + "\n" + "abc -liberty " + lib + "\n" + "opt_clean\n" + "check -assert\n";
  if (mapped_out.empty()) s += "stat -liberty " + lib + "\n";
  else s += "write_json " + mapped_out + ".json\n";
  return s;
}

std::string elaborate_script(const std::string& design_script, const std::string& rtlil_out, const std::string& modules_out) {
  std::string s;
  std::istringstream in(design_script);
  std::string line;
  while (std::getline(in, line))
    if (line.rfind("read_", 0) == 0 || line.rfind("hierarchy", 0) == 0) s += line + "\n";
  return s + "write_rtlil " + rtlil_out + "\ntee -q -o " + modules_out + " ls\n";
}

std::string module_script(const std::string& rtlil, const std::string& module, const std::string& prefix) {
  return "read_rtlil " + rtlil + "\nread_liberty -lib " + kCellLibrary + "\nhierarchy -top " + module + "\nblackbox " +
         module + " %n\n" + synth_map_commands(module, prefix, prefix);
}

std::string reference_script(const std::string& verilog, const std::string& top, const std::string& prefix) {
  return "read_verilog " + verilog + "\nread_liberty -lib " + kCellLibrary + "\n" + synth_map_commands(top, prefix, prefix);
}

std::string verify_script(const std::string& top, const std::vector<std::string>& sequential_cells, const VerifyFiles& f) {
  std::string del;
  for (const auto& c : sequential_cells) del += " t:" + c;
  return "read_json " + f.generic_json + "\nhierarchy -top " + top + "\nflatten\ntee -q -o " + f.ltp_generic +
         " ltp -noff\ndesign -reset\nread_liberty -lib " + kCellLibrary + "\nread_json " + f.mapped_json +
         "\nhierarchy -top " + top + "\ntee -q -o " + f.stat_mapped + " stat -liberty " + kCellLibrary + "\nflatten\n" +
         (del.empty() ? "" : "delete" + del + "\n") + "tee -q -o " + f.ltp_mapped + " ltp\n";
}

void add_design_script(const Spec& s, FileSet& files) {
  const auto man = nlohmann::json::parse(files.at("manifest.json"));
  std::vector<std::string> rtl, sim;
  std::string array;
  for (const auto& m : man.at("modules")) {
    const std::string name = m.at("module"), role = m.at("role");
    if (role == "simulation") sim.push_back(name);
    else rtl.push_back(name);
    if (role == "array") array = name;
  }
  // The bit-cell array and the analog models are black boxes; the periphery is mapped onto
  // the generic cell library written next to the script.
  std::string head = banner(s, "Yosys synthesis of the periphery (run in synth/: yosys -s " + s.name + ".ys)");
  for (size_t p = 0; (p = head.find("//", p)) != std::string::npos;) head.replace(p, 2, "#");
  files["synth/" + s.name + ".ys"] = head + "\n" + read_rtl_commands(rtl, array, sim) + "hierarchy -check -top " +
                                     s.name + "_top\n" + synth_map_commands(s.name + "_top", "", "");
  files[std::string("synth/") + kCellLibrary] = generic_liberty_text();
}

} // namespace cimgen
