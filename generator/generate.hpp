// cimgen — RTL generation of a whole macro from a Spec.
#pragma once

#include <map>
#include <string>
#include <vector>

#include "spec.hpp"

namespace cimgen {

inline constexpr const char* kVersion = "0.1.0";

/// One top-level port of DESIGN.md section 5 (the single table every emitter reads).
struct Port {
  const char* dir;    ///< "input" | "output"
  const char* name;   ///< port name
  std::string width;  ///< width in bits as a decimal string
  const char* what;   ///< one-line comment
};
/// The top-level ports of `s`, in contract order.
std::vector<Port> top_ports(const Spec& s);

/// Relative path -> file text of everything `cimgen generate` writes (deterministic).
using FileSet = std::map<std::string, std::string>;
FileSet generate(const Spec& s);

/// Write `files` below `dir` atomically: a temporary sibling directory renamed into place.
/// An existing `dir` is replaced only when it holds a previous cimgen output (manifest.json).
void write_tree(const std::string& dir, const FileSet& files);

/// Throws InputError if `dir` exists and is not a previous cimgen output (nor empty).
void check_output_dir(const std::string& dir);
/// A fresh temporary sibling of `dir` (path only; an old one of this process is removed).
std::string staging_dir(const std::string& dir);
/// Write `files` below `dir`.
void write_files(const std::string& dir, const FileSet& files);
/// Rename the finished `staged` directory to `dir`, replacing a previous cimgen output.
void commit_dir(const std::string& staged, const std::string& dir);

} // namespace cimgen
