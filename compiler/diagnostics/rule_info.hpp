// What is known about every rule id, whatever produces it (the compiler, a stdlib or user policy,
// or a rules/ analysis): for `gtmlint rules`, `gtmlint explain`, settings and waivers.
#pragma once

#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "compiler/diagnostics/diagnostic.hpp"

namespace gtm {

struct RuleInfo {
  std::string id;
  std::string category;
  Severity severity = Severity::Error;
  std::string summary;
  std::string explain;  ///< markdown: rationale, what it checks, failing and passing examples
  std::string origin;   ///< "compiler", "policy" (with its file) or "analysis"
};

/// The embedded explain page of a rule (stdlib/explain/ID.md), or empty.
std::string explain_page(std::string_view id);

/// A table's rule with its explain page.
RuleInfo rule_info(const Rule& rule, std::string origin);

/// The diagnostics the compiler itself reports (always on), with their explanations.
std::span<const RuleInfo> compiler_rules();

class RuleCatalog {
 public:
  void add(RuleInfo info) { rules_.push_back(std::move(info)); }
  const RuleInfo* find(std::string_view id) const;
  const std::vector<RuleInfo>& all() const { return rules_; }
  std::vector<std::string_view> ids() const;
  /// The ids a selector names: the id itself; a category (`routing`; `workarounds and debt` may
  /// be written with `-` or `_` for its spaces); or a prefix that ends at a `-` of the ids
  /// (`owner` and `owner-` name `owner-departed` and `owner-required`; `owner-dep` names none).
  /// Empty if it names none.
  std::vector<std::string_view> matching(std::string_view selector) const;
  /// Every id and category, for a did-you-mean.
  std::vector<std::string_view> selectors() const;

 private:
  std::vector<RuleInfo> rules_;
};

}  // namespace gtm
