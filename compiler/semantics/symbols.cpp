// Namespaces and duplicate names.
#include "compiler/semantics/symbols.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <array>

#include "compiler/base/parallel.hpp"
#include "compiler/diagnostics/compiler_rules.hpp"

namespace gtm {

void SymbolTable::report_duplicate(EntityId id, EntityId first, std::string message) {
  const Entity& earlier = model_.entities[first];
  Diagnostic& d = diagnostics_.report(compiler_rule::kDuplicateName, model_.header_span(id),
                                      std::move(message));
  if (!earlier.from_stdlib) d.notes.push_back({model_.header_span(first), "first declared here"});
}

void SymbolTable::declare(const std::vector<EntityId>& top_level) {
  PendingByShard pending;
  for (auto& shard : pending) shard.reserve(top_level.size() / NameTable::kShards * 9 / 8 + 16);
  std::vector<EntityId> named;
  named.reserve(top_level.size());
  for (EntityId id : top_level) {
    check_siblings(id);
    const Entity& entity = model_.entities[id];
    if (model_.kind_of(id).singleton) {
      declare_singleton(id);
    } else if (!entity.name.empty()) {
      const HashedName name(entity.name, model_.block_of(id).label_hash);
      pending[NameTable::shard_of(name.hash)].push_back({name, id, &names_of(entity.kind)});
      named.push_back(id);
    }
  }
  reserve_namespaces(pending);
  const std::vector<Clash> clashes = fill_namespaces(pending);
  for (const Clash& clash : clashes) {
    const std::string_view kind = model_.kind_of(clash.first).name;
    report_duplicate(clash.later, clash.first,
                     fmt::format("`{}` is already declared as a {}",
                                 model_.entities[clash.later].name, kind.empty() ? "block" : kind));
  }
  record_objects(named, clashes);
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

// Sizes each namespace for the names about to be declared in it, so that it is built once and
// not rehashed as it grows (rehashing reads every name again). Counting rather than guessing
// matters: an oversized table is slow to list for suggestions.
void SymbolTable::reserve_namespaces(const PendingByShard& pending) {
  std::vector<std::pair<NameTable*, std::size_t>> counts;  // a handful of namespaces
  std::size_t current = 0;
  for (const auto& shard : pending) {
    for (const Pending& item : shard) {
      if (counts.empty() || counts[current].first != item.table) {  // neighbours share one
        const auto it = std::find_if(counts.begin(), counts.end(),
                                     [&](const auto& count) { return count.first == item.table; });
        current = static_cast<std::size_t>(it - counts.begin());
        if (it == counts.end()) counts.emplace_back(item.table, 0);
      }
      ++counts[current].second;
    }
  }
  for (const auto& [table, names] : counts) table->reserve(names);
}

// Inserts are bound by memory latency (each lands in a random place of a large table): the
// place of the name this many ahead is loaded while the current one is inserted.
constexpr std::size_t kPrefetchAhead = 16;

// Each thread fills one shard of every namespace, taking its names in declaration order, so the
// first declaration of a name is the one kept whichever thread runs first. The names' hashes
// were computed by the parser.
std::vector<SymbolTable::Clash> SymbolTable::fill_namespaces(const PendingByShard& pending) {
  std::array<std::vector<Clash>, NameTable::kShards> clashes;
  std::size_t names = 0;
  for (const auto& shard : pending) names += shard.size();
  parallel_for(NameTable::kShards, worker_count(NameTable::kShards, names, 4096),
               [&](std::size_t shard, std::size_t) {
                 const std::vector<Pending>& items = pending[shard];
                 for (std::size_t i = 0; i < items.size(); ++i) {
                   if (i + kPrefetchAhead < items.size()) {
                     const Pending& ahead = items[i + kPrefetchAhead];
                     ahead.table->prefetch(ahead.name);
                   }
                   const Pending& item = items[i];
                   const auto [first, inserted] = item.table->insert(item.name, item.id);
                   if (!inserted) clashes[shard].push_back({item.id, first});
                 }
               });
  std::vector<Clash> all;
  for (const std::vector<Clash>& shard : clashes) all.insert(all.end(), shard.begin(), shard.end());
  std::sort(all.begin(), all.end());  // reported in declaration order
  return all;
}

// `system.object` -> the first member declared on it (duplicates declare nothing).
void SymbolTable::record_objects(const std::vector<EntityId>& named,
                                 const std::vector<Clash>& clashes) {
  auto clash = clashes.begin();
  for (EntityId id : named) {
    while (clash != clashes.end() && clash->later < id) ++clash;
    if (clash != clashes.end() && clash->later == id) continue;
    const KindSchema& kind = model_.kind_of(id);
    if (!kind.object_member) continue;
    const std::string_view name = model_.entities[id].name;
    model_.objects.emplace(name.substr(0, name.rfind('.')), id);
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
