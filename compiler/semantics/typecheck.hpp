// Type checking: every attribute value against its schema type. Resolves references on the
// way (recording targets in the model) and reports `type-mismatch`, `invalid-value` and
// `unresolved-reference` (with a did-you-mean fix).
#pragma once

#include "compiler/diagnostics/diagnostic.hpp"
#include "compiler/semantics/model.hpp"

namespace gtm {

void typecheck(Model& model, Diagnostics& diagnostics);

}  // namespace gtm
