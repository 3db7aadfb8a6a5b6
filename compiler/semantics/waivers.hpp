// Waivers: `waiver RULE { until = DATE  reason = "..." }` inside a block suppresses that rule's
// findings within the block through the `until` date. Reports `waiver-incomplete` and
// `waiver-expired` (an incomplete or expired waiver suppresses nothing), and waivers of unknown
// rule ids.
#pragma once

#include "compiler/diagnostics/diagnostic.hpp"
#include "compiler/diagnostics/rule_info.hpp"
#include "compiler/semantics/model.hpp"

namespace gtm {

/// Whether a waiver's reason is only a stand-in for one (empty, `TODO ...`, `TBD`, `...`): such a
/// waiver counts as having no reason, so a reason inserted by a quick fix stays flagged until a
/// person writes one.
bool is_placeholder_reason(std::string_view reason);

void apply_waivers(const Model& model, const RuleCatalog& catalog, std::int64_t today,
                   Diagnostics& diagnostics);

}  // namespace gtm
