// cimgen — switching activity measured in simulation (DESIGN.md section 13): the activity file
// `cimgen sim --activity FILE` writes from Verilator's toggle coverage, and its use by OpenSTA in
// `cimgen synth --activity FILE` (measured nets annotated, the others propagated).
//
// Activity file, text, one net bit per line after a three-line header:
//   # cimgen activity 1 (toggles per net bit counted by Verilator over the window)
//   top <top module>
//   window <vectors> vectors <cycles> cycles
//   <toggles> <module> <name>
// `name` is the hierarchical name of one bit below the top module (x_data[3],
// g_ch[0].u_channel.acc[5]), as Yosys names it after flattening; `module` the Verilog module the
// bit was counted in. The window starts at the first input vector's beat and lasts one
// initiation interval per vector (vectors offered back to back, y_ready high), so toggles / cycles
// is the activity per clock of a steady stream.
#pragma once

#include <cstdint>
#include <filesystem>
#include <map>
#include <set>
#include <string>
#include <utility>
#include <vector>

namespace cimgen {

/// A read activity file.
struct ActivityFile {
  std::string path, top;
  int64_t vectors = 0, cycles = 0;
  std::map<std::string, std::pair<int64_t, std::string>> nets;  ///< name -> toggles, module
  double activity(int64_t toggles) const { return double(toggles) / double(cycles); }
};

/// Reads an activity file; a malformed one throws InputError naming file:line.
ActivityFile read_activity(const std::string& path);

/// The activity file text from a Verilator coverage file written per instance (toggle points
/// only): `TOP.<top>.` stripped from the hierarchy, one line per bit, sorted by name.
std::string activity_from_coverage(const std::string& coverage_text, const std::string& top, int64_t vectors,
                                   int64_t cycles);

/// How much of a timed netlist the measured activity covers.
struct ActivityStats {
  int64_t measured = 0;       ///< nets and input ports annotated from the file
  int64_t nets = 0;           ///< nets and ports of the timed netlist
  int64_t blackbox_inputs = 0;  ///< inputs that are black-box outputs (array read data)
  double blackbox_activity = 0; ///< their activity: the mean of the black-box outputs counted
};

/// The nets of a timed netlist: input port bits, and (name, identifier in OpenSTA) of the others.
struct TimedNets {
  std::vector<std::string> inputs;
  std::vector<std::pair<std::string, std::string>> nets;
  std::map<std::string, std::vector<std::string>> aliases;  ///< identifier -> names assigned from it
};

/// Rewrites the escaped wire names of the Yosys netlist `verilog_file` to plain identifiers
/// (n_ and the name with every other character '_'; OpenSTA cannot constrain or look up names
/// with brackets inside) and returns its nets.
TimedNets plain_net_names(const std::filesystem::path& verilog_file);

/// The OpenSTA commands setting the measured activity of every net and input port of `tn` found
/// in `a` (clk excepted: the clock's); the other inputs, which are black-box outputs, get the
/// mean activity counted on the `blackbox_outputs` (module, output port).
std::string activity_commands(const TimedNets& tn, const ActivityFile& a,
                              const std::set<std::pair<std::string, std::string>>& blackbox_outputs,
                              ActivityStats& stats);

} // namespace cimgen
