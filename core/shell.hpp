// cimgen — quoting for the shell commands cimgen runs (Verilator, Yosys).
#pragma once

#include <string>

namespace cimgen {

/// `s` in single quotes, safe as one word for /bin/sh.
inline std::string shell_quote(const std::string& s) {
  std::string q = "'";
  for (char c : s) q += c == '\'' ? std::string("'\\''") : std::string(1, c);
  return q + "'";
}

} // namespace cimgen
