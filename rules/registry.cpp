// The table of rules/ analyses, with their explain pages read from the embedded rules/explain/.
#include "rules/registry.hpp"

#include <array>
#include <vector>

#include "rules/analyses.hpp"
#include "rules/crm_vocabulary.hpp"
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
  registry.add({info("routing-fallback", "routing", Severity::Error,
                     "every routing has a fallback for leads that match no rule"),
                info("routing-gap", "routing", Severity::Error,
                     "without a fallback, no lead matches no rule (with an example lead)"),
                info("routing-shadowed", "routing", Severity::Error,
                     "no routing rule is unreachable because earlier rules take all its leads"),
                info("routing-overlap", "routing", Severity::Warning,
                     "rules that share leads and assign them differently (with an example lead)"),
                info("routing-undecided", "routing", Severity::Info,
                     "what the routing analyses cannot decide (a formula, another object's field) "
                     "is said, with the rules that make it so"),
                info("analysis-budget", "routing", Severity::Warning,
                     "conditions stay within what can be analysed exactly (docs/limits.md)")},
               &run_routing);
  registry.add({info("routing-unknown-value", "routing", Severity::Error,
                     "conditions compare picklist fields only with values they have")},
               &run_routing_unknown_value);
  registry.add({info("routing-value-lookalike", "routing", Severity::Warning,
                     "values of one text field in one routing are written alike: none differs "
                     "from another only in punctuation or spacing (or case, where it counts)")},
               &run_value_lookalike);
  registry.add({info("nurture-suppression", "nurture", Severity::Error,
                     "active nurtures that can enroll the same contact suppress one another")},
               &run_nurture_suppression);
  registry.add({info("sync-write-conflict", "integration", Severity::Error,
                     "a field written by several syncs, automations or forms declares a "
                     "source_of_truth"),
                info("field-dead", "data", Severity::Info, "no field is written but never read"),
                info("field-ghost", "data", Severity::Info, "no field is read but never written"),
                info("field-deprecated-in-use", "data", Severity::Error,
                     "nothing reads or writes a deprecated field")},
               &run_field_usage);
  registry.add({info("field-duplicate", "data", Severity::Warning,
                     "no two fields of one object have names that normalise alike"),
                info("automation-duplicate", "automation", Severity::Warning,
                     "no two active automations do the same job"),
                info("tag-duplicate", "tracking", Severity::Warning, "no tag is deployed twice")},
               &run_duplicates);
  return registry;
}

}  // namespace

std::span<const Analysis> all_analyses() {
  static const Registry registry = make_registry();
  return registry.analyses;
}

CompileOptions compile_options(std::int64_t today) {
  return CompileOptions{today, all_analyses(), &crm_vocabulary()};
}

}  // namespace gtm::rules
