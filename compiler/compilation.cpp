// The pass pipeline.
#include "compiler/compilation.hpp"

#include <algorithm>

#include "compiler/base/timing.hpp"
#include "compiler/diagnostics/compiler_rules.hpp"
#include "compiler/diagnostics/parallel_check.hpp"
#include "compiler/semantics/bind.hpp"
#include "compiler/semantics/settings.hpp"
#include "compiler/semantics/typecheck.hpp"
#include "compiler/semantics/waivers.hpp"
#include "compiler/syntax/parse.hpp"
#include "stdlib/stdlib.hpp"

namespace gtm {

Compilation::Compilation() {
  const PhaseTimer timer("parse the stdlib");
  for (const EmbeddedFile& file : stdlib_files()) {
    add_source(*this, std::string(file.path), std::string(file.text));
  }
  first_user_file = static_cast<FileId>(files.size());
}

void add_source(Compilation& compilation, std::string path, std::string text) {
  const FileId id = compilation.sources.add(std::move(path), std::move(text));
  compilation.files.push_back(
      parse_file(compilation.sources.file(id), id, compilation.diagnostics));
}

void add_sources(Compilation& compilation, std::vector<SourceText> sources) {
  const std::size_t first = compilation.files.size();
  for (SourceText& source : sources) {
    const FileId id = compilation.sources.add(std::move(source.path), std::move(source.text));
    if (!source.unread.empty()) {
      compilation.diagnostics.report(compiler_rule::kFileSkipped, Span{id, 0, 0},
                                     "the file was not read: " + source.unread);
    }
  }
  const std::size_t count = compilation.sources.size() - first;
  compilation.files.resize(compilation.sources.size());
  check_in_parallel(count, 1, compilation.diagnostics,
                    [&](std::size_t i, std::size_t, Diagnostics& found) {
                      const auto id = static_cast<FileId>(first + i);
                      const SourceFile& source = compilation.sources.file(id);
                      source.index_lines();  // here, in parallel, rather than when reporting
                      compilation.files[id] = parse_file(source, id, found);
                    });
}

namespace {

RuleCatalog build_catalog(const std::vector<Policy>& policies, std::span<const Analysis> analyses) {
  RuleCatalog catalog;
  for (const RuleInfo& rule : compiler_rules()) catalog.add(rule);
  for (const Policy& policy : policies) catalog.add(policy.info);
  for (const Analysis& analysis : analyses) {
    for (const RuleInfo& rule : analysis.rules) catalog.add(rule);
  }
  return catalog;
}

}  // namespace

void analyse(Compilation& c, const CompileOptions& options) {
  c.model.vocabulary = options.vocabulary ? options.vocabulary : &empty_vocabulary();
  {
    const PhaseTimer timer("schema and binding");
    for (const File& file : c.files) c.model.schema.load(file, c.diagnostics);
    gtm::bind(c.model, c.files, c.first_user_file, c.diagnostics);  // not std::bind, found by ADL
  }
  {
    const PhaseTimer timer("type checking");
    typecheck(c.model, c.diagnostics);
  }
  c.policies = load_policies(c.model, c.diagnostics);
  c.catalog = build_catalog(c.policies, options.analyses);

  {
    const PhaseTimer timer("policies");
    run_policies(c.model, c.policies, options.today, c.diagnostics);
  }
  Evaluator evaluator(c.model, options.today);
  const AnalysisContext context{c.model, options.today, evaluator};
  for (const Analysis& analysis : options.analyses) {
    const PhaseTimer timer(analysis.rules.front().id);
    analysis.run(context, c.diagnostics);
  }
  const PhaseTimer timer("waivers, settings, sort");
  apply_waivers(c.model, c.catalog, options.today, c.diagnostics);
  apply_rule_settings(c.model, c.catalog, c.diagnostics);

  c.entity_count = 0;
  for (const Entity& entity : c.model.entities) {
    c.entity_count += !entity.from_stdlib && entity.parent == kNoEntity;
  }
  c.diagnostics.sort();
}

}  // namespace gtm
