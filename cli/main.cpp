// Entry point: hands argv to gtm::cli::run; any escaped exception is an internal error (exit 2).
#include <unistd.h>

#include <cstdlib>
#include <exception>
#include <iostream>

#include "cli/cli.hpp"
#include "cli/heap_reserve.hpp"

int main(int argc, char** argv) {
  std::ios::sync_with_stdio(false);
  try {
    const std::vector<std::string> args(argv + 1, argv + argc);
    gtm::cli::Io io{std::cout, std::cerr, isatty(STDOUT_FILENO) == 1, {}};
    if (gtm::cli::heap_reservation_requested()) {
      // Before the stdlib is parsed: a check's first megabytes arrive in two huge pages rather
      // than in a thousand faults (the workspace's share is reserved once it is listed).
      if (gtm::cli::runs_once(args)) gtm::cli::reserve_heap(gtm::cli::kStartupHeapBytes);
      io.reserve_heap_for_sources = [](std::size_t source_bytes) {
        gtm::cli::reserve_heap(gtm::cli::kHeapBytesPerSourceByte * source_bytes);
      };
    }
    const int status = gtm::cli::run(args, io);
    // Freeing a large model piece by piece takes longer than checking it; the process ends here.
    std::cout.flush();
    std::cerr.flush();
    std::_Exit(status);
  } catch (const std::exception& e) {
    std::cerr << "gtmlint: internal error: " << e.what() << "\n";
  } catch (...) {
    std::cerr << "gtmlint: internal error\n";
  }
  return gtm::cli::kExitFailure;
}
