// The pass pipeline.
#include "compiler/compilation.hpp"

#include "compiler/bind.hpp"
#include "compiler/parse.hpp"
#include "compiler/settings.hpp"
#include "compiler/typecheck.hpp"
#include "compiler/waivers.hpp"
#include "stdlib/stdlib.hpp"

namespace gtm {

Compilation::Compilation() {
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
  for (const File& file : c.files) c.model.schema.load(file, c.diagnostics);
  bind(c.model, c.files, c.first_user_file, c.diagnostics);
  typecheck(c.model, c.diagnostics);
  c.policies = load_policies(c.model, c.diagnostics);
  c.catalog = build_catalog(c.policies, options.analyses);

  Evaluator evaluator(c.model, options.today);
  run_policies(c.model, c.policies, evaluator, c.diagnostics);
  const AnalysisContext context{c.model, options.today, evaluator};
  for (const Analysis& analysis : options.analyses) analysis.run(context, c.diagnostics);

  apply_waivers(c.model, c.catalog, options.today, c.diagnostics);
  apply_rule_settings(c.model, c.catalog, c.diagnostics);

  c.entity_count = 0;
  for (const Entity& entity : c.model.entities) {
    c.entity_count += !entity.from_stdlib && entity.parent == kNoEntity;
  }
  c.diagnostics.sort();
}

}  // namespace gtm
