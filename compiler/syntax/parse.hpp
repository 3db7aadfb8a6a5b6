// Text -> syntax tree. The only translation unit that instantiates the PEGTL grammar.
#pragma once

#include "compiler/diagnostics/diagnostic.hpp"
#include "compiler/syntax/ast.hpp"

namespace gtm {

/// Parses one file. Syntax errors go to `diagnostics` (rule `syntax`); parsing resumes at the next
/// block, and a block cut short by an error is kept with `has_error` so its name still resolves.
File parse_file(const SourceFile& source, FileId id, Diagnostics& diagnostics);

}  // namespace gtm
