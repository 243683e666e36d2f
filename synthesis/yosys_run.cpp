// cimgen — Yosys processes of the synthesis flow.
#include "yosys_run.hpp"

#include <atomic>
#include <chrono>
#include <cstdlib>
#include <fstream>
#include <mutex>
#include <nlohmann/json.hpp>
#include <sstream>
#include <stdexcept>
#include <thread>

#include "shell.hpp"

namespace cimgen {

namespace fs = std::filesystem;
using nlohmann::json;

namespace {

/// Yosys 0.23 prints the hierarchy tree into `stat -json` output; keep only the JSON lines.
json parse_stat(const std::string& text) {
  std::istringstream in(text);
  std::string clean, line;
  while (std::getline(in, line)) {
    const bool structural = line.find_first_not_of(" \t{}[],") == std::string::npos;
    if (structural || line.find('"') != std::string::npos) clean += line + "\n";
  }
  return json::parse(clean);
}

} // namespace

bool run_yosys(const fs::path& dir, const YosysJob& j) {
  const std::string cmd = "cd " + shell_quote(dir.string()) + " && yosys -q -l " + shell_quote(j.log) + " -s " +
                          shell_quote(j.script) + " > /dev/null 2>&1";
  return std::system(cmd.c_str()) == 0;
}

void run_parallel(const fs::path& dir, std::vector<YosysJob>& jobs, int workers,
                  const std::function<void(const YosysJob&, int)>& progress) {
  std::atomic<size_t> next{0};
  int done = 0;
  std::mutex io;
  std::vector<std::thread> pool;
  for (int w = 0; w < workers; ++w)
    pool.emplace_back([&] {
      for (size_t k; (k = next++) < jobs.size();) {
        const auto t = std::chrono::steady_clock::now();
        jobs[k].ok = run_yosys(dir, jobs[k]);
        jobs[k].seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - t).count();
        const std::lock_guard<std::mutex> lock(io);
        progress(jobs[k], ++done);
      }
    });
  for (auto& t : pool) t.join();
}

int64_t cmos_transistors(const std::string& stat_json, const std::string& module) {
  const json cm = parse_stat(stat_json);
  int64_t tr = 0;
  if (!cm.contains("modules")) return tr;
  for (auto it = cm["modules"].begin(); it != cm["modules"].end(); ++it) {
    const std::string name = it.key().rfind("\\", 0) == 0 ? it.key().substr(1) : it.key();
    if (name != module || !it.value().contains("estimated_num_transistors")) continue;
    const auto& v = it.value()["estimated_num_transistors"];
    tr = v.is_number() ? v.get<int64_t>() : std::atoll(v.get<std::string>().c_str());
  }
  return tr;
}

std::string read_text(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  if (!in) throw std::runtime_error(p.string() + ": cannot read");
  return std::string(std::istreambuf_iterator<char>(in), {});
}

void write_text(const fs::path& p, const std::string& text) {
  std::ofstream out(p, std::ios::binary);
  out << text;
  if (!out.flush()) throw std::runtime_error(p.string() + ": cannot write");
}

std::string tail(const fs::path& p, int n) {
  std::ifstream in(p);
  std::vector<std::string> lines;
  std::string l;
  while (std::getline(in, l)) lines.push_back(l);
  std::string out;
  for (size_t i = lines.size() > size_t(n) ? lines.size() - n : 0; i < lines.size(); ++i) out += "  " + lines[i] + "\n";
  return out;
}

} // namespace cimgen
