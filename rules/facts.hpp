// Small facts about entities that several rules/ analyses share.
#pragma once

#include <algorithm>
#include <cstdint>
#include <span>
#include <string_view>
#include <utility>
#include <vector>

#include "compiler/semantics/model.hpp"

namespace gtm::rules {

/// The assignment that takes a record and leaves its owner as it is (`assign = keep_owner`).
constexpr std::string_view kKeepOwner = "keep_owner";

/// Whether an attribute of this type holds a condition (directly or inside a list or one_of).
inline bool holds_condition(const Type& type) {
  if (type.kind == TypeKind::Condition) return true;
  return std::any_of(type.args.begin(), type.args.end(), holds_condition);
}

/// Automations, nurtures and the like are active unless they say `active = false`.
inline bool is_active(const Model& model, EntityId id) {
  const Expr* active = model.attr_expr(id, "active");
  return !active || active->kind != ExprKind::Bool || active->boolean;
}

/// How a sync copies each of its mappings. `a <-> b` copies both ways and `a -> b` one way; a sync
/// that says `bidirectional = true` and writes no `<->` copies every `->` both ways (the arrows
/// decide as soon as one of them says `<->`).
struct SyncDirections {
  bool any_both_ways = false;     ///< some mapping copies back
  bool every_arrow_both = false;  ///< `bidirectional = true` and no `<->`: each `->` copies back

  bool copies_back(const Expr& mapping) const { return every_arrow_both || mapping.boolean; }
};

/// The entity an attribute's value refers to, or kNoEntity.
inline EntityId attr_target(const Model& model, EntityId id, std::string_view attribute) {
  const Attribute* a = model.attr(id, attribute);
  return a ? model.target(model.entities[id].file, a->value) : kNoEntity;
}

/// The object of a field path (`salesforce.lead` of `salesforce.lead.status`).
inline std::string_view object_of_field(std::string_view path) {
  const std::size_t dot = path.rfind('.');
  return dot == std::string_view::npos ? std::string_view() : path.substr(0, dot);
}

/// The items of an attribute written as one item or as a list (`scopes = "crm"` is one scope).
inline std::span<const ExprId> items_of(const Model& model, EntityId id, std::string_view name) {
  const Attribute* attribute = model.attr(id, name);
  if (!attribute) return {};
  const File& file = model.file_of(id);
  const Expr& value = file.exprs[attribute->value];
  return value.kind == ExprKind::List ? file.children(value)
                                      : std::span<const ExprId>(&attribute->value, 1);
}

/// The `fields` of a sync: its mappings (and whatever else was written there).
inline std::span<const ExprId> sync_mappings(const Model& model, EntityId sync) {
  return items_of(model, sync, "fields");
}

/// One mapping of a sync whose two sides are fields.
struct FieldCopy {
  EntityId from = kNoEntity, to = kNoEntity;
  ExprId mapping = 0;
};

inline std::vector<FieldCopy> field_copies(const Model& model, EntityId sync) {
  std::vector<FieldCopy> copies;
  const File& file = model.file_of(sync);
  const auto is_field = [&](EntityId id) {
    return id != kNoEntity && model.kind_of(id).name_space == "fields";
  };
  for (ExprId item : sync_mappings(model, sync)) {
    const Expr& mapping = file.exprs[item];
    if (mapping.kind != ExprKind::Mapping) continue;
    const auto sides = file.children(mapping);
    const FieldCopy copy{model.target(file.id, sides[0]), model.target(file.id, sides[1]), item};
    if (is_field(copy.from) && is_field(copy.to)) copies.push_back(copy);
  }
  return copies;
}

inline SyncDirections sync_directions(const Model& model, EntityId sync) {
  SyncDirections directions;
  const File& file = model.file_of(sync);
  for (ExprId item : sync_mappings(model, sync)) {
    const Expr& e = file.exprs[item];
    directions.any_both_ways |= e.kind == ExprKind::Mapping && e.boolean;
  }
  const Expr* bidirectional = model.attr_expr(sync, "bidirectional");
  const bool declared =
      bidirectional && bidirectional->kind == ExprKind::Bool && bidirectional->boolean;
  directions.every_arrow_both = declared && !directions.any_both_ways;
  directions.any_both_ways |= declared;
  return directions;
}

/// How long data may wait for a sync's next run, from its `schedule`: a duration between runs, or
/// one of the words (`real_time` 0, `hourly`, `daily`, `weekly`, `monthly` as 30 days).
struct SyncInterval {
  /// Unstated: no schedule, or free text; Rejected: a name that is no cadence word (`nightly`),
  /// which type checking reports.
  enum class Kind { Minutes, Manual, Unstated, Rejected };
  Kind kind = Kind::Unstated;
  std::int64_t minutes = 0;
  std::string_view written;  ///< the schedule as written, for messages
};

inline SyncInterval sync_interval(const Model& model, EntityId sync) {
  const Expr* schedule = model.attr_expr(sync, "schedule");
  if (!schedule) return {};
  const std::string_view written =
      model.file_of(sync).source->text().substr(schedule->begin, schedule->end - schedule->begin);
  if (schedule->kind == ExprKind::Duration && schedule->valid) {
    return {SyncInterval::Kind::Minutes, schedule->integer, written};
  }
  if (schedule->kind != ExprKind::Reference) return {SyncInterval::Kind::Unstated, 0, written};
  constexpr std::pair<std::string_view, std::int64_t> kWords[] = {{"real_time", 0},
                                                                  {"hourly", 60},
                                                                  {"daily", 24 * 60},
                                                                  {"weekly", 7 * 24 * 60},
                                                                  {"monthly", 30 * 24 * 60}};
  for (const auto& [word, minutes] : kWords) {
    if (schedule->text == word) return {SyncInterval::Kind::Minutes, minutes, written};
  }
  if (schedule->text == "manual") return {SyncInterval::Kind::Manual, 0, written};
  return {SyncInterval::Kind::Rejected, 0, written};
}

/// Whether an entity runs: neither it nor a block around it says `active = false`. Rules that only
/// matter while configuration runs (departed assignees, deprecated fields in use, overlaps) leave
/// switched-off configuration alone: it is kept for the record.
inline bool in_use(const Model& model, EntityId id) {
  for (EntityId at = id; at != kNoEntity; at = model.entities[at].parent) {
    if (!is_active(model, at)) return false;
  }
  return true;
}

/// The one decision of whether someone has left: their `left` attribute is a valid date that has
/// come by `today`. Returns that date's expression, or null (no `left`, an invalid date, a date
/// still to come). Every command, rule and editor feature asks this.
inline const Expr* departure(const Model& model, EntityId person, std::int64_t today) {
  const Expr* left = model.attr_expr(person, "left");
  if (!left || left->kind != ExprKind::Date || !left->valid || left->integer > today) {
    return nullptr;
  }
  return left;
}

/// A `left` date still to come (a valid date after `today`), or null.
inline const Expr* future_departure(const Model& model, EntityId person, std::int64_t today) {
  const Expr* left = model.attr_expr(person, "left");
  if (!left || left->kind != ExprKind::Date || !left->valid || left->integer <= today) {
    return nullptr;
  }
  return left;
}

}  // namespace gtm::rules
