// cimgen — the standard-cell technologies `cimgen synth --tech` knows: the OSU cells that the
// Debian packages qflow-tech-osu018/035/050 install (DESIGN.md section 13).
#pragma once

#include <string>
#include <vector>

namespace cimgen {

/// One shipped technology.
struct Tech {
  std::string name;      ///< --tech value (osu018, osu035, osu050)
  std::string package;   ///< Debian package that installs it
  std::string liberty;   ///< Liberty file, relative to the package's tech directory
  double feature_um = 0; ///< drawn feature size F
  /// Default bit-cell area: a 6T SRAM cell of 140 F^2 (0.18 um: 4.54 um^2, 0.35 um: 17.15 um^2,
  /// 0.5 um: 35 um^2), the usual size of a logic-rule 6T cell; `--bitcell-um2` overrides it.
  double bitcell_um2() const { return 140.0 * feature_um * feature_um; }
};

/// The technologies, in --tech order.
const std::vector<Tech>& techs();

/// The technology called `name`, with the absolute path of its Liberty file (under
/// $CIMGEN_QFLOW_TECH_DIR, default /usr/share/qflow/tech). Throws InputError naming the allowed
/// names, or the missing file and the package that provides it.
Tech find_tech(const std::string& name, std::string& liberty_path);

} // namespace cimgen
