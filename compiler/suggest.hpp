// "Did you mean" suggestions: the closest candidate by edit distance, if it is close enough.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace gtm {

/// Levenshtein distance, capped: returns `limit + 1` once the distance exceeds `limit`.
std::size_t edit_distance(std::string_view a, std::string_view b, std::size_t limit);

/// A name with case, `_` and `-` ignored: `LeadSource` and `lead_source` are alike.
std::string normalise_name(std::string_view word);

/// The candidate closest to `word` (ties: the first), if within a third of its length (min 1,
/// max 3 edits); a candidate equal ignoring case and `_`/`-` always qualifies.
std::optional<std::string> closest(std::string_view word,
                                   const std::vector<std::string_view>& candidates);

}  // namespace gtm
