// One namespace of the model: names to entities, in shards that can be filled in parallel.
#pragma once

#include <array>
#include <cstddef>
#include <cstdint>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include <absl/container/flat_hash_set.h>

#include "compiler/base/name_map.hpp"
#include "compiler/semantics/name_index.hpp"

namespace gtm {

using EntityId = std::uint32_t;
constexpr EntityId kNoEntity = ~EntityId{0};

/// One declared name in a table: 16 bytes, where the view and the hash of a HashedName and the
/// entity took 32 (half the table's memory). The hash is not kept: it is
/// needed again only if a table grows past what was reserved for it.
struct DeclaredName {
  const char* data = nullptr;
  std::uint32_t size = 0;
  EntityId id = kNoEntity;

  std::string_view text() const { return {data, size}; }
};

struct DeclaredNameHash {
  using is_transparent = void;
  std::size_t operator()(const DeclaredName& name) const { return hash_name(name.text()); }
  std::size_t operator()(const HashedName& name) const { return name.hash; }
};

struct DeclaredNameEqual {
  using is_transparent = void;
  bool operator()(const DeclaredName& a, const DeclaredName& b) const {
    return a.text() == b.text();
  }
  bool operator()(const DeclaredName& a, const HashedName& b) const { return a.text() == b.text; }
  bool operator()(const HashedName& a, const DeclaredName& b) const { return a.text == b.text(); }
};

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
    bool inserted = false;
    const auto it = shards_[shard_of(name.hash)].lazy_emplace(name, [&](const auto& construct) {
      inserted = true;
      construct(DeclaredName{name.text.data(), static_cast<std::uint32_t>(name.text.size()), id});
    });
    return {it->id, inserted};
  }
  /// Starts loading where `name` would go, so that a later insert of it does not wait for memory.
  void prefetch(const HashedName& name) const { shards_[shard_of(name.hash)].prefetch(name); }
  EntityId find(std::string_view name) const {
    const HashedName key(name);
    const auto& shard = shards_[shard_of(key.hash)];
    const auto it = shard.find(key);
    return it == shard.end() ? kNoEntity : it->id;
  }
  /// Calls visit(name, entity) for every name, in no particular order.
  template <typename Visit>
  void for_each(const Visit& visit) const {
    for (const auto& shard : shards_) {
      for (const DeclaredName& name : shard) visit(name.text(), name.id);
    }
  }

  /// The names indexed for did-you-mean, built on the first call (from any thread) once the
  /// table is complete: a workspace with no unresolved name never pays for it.
  const NameIndex& suggestions() const {
    std::call_once(index_->built, [&] {
      std::vector<NameIndex::Entry> entries;
      entries.reserve(shards_[0].size() + shards_[1].size());
      for_each([&](std::string_view name, EntityId id) { entries.push_back({name, id}); });
      index_->index.emplace(std::move(entries));
    });
    return *index_->index;
  }

 private:
  struct LazyIndex {
    std::once_flag built;
    std::optional<NameIndex> index;
  };
  std::unique_ptr<LazyIndex> index_ = std::make_unique<LazyIndex>();
  std::array<absl::flat_hash_set<DeclaredName, DeclaredNameHash, DeclaredNameEqual>, kShards>
      shards_;
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
