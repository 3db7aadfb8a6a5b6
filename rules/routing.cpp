// routing-fallback, routing-gap, routing-shadowed, routing-overlap: first-match routing rules
// analysed exactly over the condition space of their object.
#include <fmt/format.h>

#include "compiler/value.hpp"
#include "rules/analyses.hpp"
#include "rules/condition_space.hpp"
#include "rules/facts.hpp"

namespace gtm::rules {

namespace {

struct RoutingRule {
  EntityId entity;
  Region region;
  std::string assignee;
};

class RoutingAnalysis {
 public:
  RoutingAnalysis(const Model& model, Diagnostics& diagnostics, EntityId routing)
      : model_(model), diagnostics_(diagnostics), routing_(routing) {}

  void run() {
    if (!is_active(model_, routing_)) return;  // kept for the record, not in use
    const bool has_fallback = model_.attr(routing_, "fallback") != nullptr;
    if (!has_fallback) {
      diagnostics_
          .error("routing-fallback", model_.header_span(routing_),
                 fmt::format("routing `{}` has no fallback", model_.display_name(routing_)))
          .help =
          "add `fallback = QUEUE`: a lead that matches no rule is otherwise left unassigned";
    }
    const Expr* object = model_.attr_expr(routing_, "object");
    if (!object || object->kind != ExprKind::Reference) return;
    ConditionSpace space(model_, object->text);
    std::vector<EntityId> rules;
    for (EntityId child : model_.children_of(routing_)) {
      if (model_.kind_of(child).name != "rule" || model_.entities[child].has_error) continue;
      const Attribute* when = model_.attr(child, "when");
      if (!when) return;  // reported as missing-attribute: nothing exact can be said
      space.collect(model_.file_of(child), when->value);
      rules.push_back(child);
    }
    try {
      analyse_rules(space, rules, has_fallback);
    } catch (const RegionTooLarge& why) {
      report_analysis_budget(diagnostics_, header(routing_),
                             fmt::format("routing `{}`", name(routing_)),
                             "routing-gap, routing-shadowed and routing-overlap", why);
    }
  }

 private:
  Span header(EntityId id) const { return model_.header_span(id); }
  std::string_view name(EntityId id) const { return model_.display_name(id); }

  void analyse_rules(ConditionSpace& space, const std::vector<EntityId>& rules, bool has_fallback) {
    // A rule whose condition cannot be analysed exactly (a formula, a text test, a field that
    // did not resolve) is left out: a later rule that the exact earlier rules already cover is
    // shadowed whatever it matches, but which leads are left over can no longer be known.
    std::vector<RoutingRule> analysed;
    bool all_exact = true;
    for (EntityId rule : rules) {
      const File& file = model_.file_of(rule);
      auto region = space.region(file, model_.attr(rule, "when")->value);
      if (!region) {
        all_exact = false;
        continue;
      }
      const Attribute* assign = model_.attr(rule, "assign");
      analysed.push_back({rule, std::move(*region),
                          assign ? format_value(model_, value_of_expr(model_, file, assign->value))
                                 : std::string()});
    }
    report_shadowed_and_overlaps(space, analysed);
    if (!has_fallback && all_exact) report_gap(space, analysed);
  }

  void report_shadowed_and_overlaps(const ConditionSpace& space,
                                    const std::vector<RoutingRule>& rules) {
    Region earlier;
    for (std::size_t j = 0; j < rules.size(); ++j) {
      const RoutingRule& rule = rules[j];
      if (rule.region.empty()) {
        diagnostics_.error("routing-shadowed", header(rule.entity),
                           fmt::format("rule `{}` can never fire: its condition matches no lead",
                                       name(rule.entity)));
      } else if (ConditionSpace::subtract(rule.region, earlier).empty()) {
        report_shadowed(rules, j);
      } else {
        report_overlap(space, rules, j);
      }
      earlier.insert(earlier.end(), rule.region.begin(), rule.region.end());
    }
  }

  void report_shadowed(const std::vector<RoutingRule>& rules, std::size_t j) {
    std::vector<std::string> takers;
    std::vector<Note> notes;
    for (std::size_t i = 0; i < j; ++i) {
      if (ConditionSpace::intersect(rules[i].region, rules[j].region).empty()) continue;
      takers.push_back(fmt::format("`{}`", name(rules[i].entity)));
      notes.push_back(
          {header(rules[i].entity),
           fmt::format("`{}` comes first and takes some of these leads", name(rules[i].entity))});
    }
    Diagnostic& d = diagnostics_.error(
        "routing-shadowed", header(rules[j].entity),
        fmt::format("rule `{}` can never fire: earlier rule{} {} take{} all of its leads",
                    name(rules[j].entity), takers.size() == 1 ? "" : "s", fmt::join(takers, ", "),
                    takers.size() == 1 ? "s" : ""));
    d.notes = std::move(notes);
    d.help = "remove the rule, or move it above the rules that take its leads";
  }

  // A later rule that shares leads with an earlier rule assigning elsewhere, unless the earlier
  // rule is a special case of it (the usual exception-first pattern) or tests none of the same
  // fields (an override on another field, such as a partner flag).
  void report_overlap(const ConditionSpace& space, const std::vector<RoutingRule>& rules,
                      std::size_t j) {
    for (std::size_t i = 0; i < j; ++i) {
      if (rules[i].assignee == rules[j].assignee) continue;
      const Region shared = ConditionSpace::intersect(rules[i].region, rules[j].region);
      if (shared.empty() || space.contains(rules[j].region, rules[i].region) ||
          !space.share_a_field(rules[i].region, rules[j].region)) {
        continue;
      }
      Diagnostic& d = diagnostics_.report(
          Severity::Warning, "routing-overlap", header(rules[j].entity),
          fmt::format("rules `{}` and `{}` both match a lead with {}; `{}` comes first, so it "
                      "goes to {}, not {}",
                      name(rules[i].entity), name(rules[j].entity), space.example(shared),
                      name(rules[i].entity), rules[i].assignee, rules[j].assignee));
      d.notes.push_back(
          {header(rules[i].entity), fmt::format("`{}` takes the lead", name(rules[i].entity))});
      d.help = "make the conditions exclusive, or reorder the rules if the other owner should win";
      return;  // one finding per rule: the first earlier rule it overlaps
    }
  }

  void report_gap(const ConditionSpace& space, const std::vector<RoutingRule>& rules) {
    Region unmatched = space.everything();
    for (const RoutingRule& rule : rules) {
      unmatched = ConditionSpace::subtract(unmatched, rule.region);
      if (unmatched.empty()) return;
    }
    diagnostics_
        .error("routing-gap", header(routing_),
               fmt::format("a lead with {} matches no rule of `{}`", space.example(unmatched),
                           name(routing_)))
        .help = "add a rule that covers it, or a `fallback`";
  }

  const Model& model_;
  Diagnostics& diagnostics_;
  EntityId routing_;
};

}  // namespace

void run_routing(const AnalysisContext& context, Diagnostics& diagnostics) {
  const Model& model = context.model;
  start_region_budget();
  for (EntityId id = 0; id < model.entities.size(); ++id) {
    const Entity& entity = model.entities[id];
    if (entity.from_stdlib || entity.has_error || model.kind_of(id).name != "routing") continue;
    RoutingAnalysis(model, diagnostics, id).run();
  }
}

}  // namespace gtm::rules
