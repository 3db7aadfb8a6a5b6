// `gtmlint rules` (the catalogue) and `gtmlint explain RULE` (one rule's page).
#include <fmt/format.h>

#include <algorithm>
#include <map>

#include "cli/commands.hpp"
#include "cli/load.hpp"
#include "compiler/semantics/suggest.hpp"
#include "rules/registry.hpp"

namespace gtm::cli {

namespace {

// The catalogue of the workspace around the current directory: the compiler's diagnostics, the
// analyses, the stdlib policies and the workspace's own policies.
bool load_catalog(Compilation& compilation, Io& io) {
  std::vector<bool> reported;
  if (!load_workspace({}, WorkspaceOptions{}, compilation, reported, io)) return false;
  analyse(compilation, rules::compile_options(0));
  return true;
}

}  // namespace

int run_rules(const std::vector<std::string>& args, Io& io) {
  if (!args.empty()) {
    io.err << fmt::format("gtmlint: `rules` takes no arguments; see `gtmlint help rules`\n");
    return kExitFailure;
  }
  Compilation compilation;
  if (!load_catalog(compilation, io)) return kExitFailure;
  std::map<std::string, std::vector<const RuleInfo*>> by_category;
  for (const RuleInfo& rule : compilation.catalog.all())
    by_category[rule.category].push_back(&rule);
  for (auto& [category, rules] : by_category) {
    std::sort(rules.begin(), rules.end(),
              [](const RuleInfo* a, const RuleInfo* b) { return a->id < b->id; });
    io.out << category << "\n";
    for (const RuleInfo* rule : rules) {
      io.out << fmt::format("  {:<27} {:<8} {}\n", rule->id, severity_name(rule->severity),
                            rule->summary);
    }
    io.out << "\n";
  }
  io.out << "Run `gtmlint explain RULE` for a rule's rationale and examples.\n";
  return kExitClean;
}

int run_explain(const std::vector<std::string>& args, Io& io) {
  if (args.size() != 1) {
    io.err << "gtmlint: usage: gtmlint explain RULE; `gtmlint rules` lists them\n";
    return kExitFailure;
  }
  Compilation compilation;
  if (!load_catalog(compilation, io)) return kExitFailure;
  const RuleInfo* rule = compilation.catalog.find(args[0]);
  if (!rule) {
    std::string hint;
    if (auto best = closest(args[0], compilation.catalog.ids())) {
      hint = fmt::format("; did you mean `{}`?", *best);
    }
    io.err << fmt::format("gtmlint: no rule named `{}`{}\n", args[0], hint);
    return kExitFailure;
  }
  // The origin (a policy of the stdlib, an analysis, ...) unless the category already says it.
  const std::string origin =
      rule->origin == rule->category ? std::string() : fmt::format(", {}", rule->origin);
  io.out << fmt::format("{}  ({}, {} by default{})\n\n{}\n\n", rule->id, rule->category,
                        severity_name(rule->severity), origin, rule->summary);
  std::string explain = rule->explain;
  while (!explain.empty() && explain.back() == '\n') explain.pop_back();
  if (!explain.empty()) io.out << explain << "\n\n";
  if (rule->id != "syntax") {
    io.out << fmt::format(
        "To accept a finding for a while, waive it inside the block it is reported in:\n\n"
        "    waiver {0} {{ until = YYYY-MM-DD  reason = \"...\" }}\n\n"
        "To change its severity for the workspace (error, warning, info or off):\n\n"
        "    settings {{ rules {{ {0} = warning }} }}\n",
        rule->id);
  }
  return kExitClean;
}

}  // namespace gtm::cli
