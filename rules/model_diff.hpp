// What a change does to the GTM stack (`gtmlint diff`), in the terms a RevOps reviewer uses:
// routings whose leads go elsewhere, people who left or joined, handoffs, automations, nurtures
// and syncs changed or switched on or off, fields added, removed or changed.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "compiler/semantics/model.hpp"
#include "rules/routing_diff.hpp"

namespace gtm::rules {

enum class ChangeSection { Routing, People, Handoffs, Automation, Fields };

/// `routing`, `people`, `handoffs`, `automation`, `fields`.
std::string_view section_name(ChangeSection section);

struct ChangeItem {
  ChangeSection section = ChangeSection::Routing;
  std::string subject;      ///< `routing inbound`, `person bo`
  std::string text;         ///< what changed, as a sentence without the subject
  ExampleLead example;      ///< for leads that change assignee: one of them
  std::string from, to;     ///< for leads that change assignee: who had them, who has them now
  bool reassigned = false;  ///< leads that now go to another assignee
  bool unassigned = false;  ///< leads that now go to nobody
  bool undecided = false;   ///< what could not be compared exactly (and why, in `text`)
};

/// Every change from `before` to `now`, in section order, then in the order entities are
/// declared now (removed ones last). `today` decides who has left.
std::vector<ChangeItem> compare_models(const Model& before, const Model& now, std::int64_t today);

}  // namespace gtm::rules
