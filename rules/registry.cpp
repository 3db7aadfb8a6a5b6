// The analyses of rules/, each with the rules it reports under (rules/rule_table.hpp).
#include "rules/registry.hpp"

#include <array>
#include <vector>

#include "rules/analyses.hpp"
#include "rules/crm_vocabulary.hpp"
#include "rules/rule_table.hpp"

namespace gtm::rules {

namespace {

RuleInfo info(const Rule& rule) {
  return rule_info(rule, "analysis");
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
  registry.add({info(kOwnerDeparted)}, &run_owner_departed);
  registry.add(
      {info(kRoutingFallback), info(kRoutingGap), info(kRoutingShadowed), info(kRoutingOverlap),
       info(kRoutingUndecided), info(kAnalysisBudget), info(kRoutingOverrideUnused)},
      &run_routing);
  registry.add({info(kRoutingMultipleActive)}, &run_routing_multiple_active);
  registry.add({info(kRoutingUnknownValue)}, &run_routing_unknown_value);
  registry.add({info(kRoutingValueLookalike)}, &run_value_lookalike);
  registry.add({info(kNurtureSuppression)}, &run_nurture_suppression);
  registry.add({info(kSyncBroadScope)}, &run_sync_broad_scope);
  registry.add({info(kSyncTypeMismatch)}, &run_sync_type_mismatch);
  registry.add({info(kDashboardFreshness)}, &run_dashboard_freshness);
  registry.add(
      {info(kSyncWriteConflict), info(kFieldDead), info(kFieldGhost), info(kFieldDeprecatedInUse)},
      &run_field_usage);
  registry.add({info(kFieldDuplicate), info(kAutomationDuplicate), info(kTagDuplicate)},
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
