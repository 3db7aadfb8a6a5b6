// The options of `gtmlint check`, and their parsing.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "cli/cli.hpp"
#include "cli/load.hpp"
#include "compiler/diagnostics/diagnostic.hpp"
#include "compiler/diagnostics/rule_info.hpp"
#include "compiler/syntax/workspace.hpp"

namespace gtm::cli {

enum class Format { Human, Json, Sarif, Github };

/// One requested output: a format, written to standard output or to a file.
struct Output {
  Format format = Format::Human;
  std::optional<fs::path> file;
};

struct CheckOptions {
  std::vector<Output> outputs;
  WorkspaceOptions workspace{{}, {}, false};  ///< --root, --today; --quiet sets its `quiet`
  std::vector<std::string> select;            ///< only these rule ids (empty: all)
  std::vector<std::string> ignore;            ///< never these rule ids
  Severity threshold = Severity::Info;        ///< the least severe finding reported
  bool strict = false;                        ///< warnings fail the run too
  bool quiet = false;                         ///< no summary line; nothing at all when clean
  bool statistics = false;                    ///< human output: the counts by rule only
  std::optional<fs::path> baseline;
  std::optional<fs::path> write_baseline;
  std::optional<std::string> against;  ///< report what changed since this git revision
  bool staged = false;                 ///< with `against`: the index is the workspace now
  std::vector<fs::path> paths;
};

/// `--select` and `--ignore` resolved against the catalogue: each item is a rule id, a category
/// (`routing`) or an id prefix (`routing-`, `owner`), standing for every rule it names.
struct RuleSelection {
  std::vector<std::string_view> only;  ///< empty: every rule
  std::vector<std::string_view> ignored;
  Severity threshold = Severity::Info;

  bool selected_rule(std::string_view rule) const;
  bool selected(const Diagnostic& d) const;
};

/// Resolves the options' rule selectors; an item that names no rule is a usage error (reported,
/// with a did-you-mean; nullopt), so that a typo never switches checks off silently.
std::optional<RuleSelection> select_rules(const CheckOptions& options, const RuleCatalog& catalog,
                                          Io& io);

/// Parses the arguments after `check`; reports a usage error and returns nullopt if they are wrong.
std::optional<CheckOptions> parse_check_options(const std::vector<std::string>& args, Io& io);

int check_usage_error(Io& io, const std::string& message);

}  // namespace gtm::cli
