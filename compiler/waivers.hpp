// Waivers: `waiver RULE { until = DATE  reason = "..." }` inside a block suppresses that rule's
// findings within the block through the `until` date. Reports `waiver-incomplete` and
// `waiver-expired` (an incomplete or expired waiver suppresses nothing), and waivers of unknown
// rule ids.
#pragma once

#include "compiler/diagnostic.hpp"
#include "compiler/model.hpp"
#include "compiler/rule_info.hpp"

namespace gtm {

void apply_waivers(const Model& model, const RuleCatalog& catalog, std::int64_t today,
                   Diagnostics& diagnostics);

}  // namespace gtm
