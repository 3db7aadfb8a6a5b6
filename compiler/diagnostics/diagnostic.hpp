// The one diagnostic type every pass produces and every renderer consumes, and the list that
// collects them. Producers never print; renderers (render_*.cpp) decide how findings look.
#pragma once

#include <iterator>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "compiler/base/source.hpp"

namespace gtm {

enum class Severity { Error, Warning, Info };

std::string_view severity_name(Severity severity);
std::optional<Severity> parse_severity(std::string_view name);

/// A secondary location that explains the finding ("`raj` left on 2026-08-31").
struct Note {
  Span span;
  std::string message;
};

/// A mechanical edit that fixes the finding: replace `span` with `replacement`.
struct Fix {
  Span span;
  std::string replacement;
  std::string title;
};

/// A rule findings are reported under, declared once in a table of its producer
/// (compiler/diagnostics/compiler_rules.hpp, rules/rule_table.hpp): its id, category, default
/// severity and summary. Its explain page is stdlib/explain/ID.md.
struct Rule {
  std::string_view id;
  std::string_view category;
  Severity severity = Severity::Error;
  std::string_view summary;
};

struct Diagnostic {
  Severity severity = Severity::Error;
  std::string rule;  ///< stable id: `syntax`, `owner-departed`, a user policy's name, ...
  Span span;
  std::string message;
  std::vector<Note> notes;
  std::string help;
  std::optional<Fix> fix;
};

class Diagnostics {
 public:
  /// A finding under a rule of a table, at the rule's default severity.
  Diagnostic& report(const Rule& rule, Span span, std::string message) {
    return report_policy(rule.severity, std::string(rule.id), span, std::move(message));
  }
  /// A finding under a policy's rule: its id, category and severity are the policy's own,
  /// declared in its `policy` block (the policy engine is the one caller).
  Diagnostic& report_policy(Severity severity, std::string rule, Span span, std::string message);

  std::vector<Diagnostic>& items() { return items_; }
  const std::vector<Diagnostic>& items() const { return items_; }
  /// Moves every finding of `other` to the end of this list, in their order.
  void append(Diagnostics&& other) {
    items_.insert(items_.end(), std::make_move_iterator(other.items_.begin()),
                  std::make_move_iterator(other.items_.end()));
    other.items_.clear();
  }
  /// Orders by file, position and rule so that output is stable whatever order passes ran in.
  void sort();

 private:
  std::vector<Diagnostic> items_;
};

}  // namespace gtm
