// The table of rules/ analyses, with their explain pages read from the embedded rules/explain/.
#include "rules/registry.hpp"

#include <array>
#include <vector>

#include "rules/analyses.hpp"
#include "stdlib/stdlib.hpp"

namespace gtm::rules {

namespace {

std::string explain_text(std::string_view id) {
  const std::string path = "<explain>/" + std::string(id) + ".md";
  for (const EmbeddedFile& page : explain_pages()) {
    if (page.path == path) return std::string(page.text);
  }
  return {};
}

RuleInfo info(std::string id, std::string category, Severity severity, std::string summary) {
  std::string explain = explain_text(id);
  return RuleInfo{std::move(id),      std::move(category), severity,
                  std::move(summary), std::move(explain),  "analysis"};
}

struct Registry {
  std::vector<std::vector<RuleInfo>> rules;
  std::vector<Analysis> analyses;

  void add(std::vector<RuleInfo> infos, void (*run)(const AnalysisContext&, Diagnostics&)) {
    rules.push_back(std::move(infos));
    analyses.push_back(Analysis{rules.back(), run});
  }
};

Registry make_registry() {
  Registry registry;
  registry.rules.reserve(16);  // Analysis::rules views these vectors; they must not move
  registry.add({info("owner-departed", "ownership", Severity::Error,
                     "nothing refers to a person who has left: owners, assignees, round-robin "
                     "members, escalations, team leads, admins")},
               &run_owner_departed);
  return registry;
}

}  // namespace

std::span<const Analysis> all_analyses() {
  static const Registry registry = make_registry();
  return registry.analyses;
}

}  // namespace gtm::rules
