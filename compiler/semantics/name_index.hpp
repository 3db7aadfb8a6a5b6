// Did-you-mean over a large namespace at a cost set by the names near the word, not by how many
// names there are: the names sorted (a trie laid out flat) and walked with the edit-distance
// rows of the word, leaving every run of names whose common prefix is already too far.
#pragma once

#include <algorithm>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "compiler/semantics/suggest.hpp"

namespace gtm {

class NameIndex {
 public:
  struct Entry {
    std::string_view name;
    std::uint32_t id = 0;
  };

  /// Takes the names (views into text that outlives the index) with an id each.
  explicit NameIndex(std::vector<Entry> names);

  /// A name close to a word, as ClosestName measures it.
  struct Near {
    std::string_view name;  ///< with the prefix cut off
    std::uint32_t id = 0;
    std::size_t distance = 0;
  };

  /// Every name that starts with `prefix` and whose rest is within `limit` edits of `word`
  /// (optimal string alignment), or equal to it ignoring case, `_` and `-` (distance 0); the
  /// word itself is left out. In no particular order.
  std::vector<Near> near(std::string_view word, std::size_t limit,
                         std::string_view prefix = {}) const;

  std::size_t size() const { return sorted_.size(); }

 private:
  struct Walk;
  void same_when_normalised(std::string_view word, std::string_view prefix,
                            std::vector<Near>& out) const;

  std::vector<Entry> sorted_;  ///< by name
  /// Each name's normalised hash (normalise_name), with its place in sorted_, sorted by hash.
  std::vector<std::pair<std::uint64_t, std::uint32_t>> normalised_;
};

/// The best of `near` (least distance, then least text) that `eligible(id)` accepts.
template <typename Eligible>
std::optional<std::string> best_of(std::vector<NameIndex::Near> near, const Eligible& eligible) {
  std::sort(near.begin(), near.end(), [](const NameIndex::Near& a, const NameIndex::Near& b) {
    return a.distance != b.distance ? a.distance < b.distance : a.name < b.name;
  });
  for (const NameIndex::Near& candidate : near) {
    if (eligible(candidate.id)) return std::string(candidate.name);
  }
  return std::nullopt;
}

/// The closest name to `word` that `eligible(id)` accepts, chosen exactly as ClosestName chooses
/// among the same names (least distance, then least text). Searched one edit further at a time:
/// most typos are one edit away, and a walk with a smaller limit leaves far more of the names.
template <typename Eligible>
std::optional<std::string> closest_in(const NameIndex& index, std::string_view word,
                                      const Eligible& eligible, std::string_view prefix = {}) {
  for (std::size_t limit = 1; limit <= suggestion_limit(word); ++limit) {
    if (auto best = best_of(index.near(word, limit, prefix), eligible)) return best;
  }
  return std::nullopt;
}

}  // namespace gtm
