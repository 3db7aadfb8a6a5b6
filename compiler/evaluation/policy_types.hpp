// Type-checking a policy when it is loaded, against the kinds in its `for`: a comparison that can
// never be true (a reference compared with a number, a date with a text, `<` on references), a
// path through an attribute no kind has (`owner.lft`), and a `{placeholder}` in `message` or
// `help` that names nothing are errors at the policy, so that a policy cannot pass silently.
#pragma once

#include <vector>

#include "compiler/diagnostics/diagnostic.hpp"
#include "compiler/semantics/model.hpp"

namespace gtm {

/// Checks `where`, `require`, `message` and `help` of the policy entity `policy`, whose kinds are
/// `kinds` (every kind when `any_kind`). Returns false if it reported an error.
bool check_policy_types(const Model& model, EntityId policy, const std::vector<KindId>& kinds,
                        bool any_kind, Diagnostics& diagnostics);

}  // namespace gtm
