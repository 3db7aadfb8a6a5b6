// Test helper: a workspace compiled from one text with every analysis and the CRM vocabulary,
// and a policy expression evaluated over one of its entities.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "compiler/compilation.hpp"
#include "compiler/evaluation/evaluate.hpp"
#include "compiler/syntax/literals.hpp"
#include "rules/registry.hpp"

namespace gtm::testing {

struct Workspace {
  Compilation compilation;
  explicit Workspace(std::string text, std::string today = "2026-11-01") {
    add_source(compilation, "w.gtm", std::move(text));
    analyse(compilation, rules::compile_options(*parse_date(today)));
  }
  const Model& model() const { return compilation.model; }
  EntityId find(std::string_view name) const { return model().find("entities", name); }
  std::vector<std::string> rules() const {
    std::vector<std::string> ids;
    for (const Diagnostic& d : compilation.diagnostics.items()) ids.push_back(d.rule);
    return ids;
  }
  // Evaluates `expr` (written as a policy expression) with `subject` as the entity.
  Value eval(std::string_view subject, const std::string& expr) {
    Compilation scratch;
    add_source(scratch, "e.gtm", "x { v = " + expr + " }");
    const File& file = scratch.files.back();
    Evaluator evaluator(model(), *parse_date("2026-11-01"));
    return evaluator.eval(file, file.attributes[0].value, find(subject));
  }
};

}  // namespace gtm::testing
