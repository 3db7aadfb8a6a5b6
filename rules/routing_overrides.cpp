// Reading and checking `overrides` of routing rules.
#include "rules/routing_overrides.hpp"

#include <fmt/format.h>

#include <algorithm>

#include "compiler/diagnostics/compiler_rules.hpp"
#include "compiler/semantics/resolve.hpp"
#include "compiler/semantics/suggest.hpp"
#include "rules/rule_table.hpp"

namespace gtm::rules {

RuleOverrides::RuleOverrides(const Model& model, const std::vector<EntityId>& rules)
    : model_(model), rules_(rules) {
  for (std::size_t i = 0; i < rules.size(); ++i) {
    const Attribute* overrides = model.attr(rules[i], "overrides");
    if (!overrides) continue;
    const File& file = model.file_of(rules[i]);
    const Expr& list = file.exprs[overrides->value];
    for (ExprId item : file.children(list)) {
      const Expr& name = file.exprs[item];
      if (name.kind != ExprKind::Reference) continue;  // a type error, reported
      Entry entry{i, kNone, file.span_of(name), name.text, false};
      for (std::size_t j = 0; j < rules.size(); ++j) {
        if (model.entities[rules[j]].name == name.text) entry.target = j;
      }
      entries_.push_back(entry);
    }
  }
}

bool RuleOverrides::overrides(std::size_t earlier, std::size_t later) const {
  return std::any_of(entries_.begin(), entries_.end(),
                     [&](const Entry& e) { return e.rule == earlier && e.target == later; });
}

bool RuleOverrides::is_overridden(std::size_t later) const {
  return std::any_of(entries_.begin(), entries_.end(),
                     [&](const Entry& e) { return e.target == later && e.rule < later; });
}

void RuleOverrides::mark_used(std::size_t earlier, std::size_t later) {
  for (Entry& e : entries_) {
    if (e.rule == earlier && e.target == later) e.used = true;
  }
}

void RuleOverrides::report(bool decided, Diagnostics& diagnostics) const {
  for (const Entry& e : entries_) {
    const std::string_view self = model_.display_name(rules_[e.rule]);
    if (e.target == kNone) {
      std::vector<std::string_view> names;
      for (EntityId rule : rules_) names.push_back(model_.entities[rule].name);
      report_unresolved(diagnostics, e.span,
                        fmt::format("no rule named `{}` in this routing", e.written),
                        closest(e.written, names));
    } else if (e.target <= e.rule) {
      diagnostics
          .report(
              kRoutingOverrideUnused, e.span,
              fmt::format("rule `{}` overrides `{}`, which comes {}: an override names a "
                          "later rule whose leads this one takes first",
                          self, e.written, e.target == e.rule ? "at the same place" : "before it"))
          .help = "move the rule above the one it overrides, or remove the override";
    } else if (decided && !e.used) {
      diagnostics
          .report(kRoutingOverrideUnused, e.span,
                  fmt::format("rule `{}` overrides `{}`, but they do not overlap", self, e.written))
          .help = "remove the override: no lead is taken from the other rule";
    }
  }
}

}  // namespace gtm::rules
