// cimgen — vector files of DESIGN.md section 7 (weights, inputs, outputs), shared by every tool.
#pragma once

#include <cstdint>
#include <string>
#include <utility>
#include <vector>

#include "golden.hpp"

namespace cimgen::golden {

/// How a plain `0` token is encoded (`-0` and `+0` are always explicit).
enum class ZeroSign { Positive, Negative };

/// Parse one sign-magnitude token; returns false if it is not a decimal integer.
bool parse_signmag(const std::string& tok, ZeroSign zs, SignMag& out);
/// Format a sign-magnitude number (`-0` for negative zero).
std::string format_signmag(SignMag v);

/// Read a file of rows of `width` integers with magnitudes <= max_mag. `what` names the file's
/// role in errors ("weights"). Throws InputError "FILE:LINE: token 'T': ...". With `weights_of`
/// (a weights file of that spec), `x` marks a pruned entry (DESIGN.md section 10): refused at a
/// kept position or when the spec does not prune; read as +0.
std::vector<Vec> read_rows(const std::string& path, int width, uint32_t max_mag, ZeroSign zs,
                           const Spec* weights_of = nullptr);
/// Weights: exactly C rows of N.
std::vector<Vec> read_weights(const Spec& s, const std::string& path, ZeroSign zs);
/// Inputs: any number (>= 0) of rows of N.
std::vector<Vec> read_inputs(const Spec& s, const std::string& path, ZeroSign zs);
/// Write rows of sign-magnitude values, one row per line.
std::string format_rows(const std::vector<Vec>& rows);
/// Outputs: one line per vector, C integers.
std::string format_outputs(const std::vector<std::vector<int64_t>>& ys);
/// Read an outputs file (plain integers).
std::vector<std::vector<int64_t>> read_outputs(const std::string& path, int width);
/// Largest vector file read (weights, inputs, outputs); rows take at most 4x its size in memory.
inline constexpr std::uintmax_t kMaxVectorFileBytes = std::uintmax_t{256} << 20;
/// Write `text` to `path` atomically (temporary file renamed into place); "-" is stdout.
void write_file_atomic(const std::string& path, const std::string& text);
/// Write each (path, text) atomically, and none of them if any path is refused (empty, a
/// folder or other non-regular file, in a missing folder, twice in the list): all paths are
/// checked and all temporary files written before the first is renamed into place.
void write_files_atomic(const std::vector<std::pair<std::string, std::string>>& files);

} // namespace cimgen::golden
