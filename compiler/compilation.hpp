// One run of the compiler over a workspace: the embedded stdlib and the user's files are parsed,
// then bound to the schema, resolved, type-checked, checked by policies and analyses, and the
// findings filtered by waivers and settings. The CLI, the language server and tests all use it.
#pragma once

#include <memory>
#include <span>
#include <vector>

#include "compiler/base/source.hpp"
#include "compiler/diagnostics/diagnostic.hpp"
#include "compiler/diagnostics/rule_info.hpp"
#include "compiler/evaluation/analysis.hpp"
#include "compiler/evaluation/policy.hpp"
#include "compiler/semantics/model.hpp"
#include "compiler/semantics/vocabulary.hpp"
#include "compiler/syntax/ast.hpp"

namespace gtm {

struct CompileOptions {
  std::int64_t today = 0;                  ///< days since 1970-01-01; dates are compared with this
  std::span<const Analysis> analyses;      ///< rules/ analyses to run (see rules/registry.hpp)
  const Vocabulary* vocabulary = nullptr;  ///< field types and condition functions (rules/)
};

struct Compilation {
  Compilation();  ///< parses the embedded stdlib

  SourceSet sources;
  std::vector<File> files;  ///< files[i].id == i; the stdlib first
  FileId first_user_file = 0;
  Diagnostics diagnostics;
  Model model;
  std::vector<Policy> policies;
  RuleCatalog catalog;
  std::size_t entity_count = 0;  ///< top-level entities in the user's files
  std::string workspace_root;    ///< absolute; empty for in-memory compilations

  bool is_user_file(FileId id) const { return id >= first_user_file; }
};

/// Adds one file's text to the compilation and parses it.
void add_source(Compilation& compilation, std::string path, std::string text);

struct SourceText {
  std::string path;
  std::string text;
  std::string unread;  ///< why the file could not be read (reported as `file-skipped`), if so
};

/// Adds several files and parses them in parallel (files parse independently); FileIds follow
/// the order given.
void add_sources(Compilation& compilation, std::vector<SourceText> sources);

/// Runs every pass after parsing over everything added so far; sorts the diagnostics.
void analyse(Compilation& compilation, const CompileOptions& options);

}  // namespace gtm
