// The `settings` block's `rules` section: severity overrides (`owner-departed = warning`) and
// `off`, applied to the finished findings; and the checks that its keys name real rules (and
// `naming` keys real kinds). Limits and naming patterns are read by policies through
// `settings.limits.X` and `setting("naming", kind)`.
#pragma once

#include "compiler/diagnostics/diagnostic.hpp"
#include "compiler/diagnostics/rule_info.hpp"
#include "compiler/semantics/model.hpp"

namespace gtm {

void apply_rule_settings(const Model& model, const RuleCatalog& catalog, Diagnostics& diagnostics);

}  // namespace gtm
