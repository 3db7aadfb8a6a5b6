// routing-multiple-active: two routings of one object that both run. Salesforce keeps one
// assignment rule active per object, so a second active routing in the workspace says something
// that cannot be: one of them is kept for the record (`active = false`) or was meant for
// another object. The later one (in path order) is reported, with a note at the first.
#include <fmt/format.h>

#include <map>
#include <string_view>

#include "rules/analyses.hpp"
#include "rules/facts.hpp"
#include "rules/rule_table.hpp"

namespace gtm::rules {

void run_routing_multiple_active(const AnalysisContext& context, Diagnostics& diagnostics) {
  const Model& model = context.model;
  const KindId routing = model.schema.find_top_level("routing");
  if (routing == kNoKind) return;
  std::map<std::string_view, EntityId> first_by_object;
  for (EntityId id = 0; id < model.entities.size(); ++id) {
    const Entity& entity = model.entities[id];
    if (entity.kind != routing || entity.from_stdlib || entity.has_error || !is_active(model, id))
      continue;
    const Expr* object = model.attr_expr(id, "object");
    if (!object || object->kind != ExprKind::Reference) continue;
    const auto [first, inserted] = first_by_object.emplace(object->text, id);
    if (inserted) continue;
    Diagnostic& d = diagnostics.report(
        kRoutingMultipleActive, model.header_span(id),
        fmt::format("routing `{}` is the second active routing of `{}`; `{}` is active too",
                    entity.name, object->text, model.display_name(first->second)));
    d.notes.push_back({model.header_span(first->second), "the first active routing of the object"});
    d.help = fmt::format("keep one: add `active = false` to the routing that is not in use");
  }
}

}  // namespace gtm::rules
