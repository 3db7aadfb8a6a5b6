// Renderers turn the finished diagnostic list into text: human (terminal) and the JSON contract.
#pragma once

#include <cstddef>
#include <optional>
#include <span>
#include <string>
#include <string_view>

#include <vector>

#include "compiler/base/source.hpp"
#include "compiler/diagnostics/diagnostic.hpp"
#include "compiler/diagnostics/rule_info.hpp"

namespace gtm {

struct Summary {
  std::size_t files = 0;
  std::size_t entities = 0;
  std::size_t errors = 0;
  std::size_t warnings = 0;
  std::size_t infos = 0;
  /// With `check --against`: the revision the counts are since, and what changed.
  struct Change {
    std::string against;
    std::size_t fixed = 0, unchanged = 0;
  };
  std::optional<Change> change;
};

Summary summarise(std::span<const Diagnostic> diagnostics, std::size_t files, std::size_t entities);

/// `file:line:col: severity[rule]: message`, the source line with a caret underline of the span,
/// notes the same way, `help:` last, then a one-line summary (unless `with_summary` is false).
/// ANSI colour only if `colour`.
std::string render_human(const SourceSet& sources, std::span<const Diagnostic> diagnostics,
                         const Summary& summary, bool colour, bool with_summary = true);

/// One line per rule that reported, most findings first: `  42  error    owner-required`.
std::string render_rule_counts(std::span<const Diagnostic> diagnostics);

/// Past this many findings, the human report ends with the counts by rule before its summary.
constexpr std::size_t kCountsAfterFindings = 20;

/// The documented JSON contract (docs/json-format.md), pretty-printed.
std::string render_json(const SourceSet& sources, std::span<const Diagnostic> diagnostics,
                        const Summary& summary, std::string_view version);

struct SarifInput {
  const SourceSet& sources;
  std::span<const Diagnostic> diagnostics;
  const RuleCatalog& catalog;                    ///< every rule is listed in tool.driver.rules
  const std::vector<std::string>& uris;          ///< per file: the path relative to the repository
  const std::vector<std::string>& fingerprints;  ///< per diagnostic
  std::string_view version;
};

/// SARIF 2.1.0 for GitHub code scanning (docs/sarif-and-baselines.md).
std::string render_sarif(const SarifInput& input);

/// GitHub Actions workflow commands (`::error file=...::message`), `paths` per file.
std::string render_github(const SourceSet& sources, std::span<const Diagnostic> diagnostics,
                          const std::vector<std::string>& paths);

}  // namespace gtm
