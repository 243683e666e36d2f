// cimgen — vector file reader and writer.
#include "vecfile.hpp"

#include <algorithm>
#include <cctype>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <fstream>
#include <functional>
#include <iostream>
#include <set>
#include <sstream>
#include <sys/stat.h>
#include <unistd.h>

#include "files.hpp"
#include "pruning.hpp"

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

using LineFn = std::function<void(int, const std::vector<std::string>&)>;

/// Calls `fn(line number, tokens)` for every non-empty, non-comment line of the file (a regular
/// file of at most kMaxVectorFileBytes; only one line's tokens are held at a time).
void for_each_line(const std::string& path, const LineFn& fn) {
  const std::string text = read_input_file(path, "file", kMaxVectorFileBytes);
  std::vector<std::string> toks;
  size_t p = 0;
  for (int no = 1; p < text.size(); ++no) {
    size_t end = text.find('\n', p);
    if (end == std::string::npos) end = text.size();
    const size_t hash = text.find('#', p);
    const size_t stop = std::min(end, hash);
    toks.clear();
    for (size_t i = p; i < stop;) {
      while (i < stop && std::isspace(static_cast<unsigned char>(text[i]))) ++i;
      const size_t start = i;
      while (i < stop && !std::isspace(static_cast<unsigned char>(text[i]))) ++i;
      if (i > start) toks.emplace_back(text, start, i - start);
    }
    if (!toks.empty()) fn(no, toks);
    p = end + 1;
  }
}

std::string where(const std::string& path, int line) { return printable(path) + ":" + std::to_string(line); }

/// A token as an error message shows it: at most 32 characters, one line.
std::string shown(const std::string& tok) {
  return printable(tok.size() > 32 ? tok.substr(0, 28) + " ..." : tok);
}

} // namespace

/// A weights token `x` (pruned entry) at (row, i): legal only where the spec's mask prunes.
static void check_pruned_token(const Spec* s, const std::string& at, int row, int i) {
  const std::string tok = at + ": token " + std::to_string(i + 1) + " 'x': ";
  if (!s->pruning) throw InputError(tok + "not a decimal integer ('x', a pruned weight, needs a spec with \"pruning\")");
  if (row < s->C && s->pruning->kept(row, i))
    throw InputError(tok + "channel " + std::to_string(row) + " element " + std::to_string(i) +
                     " is kept by the mask (pruning.mask " + printable(s->pruning->mask_file) + ")");
}

std::vector<Vec> read_rows(const std::string& path, int width, uint32_t max_mag, ZeroSign zs, const Spec* weights_of) {
  std::vector<Vec> rows;
  for_each_line(path, [&](int no, const std::vector<std::string>& toks) {
    if (int(toks.size()) != width)
      throw InputError(where(path, no) + ": expected " + std::to_string(width) + " integers, got " +
                       std::to_string(toks.size()));
    Vec row(width);
    for (int i = 0; i < width; ++i) {
      if (toks[i] == "x" && weights_of) {
        check_pruned_token(weights_of, where(path, no), int(rows.size()), i);
        continue;  // row[i] stays +0; the mask makes it contribute nothing
      }
      if (!parse_signmag(toks[i], zs, row[i]))
        throw InputError(where(path, no) + ": token " + std::to_string(i + 1) + " '" + shown(toks[i]) +
                         "': not a decimal integer");
      if (row[i].mag > max_mag)
        throw InputError(where(path, no) + ": token " + std::to_string(i + 1) + " '" + shown(toks[i]) +
                         "': magnitude must be <= " + std::to_string(max_mag));
    }
    rows.push_back(std::move(row));
  });
  return rows;
}

std::vector<Vec> read_weights(const Spec& s, const std::string& path, ZeroSign zs) {
  auto rows = read_rows(path, s.N, uint32_t(s.w_max()), zs, &s);
  if (int(rows.size()) != s.C)
    throw InputError(printable(path) + ": expected " + std::to_string(s.C) + " weight lines (one per channel), got " +
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
  for_each_line(path, [&](int no, const std::vector<std::string>& toks) {
    if (int(toks.size()) != width)
      throw InputError(where(path, no) + ": expected " + std::to_string(width) + " integers, got " + std::to_string(toks.size()));
    std::vector<int64_t> r;
    for (const auto& t : toks) {
      try {
        size_t used = 0;
        r.push_back(std::stoll(t, &used));
        if (used != t.size()) throw std::invalid_argument(t);
      } catch (const std::exception&) {
        throw InputError(where(path, no) + ": token '" + shown(t) + "': not a decimal integer");
      }
    }
    rows.push_back(std::move(r));
  });
  return rows;
}

namespace {

/// Refuses an output path that cannot be renamed onto: empty, a folder or device, in a folder
/// that does not exist.
void check_output_file(const std::string& path) {
  if (path.empty()) throw InputError("output file: the path is empty");
  struct stat st {};
  if (::stat(path.c_str(), &st) == 0) {
    if (S_ISDIR(st.st_mode)) throw InputError(printable(path) + ": is a folder, not a file");
    if (!S_ISREG(st.st_mode)) throw InputError(printable(path) + ": exists and is not a regular file");
  } else if (errno != ENOENT) {
    throw InputError(printable(path) + ": cannot write file (" + std::strerror(errno) + ")");
  }
  const size_t slash = path.find_last_of('/');
  const std::string dir = slash == std::string::npos ? "." : slash == 0 ? "/" : path.substr(0, slash);
  if (::stat(dir.c_str(), &st) != 0 || !S_ISDIR(st.st_mode))
    throw InputError(printable(path) + ": cannot write file (folder " + printable(dir) + " does not exist)");
}

} // namespace

void write_file_atomic(const std::string& path, const std::string& text) {
  if (path == "-") {
    std::cout << text << std::flush;
    return;
  }
  write_files_atomic({{path, text}});
}

void write_files_atomic(const std::vector<std::pair<std::string, std::string>>& files) {
  std::set<std::string> seen;
  for (const auto& f : files) {
    check_output_file(f.first);
    if (!seen.insert(f.first).second) throw InputError(printable(f.first) + ": named twice as an output file");
  }
  std::vector<std::string> tmps;
  const auto clean = [&] {
    for (const auto& t : tmps) std::remove(t.c_str());
  };
  for (const auto& [path, text] : files) {
    const std::string tmp = path + ".tmp." + std::to_string(getpid());
    std::ofstream out(tmp, std::ios::binary);
    const int err = errno;
    if (!out) {
      clean();
      throw InputError(printable(path) + ": cannot write file (" + std::strerror(err) + ")");
    }
    tmps.push_back(tmp);
    out << text;
    if (!out.flush()) {
      clean();
      throw InputError(printable(path) + ": write failed");
    }
  }
  for (size_t k = 0; k < files.size(); ++k) {
    if (std::rename(tmps[k].c_str(), files[k].first.c_str()) != 0) {
      const int err = errno;
      for (size_t r = k; r < tmps.size(); ++r) std::remove(tmps[r].c_str());
      throw InputError(printable(files[k].first) + ": cannot rename into place (" + std::strerror(err) + ")");
    }
  }
}

} // namespace cimgen::golden
