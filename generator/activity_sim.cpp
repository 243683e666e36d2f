// cimgen — the activity file of `cimgen sim --activity`.
#include "activity_sim.hpp"

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <sstream>
#include <sys/wait.h>
#include <unistd.h>

#include "activity.hpp"
#include "errors.hpp"
#include "shell.hpp"
#include "vecfile.hpp"

namespace cimgen {

namespace fs = std::filesystem;

std::string activity_verilator_flags() {
  // Toggle points only, every width (x_data and y_data are wider than the default 256 bits).
  // --flatten: Verilator 5.006 counts the toggles of a module kept out of line (instantiated
  // several times, not inlined) on its first instance only; inlined, every instance has its own.
  return " --coverage-toggle --coverage-max-width 1048576 --flatten";
}

int run_with_activity(const Spec& s, const std::string& run, const std::string& out) {
  std::string tmp = (fs::temp_directory_path() / "cimgen_activity_XXXXXX").string();
  if (!mkdtemp(tmp.data())) throw std::runtime_error("cannot create a temporary folder in " + fs::temp_directory_path().string());
  const std::string cmd = run + " --activity " + shell_quote(tmp + "/window");
  std::cerr << "cimgen sim: " << cmd << "\n";
  const int raw = std::system(cmd.c_str());
  int rc = raw == -1 || !WIFEXITED(raw) ? kExitInternal : WEXITSTATUS(raw);
  if (rc != kExitOk && rc != kExitCheckFailed && rc != kExitBadInput) rc = kExitInternal;
  if (rc == kExitOk) {
    std::ifstream win(tmp + "/window.txt"), cov(tmp + "/window.dat");
    long long vectors = 0, cycles = 0;
    std::string w1, w2;
    if (!(win >> vectors >> w1 >> cycles >> w2) || !cov || cycles < 1) {
      std::cerr << "cimgen sim: internal error: the testbench wrote no activity window\n";
      rc = kExitInternal;
    } else {
      std::ostringstream text;
      text << cov.rdbuf();
      golden::write_file_atomic(out, activity_from_coverage(text.str(), s.name + "_top", vectors, cycles));
      std::cout << "activity: " << vectors << " vectors, " << cycles << " cycles -> " << out << "\n";
    }
  }
  std::error_code ec;
  fs::remove_all(tmp, ec);
  return rc;
}

} // namespace cimgen
