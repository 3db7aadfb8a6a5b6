// What a change does to one routing's leads (`gtmlint diff`): both versions' first-match rules
// read over one condition space, so that the leads whose assignee changes are found exactly.
#pragma once

#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "compiler/semantics/model.hpp"

namespace gtm::rules {

/// A lead as `gtmlint route` takes it: field names (the last path segment) and values; a field
/// whose value is "" is empty (named because the region needs it empty), as is a field not named.
using ExampleLead = std::vector<std::pair<std::string, std::string>>;

/// `industry = "Healthcare" and employees = 1000`, or `any lead`.
std::string describe_lead(const ExampleLead& lead);

/// Leads that went to one assignee and now go to another.
struct Reassignment {
  std::string from, to;               ///< assignees as written; `nobody` when left unassigned
  std::string rule_before, rule_now;  ///< the rules that take them (`fallback` for none)
  ExampleLead example;
};

struct RoutingDiff {
  std::vector<Reassignment> reassigned;
  std::vector<std::string> shadowed, unshadowed;  ///< rule names
  /// Why the leads could not be compared exactly, if they could not (said, never skipped).
  std::optional<std::string> undecided;
};

/// Compares routing `before_id` of `before` with routing `now_id` of `now` (both live).
RoutingDiff diff_routing(const Model& before, EntityId before_id, const Model& now,
                         EntityId now_id);

}  // namespace gtm::rules
