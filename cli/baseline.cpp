// Reading and writing baseline files.
#include "cli/baseline.hpp"
#include "compiler/base/json_text.hpp"

#include <fmt/format.h>

#include <fstream>
#include <nlohmann/json.hpp>

#include "cli/atomic_write.hpp"

namespace gtm::cli {

bool write_baseline(const fs::path& path, const std::vector<BaselineEntry>& entries,
                    std::string* error) {
  nlohmann::ordered_json findings = nlohmann::ordered_json::array();
  for (const BaselineEntry& entry : entries) {
    findings.push_back({{"fingerprint", entry.fingerprint},
                        {"rule", entry.rule},
                        {"file", entry.file},
                        {"entity", entry.entity},
                        {"message", entry.message}});
  }
  const nlohmann::ordered_json document{{"tool", "gtmlint"}, {"format", 1}, {"findings", findings}};
  return write_file_atomically(path, json_text(document, 2) + "\n", error);
}

std::optional<Baseline> read_baseline(const fs::path& path, std::string* error) {
  auto text = read_file(path, error);
  if (!text) return std::nullopt;
  const auto document = nlohmann::json::parse(*text, nullptr, false);
  if (document.is_discarded() || !document.is_object() || !document.contains("findings") ||
      !document["findings"].is_array()) {
    *error = "not a gtmlint baseline (expected a JSON object with a `findings` list)";
    return std::nullopt;
  }
  Baseline baseline;
  for (const auto& finding : document["findings"]) {
    if (!finding.is_object() || !finding.contains("fingerprint") ||
        !finding["fingerprint"].is_string()) {
      *error = "a finding has no `fingerprint`";
      return std::nullopt;
    }
    const std::string fingerprint = finding["fingerprint"].get<std::string>();
    ++baseline.accepted[fingerprint];
    if (finding.contains("file") && finding["file"].is_string())
      baseline.file_of[fingerprint] = finding["file"].get<std::string>();
  }
  return baseline;
}

}  // namespace gtm::cli
