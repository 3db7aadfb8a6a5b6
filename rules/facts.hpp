// Small facts about entities that several rules/ analyses share.
#pragma once

#include "compiler/model.hpp"

namespace gtm::rules {

/// Automations, nurtures and the like are active unless they say `active = false`.
inline bool is_active(const Model& model, EntityId id) {
  const Expr* active = model.attr_expr(id, "active");
  return !active || active->kind != ExprKind::Bool || active->boolean;
}

}  // namespace gtm::rules
