// nurture-suppression: two active nurtures whose enrollments share a contact, neither suppressing
// the other, with an example contact. Nurtures on one object share contacts; so do nurtures on
// two objects a sync copies between (hubspot.contact and salesforce.lead hold the same people),
// with each mapped pair of fields holding one value.
#include <fmt/format.h>

#include <map>

#include "rules/analyses.hpp"
#include "rules/condition_space.hpp"
#include "rules/facts.hpp"
#include "rules/rule_table.hpp"
#include "rules/synced_objects.hpp"
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

std::string_view object_of(const Model& model, EntityId nurture) {
  return model.attr_expr(nurture, "object")->text;
}

// The first field an expression reads whose values a sync of the group translates.
EntityId translated_field(const Model& model, const ObjectGroup& group, const File& file,
                          ExprId id) {
  const EntityId target = model.target(file.id, id);
  if (target != kNoEntity && group.translating_sync(target) != kNoEntity) return target;
  for (ExprId child : file.children(file.exprs[id])) {
    if (const EntityId found = translated_field(model, group, file, child); found != kNoEntity)
      return found;
  }
  return kNoEntity;
}

EntityId translated_field(const Model& model, const ObjectGroup& group, EntityId nurture) {
  return translated_field(model, group, model.file_of(nurture),
                          model.attr(nurture, "enroll")->value);
}

// Two nurtures on objects a sync joins, one of them reading a field whose values the sync
// translates: whether they share a person is not decided, and is said so (as info).
void report_undecided(const Model& model, const ObjectGroup& group, EntityId a, EntityId b,
                      EntityId field, Diagnostics& diagnostics) {
  const EntityId sync = group.translating_sync(field);
  Diagnostic& d = diagnostics.report(
      kNurtureSuppression, model.header_span(b),
      fmt::format("cannot decide whether nurtures `{}` and `{}` enroll the same contact: sync `{}` "
                  "translates the values of `{}` between `{}` and `{}`",
                  model.display_name(a), model.display_name(b), model.display_name(sync),
                  model.display_name(field), object_of(model, a), object_of(model, b)));
  d.severity = Severity::Info;
  d.notes.push_back({model.header_span(sync), "this sync translates the values"});
  d.help = fmt::format("if they can, add `suppress = [{}]` to `{}`", model.display_name(a),
                       model.display_name(b));
}

void check_group(const Model& model, const ObjectGroup& group,
                 const std::vector<EntityId>& nurtures, Diagnostics& diagnostics) {
  const std::string_view object = object_of(model, nurtures.front());
  ConditionSpace space(model, object, text_case_of(model, nurtures.front(), object));
  for (std::string_view other : group.objects) {
    if (other != object) space.link_object(other, group.same_fields);
  }
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
      const bool across = object_of(model, a) != object_of(model, b);
      if (across) {
        EntityId field = translated_field(model, group, a);
        if (field == kNoEntity) field = translated_field(model, group, b);
        if (field != kNoEntity) {
          report_undecided(model, group, a, b, field, diagnostics);
          continue;
        }
      }
      Diagnostic& d = diagnostics.report(
          kNurtureSuppression, model.header_span(b),
          fmt::format("nurtures `{}` and `{}` can both enroll a contact with {}{}, and neither "
                      "suppresses the other",
                      model.display_name(a), model.display_name(b), space.example(shared),
                      across ? fmt::format(" (in `{}` and, synced, in `{}`)", object_of(model, a),
                                           object_of(model, b))
                             : ""));
      d.notes.push_back({model.header_span(a),
                         fmt::format("`{}` enrolls the same contact", model.display_name(a))});
      if (across) {
        const EntityId sync = group.sync_between(model, object_of(model, a), object_of(model, b));
        d.notes.push_back({model.header_span(sync),
                           "this sync copies between the objects: one contact is in both"});
      }
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
  SyncedObjects synced(model);
  std::map<std::size_t, std::vector<EntityId>> by_group;
  for (EntityId id = 0; id < model.entities.size(); ++id) {
    const Entity& entity = model.entities[id];
    if (entity.from_stdlib || entity.has_error || model.kind_of(id).name != "nurture") continue;
    const Expr* object = model.attr_expr(id, "object");
    if (!object || object->kind != ExprKind::Reference || !model.attr(id, "enroll") ||
        !is_active(model, id)) {
      continue;
    }
    by_group[synced.group_of(object->text)].push_back(id);
  }
  for (const auto& [group, nurtures] : by_group) {
    try {
      check_group(model, synced.group(group), nurtures, diagnostics);
    } catch (const RegionTooLarge& why) {
      report_analysis_budget(
          diagnostics, model.header_span(nurtures.front()),
          fmt::format("the enrollment of the nurtures on `{}`", object_of(model, nurtures.front())),
          "nurture-suppression", why);
    }
  }
}

}  // namespace gtm::rules
