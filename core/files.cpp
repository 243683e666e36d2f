// cimgen — atomic output directories and bounded reads of input files.
#include "files.hpp"

#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <filesystem>
#include <fstream>
#include <sys/stat.h>
#include <unistd.h>

#include "errors.hpp"

namespace cimgen {

namespace fs = std::filesystem;

namespace {

/// Length of the valid UTF-8 sequence at `s[i]` (a byte >= 0x80), or 0 if it is not one.
size_t utf8_length(const std::string& s, size_t i) {
  const auto b = [&](size_t k) { return static_cast<unsigned char>(s[k]); };
  const unsigned char c = b(i);
  const size_t n = c >= 0xC2 && c <= 0xDF ? 2 : c >= 0xE0 && c <= 0xEF ? 3 : c >= 0xF0 && c <= 0xF4 ? 4 : 0;
  if (n == 0 || i + n > s.size()) return 0;
  for (size_t k = 1; k < n; ++k)
    if ((b(i + k) & 0xC0) != 0x80) return 0;
  if ((c == 0xE0 && b(i + 1) < 0xA0) || (c == 0xED && b(i + 1) > 0x9F) || (c == 0xF0 && b(i + 1) < 0x90) ||
      (c == 0xF4 && b(i + 1) > 0x8F))
    return 0;  // overlong, surrogate or beyond U+10FFFF
  return n;
}

/// The output folder `dir` as an absolute path without a trailing separator.
fs::path output_path(const std::string& dir) {
  if (dir.empty()) throw InputError("output folder: the path is empty");
  fs::path p = fs::absolute(dir).lexically_normal();
  if (!p.has_filename()) p = p.parent_path();  // "out/"
  if (p == p.root_path()) throw InputError(printable(dir) + ": cannot write output to the root folder");
  return p;
}

/// Runs `f`, turning a filesystem error into an InputError naming `dir`.
template <class F>
auto on_output(const std::string& dir, F f) {
  try {
    return f();
  } catch (const fs::filesystem_error& e) {
    throw InputError(printable(dir) + ": cannot write output: " + e.code().message());
  }
}

/// The outermost ancestor of `p` that does not exist yet ("" if its parent exists).
fs::path first_missing_ancestor(const fs::path& p) {
  fs::path missing;
  for (fs::path a = p.parent_path(); !a.empty() && a != a.root_path() && !fs::exists(a); a = a.parent_path()) missing = a;
  return missing;
}

} // namespace

std::string printable(const std::string& text) {
  static const char* hex = "0123456789abcdef";
  std::string out;
  for (size_t i = 0; i < text.size();) {
    const unsigned char c = static_cast<unsigned char>(text[i]);
    const size_t n = c >= 0x80 ? utf8_length(text, i) : 0;
    if (n > 0) {
      out.append(text, i, n);
      i += n;
      continue;
    }
    if (c == '\n') out += "\\n";
    else if (c == '\t') out += "\\t";
    else if (c == '\r') out += "\\r";
    else if (c < 0x20 || c >= 0x7F) out += std::string("\\x") + hex[c >> 4] + hex[c & 15];
    else out += char(c);
    ++i;
  }
  return out;
}

std::string read_input_file(const std::string& path, const std::string& what, std::uintmax_t max_bytes) {
  const std::string name = path.empty() ? "''" : printable(path);
  const auto refuse = [&](const std::string& why) { throw InputError(name + ": cannot read " + what + " (" + why + ")"); };
  // O_NONBLOCK: opening a FIFO must not wait for a writer (it is refused below).
  const int fd = path.empty() ? -1 : ::open(path.c_str(), O_RDONLY | O_NONBLOCK | O_CLOEXEC);
  if (fd < 0) refuse(path.empty() ? "empty path" : std::strerror(errno));
  struct Closer {
    int fd;
    ~Closer() { ::close(fd); }
  } closer{fd};
  struct stat st {};
  if (::fstat(fd, &st) != 0) refuse(std::strerror(errno));
  if (S_ISDIR(st.st_mode)) refuse("it is a folder");
  if (!S_ISREG(st.st_mode)) refuse("not a regular file");
  if (std::uintmax_t(st.st_size) > max_bytes) refuse("larger than " + std::to_string(max_bytes) + " bytes");
  std::string text;
  char buf[65536];
  for (;;) {
    const ssize_t got = ::read(fd, buf, sizeof buf);
    if (got < 0 && errno == EINTR) continue;
    if (got < 0) refuse(std::strerror(errno));
    if (got == 0) break;
    text.append(buf, size_t(got));
    if (text.size() > max_bytes) refuse("larger than " + std::to_string(max_bytes) + " bytes");
  }
  return text;
}

void check_output_dir(const std::string& dir) {
  on_output(dir, [&] {
    const fs::path target = output_path(dir);
    if (fs::exists(target) && !(fs::is_directory(target) && (fs::exists(target / "manifest.json") || fs::is_empty(target))))
      throw InputError(printable(dir) + ": exists and is not a cimgen output directory (no manifest.json); refusing to replace it");
  });
}

std::string staging_dir(const std::string& dir) {
  return on_output(dir, [&] {
    const fs::path target = output_path(dir);
    fs::create_directories(target.parent_path());
    const fs::path tmp = target.parent_path() / (target.filename().string() + ".tmp." + std::to_string(getpid()));
    std::error_code ec;
    fs::remove_all(tmp, ec);
    return tmp.string();
  });
}

void write_files(const std::string& dir, const FileSet& files) {
  on_output(dir, [&] {
    for (const auto& [rel, text] : files) {
      const fs::path p = fs::path(dir) / rel;
      fs::create_directories(p.parent_path());
      std::ofstream out(p, std::ios::binary);
      out << text;
      if (!out.flush()) throw InputError(printable(p.string()) + ": write failed");
    }
  });
}

void commit_dir(const std::string& staged, const std::string& dir) {
  check_output_dir(dir);
  on_output(dir, [&] {
    const fs::path target = output_path(dir);
    const fs::path old = target.parent_path() / (target.filename().string() + ".old." + std::to_string(getpid()));
    std::error_code ec;
    if (fs::exists(target)) fs::rename(target, old);
    fs::rename(staged, target);
    fs::remove_all(old, ec);
  });
}

void write_tree(const std::string& dir, const FileSet& files) {
  check_output_dir(dir);
  // Folders created on the way to `dir` are removed again if the write fails.
  const fs::path created = on_output(dir, [&] { return first_missing_ancestor(output_path(dir)); });
  std::string tmp;
  std::error_code ec;
  try {
    tmp = staging_dir(dir);
    write_files(tmp, files);
    commit_dir(tmp, dir);
  } catch (...) {
    if (!tmp.empty()) fs::remove_all(tmp, ec);
    if (!created.empty()) fs::remove_all(created, ec);
    throw;
  }
}

} // namespace cimgen
