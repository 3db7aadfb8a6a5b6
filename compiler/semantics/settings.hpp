// The `settings` block's `rules` section: severity overrides (`owner-departed = warning`) and
// `off`, applied to the finished findings; and the checks that its keys name real rules (and
// `naming` keys real kinds). Limits and naming patterns are read by policies through
// `settings.limits.X` and `setting("naming", kind)`.
#pragma once

#include <cstdint>
#include <optional>
#include <string_view>

#include "compiler/diagnostics/diagnostic.hpp"
#include "compiler/diagnostics/rule_info.hpp"
#include "compiler/semantics/model.hpp"

namespace gtm {

void apply_rule_settings(const Model& model, const RuleCatalog& catalog, Diagnostics& diagnostics);

/// A duration of `settings.limits` in minutes, as the workspace writes it or by the schema's
/// default; nullopt when neither says (or the value is not a valid duration).
std::optional<std::int64_t> limit_minutes(const Model& model, std::string_view name);

}  // namespace gtm
