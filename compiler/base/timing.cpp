// Phase timings on standard error.
#include "compiler/base/timing.hpp"

#include <cstdio>
#include <cstdlib>

#ifdef __GLIBC__
#include <malloc.h>
#endif

namespace gtm {

namespace {

bool timings_enabled() {
  static const bool enabled = [] {
    const char* value = std::getenv("GTMLINT_TIMINGS");
    return value && *value && std::string_view(value) != "0";
  }();
  return enabled;
}

// Heap in use when a phase ends, in MB (glibc only): where a check's memory peaks.
long heap_in_use_mb() {
#ifdef __GLIBC__
  return static_cast<long>(mallinfo2().uordblks >> 20);
#else
  return -1;
#endif
}

}  // namespace

PhaseTimer::PhaseTimer(std::string_view phase) : phase_(phase) {
  if (timings_enabled()) start_ = std::chrono::steady_clock::now();
}

PhaseTimer::~PhaseTimer() {
  if (!timings_enabled()) return;
  const std::chrono::duration<double, std::milli> took = std::chrono::steady_clock::now() - start_;
  std::fprintf(stderr, "gtmlint: timing: %-24.*s %9.2f ms %6ld MB heap in use\n",
               static_cast<int>(phase_.size()), phase_.data(), took.count(), heap_in_use_mb());
}

}  // namespace gtm
