// The command-line driver as a function, so that tests run it in-process: argv in, text out,
// exit code back (0 no errors, 1 errors found, 2 usage, I/O or internal error).
#pragma once

#include <functional>
#include <ostream>
#include <string>
#include <vector>

namespace gtm::cli {

enum ExitCode { kExitClean = 0, kExitFindings = 1, kExitFailure = 2 };

struct Io {
  std::ostream& out;
  std::ostream& err;
  bool out_is_terminal = false;  ///< colour is used only on a terminal, and never with NO_COLOR
  /// What to do once a command knows how many bytes of `.gtm` source it will read: main sets it
  /// only when the user opted in to reserving the heap (GTMLINT_RESERVE_HEAP=1), so the loader and
  /// the language server never change the allocator's settings themselves.
  std::function<void(std::size_t source_bytes)> reserve_heap_for_sources;
};

/// `args` excludes the program name.
int run(const std::vector<std::string>& args, Io io);

/// Whether `args` name a command that reads the workspace once and exits (everything but the
/// language server, help and the version).
bool runs_once(const std::vector<std::string>& args);

}  // namespace gtm::cli
