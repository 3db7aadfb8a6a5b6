// The findings counted by rule: `check --statistics`, and the table at the end of a long report.
#include <fmt/format.h>

#include <algorithm>
#include <map>

#include "compiler/report/render.hpp"

namespace gtm {

std::string render_rule_counts(std::span<const Diagnostic> diagnostics) {
  struct Count {
    std::size_t count = 0;
    Severity severity = Severity::Info;
  };
  std::map<std::string_view, Count> by_rule;
  for (const Diagnostic& d : diagnostics) {
    Count& c = by_rule[d.rule];
    ++c.count;
    c.severity = d.severity;
  }
  std::vector<std::pair<std::string_view, Count>> rows(by_rule.begin(), by_rule.end());
  std::stable_sort(rows.begin(), rows.end(),
                   [](const auto& a, const auto& b) { return a.second.count > b.second.count; });
  std::size_t width = 1;
  for (const auto& row : rows) width = std::max(width, fmt::format("{}", row.second.count).size());
  std::string out;
  for (const auto& [rule, c] : rows) {
    out += fmt::format("{:>{}}  {:<7}  {}\n", c.count, width, severity_name(c.severity), rule);
  }
  return out;
}

}  // namespace gtm
