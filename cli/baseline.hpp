// Baselines: a file of the findings a team has accepted when adopting gtmlint on a legacy
// stack, keyed by fingerprint (not line numbers), so that only new findings fail the check.
#pragma once

#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

#include "compiler/diagnostic.hpp"
#include "compiler/workspace.hpp"

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

/// How many findings of each fingerprint the baseline accepts; nullopt (and `error`) if the
/// file is missing or malformed.
std::optional<std::unordered_map<std::string, std::size_t>> read_baseline(const fs::path& path,
                                                                          std::string* error);

}  // namespace gtm::cli
