// One run of the compiler over a workspace: load every file, parse, and (later passes) bind,
// resolve and check. The CLI, the language server and the tests all go through here.
#pragma once

#include <vector>

#include "compiler/ast.hpp"
#include "compiler/diagnostic.hpp"
#include "compiler/source.hpp"
#include "compiler/workspace.hpp"

namespace gtm {

struct CompileOptions {
  std::int64_t today = 0;  ///< days since 1970-01-01; dates are compared with this
};

struct Compilation {
  SourceSet sources;
  std::vector<File> files;  ///< files[i].id == i
  Diagnostics diagnostics;
  std::size_t entity_count = 0;
};

/// Adds one file's text to the compilation and parses it.
void add_source(Compilation& compilation, std::string path, std::string text);

/// Runs the passes after parsing over everything added so far, then sorts the diagnostics.
void analyse(Compilation& compilation, const CompileOptions& options);

}  // namespace gtm
