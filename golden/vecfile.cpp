// cimgen — vector file reader and writer.
#include "vecfile.hpp"

#include <cstdio>
#include <fstream>
#include <iostream>
#include <sstream>
#include <unistd.h>

namespace cimgen::golden {

bool parse_signmag(const std::string& tok, ZeroSign zs, SignMag& out) {
  size_t p = 0;
  bool neg = false, explicit_sign = false;
  if (p < tok.size() && (tok[p] == '-' || tok[p] == '+')) {
    neg = tok[p] == '-';
    explicit_sign = true;
    ++p;
  }
  if (p == tok.size() || tok.size() - p > 9) return false;
  uint32_t mag = 0;
  for (; p < tok.size(); ++p) {
    if (tok[p] < '0' || tok[p] > '9') return false;
    mag = mag * 10 + uint32_t(tok[p] - '0');
  }
  if (mag == 0 && !explicit_sign) neg = zs == ZeroSign::Negative;
  out = SignMag{neg, mag};
  return true;
}

std::string format_signmag(SignMag v) { return (v.neg ? "-" : "") + std::to_string(v.mag); }

namespace {

/// Split a file into (line number, tokens) for every non-empty, non-comment line.
std::vector<std::pair<int, std::vector<std::string>>> tokenize(const std::string& path) {
  std::ifstream in(path);
  if (!in) throw InputError(path + ": cannot read file");
  std::vector<std::pair<int, std::vector<std::string>>> lines;
  std::string line;
  for (int no = 1; std::getline(in, line); ++no) {
    const auto hash = line.find('#');
    if (hash != std::string::npos) line.resize(hash);
    std::istringstream ls(line);
    std::vector<std::string> toks;
    for (std::string t; ls >> t;) toks.push_back(t);
    if (!toks.empty()) lines.emplace_back(no, std::move(toks));
  }
  if (in.bad()) throw InputError(path + ": read error");
  return lines;
}

std::string where(const std::string& path, int line) { return path + ":" + std::to_string(line); }

} // namespace

std::vector<Vec> read_rows(const std::string& path, int width, uint32_t max_mag, ZeroSign zs) {
  std::vector<Vec> rows;
  for (const auto& [no, toks] : tokenize(path)) {
    if (int(toks.size()) != width)
      throw InputError(where(path, no) + ": expected " + std::to_string(width) + " integers, got " +
                       std::to_string(toks.size()));
    Vec row(width);
    for (int i = 0; i < width; ++i) {
      if (!parse_signmag(toks[i], zs, row[i]))
        throw InputError(where(path, no) + ": token " + std::to_string(i + 1) + " '" + toks[i] + "': not a decimal integer");
      if (row[i].mag > max_mag)
        throw InputError(where(path, no) + ": token " + std::to_string(i + 1) + " '" + toks[i] +
                         "': magnitude must be <= " + std::to_string(max_mag));
    }
    rows.push_back(std::move(row));
  }
  return rows;
}

std::vector<Vec> read_weights(const Spec& s, const std::string& path, ZeroSign zs) {
  auto rows = read_rows(path, s.N, uint32_t(s.w_max()), zs);
  if (int(rows.size()) != s.C)
    throw InputError(path + ": expected " + std::to_string(s.C) + " weight lines (one per channel), got " +
                     std::to_string(rows.size()));
  return rows;
}

std::vector<Vec> read_inputs(const Spec& s, const std::string& path, ZeroSign zs) {
  return read_rows(path, s.N, uint32_t(s.x_max()), zs);
}

std::string format_rows(const std::vector<Vec>& rows) {
  std::string out;
  for (const Vec& r : rows) {
    for (size_t i = 0; i < r.size(); ++i) out += (i ? " " : "") + format_signmag(r[i]);
    out += "\n";
  }
  return out;
}

std::string format_outputs(const std::vector<std::vector<int64_t>>& ys) {
  std::string out;
  for (const auto& r : ys) {
    for (size_t i = 0; i < r.size(); ++i) out += (i ? " " : "") + std::to_string(r[i]);
    out += "\n";
  }
  return out;
}

std::vector<std::vector<int64_t>> read_outputs(const std::string& path, int width) {
  std::vector<std::vector<int64_t>> rows;
  for (const auto& [no, toks] : tokenize(path)) {
    if (int(toks.size()) != width)
      throw InputError(where(path, no) + ": expected " + std::to_string(width) + " integers, got " + std::to_string(toks.size()));
    std::vector<int64_t> r;
    for (const auto& t : toks) {
      try {
        size_t used = 0;
        r.push_back(std::stoll(t, &used));
        if (used != t.size()) throw std::invalid_argument(t);
      } catch (const std::exception&) {
        throw InputError(where(path, no) + ": token '" + t + "': not a decimal integer");
      }
    }
    rows.push_back(std::move(r));
  }
  return rows;
}

void write_file_atomic(const std::string& path, const std::string& text) {
  if (path == "-") {
    std::cout << text << std::flush;
    return;
  }
  const std::string tmp = path + ".tmp." + std::to_string(getpid());
  {
    std::ofstream out(tmp, std::ios::binary);
    if (!out) throw InputError(path + ": cannot write file");
    out << text;
    if (!out.flush()) {
      std::remove(tmp.c_str());
      throw InputError(path + ": write failed");
    }
  }
  if (std::rename(tmp.c_str(), path.c_str()) != 0) {
    std::remove(tmp.c_str());
    throw InputError(path + ": cannot rename into place");
  }
}

} // namespace cimgen::golden
