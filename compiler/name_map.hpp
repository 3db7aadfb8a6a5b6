// The map the model keeps names in: names viewed from the source, to anything.
#pragma once

#include <absl/container/flat_hash_map.h>

#include <string_view>

namespace gtm {

/// Abseil's open-addressing table: a million names are a million slots in one array, where a
/// node-based std::unordered_map allocates each entry (its inserts were 12% of a 1,000,000-field
/// check). Iteration order is unspecified and may change between runs: whatever is shown to the
/// user from an iteration must be sorted or chosen by a total order (see `closest`).
template <typename Value>
using NameMap = absl::flat_hash_map<std::string_view, Value>;

}  // namespace gtm
