// cimgen — atomic output directories.
#include "files.hpp"

#include <filesystem>
#include <fstream>
#include <unistd.h>

#include "errors.hpp"

namespace cimgen {

namespace fs = std::filesystem;

void check_output_dir(const std::string& dir) {
  const fs::path target = fs::absolute(dir).lexically_normal();
  if (fs::exists(target) && !(fs::is_directory(target) && (fs::exists(target / "manifest.json") || fs::is_empty(target))))
    throw InputError(dir + ": exists and is not a cimgen output directory (no manifest.json); refusing to replace it");
}

std::string staging_dir(const std::string& dir) {
  const fs::path target = fs::absolute(dir).lexically_normal();
  const fs::path parent = target.has_parent_path() ? target.parent_path() : fs::path(".");
  std::error_code ec;
  fs::create_directories(parent, ec);
  const fs::path tmp = parent / (target.filename().string() + ".tmp." + std::to_string(getpid()));
  fs::remove_all(tmp, ec);
  return tmp.string();
}

void write_files(const std::string& dir, const FileSet& files) {
  try {
    for (const auto& [rel, text] : files) {
      const fs::path p = fs::path(dir) / rel;
      fs::create_directories(p.parent_path());
      std::ofstream out(p, std::ios::binary);
      out << text;
      if (!out.flush()) throw InputError(p.string() + ": write failed");
    }
  } catch (const fs::filesystem_error& e) {
    throw InputError(dir + ": cannot write output: " + e.code().message());
  }
}

void commit_dir(const std::string& staged, const std::string& dir) {
  check_output_dir(dir);
  const fs::path target = fs::absolute(dir).lexically_normal();
  const fs::path old = target.parent_path() / (target.filename().string() + ".old." + std::to_string(getpid()));
  std::error_code ec;
  try {
    if (fs::exists(target)) fs::rename(target, old);
    fs::rename(staged, target);
  } catch (const fs::filesystem_error& e) {
    throw InputError(dir + ": cannot write output: " + e.code().message());
  }
  fs::remove_all(old, ec);
}

void write_tree(const std::string& dir, const FileSet& files) {
  check_output_dir(dir);
  const std::string tmp = staging_dir(dir);
  std::error_code ec;
  try {
    write_files(tmp, files);
    commit_dir(tmp, dir);
  } catch (...) {
    fs::remove_all(tmp, ec);
    throw;
  }
}

} // namespace cimgen
