// cimgen — shared contract of the libFuzzer targets (tb/fuzz/fuzz_*.cpp): the reader returns
// a value or throws InputError. Any other exception aborts (a finding, with the input saved by
// libFuzzer); crashes and sanitizer reports are findings by themselves.
#pragma once

#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <exception>
#include <string>
#include <unistd.h>

#include "errors.hpp"

namespace cimgen::fuzz {

/// Runs `read` and enforces the contract; InputError messages must be one line.
template <class F>
void expect_value_or_input_error(F read) {
  try {
    read();
  } catch (const InputError& e) {
    if (std::string(e.what()).find('\n') != std::string::npos) {
      std::fprintf(stderr, "FINDING: InputError message spans lines: %s\n", e.what());
      std::abort();
    }
  } catch (const std::exception& e) {
    std::fprintf(stderr, "FINDING: exception other than InputError: %s\n", e.what());
    std::abort();
  } catch (...) {
    std::fprintf(stderr, "FINDING: non-standard exception\n");
    std::abort();
  }
}

/// The bytes written to a private temporary file (for readers that take a path).
class TempFile {
public:
  TempFile(const uint8_t* data, size_t size) {
    char name[] = "/tmp/cimgen_fuzz_XXXXXX";
    const int fd = mkstemp(name);
    if (fd < 0) std::abort();
    for (size_t done = 0; done < size;) {
      const ssize_t n = write(fd, data + done, size - done);
      if (n <= 0) std::abort();
      done += size_t(n);
    }
    close(fd);
    path_ = name;
  }
  ~TempFile() { unlink(path_.c_str()); }
  const std::string& path() const { return path_; }

private:
  std::string path_;  ///< the file's path
};

} // namespace cimgen::fuzz
