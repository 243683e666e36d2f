// cimgen — generated file sets and the atomic output directories every command writes.
#pragma once

#include <cstdint>
#include <map>
#include <string>

namespace cimgen {

/// Relative path -> file text (deterministic order).
using FileSet = std::map<std::string, std::string>;

/// `text` made safe for a one-line message: control characters, DEL and bytes that are not
/// valid UTF-8 become escapes (\n, \t, \xNN); valid UTF-8 is kept.
std::string printable(const std::string& text);

/// The whole text of the input file `path` (`what` names it in errors: "spec file"). Throws
/// InputError, naming the path, when it is missing, unreadable, not a regular file (a folder,
/// a FIFO, a device) or larger than `max_bytes`; never blocks on a FIFO.
std::string read_input_file(const std::string& path, const std::string& what, std::uintmax_t max_bytes);

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
