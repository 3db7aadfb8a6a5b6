// Applying `settings.rules` and checking the keys of `settings` sections.
#include "compiler/semantics/settings.hpp"

#include <fmt/format.h>

#include <algorithm>

#include <optional>
#include <unordered_map>

#include "compiler/diagnostics/compiler_rules.hpp"
#include "compiler/semantics/resolve.hpp"
#include "compiler/semantics/suggest.hpp"

namespace gtm {

namespace {

EntityId find_section(const Model& model, std::string_view name) {
  const KindId settings = model.schema.find_top_level("settings");
  if (settings == kNoKind) return kNoEntity;
  for (EntityId id = 0; id < model.entities.size(); ++id) {
    if (model.entities[id].kind != settings || model.entities[id].from_stdlib) continue;
    for (EntityId child : model.children_of(id)) {
      if (model.kind_of(child).name == name) return child;
    }
  }
  return kNoEntity;
}

void check_naming_keys(const Model& model, Diagnostics& diagnostics) {
  const EntityId naming = find_section(model, "naming");
  if (naming == kNoEntity) return;
  std::vector<std::string_view> kinds;
  for (KindId id = 1; id < model.schema.size(); ++id) kinds.push_back(model.schema.kind(id).name);
  const File& file = model.file_of(naming);
  for (const AttrSlot& slot : model.slots_of(naming)) {
    const Attribute& attribute = file.attributes[slot.attribute];
    if (std::find(kinds.begin(), kinds.end(), attribute.name) != kinds.end()) continue;
    report_unresolved(diagnostics, file.span_of(attribute),
                      fmt::format("no kind named `{}` to give a naming pattern", attribute.name),
                      closest(attribute.name, kinds));
  }
}

}  // namespace

void apply_rule_settings(const Model& model, const RuleCatalog& catalog, Diagnostics& diagnostics) {
  Diagnostics found;
  check_naming_keys(model, found);
  std::unordered_map<std::string_view, std::optional<Severity>> overrides;
  if (const EntityId rules = find_section(model, "rules"); rules != kNoEntity) {
    const File& file = model.file_of(rules);
    for (const AttrSlot& slot : model.slots_of(rules)) {
      const Attribute& attribute = file.attributes[slot.attribute];
      const Expr& value = file.exprs[attribute.value];
      if (attribute.name == "syntax") {
        found.report(compiler_rule::kInvalidValue, file.span_of(attribute),
                     "syntax errors cannot be configured");
      } else if (!catalog.find(attribute.name)) {
        report_unresolved(found, file.span_of(attribute),
                          fmt::format("no rule named `{}`", attribute.name),
                          closest(attribute.name, catalog.ids()));
      } else if (value.text == "off") {
        overrides[attribute.name] = std::nullopt;
      } else if (auto severity = parse_severity(value.text)) {
        overrides[attribute.name] = severity;
      }
    }
  }
  auto& items = diagnostics.items();
  std::erase_if(items, [&](const Diagnostic& d) {
    const auto it = overrides.find(d.rule);
    return it != overrides.end() && !it->second;
  });
  for (Diagnostic& d : items) {
    if (const auto it = overrides.find(d.rule); it != overrides.end()) d.severity = *it->second;
  }
  items.insert(items.end(), found.items().begin(), found.items().end());
}

std::optional<std::int64_t> limit_minutes(const Model& model, std::string_view name) {
  const auto minutes = [](const Expr* e) -> std::optional<std::int64_t> {
    if (!e || e->kind != ExprKind::Duration || !e->valid) return std::nullopt;
    return e->integer;
  };
  const EntityId limits = find_section(model, "limits");
  if (limits != kNoEntity && model.attr_expr(limits, name)) {
    return minutes(model.attr_expr(limits, name));
  }
  const KindId settings = model.schema.find_top_level("settings");
  if (settings == kNoKind) return std::nullopt;
  const KindId section = model.schema.find_nested(settings, "limits");
  if (section == kNoKind) return std::nullopt;
  const KindSchema& kind = model.schema.kind(section);
  const int index = kind.attr_index(name);
  if (index < 0 || !kind.attrs[index].default_value) return std::nullopt;
  const ExprRef& value = *kind.attrs[index].default_value;
  return minutes(&value.file->exprs[value.expr]);
}

}  // namespace gtm
