// Small facts about entities that several rules/ analyses share.
#pragma once

#include <algorithm>
#include <cstdint>
#include <string_view>

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

/// A sync that says `bidirectional = true` reads and writes both of its systems.
inline bool is_bidirectional(const Model& model, EntityId sync) {
  const Expr* both = model.attr_expr(sync, "bidirectional");
  return both && both->kind == ExprKind::Bool && both->boolean;
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
