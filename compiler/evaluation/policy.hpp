// The policy engine: `policy` blocks (stdlib/policies and the user's own) checked and run over
// every entity of the kinds they name. A policy says, for entities of kinds `for` that satisfy
// `where`, that `require` must hold; otherwise it reports `message` (with `{path}` filled in)
// at attribute `at` if written, else at the entity's name.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "compiler/diagnostics/diagnostic.hpp"
#include "compiler/diagnostics/rule_info.hpp"
#include "compiler/evaluation/evaluate.hpp"
#include "compiler/semantics/model.hpp"

namespace gtm {

struct Policy {
  EntityId entity = kNoEntity;
  std::string id;
  bool any_kind = false;
  std::vector<KindId> kinds;
  std::optional<ExprId> where;
  ExprId require = 0;
  Severity severity = Severity::Error;
  std::string message;
  std::string help;
  std::string at;
  RuleInfo info;
};

/// Reads and validates every policy entity; problems in a policy are reported at the policy.
std::vector<Policy> load_policies(const Model& model, Diagnostics& diagnostics);

/// Runs every policy over the user's entities (in parallel: entities are checked independently).
void run_policies(const Model& model, const std::vector<Policy>& policies, std::int64_t today,
                  Diagnostics& diagnostics);

}  // namespace gtm
