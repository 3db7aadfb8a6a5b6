// Rule information from the rule tables and their explain pages; the rule catalogue.
#include "compiler/diagnostics/rule_info.hpp"

#include <fmt/format.h>

#include <algorithm>

#include "compiler/diagnostics/compiler_rules.hpp"
#include "stdlib/stdlib.hpp"

namespace gtm {

std::string explain_page(std::string_view id) {
  const std::string path = fmt::format("<explain>/{}.md", id);
  for (const EmbeddedFile& page : explain_pages()) {
    if (page.path == path) return std::string(page.text);
  }
  return {};
}

RuleInfo rule_info(const Rule& rule, std::string origin) {
  return RuleInfo{std::string(rule.id),      std::string(rule.category), rule.severity,
                  std::string(rule.summary), explain_page(rule.id),      std::move(origin)};
}

std::span<const RuleInfo> compiler_rules() {
  static const std::vector<RuleInfo> rules = [] {
    std::vector<RuleInfo> out;
    for (const Rule* rule : compiler_rule::kAll) out.push_back(rule_info(*rule, "compiler"));
    return out;
  }();
  return rules;
}

const RuleInfo* RuleCatalog::find(std::string_view id) const {
  const auto it = std::find_if(rules_.begin(), rules_.end(),
                               [&](const RuleInfo& rule) { return rule.id == id; });
  return it == rules_.end() ? nullptr : &*it;
}

namespace {

// `workarounds and debt` as a selector may be written `workarounds-and-debt` or `..._and_...`.
bool same_category(std::string_view category, std::string_view selector) {
  if (category.size() != selector.size()) return false;
  for (std::size_t i = 0; i < category.size(); ++i) {
    const char c = category[i], s = selector[i];
    if (c != s && !(c == ' ' && (s == '-' || s == '_'))) return false;
  }
  return true;
}

// `routing` and `routing-` are prefixes of `routing-gap`; `routing-g` is not (a part of a word).
bool id_prefix(std::string_view id, std::string_view selector) {
  if (selector.empty() || !id.starts_with(selector) || id.size() == selector.size()) return false;
  return selector.back() == '-' || id[selector.size()] == '-';
}

}  // namespace

std::vector<std::string_view> RuleCatalog::matching(std::string_view selector) const {
  std::vector<std::string_view> ids;
  for (const RuleInfo& rule : rules_) {
    if (rule.id == selector || same_category(rule.category, selector) ||
        id_prefix(rule.id, selector)) {
      ids.push_back(rule.id);
    }
  }
  return ids;
}

std::vector<std::string_view> RuleCatalog::selectors() const {
  std::vector<std::string_view> out = ids();
  for (const RuleInfo& rule : rules_) {
    if (std::find(out.begin(), out.end(), rule.category) == out.end()) out.push_back(rule.category);
  }
  return out;
}

std::vector<std::string_view> RuleCatalog::ids() const {
  std::vector<std::string_view> ids;
  for (const RuleInfo& rule : rules_) ids.push_back(rule.id);
  return ids;
}

}  // namespace gtm
