// Namespaces and duplicate names.
#include "compiler/symbols.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <array>

#include "compiler/parallel.hpp"

namespace gtm {

void SymbolTable::report_duplicate(EntityId id, EntityId first, std::string message) {
  const Entity& earlier = model_.entities[first];
  Diagnostic& d = diagnostics_.error("duplicate-name", model_.header_span(id), std::move(message));
  if (!earlier.from_stdlib) d.notes.push_back({model_.header_span(first), "first declared here"});
}

void SymbolTable::declare(const std::vector<EntityId>& top_level) {
  std::vector<Pending> pending;
  pending.reserve(top_level.size());
  for (EntityId id : top_level) {
    check_siblings(id);
    const Entity& entity = model_.entities[id];
    if (model_.kind_of(id).singleton) {
      declare_singleton(id);
    } else if (!entity.name.empty()) {
      pending.push_back({id, &names_of(entity.kind)});
    }
  }
  std::vector<Clash> clashes = fill_namespaces(pending);
  for (const Clash& clash : clashes) {
    const std::string_view kind = model_.kind_of(clash.first).name;
    report_duplicate(clash.later, clash.first,
                     fmt::format("`{}` is already declared as a {}",
                                 model_.entities[clash.later].name, kind.empty() ? "block" : kind));
  }
  record_objects(pending, clashes);
}

void SymbolTable::declare_singleton(EntityId id) {
  const Entity& entity = model_.entities[id];
  const auto [it, inserted] = singletons_.emplace(entity.kind, id);
  if (!inserted) {
    report_duplicate(
        id, it->second,
        fmt::format("only one `{}` block is allowed in a workspace", model_.kind_of(id).name));
  }
}

// Each thread fills one shard of every namespace, taking the names in declaration order, so the
// first declaration of a name is the one kept whichever thread runs first. The names' hashes
// were computed by the parser.
std::vector<SymbolTable::Clash> SymbolTable::fill_namespaces(const std::vector<Pending>& pending) {
  std::array<std::vector<Clash>, NameTable::kShards> clashes;
  parallel_for(NameTable::kShards, worker_count(pending.size() < 4096 ? 1 : NameTable::kShards),
               [&](std::size_t shard, std::size_t) {
                 for (const Pending& item : pending) {
                   const HashedName name(model_.entities[item.id].name,
                                         model_.block_of(item.id).label_hash);
                   if (NameTable::shard_of(name.hash) != shard) continue;
                   const auto [first, inserted] = item.table->insert(name, item.id);
                   if (!inserted) clashes[shard].push_back({item.id, first});
                 }
               });
  std::vector<Clash> all = std::move(clashes[0]);
  for (std::size_t shard = 1; shard < NameTable::kShards; ++shard) {
    all.insert(all.end(), clashes[shard].begin(), clashes[shard].end());
  }
  std::sort(all.begin(), all.end());  // reported in declaration order
  return all;
}

// `system.object` -> the first field declared on it (duplicates declare nothing).
void SymbolTable::record_objects(const std::vector<Pending>& pending,
                                 const std::vector<Clash>& clashes) {
  auto clash = clashes.begin();
  for (const Pending& item : pending) {
    while (clash != clashes.end() && clash->later < item.id) ++clash;
    if (clash != clashes.end() && clash->later == item.id) continue;
    const KindSchema& kind = model_.kind_of(item.id);
    if (kind.label != LabelRule::Path || kind.path_segments != 3) continue;
    const std::string_view name = model_.entities[item.id].name;
    model_.objects.emplace(name.substr(0, name.rfind('.')), item.id);
  }
}

NameTable& SymbolTable::names_of(KindId kind) {
  if (names_by_kind_.size() <= kind) names_by_kind_.resize(model_.schema.size(), nullptr);
  NameTable*& names = names_by_kind_[kind];
  if (names == nullptr) {
    names = &model_.names[kind == Schema::kUnknownKind ? std::string_view("entities")
                                                       : model_.schema.kind(kind).name_space];
  }
  return *names;
}

void SymbolTable::check_siblings(EntityId parent) {
  if (model_.entities[parent].child_count == 0) return;  // most entities: nothing to compare
  std::unordered_map<std::string_view, EntityId> seen;
  for (EntityId child : model_.children_of(parent)) {
    check_siblings(child);
    const Entity& entity = model_.entities[child];
    if (entity.name.empty() || model_.kind_of(child).singleton) continue;
    // Siblings of different kinds may share a name (a `metric` and a `waiver`, say).
    const auto [it, inserted] = seen.emplace(entity.name, child);
    if (!inserted && model_.entities[it->second].kind == entity.kind) {
      report_duplicate(child, it->second,
                       fmt::format("`{}` already has a {} named `{}`", model_.display_name(parent),
                                   model_.kind_of(child).name, entity.name));
    }
  }
}

}  // namespace gtm
