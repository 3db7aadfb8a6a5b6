// The workspace's namespaces: one for top-level names (a person and a system cannot share a
// name), one per other `namespace` a schema declares (fields by full path, policies by rule id),
// singletons, and sibling names of nested blocks. Reports `duplicate-name` with both places.
#pragma once

#include "compiler/diagnostic.hpp"
#include "compiler/model.hpp"

#include <unordered_map>
#include <vector>

namespace gtm {

class SymbolTable {
 public:
  SymbolTable(Model& model, Diagnostics& diagnostics) : model_(model), diagnostics_(diagnostics) {}

  /// Declares a top-level entity (and checks the names of its nested blocks).
  void declare(EntityId id);

 private:
  void check_siblings(EntityId parent);
  void report_duplicate(EntityId id, EntityId first, std::string message);
  NameMap<EntityId>& names_of(KindId kind);

  Model& model_;
  Diagnostics& diagnostics_;
  std::unordered_map<KindId, EntityId> singletons_;
  /// Each kind's namespace, found once (the model's namespaces do not move).
  std::vector<NameMap<EntityId>*> names_by_kind_;
};

}  // namespace gtm
