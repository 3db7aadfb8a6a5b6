// One namespace of the model: names to entities, in shards that can be filled in parallel.
#pragma once

#include <array>
#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "compiler/name_map.hpp"

namespace gtm {

using EntityId = std::uint32_t;
constexpr EntityId kNoEntity = ~EntityId{0};

/// A name's shard is fixed by its hash, so one name always lands in the same shard and a
/// duplicate meets its first declaration there: each shard can be filled by its own thread
/// (declaring a million names was the largest serial step of a check).
class NameTable {
 public:
  static constexpr std::size_t kShards = 2;

  static std::size_t shard_of(std::size_t hash) { return hash >> (8 * sizeof(std::size_t) - 1); }

  void reserve(std::size_t names) {
    for (auto& shard : shards_) shard.reserve(names / kShards + names / 16 + 1);
  }
  /// Declares `name` in its shard; on a clash, returns the entity declared first and false.
  /// Only the thread filling that shard may call this while others fill theirs.
  std::pair<EntityId, bool> insert(const HashedName& name, EntityId id) {
    const auto [it, inserted] = shards_[shard_of(name.hash)].emplace(name, id);
    return {it->second, inserted};
  }
  /// Starts loading where `name` would go, so that a later insert of it does not wait for memory.
  void prefetch(const HashedName& name) const { shards_[shard_of(name.hash)].prefetch(name); }
  EntityId find(std::string_view name) const {
    const HashedName key(name);
    const auto& shard = shards_[shard_of(key.hash)];
    const auto it = shard.find(key);
    return it == shard.end() ? kNoEntity : it->second;
  }
  /// Calls visit(name, entity) for every name, in no particular order.
  template <typename Visit>
  void for_each(const Visit& visit) const {
    for (const auto& shard : shards_) {
      for (const auto& [name, id] : shard) visit(name.text, id);
    }
  }

 private:
  std::array<NameMap<EntityId>, kShards> shards_;
};

/// The model's namespaces by name (`entities`, `fields`, ...). There are a handful, so they are
/// found by comparing names, which costs less than hashing one (every reference resolved looks
/// one up); each table stays where it is as others are added.
class Namespaces {
 public:
  /// The namespace `name`, added empty if missing.
  NameTable& operator[](std::string_view name) {
    if (NameTable* table = find_table(name)) return *table;
    return *spaces_.emplace_back(std::string(name), std::make_unique<NameTable>()).second;
  }
  /// The namespace `name`, or nullptr if nothing was ever declared in it.
  const NameTable* find(std::string_view name) const { return find_table(name); }

 private:
  NameTable* find_table(std::string_view name) const {
    for (const auto& [space, table] : spaces_) {
      if (space == name) return table.get();
    }
    return nullptr;
  }

  std::vector<std::pair<std::string, std::unique_ptr<NameTable>>> spaces_;
};

}  // namespace gtm
