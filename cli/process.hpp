// Running another program (git) and collecting what it prints, without a shell.
#pragma once

#include <filesystem>
#include <optional>
#include <string>
#include <vector>

namespace gtm::cli {

struct ProcessResult {
  int status = -1;  ///< the exit status; -1 if it did not exit normally
  std::string out, err;
};

/// Runs `argv` (argv[0] looked up on PATH) in `directory`, with `input` on its standard input,
/// and waits for it. nullopt, with `error` set, when it cannot be started.
std::optional<ProcessResult> run_process(const std::vector<std::string>& argv,
                                         const std::filesystem::path& directory,
                                         const std::string& input, std::string* error);

}  // namespace gtm::cli
