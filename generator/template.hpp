// cimgen — {{KEY}} template renderer; templates are compiled into the binary.
#pragma once

#include <map>
#include <string>

namespace cimgen {

/// Template name ("ctrl.v.tpl") to text, embedded at build time from rtl_templates/ (and the
/// cell libraries of generator/liberty/, by file name).
const std::map<std::string, std::string>& embedded_templates();

/// Substitution values of one template.
using Vars = std::map<std::string, std::string>;

/// Render template `name` with `vars`. Throws std::logic_error on an unknown template, a
/// placeholder without a value, or a value that no placeholder uses.
std::string render(const std::string& name, const Vars& vars);
/// Same, for template text given directly (used by tests).
std::string render_text(const std::string& name, const std::string& text, const Vars& vars);

} // namespace cimgen
