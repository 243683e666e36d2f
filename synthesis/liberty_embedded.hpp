// cimgen — Liberty files compiled into the binary (synthesis/liberty/*.lib).
#pragma once

#include <map>
#include <string>

namespace cimgen {

/// File name ("cimgen_generic.lib") to text, embedded at build time.
const std::map<std::string, std::string>& embedded_liberty();

} // namespace cimgen
