// cimgen — shipped technologies (OSU standard cells from the qflow-tech-osu* packages).
#include "tech.hpp"

#include <cstdlib>
#include <filesystem>

#include "errors.hpp"

namespace cimgen {

const std::vector<Tech>& techs() {
  static const std::vector<Tech> t = {
      {"osu018", "qflow-tech-osu018", "osu018/osu018_stdcells.lib", 0.18},
      {"osu035", "qflow-tech-osu035", "osu035/osu035_stdcells.lib", 0.35},
      {"osu050", "qflow-tech-osu050", "osu050/osu05_stdcells.lib", 0.5},
  };
  return t;
}

Tech find_tech(const std::string& name, std::string& liberty_path) {
  std::string names;
  for (const auto& t : techs()) {
    names += (names.empty() ? "" : ", ") + t.name;
    if (t.name != name) continue;
    const char* env = std::getenv("CIMGEN_QFLOW_TECH_DIR");
    const std::filesystem::path dir = env && *env ? env : "/usr/share/qflow/tech";
    liberty_path = (dir / t.liberty).string();
    if (!std::filesystem::is_regular_file(liberty_path))
      throw InputError("--tech " + name + ": " + liberty_path + " not found (install the Debian package " + t.package +
                       ", scripts/install-deps.sh does)");
    return t;
  }
  throw InputError("--tech " + name + ": unknown technology (allowed: " + names + ")");
}

} // namespace cimgen
