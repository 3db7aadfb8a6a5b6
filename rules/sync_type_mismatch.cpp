// sync-type-mismatch: a sync that copies a field into one that cannot hold its values — a text
// into a number, a multi-select into a single picklist, or picklist values the destination does
// not have. Such values are rejected or dropped by the destination on every run, quietly when
// nobody watches the sync's error log. Each direction a mapping copies is checked.
#include <fmt/format.h>

#include <algorithm>
#include <span>
#include <string>
#include <utility>
#include <vector>

#include "compiler/semantics/conditions.hpp"
#include "rules/analyses.hpp"
#include "rules/facts.hpp"
#include "rules/rule_table.hpp"
#include "rules/text_match.hpp"

namespace gtm::rules {

namespace {

constexpr std::size_t kValuesShown = 5;

std::string quoted_values(const std::vector<std::string_view>& values) {
  std::vector<std::string> shown;
  for (std::size_t i = 0; i < values.size() && i < kValuesShown; ++i) {
    shown.push_back(fmt::format("\"{}\"", values[i]));
  }
  std::string text = fmt::format("{}", fmt::join(shown, ", "));
  if (values.size() > kValuesShown)
    text += fmt::format(" and {} more", values.size() - kValuesShown);
  return text;
}

std::string type_word(const FieldValues& values) {
  if (values.kind != FieldValueKind::Picklist) return std::string(value_kind_word(values.kind));
  return values.multi ? "multi-select picklist" : "picklist";
}

std::string_view plural(FieldValueKind kind) {
  switch (kind) {
    case FieldValueKind::Number:
      return "numbers";
    case FieldValueKind::Date:
      return "dates";
    case FieldValueKind::Bool:
      return "true or false";
    default:
      return "text";
  }
}

// What a sync's `values` blocks translate a field's values into (source value -> destination).
using ValueMap = std::vector<std::pair<std::string_view, std::string_view>>;

// A block names the field its values are translated from; copying back the other way of a `<->`,
// the same block read backwards translates the destination's values into the source's.
ValueMap value_map(const Model& model, EntityId sync, EntityId source, EntityId destination) {
  ValueMap map;
  for (EntityId block : model.children_of(sync)) {
    const Attribute* of = model.attr(block, "field");
    const File& file = model.file_of(block);
    const EntityId field = of ? model.target(file.id, of->value) : kNoEntity;
    if (field != source && field != destination) continue;
    for (ExprId item : items_of(model, block, "map")) {
      const Expr& pair = file.exprs[item];
      if (pair.kind != ExprKind::Mapping) continue;
      const auto sides = file.children(pair);
      const Expr &a = file.exprs[sides[0]], &b = file.exprs[sides[1]];
      if (a.kind != ExprKind::String || b.kind != ExprKind::String) continue;
      if (field == source) {
        map.emplace_back(a.text, b.text);
      } else {
        map.emplace_back(b.text, a.text);
      }
    }
  }
  return map;
}

std::string_view translated(const ValueMap& map, std::string_view value) {
  for (const auto& [from, to] : map) {
    if (from == value) return to;
  }
  return value;
}

// Why the destination cannot hold what the source holds, or empty when it can. A text
// destination holds anything written as text; lookups (record ids) are not compared.
std::string why_not_held(const FieldValues& from, const FieldValues& to, const ValueMap& map,
                         const TextMatch& text) {
  if (from.kind == FieldValueKind::Unknown || to.kind == FieldValueKind::Unknown ||
      to.kind == FieldValueKind::Text) {
    return {};
  }
  if (to.kind != FieldValueKind::Picklist) {
    return from.kind == to.kind
               ? std::string()
               : fmt::format("a {} field holds only {}", type_word(to), plural(to.kind));
  }
  if (from.kind != FieldValueKind::Picklist) {
    return fmt::format("the source holds any {}, the picklist only its {} value{}",
                       from.kind == FieldValueKind::Text ? "text" : plural(from.kind),
                       to.picklist.size(), to.picklist.size() == 1 ? "" : "s");
  }
  if (from.multi && !to.multi)
    return "the source holds several values at once, the destination one";
  std::vector<std::string_view> missing;
  for (std::string_view value : from.picklist) {
    const std::string_view copied = translated(map, value);
    if (std::none_of(to.picklist.begin(), to.picklist.end(),
                     [&](std::string_view held) { return text.equals(held, copied); })) {
      missing.push_back(copied);
    }
  }
  if (missing.empty()) return {};
  return fmt::format("{} {} no value in the destination", quoted_values(missing),
                     missing.size() == 1 ? "has" : "have");
}

// One direction of a mapping: `source`'s values copied into `destination` (`back`: the
// destination-to-source direction of a two-way mapping).
void check_copy(const Model& model, EntityId sync, EntityId source, EntityId destination, bool back,
                Span at, Diagnostics& diagnostics) {
  const FieldValues from = field_values(model, source);
  const FieldValues to = field_values(model, destination);
  // Picklist values are matched as the destination's system compares text.
  const TextMatch text(
      text_case_of(model, sync, object_of_field(model.entities[destination].name)));
  const std::string why = why_not_held(from, to, value_map(model, sync, source, destination), text);
  if (why.empty()) return;
  Diagnostic& d = diagnostics.report(
      kSyncTypeMismatch, at,
      fmt::format("sync `{}` copies {} `{}` {}into {} `{}`: {}", model.display_name(sync),
                  type_word(from), model.display_name(source), back ? "back " : "", type_word(to),
                  model.display_name(destination), why));
  d.notes.push_back({model.header_span(destination), "the destination is declared here"});
  if (to.kind != FieldValueKind::Picklist) {
    d.help =
        from.kind == FieldValueKind::Text || from.kind == FieldValueKind::Picklist
            ? "map it to a text field, or change one of the types"
            : fmt::format("map it to a field that holds {} (or text), or change one of the types",
                          plural(from.kind));
  } else if (from.kind == FieldValueKind::Picklist && !(from.multi && !to.multi)) {
    d.help = fmt::format(
        "add the missing values to the destination picklist, or say how the sync translates "
        "them: `values {{ field = {}  map = [\"a\" -> \"A\"] }}`",
        model.display_name(source));
  } else {
    d.help = "make the source a picklist of the destination's values, or copy into a text field";
  }
}

void check_sync(const Model& model, EntityId sync, Diagnostics& diagnostics) {
  const File& file = model.file_of(sync);
  const SyncDirections directions = sync_directions(model, sync);
  for (const FieldCopy& copy : field_copies(model, sync)) {
    const Expr& mapping = file.exprs[copy.mapping];
    const Span at = file.span_of(mapping);
    check_copy(model, sync, copy.from, copy.to, false, at, diagnostics);
    if (directions.copies_back(mapping)) {
      check_copy(model, sync, copy.to, copy.from, true, at, diagnostics);
    }
  }
}

}  // namespace

void run_sync_type_mismatch(const AnalysisContext& context, Diagnostics& diagnostics) {
  const Model& model = context.model;
  const KindId sync = model.schema.find_top_level("sync");
  if (sync == kNoKind) return;
  for (EntityId id = 0; id < model.entities.size(); ++id) {
    const Entity& entity = model.entities[id];
    if (entity.kind != sync || entity.from_stdlib || entity.has_error || !in_use(model, id)) {
      continue;
    }
    check_sync(model, id, diagnostics);
  }
}

}  // namespace gtm::rules
