// owner-departed: every reference to a person whose `left` date has come (owners, assignees,
// round-robin members, escalations, team leads, admins), with a note at the `left` date; not in
// switched-off configuration (`active = false`), which routes and notifies no one.
#include <fmt/format.h>

#include <algorithm>
#include <vector>

#include "compiler/diagnostics/parallel_check.hpp"
#include "compiler/syntax/literals.hpp"
#include "rules/analyses.hpp"
#include "rules/facts.hpp"
#include "rules/rule_table.hpp"

namespace gtm::rules {

namespace {

// How the role of a reference is named: "round-robin member", "owner", "admin", ...
std::string role_of(std::string_view attribute, bool in_round_robin) {
  if (in_round_robin) return "round-robin member";
  if (attribute == "assign") return "assignee";
  if (attribute == "fallback") return "fallback assignee";
  if (attribute == "escalate") return "escalation contact";
  if (attribute == "lead") return "team lead";
  if (attribute == "admins") return "admin";
  if (attribute == "members") return "member";
  if (attribute == "notify" || attribute == "on_error" || attribute == "monitor")
    return "notified person";
  std::string role(attribute);
  std::replace(role.begin(), role.end(), '_', ' ');
  return role;
}

const Expr* departure(const AnalysisContext& context, EntityId person) {
  return rules::departure(context.model, person, context.today);
}

// Who has left, by entity: decided once per person, not once per reference to them (a million
// fields may name a few thousand owners).
std::vector<bool> departed_people(const AnalysisContext& context) {
  const Model& model = context.model;
  std::vector<bool> person(model.schema.size(), false);
  for (KindId kind = 0; kind < model.schema.size(); ++kind) {
    person[kind] = model.schema.kind(kind).name == "person";
  }
  std::vector<bool> departed(model.entities.size(), false);
  for (EntityId id = 0; id < model.entities.size(); ++id) {
    departed[id] = person[model.entities[id].kind] && departure(context, id) != nullptr;
  }
  return departed;
}

class DepartedFinder {
 public:
  DepartedFinder(const AnalysisContext& context, const std::vector<bool>& departed,
                 Diagnostics& diagnostics)
      : context_(context), model_(context.model), departed_(departed), diagnostics_(diagnostics) {}

  void check_entity(EntityId id) {
    const File& file = model_.file_of(id);
    for (const AttrSlot& slot : model_.slots_of(id)) {
      const Attribute& attribute = file.attributes[slot.attribute];
      visit(file, attribute.value, attribute.name, false, id);
    }
  }

 private:
  void visit(const File& file, ExprId expr_id, std::string_view attribute, bool in_round_robin,
             EntityId holder) {
    const Expr& e = file.exprs[expr_id];
    if (e.kind == ExprKind::Reference)
      return check_reference(file, expr_id, attribute, in_round_robin, holder);
    const bool round_robin =
        in_round_robin || (e.kind == ExprKind::Call && e.text == "round_robin");
    for (ExprId child : file.children(e)) visit(file, child, attribute, round_robin, holder);
  }

  void check_reference(const File& file, ExprId expr_id, std::string_view attribute,
                       bool in_round_robin, EntityId holder) {
    const EntityId person = model_.target(file.id, expr_id);
    if (person == kNoEntity || !departed_[person]) return;
    const Expr* left = departure(context_, person);
    const Expr& reference = file.exprs[expr_id];
    Diagnostic& d = diagnostics_.report(
        kOwnerDeparted, file.span_of(reference),
        fmt::format("{} `{}` has left", role_of(attribute, in_round_robin), reference.text));
    d.notes.push_back(
        {model_.file_of(person).span_of(*left),
         fmt::format("`{}` left on {}", model_.display_name(person), format_date(left->integer))});
    d.help = fmt::format(
        "reassign `{}`, or add `waiver owner-departed {{ until = DATE  reason = \"...\" }}`",
        model_.display_name(holder));
  }

  const AnalysisContext& context_;
  const Model& model_;
  const std::vector<bool>& departed_;
  Diagnostics& diagnostics_;
};

}  // namespace

void run_owner_departed(const AnalysisContext& context, Diagnostics& diagnostics) {
  const std::vector<bool> departed = departed_people(context);
  // Entities are checked independently, on all cores; findings stay in entity order.
  check_in_parallel(
      context.model.entities.size(), 4096, diagnostics,
      [&](std::size_t id, std::size_t, Diagnostics& found) {
        if (context.model.entities[id].from_stdlib ||
            !in_use(context.model, static_cast<EntityId>(id)))
          return;
        DepartedFinder(context, departed, found).check_entity(static_cast<EntityId>(id));
      });
}

}  // namespace gtm::rules
