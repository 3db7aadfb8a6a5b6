// "Did you mean" suggestions: the closest candidate by edit distance, if it is close enough.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace gtm {

/// Levenshtein distance, capped: returns `limit + 1` once the distance exceeds `limit`.
std::size_t edit_distance(std::string_view a, std::string_view b, std::size_t limit);

/// A name with case, `_` and `-` ignored: `LeadSource` and `lead_source` are alike.
std::string normalise_name(std::string_view word);

/// The hash of normalise_name(word), without building it.
std::uint64_t normalised_hash(std::string_view word);

/// How many edits a suggestion for `word` may be away: a third of its length, 1 to 3.
std::size_t suggestion_limit(std::string_view word);

/// Chooses the candidate closest to a word, offered one at a time: within a third of the word's
/// length in edits (min 1, max 3), a candidate equal ignoring case and `_`/`-` always
/// qualifying; equally close ones are told apart by their text (never by the order offered).
class ClosestName {
 public:
  explicit ClosestName(std::string_view word);

  /// Offers a candidate; `eligible()` is asked only of one that would be the best so far, so
  /// that a costly condition (its kind, say) is checked for a few of a namespace's names.
  template <typename Eligible>
  void offer(std::string_view candidate, const Eligible& eligible) {
    const std::size_t distance = distance_to(candidate);
    if (distance > limit_ || !better_than_best(candidate, distance) || !eligible()) return;
    best_distance_ = distance;
    best_ = std::string(candidate);
  }
  void offer(std::string_view candidate) {
    offer(candidate, [] { return true; });
  }
  const std::optional<std::string>& best() const { return best_; }

  /// 0 for a candidate equal to the word ignoring case and `_`/`-`, else the edit distance;
  /// limit + 1 when farther than the limit (or the word itself).
  std::size_t distance_to(std::string_view candidate) const;
  std::size_t limit() const { return limit_; }

 private:
  bool better_than_best(std::string_view candidate, std::size_t distance) const {
    return distance < best_distance_ || (distance == best_distance_ && best_ && candidate < *best_);
  }

  std::string_view word_;
  std::size_t limit_;
  std::string normal_;
  std::size_t best_distance_;
  std::optional<std::string> best_;
};

/// The closest of `candidates` to `word`, as ClosestName chooses it.
std::optional<std::string> closest(std::string_view word,
                                   const std::vector<std::string_view>& candidates);

/// Whether `word` abbreviates `phrase` word by word: each piece of `word` (split where a capital
/// letter, a digit run or a separator starts) begins, ignoring case, the next word of `phrase`,
/// every word of `phrase` used: `FinServ` and `Fin Serv` abbreviate "Financial Services".
bool abbreviates(std::string_view word, std::string_view phrase);

/// Whether `acronym` is made of the first letters of the words of `phrase`, perhaps with one more
/// letter (`map` for `marketing_automation`, `cdp` for `customer_data_platform`).
bool is_acronym_of(std::string_view acronym, std::string_view phrase);

/// The candidate `word` abbreviates (`FinServ`) or begins (`warn`, three letters or more), if
/// exactly one; else `closest`.
std::optional<std::string> closest_or_expansion(std::string_view word,
                                                const std::vector<std::string_view>& candidates);

}  // namespace gtm
