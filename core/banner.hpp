// cimgen — version and the banner every generated file opens with.
#pragma once

#include <string>

#include "spec.hpp"

namespace cimgen {

inline constexpr const char* kVersion = "0.1.0";

/// `//` comment lines: what the file is, tool version, spec name and hash, key parameters,
/// "do not edit". No time stamps or paths, so the same spec gives the same bytes.
std::string banner(const Spec& s, const std::string& what);

} // namespace cimgen
