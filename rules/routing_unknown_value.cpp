// routing-unknown-value: a comparison in a condition (a routing rule, an enrollment, a trigger)
// with a value its picklist field does not have, which can therefore never be true.
#include <fmt/format.h>

#include <algorithm>

#include "compiler/semantics/conditions.hpp"
#include "compiler/semantics/suggest.hpp"
#include "rules/analyses.hpp"
#include "rules/facts.hpp"
#include "rules/rule_table.hpp"
#include "rules/text_match.hpp"

namespace gtm::rules {

namespace {

void check_value(const Model& model, const File& file, const Expr& field_ref, EntityId field,
                 const Expr& value, EntityId owner, Diagnostics& diagnostics) {
  if (value.kind != ExprKind::String) return;
  const FieldValues values = field_values(model, field);
  if (values.kind != FieldValueKind::Picklist) return;
  // The value is compared as the field's system compares it: "spam" is "Spam" in Salesforce.
  const std::string_view path = model.entities[field].name;
  const TextMatch text(text_case_of(model, owner, path.substr(0, path.rfind('.'))));
  if (std::any_of(values.picklist.begin(), values.picklist.end(),
                  [&](std::string_view v) { return text.equals(v, value.text); })) {
    return;
  }
  const auto best = closest(value.text, values.picklist);
  Diagnostic& d = diagnostics.report(
      kRoutingUnknownValue, file.span_of(value),
      fmt::format("\"{}\" is not a value of `{}`, so this comparison is never true{}", value.text,
                  field_ref.text, best ? fmt::format("; did you mean \"{}\"?", *best) : ""));
  d.notes.push_back({model.header_span(field),
                     fmt::format("`{}` has {} values", field_ref.text, values.picklist.size())});
  if (best) {
    d.fix = Fix{file.span_of(value), fmt::format("\"{}\"", *best),
                fmt::format("replace with \"{}\"", *best)};
  }
}

void walk(const Model& model, const File& file, ExprId id, EntityId owner,
          Diagnostics& diagnostics) {
  const Expr& e = file.exprs[id];
  if (e.kind == ExprKind::Compare) {
    const Expr& lhs = file.exprs[file.children(e)[0]];
    const EntityId field = model.target(file.id, file.children(e)[0]);
    const Expr& rhs = file.exprs[file.children(e)[1]];
    if (field == kNoEntity || lhs.kind != ExprKind::Reference) return;
    if (rhs.kind == ExprKind::List) {
      for (ExprId item : file.children(rhs))
        check_value(model, file, lhs, field, file.exprs[item], owner, diagnostics);
    } else {
      check_value(model, file, lhs, field, rhs, owner, diagnostics);
    }
    return;
  }
  for (ExprId child : file.children(e)) walk(model, file, child, owner, diagnostics);
}

}  // namespace

void run_routing_unknown_value(const AnalysisContext& context, Diagnostics& diagnostics) {
  const Model& model = context.model;
  for (EntityId id = 0; id < model.entities.size(); ++id) {
    const Entity& entity = model.entities[id];
    // Switched-off configuration matches nothing, so a value it never matches changes nothing.
    if (entity.from_stdlib || entity.kind == Schema::kUnknownKind || !in_use(model, id)) continue;
    const KindSchema& kind = model.kind_of(id);
    const File& file = model.file_of(id);
    for (const AttrSlot& slot : model.slots_of(id)) {
      const AttrSchema& attr = slot.attr == kAnyAttr ? *kind.any_attr : kind.attrs[slot.attr];
      if (holds_condition(attr.type))
        walk(model, file, file.attributes[slot.attribute].value, id, diagnostics);
    }
  }
}

}  // namespace gtm::rules
