// Routing diffs: each version's rules as a partition of the leads (first match wins, the rest
// to the fallback), intersected pairwise where the assignee differs.
#include "rules/routing_diff.hpp"

#include "rules/text_match.hpp"

#include <fmt/format.h>

#include <map>
#include <set>

#include "compiler/evaluation/value.hpp"
#include "rules/condition_space.hpp"
#include "rules/text_match.hpp"

namespace gtm::rules {

std::string describe_lead(const ExampleLead& lead) {
  if (lead.empty()) return "any lead";
  std::vector<std::string> parts;
  for (const auto& [field, value] : lead) {
    if (value.empty()) {
      parts.push_back(fmt::format("{} empty", field));
      continue;
    }
    const bool plain =
        !value.empty() && value.find_first_not_of("0123456789.-") == std::string::npos;
    const bool word = value == "true" || value == "false";
    parts.push_back(plain || word ? fmt::format("{} = {}", field, value)
                                  : fmt::format("{} = \"{}\"", field, value));
  }
  return fmt::format("{}", fmt::join(parts, " and "));
}

namespace {

constexpr std::string_view kNobody = "nobody";

// Leads one version sends to one assignee through one rule.
struct Outcome {
  std::string rule;
  std::string assignee;
  std::string same_as;  ///< the assignee with round-robin members in order (rotation is no change)
  Region region;
};

struct Version {
  const Model& model;
  EntityId routing;
};

std::vector<EntityId> rules_of(const Version& v) {
  std::vector<EntityId> rules;
  for (EntityId child : v.model.children_of(v.routing)) {
    if (v.model.kind_of(child).name == "rule" && !v.model.entities[child].has_error) {
      rules.push_back(child);
    }
  }
  return rules;
}

std::string assignee_of(const Model& model, EntityId entity, std::string_view attribute) {
  const Attribute* assign = model.attr(entity, attribute);
  if (!assign) return std::string(kNobody);
  return format_value(model, value_of_expr(model, model.file_of(entity), assign->value));
}

// `round_robin(mia, noah)` for `round_robin(noah, mia)`: who shares the leads, not the order.
std::string members_in_order(const std::string& assignee) {
  const std::size_t open = assignee.find('(');
  if (open == std::string::npos || !assignee.ends_with(")")) return assignee;
  std::vector<std::string> members;
  std::string inside = assignee.substr(open + 1, assignee.size() - open - 2);
  for (std::size_t start = 0; start <= inside.size();) {
    std::size_t comma = std::min(inside.find(',', start), inside.size());
    std::string member = inside.substr(start, comma - start);
    while (!member.empty() && member.front() == ' ') member.erase(0, 1);
    members.push_back(member);
    start = comma + 1;
  }
  std::sort(members.begin(), members.end());
  return fmt::format("{}({})", assignee.substr(0, open), fmt::join(members, ", "));
}

// The version's leads by outcome, or a reason they cannot be known exactly.
std::optional<std::vector<Outcome>> partition(const ConditionSpace& space, const Version& v,
                                              std::string& undecided) {
  std::vector<Outcome> outcomes;
  Region taken;
  for (EntityId rule : rules_of(v)) {
    const Attribute* when = v.model.attr(rule, "when");
    auto region = when ? space.region(v.model, v.model.file_of(rule), when->value) : std::nullopt;
    if (!region) {
      undecided = fmt::format("the condition of rule `{}` cannot be analysed exactly",
                              v.model.display_name(rule));
      return std::nullopt;
    }
    const std::string assignee = assignee_of(v.model, rule, "assign");
    outcomes.push_back({std::string(v.model.display_name(rule)), assignee,
                        members_in_order(assignee), ConditionSpace::subtract(*region, taken)});
    taken.insert(taken.end(), region->begin(), region->end());
  }
  const std::string fallback = assignee_of(v.model, v.routing, "fallback");
  outcomes.push_back({"fallback", fallback, members_in_order(fallback),
                      ConditionSpace::subtract(space.everything(), taken)});
  return outcomes;
}

void collect_conditions(ConditionSpace& space, const Version& v) {
  for (EntityId rule : rules_of(v)) {
    if (const Attribute* when = v.model.attr(rule, "when")) {
      space.collect(v.model, v.model.file_of(rule), when->value);
    }
  }
}

// Rules that can never fire in one version: every lead they match is taken by an earlier rule,
// or no lead of that version (its picklists) matches them, as routing-shadowed decides.
std::set<std::string> shadowed_rules(const Version& v, std::string_view object) {
  ConditionSpace space(v.model, object, text_case_of(v.model, v.routing, object));
  collect_conditions(space, v);
  std::string ignored;
  std::set<std::string> shadowed;
  const auto outcomes = partition(space, v, ignored);
  if (!outcomes) return shadowed;
  for (std::size_t i = 0; i + 1 < outcomes->size(); ++i) {
    if ((*outcomes)[i].region.empty()) shadowed.insert((*outcomes)[i].rule);
  }
  return shadowed;
}

}  // namespace

RoutingDiff diff_routing(const Model& before, EntityId before_id, const Model& now,
                         EntityId now_id) {
  RoutingDiff diff;
  const Expr* object = now.attr_expr(now_id, "object");
  if (!object || object->kind != ExprKind::Reference) {
    diff.undecided = "it names no object";
    return diff;
  }
  const Version then{before, before_id}, today{now, now_id};
  ConditionSpace space(now, object->text, text_case_of(now, now_id, object->text));
  collect_conditions(space, then);
  collect_conditions(space, today);
  start_region_budget();
  try {
    std::string why;
    const auto old_outcomes = partition(space, then, why);
    const auto new_outcomes = old_outcomes ? partition(space, today, why) : std::nullopt;
    if (!old_outcomes || !new_outcomes) {
      diff.undecided = why;
      return diff;
    }
    for (const Outcome& a : *old_outcomes) {
      for (const Outcome& b : *new_outcomes) {
        if (a.same_as == b.same_as) continue;
        const Region moved = ConditionSpace::intersect(a.region, b.region);
        if (moved.empty()) continue;
        diff.reassigned.push_back(
            {a.assignee, b.assignee, a.rule, b.rule, space.example_lead(moved)});
      }
    }
    const auto old_shadowed = shadowed_rules(then, object->text);
    const auto new_shadowed = shadowed_rules(today, object->text);
    for (const std::string& rule : new_shadowed) {
      if (!old_shadowed.count(rule)) diff.shadowed.push_back(rule);
    }
    for (const std::string& rule : old_shadowed) {
      const bool still_there = std::any_of(new_outcomes->begin(), new_outcomes->end(),
                                           [&](const Outcome& o) { return o.rule == rule; });
      if (still_there && !new_shadowed.count(rule)) diff.unshadowed.push_back(rule);
    }
  } catch (const RegionTooLarge&) {
    diff.reassigned.clear();
    diff.undecided = fmt::format("its conditions combine into more than {} cases", kMaxRegionBoxes);
  }
  return diff;
}

}  // namespace gtm::rules
