// Phase timings for profiling (`GTMLINT_TIMINGS=1 gtmlint check`): each phase prints its wall time
// to standard error when it ends, with the heap then in use (glibc). Off by default, and then
// nearly free.
#pragma once

#include <chrono>
#include <string_view>

namespace gtm {

class PhaseTimer {
 public:
  explicit PhaseTimer(std::string_view phase);
  ~PhaseTimer();
  PhaseTimer(const PhaseTimer&) = delete;
  PhaseTimer& operator=(const PhaseTimer&) = delete;

 private:
  std::string_view phase_;
  std::chrono::steady_clock::time_point start_;
};

}  // namespace gtm
