// The run functions of the analyses in rules/, one file each.
#pragma once

#include "compiler/analysis.hpp"

namespace gtm::rules {

void run_owner_departed(const AnalysisContext& context, Diagnostics& diagnostics);

}  // namespace gtm::rules
