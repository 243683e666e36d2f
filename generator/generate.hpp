// cimgen — RTL generation of a whole macro from a Spec.
#pragma once

#include <map>
#include <string>
#include <vector>

#include "banner.hpp"
#include "files.hpp"
#include "spec.hpp"

namespace cimgen {

/// One top-level port of DESIGN.md section 5 (the single table every emitter reads).
struct Port {
  const char* dir;    ///< "input" | "output"
  const char* name;   ///< port name
  std::string width;  ///< width in bits as a decimal string
  const char* what;   ///< one-line comment
};
/// The top-level ports of `s`, in contract order.
std::vector<Port> top_ports(const Spec& s);

/// Everything `cimgen generate` writes except the synthesis scripts: rtl/, sim/ and
/// manifest.json, whose "modules" list names each module's role (deterministic).
FileSet generate(const Spec& s);

/// Set the manifest's "files" list to every path of `files` (after a later layer added some).
void list_files_in_manifest(FileSet& files);

} // namespace cimgen
