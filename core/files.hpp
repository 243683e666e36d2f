// cimgen — generated file sets and the atomic output directories every command writes.
#pragma once

#include <map>
#include <string>

namespace cimgen {

/// Relative path -> file text (deterministic order).
using FileSet = std::map<std::string, std::string>;

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
