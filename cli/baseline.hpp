// Baselines: a file of the findings a team has accepted when adopting gtmlint on a legacy
// stack, keyed by fingerprint (not line numbers), so that only new findings fail the check.
#pragma once

#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

#include "compiler/diagnostics/diagnostic.hpp"
#include "compiler/syntax/workspace.hpp"

namespace gtm::cli {

struct BaselineEntry {
  std::string fingerprint;
  std::string rule;
  std::string file;
  std::string entity;
  std::string message;
};

/// Writes the entries as JSON; false (and `error` set) if the file cannot be written.
bool write_baseline(const fs::path& path, const std::vector<BaselineEntry>& entries,
                    std::string* error);

/// What a baseline accepts: how many findings of each fingerprint, and in which file each
/// fingerprint was recorded (so that a check of a few paths judges only their entries).
struct Baseline {
  std::unordered_map<std::string, std::size_t> accepted;
  std::unordered_map<std::string, std::string> file_of;  ///< fingerprint -> repository path
};

/// Reads a baseline; nullopt (and `error`) if the file is missing or malformed.
std::optional<Baseline> read_baseline(const fs::path& path, std::string* error);

}  // namespace gtm::cli
