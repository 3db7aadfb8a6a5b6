// routing-fallback, routing-gap, routing-shadowed, routing-overlap (and routing-override-unused,
// rules/routing_overrides.hpp): first-match routing rules
// analysed exactly over the condition space of their object.
#include <fmt/format.h>

#include <algorithm>

#include "compiler/evaluation/value.hpp"
#include "rules/analyses.hpp"
#include "rules/condition_space.hpp"
#include "rules/facts.hpp"
#include "rules/routing_overrides.hpp"
#include "rules/rule_table.hpp"
#include "rules/text_match.hpp"

namespace gtm::rules {

namespace {

struct RoutingRule {
  EntityId entity;
  Bounds region;            ///< exact for nearly every rule; bounds where a part cannot be read
  std::vector<bool> reads;  ///< the fields its condition compares
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
          .report(kRoutingFallback, model_.header_span(routing_),
                  fmt::format("routing `{}` has no fallback", model_.display_name(routing_)))
          .help =
          "add `fallback = QUEUE`: a lead that matches no rule is otherwise left unassigned";
    }
    const Expr* object = model_.attr_expr(routing_, "object");
    if (!object || object->kind != ExprKind::Reference) return;
    ConditionSpace space(model_, object->text, text_case_of(model_, routing_, object->text));
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
    std::vector<RoutingRule> analysed;
    for (EntityId rule : rules) {
      const File& file = model_.file_of(rule);
      const ExprId when = model_.attr(rule, "when")->value;
      const Attribute* assign = model_.attr(rule, "assign");
      analysed.push_back({rule, space.bounds(file, when), space.fields_read(file, when),
                          assign ? format_value(model_, value_of_expr(model_, file, assign->value))
                                 : std::string()});
    }
    RuleOverrides overrides(model_, rules);
    overrides_ = &overrides;
    report_shadowed_and_overlaps(space, analysed);
    if (!has_fallback) report_gap(space, analysed);
    overrides.report(undecided_.empty() && may_not_fire_.empty(), diagnostics_);
    overrides_ = nullptr;
    report_undecided(analysed);
  }

  // Rule j can never fire when every lead it may match is surely taken before it; it surely can
  // when a lead it surely matches surely passes every earlier rule; otherwise it is not decided.
  void report_shadowed_and_overlaps(const ConditionSpace& space,
                                    const std::vector<RoutingRule>& rules) {
    Region taken_surely, taken_maybe;
    bool earlier_exact = true;  // then the leads taken surely and maybe are the same
    for (std::size_t j = 0; j < rules.size(); ++j) {
      const RoutingRule& rule = rules[j];
      const bool decided = earlier_exact && rule.region.exact();
      if (rule.region.upper().empty()) {
        diagnostics_.report(kRoutingShadowed, header(rule.entity),
                            fmt::format("rule `{}` can never fire: its condition matches no lead",
                                        name(rule.entity)));
      } else if (ConditionSpace::subtract(rule.region.upper(), taken_surely).empty()) {
        report_shadowed(rules, j);
      } else if (!decided && ConditionSpace::subtract(rule.region.sure, taken_maybe).empty()) {
        may_not_fire_.push_back(fmt::format("`{}`", name(rule.entity)));
      } else {
        report_overlap(space, rules, j);
      }
      if (earlier_exact && !rule.region.exact()) taken_maybe = taken_surely;  // the same so far
      earlier_exact = earlier_exact && rule.region.exact();
      taken_surely.insert(taken_surely.end(), rule.region.sure.begin(), rule.region.sure.end());
      if (!earlier_exact) {
        const Region& upper = rule.region.upper();
        taken_maybe.insert(taken_maybe.end(), upper.begin(), upper.end());
      }
    }
  }

  // Names the earlier rules that really take some of rule j's leads: a rule that is itself
  // shadowed, or whose share an even earlier rule already took, is left out.
  void report_shadowed(const std::vector<RoutingRule>& rules, std::size_t j) {
    std::vector<std::string> takers;
    std::vector<EntityId> taking;
    Region left = rules[j].region.upper();  // its leads no rule before i has surely taken
    for (std::size_t i = 0; i < j && !left.empty(); ++i) {
      const Region taken = ConditionSpace::intersect(rules[i].region.sure, left);
      if (taken.empty()) continue;
      takers.push_back(fmt::format("`{}`", name(rules[i].entity)));
      taking.push_back(rules[i].entity);
      left = ConditionSpace::subtract(left, rules[i].region.sure);
    }
    std::vector<Note> notes;
    for (EntityId taker : taking) {
      notes.push_back(
          {header(taker), fmt::format("`{}` comes first and takes {} of these leads", name(taker),
                                      taking.size() == 1 ? "all" : "some")});
    }
    Diagnostic& d = diagnostics_.report(
        kRoutingShadowed, header(rules[j].entity),
        fmt::format("rule `{}` can never fire: earlier rule{} {} take{} all of its leads",
                    name(rules[j].entity), takers.size() == 1 ? "" : "s", fmt::join(takers, ", "),
                    takers.size() == 1 ? "s" : ""));
    d.notes = std::move(notes);
    d.help = "remove the rule, or move it above the rules that take its leads";
  }

  // A later rule that shares leads with an earlier rule assigning elsewhere, unless the earlier
  // rule is a special case of it (the usual exception-first pattern) or tests none of the same
  // fields (an override on another field, such as a partner flag). Decided on exact rules; a
  // pair with a rule that is not exact is not decided when it may share leads.
  // A pair an earlier rule's `overrides` names is intended: not reported, and the override used
  // (every earlier rule is then looked at, so that each override of rule j is judged).
  void report_overlap(const ConditionSpace& space, const std::vector<RoutingRule>& rules,
                      std::size_t j) {
    bool reported = false;
    for (std::size_t i = 0; i < j; ++i) {
      if (overrides_->overrides(i, j)) {  // used if the two share any lead at all
        if (!ConditionSpace::intersect(rules[i].region.sure, rules[j].region.sure).empty())
          overrides_->mark_used(i, j);
        continue;
      }
      if (rules[i].assignee == rules[j].assignee ||
          !ConditionSpace::share_a_field(rules[i].reads, rules[j].reads)) {
        continue;
      }
      if (!rules[i].region.exact() || !rules[j].region.exact()) {
        if (!ConditionSpace::intersect(rules[i].region.upper(), rules[j].region.upper()).empty())
          undecided_.push_back(fmt::format("whether rules `{}` and `{}` overlap",
                                           name(rules[i].entity), name(rules[j].entity)));
        continue;
      }
      const Region& earlier = rules[i].region.sure;
      const Region& later = rules[j].region.sure;
      const Region shared = ConditionSpace::intersect(earlier, later);
      if (shared.empty() || space.contains(later, earlier)) continue;
      if (reported) continue;
      reported = true;
      Diagnostic& d = diagnostics_.report(
          kRoutingOverlap, header(rules[j].entity),
          fmt::format("rules `{}` and `{}` both match a lead with {}; `{}` comes first, so it "
                      "{}, not {}",
                      name(rules[i].entity), name(rules[j].entity), space.example(shared),
                      name(rules[i].entity), outcome(rules[i].assignee),
                      rules[j].assignee == kKeepOwner ? "keeps its owner" : rules[j].assignee));
      d.notes.push_back(
          {header(rules[i].entity), fmt::format("`{}` takes the lead", name(rules[i].entity))});
      d.help = fmt::format(
          "make the conditions exclusive, reorder the rules if the other owner should "
          "win, or say it is intended: `overrides = [{}]` in rule `{}`",
          name(rules[j].entity), name(rules[i].entity));
      if (!overrides_->is_overridden(j)) return;  // one finding per rule: the first it overlaps
    }
  }

  // A lead no rule may match is a gap; when every lead is matched by some rule that may match
  // it, but not surely, whether there is a gap is not decided.
  void report_gap(const ConditionSpace& space, const std::vector<RoutingRule>& rules) {
    Region surely_unmatched = space.everything();
    for (const RoutingRule& rule : rules) {
      surely_unmatched = ConditionSpace::subtract(surely_unmatched, rule.region.upper());
      if (surely_unmatched.empty()) break;
    }
    if (!surely_unmatched.empty()) {
      diagnostics_
          .report(kRoutingGap, header(routing_),
                  fmt::format("a lead with {} matches no rule of `{}`",
                              space.example(surely_unmatched), name(routing_)))
          .help = "add a rule that covers it, or a `fallback`";
      return;
    }
    const bool exact = std::all_of(rules.begin(), rules.end(),
                                   [](const RoutingRule& rule) { return rule.region.exact(); });
    if (exact) return;
    Region maybe_unmatched = space.everything();
    for (const RoutingRule& rule : rules) {
      maybe_unmatched = ConditionSpace::subtract(maybe_unmatched, rule.region.sure);
      if (maybe_unmatched.empty()) return;
    }
    undecided_.push_back("whether a lead can match no rule");
  }

  // What could not be decided, said once per routing with the rules that made it so: "no gap
  // reported" must always mean there is none.
  void report_undecided(const std::vector<RoutingRule>& rules) {
    if (!may_not_fire_.empty()) {
      undecided_.insert(undecided_.begin(),
                        fmt::format("whether rule{} {} can fire",
                                    may_not_fire_.size() == 1 ? "" : "s", join_and(may_not_fire_)));
    }
    if (undecided_.empty()) return;
    std::vector<std::string> causes;
    std::vector<Note> notes;
    for (const RoutingRule& rule : rules) {
      if (rule.region.exact()) continue;
      causes.push_back(fmt::format("rule `{}`: {}", name(rule.entity), rule.region.why));
      notes.push_back({header(rule.entity), rule.region.why});
    }
    constexpr std::size_t kCausesNamed = 3;  // each is noted at its rule anyway
    if (causes.size() > kCausesNamed + 1) {
      const std::size_t more = causes.size() - kCausesNamed;
      causes.resize(kCausesNamed);
      causes.push_back(fmt::format("{} more rules, each noted", more));
    }
    Diagnostic& d =
        diagnostics_.report(kRoutingUndecided, header(routing_),
                            fmt::format("routing `{}`: not decided {}, because {}", name(routing_),
                                        join_and(undecided_), fmt::join(causes, "; ")));
    d.notes = std::move(notes);
    d.help =
        "write the condition with fields of the routed object and comparisons gtmlint reads "
        "(==, in, <, starts_with, contains, includes), or check these leads with `gtmlint route`";
  }

  static std::string outcome(const std::string& assignee) {
    return assignee == kKeepOwner ? "keeps its owner" : "goes to " + assignee;
  }

  // `a, b and c`; past a few items, `a, b, c, d, e and 18 more`.
  static std::string join_and(const std::vector<std::string>& items) {
    constexpr std::size_t kNamed = 5;
    if (items.size() <= 1) return items.empty() ? std::string() : items[0];
    if (items.size() > kNamed + 1) {
      return fmt::format("{} and {} more", fmt::join(items.begin(), items.begin() + kNamed, ", "),
                         items.size() - kNamed);
    }
    return fmt::format("{} and {}", fmt::join(items.begin(), items.end() - 1, ", "), items.back());
  }

  RuleOverrides* overrides_ = nullptr;  ///< of the routing being analysed
  std::vector<std::string> undecided_;
  std::vector<std::string> may_not_fire_;  ///< rules that may or may not ever take a lead
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
