// cimgen — arithmetic helpers.
#include "arith.hpp"

#include <cstdio>

namespace cimgen {

int clog2(uint64_t x) {
  int r = 0;
  while (r < 64 && (uint64_t{1} << r) < x) ++r;
  return r;
}

std::string fnv1a64(const std::string& s) {
  uint64_t h = 1469598103934665603ull;
  for (unsigned char c : s) {
    h ^= c;
    h *= 1099511628211ull;
  }
  char buf[17];
  snprintf(buf, sizeof buf, "%016llx", static_cast<unsigned long long>(h));
  return buf;
}

} // namespace cimgen
