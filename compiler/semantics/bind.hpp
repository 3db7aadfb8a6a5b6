// Binding: every block becomes an entity of its schema kind. Reports `unknown-kind`,
// `unknown-attribute`, `duplicate-attribute`, `missing-attribute`, badly formed names, and
// (through the symbol table) `duplicate-name`.
#pragma once

#include <vector>

#include "compiler/diagnostics/diagnostic.hpp"
#include "compiler/semantics/model.hpp"

namespace gtm {

/// Binds every top-level block (except `schema` blocks) of `files`; `model.schema` must be
/// loaded. Files whose id is below `first_user_file` are the embedded stdlib. A single value
/// written where the schema wants a list becomes a one-item list in the file's tree.
void bind(Model& model, std::vector<File>& files, FileId first_user_file, Diagnostics& diagnostics);

}  // namespace gtm
