// cimgen — template renderer.
#include "template.hpp"

#include <regex>
#include <set>
#include <stdexcept>

namespace cimgen {

std::string render_text(const std::string& name, const std::string& text, const Vars& vars) {
  static const std::regex key("\\{\\{([A-Z0-9_]+)\\}\\}");
  std::string out;
  std::set<std::string> used;
  auto it = std::sregex_iterator(text.begin(), text.end(), key);
  size_t pos = 0;
  for (; it != std::sregex_iterator(); ++it) {
    const auto& m = *it;
    const std::string k = m[1].str();
    const auto v = vars.find(k);
    if (v == vars.end()) throw std::logic_error(name + ": no value for {{" + k + "}}");
    used.insert(k);
    out.append(text, pos, size_t(m.position(0)) - pos);
    out += v->second;
    pos = size_t(m.position(0) + m.length(0));
  }
  out.append(text, pos, std::string::npos);
  for (const auto& [k, v] : vars)
    if (!used.count(k)) throw std::logic_error(name + ": value for {{" + k + "}} is never used");
  return out;
}

std::string render(const std::string& name, const Vars& vars) {
  const auto& all = embedded_templates();
  const auto t = all.find(name);
  if (t == all.end()) throw std::logic_error("unknown template " + name);
  return render_text(name, t->second, vars);
}

} // namespace cimgen
