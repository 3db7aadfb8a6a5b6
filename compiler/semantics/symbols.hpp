// The workspace's namespaces: one for top-level names (a person and a system cannot share a
// name), one per other `namespace` a schema declares (fields by full path, policies by rule id),
// singletons, and sibling names of nested blocks. Reports `duplicate-name` with both places.
#pragma once

#include <array>
#include <unordered_map>
#include <vector>

#include "compiler/diagnostics/diagnostic.hpp"
#include "compiler/semantics/model.hpp"

namespace gtm {

class SymbolTable {
 public:
  SymbolTable(Model& model, Diagnostics& diagnostics) : model_(model), diagnostics_(diagnostics) {}

  /// Declares the top-level entities, in the order given (the first declaration of a name wins;
  /// later ones are duplicates), and checks the names of their nested blocks.
  void declare(const std::vector<EntityId>& top_level);

 private:
  /// A name to declare in a namespace.
  struct Pending {
    HashedName name;
    EntityId id;
    NameTable* table;
  };
  /// The names to declare, by the shard they fall in, in declaration order.
  using PendingByShard = std::array<std::vector<Pending>, NameTable::kShards>;
  /// A later declaration of a name and the first one.
  struct Clash {
    EntityId later, first;
    bool operator<(const Clash& other) const { return later < other.later; }
  };

  void declare_singleton(EntityId id);
  void reserve_namespaces(const PendingByShard& pending);
  std::vector<Clash> fill_namespaces(const PendingByShard& pending);
  void record_objects(const std::vector<EntityId>& named, const std::vector<Clash>& clashes);
  void check_siblings(EntityId parent);
  void report_duplicate(EntityId id, EntityId first, std::string message);
  NameTable& names_of(KindId kind);

  Model& model_;
  Diagnostics& diagnostics_;
  std::unordered_map<KindId, EntityId> singletons_;
  /// Each kind's namespace, found once (the model's namespaces do not move).
  std::vector<NameTable*> names_by_kind_;
};

}  // namespace gtm
