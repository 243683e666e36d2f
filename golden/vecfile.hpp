// cimgen — vector files of DESIGN.md section 7 (weights, inputs, outputs), shared by every tool.
#pragma once

#include <string>
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
/// role in errors ("weights"). Throws InputError "FILE:LINE: token 'T': ...".
std::vector<Vec> read_rows(const std::string& path, int width, uint32_t max_mag, ZeroSign zs);
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
/// Write `text` to `path` atomically (temporary file renamed into place); "-" is stdout.
void write_file_atomic(const std::string& path, const std::string& text);

} // namespace cimgen::golden
