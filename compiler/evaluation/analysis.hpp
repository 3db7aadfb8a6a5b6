// The seam between the compiler and rules/: an analysis reads the finished model and reports
// findings under the rule ids it declares. The compiler runs whatever analyses it is given.
#pragma once

#include <span>

#include "compiler/diagnostics/diagnostic.hpp"
#include "compiler/diagnostics/rule_info.hpp"
#include "compiler/evaluation/evaluate.hpp"
#include "compiler/semantics/model.hpp"

namespace gtm {

struct AnalysisContext {
  const Model& model;
  std::int64_t today;
  Evaluator& evaluator;
};

struct Analysis {
  std::span<const RuleInfo> rules;
  void (*run)(const AnalysisContext& context, Diagnostics& diagnostics);
};

}  // namespace gtm
