// nurture-suppression: two active nurtures on one object whose enrollments share a contact,
// neither suppressing the other, with an example contact.
#include <fmt/format.h>

#include <map>

#include "rules/analyses.hpp"
#include "rules/condition_space.hpp"
#include "rules/facts.hpp"
#include "rules/rule_table.hpp"
#include "rules/text_match.hpp"

namespace gtm::rules {

namespace {

bool suppresses(const Model& model, EntityId nurture, EntityId other) {
  const Attribute* suppress = model.attr(nurture, "suppress");
  if (!suppress) return false;
  const File& file = model.file_of(nurture);
  for (ExprId item : file.children(file.exprs[suppress->value])) {
    if (model.target(file.id, item) == other) return true;
  }
  return false;
}

void check_object(const Model& model, std::string_view object,
                  const std::vector<EntityId>& nurtures, Diagnostics& diagnostics) {
  ConditionSpace space(model, object, text_case_of(model, nurtures.front(), object));
  for (EntityId id : nurtures) space.collect(model.file_of(id), model.attr(id, "enroll")->value);
  std::vector<std::optional<Region>> regions;
  for (EntityId id : nurtures) {
    regions.push_back(space.region(model.file_of(id), model.attr(id, "enroll")->value));
  }
  for (std::size_t j = 0; j < nurtures.size(); ++j) {
    for (std::size_t i = 0; i < j; ++i) {
      if (!regions[i] || !regions[j]) continue;
      const EntityId a = nurtures[i], b = nurtures[j];
      if (suppresses(model, a, b) || suppresses(model, b, a)) continue;
      const Region shared = ConditionSpace::intersect(*regions[i], *regions[j]);
      if (shared.empty()) continue;
      Diagnostic& d = diagnostics.report(
          kNurtureSuppression, model.header_span(b),
          fmt::format("nurtures `{}` and `{}` can both enroll a contact with {}, and neither "
                      "suppresses the other",
                      model.display_name(a), model.display_name(b), space.example(shared)));
      d.notes.push_back({model.header_span(a),
                         fmt::format("`{}` enrolls the same contact", model.display_name(a))});
      d.help = fmt::format(
          "add `suppress = [{}]` to `{}` (or the reverse), or make the "
          "enrollments exclusive",
          model.display_name(a), model.display_name(b));
    }
  }
}

}  // namespace

void run_nurture_suppression(const AnalysisContext& context, Diagnostics& diagnostics) {
  const Model& model = context.model;
  start_region_budget();
  std::map<std::string_view, std::vector<EntityId>> by_object;
  for (EntityId id = 0; id < model.entities.size(); ++id) {
    const Entity& entity = model.entities[id];
    if (entity.from_stdlib || entity.has_error || model.kind_of(id).name != "nurture") continue;
    const Expr* object = model.attr_expr(id, "object");
    if (!object || object->kind != ExprKind::Reference || !model.attr(id, "enroll") ||
        !is_active(model, id)) {
      continue;
    }
    by_object[object->text].push_back(id);
  }
  for (const auto& [object, nurtures] : by_object) {
    try {
      check_object(model, object, nurtures, diagnostics);
    } catch (const RegionTooLarge& why) {
      report_analysis_budget(diagnostics, model.header_span(nurtures.front()),
                             fmt::format("the enrollment of the nurtures on `{}`", object),
                             "nurture-suppression", why);
    }
  }
}

}  // namespace gtm::rules
