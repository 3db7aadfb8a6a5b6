// The map the model keeps names in: names viewed from the source, to anything.
#pragma once

#include <absl/container/flat_hash_map.h>
#include <absl/hash/hash.h>

#include <cstddef>
#include <string_view>

namespace gtm {

/// The hash of a name, the same wherever it is computed within one run.
inline std::size_t hash_name(std::string_view text) {
  return absl::Hash<std::string_view>{}(text);
}

/// A name with its hash, computed where the name is hot in the cache (the parser hashes block
/// labels as it reads them): declaring a million names then never reads their text again, and a
/// table growing rehashes without reading it either.
struct HashedName {
  std::string_view text;
  std::size_t hash = 0;

  HashedName(std::string_view name, std::size_t name_hash) : text(name), hash(name_hash) {}
  HashedName(std::string_view name) : text(name), hash(hash_name(name)) {}  // NOLINT: implicit
  operator std::string_view() const { return text; }                        // NOLINT: implicit
};

struct NameHash {
  using is_transparent = void;
  std::size_t operator()(const HashedName& name) const { return name.hash; }
  std::size_t operator()(std::string_view name) const { return hash_name(name); }
};

struct NameEqual {
  using is_transparent = void;
  bool operator()(std::string_view a, std::string_view b) const { return a == b; }
};

/// Abseil's open-addressing table: a million names are a million slots in one array, where a
/// node-based std::unordered_map allocates each entry (a large part of a big check: see
/// docs/performance.md). Looked up by string_view. Iteration order is unspecified and may change
/// between runs: whatever is shown to the user from an iteration must be sorted or chosen by a
/// total order (see `closest`).
template <typename Value>
using NameMap = absl::flat_hash_map<HashedName, Value, NameHash, NameEqual>;

}  // namespace gtm
