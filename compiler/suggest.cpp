// Edit distance and closest-candidate search.
#include "compiler/suggest.hpp"

#include <algorithm>
#include <array>
#include <cctype>

namespace gtm {

std::size_t edit_distance(std::string_view a, std::string_view b, std::size_t limit) {
  // Optimal string alignment: insertions, deletions, substitutions and adjacent transpositions
  // (`dnaa` -> `dana` is one edit) each cost one.
  const std::size_t length_gap = a.size() > b.size() ? a.size() - b.size() : b.size() - a.size();
  if (length_gap > limit) return limit + 1;
  // Three rows; on the stack for names of usual length (a suggestion measures a word against
  // every name of a namespace: a million allocations otherwise).
  constexpr std::size_t kShort = 64;
  std::array<std::size_t, 3 * (kShort + 1)> stack_rows;
  std::vector<std::size_t> heap_rows;
  std::size_t* rows = stack_rows.data();
  if (b.size() > kShort) {
    heap_rows.resize(3 * (b.size() + 1));
    rows = heap_rows.data();
  }
  std::size_t* before = rows;
  std::size_t* previous = rows + b.size() + 1;
  std::size_t* row = rows + 2 * (b.size() + 1);
  for (std::size_t j = 0; j <= b.size(); ++j) previous[j] = j;
  for (std::size_t i = 1; i <= a.size(); ++i) {
    row[0] = i;
    std::size_t row_min = row[0];
    for (std::size_t j = 1; j <= b.size(); ++j) {
      const std::size_t cost = a[i - 1] == b[j - 1] ? 0 : 1;
      row[j] = std::min({previous[j] + 1, row[j - 1] + 1, previous[j - 1] + cost});
      if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1]) {
        row[j] = std::min(row[j], before[j - 2] + 1);
      }
      row_min = std::min(row_min, row[j]);
    }
    if (row_min > limit) return limit + 1;
    std::swap(before, previous);
    std::swap(previous, row);
  }
  return std::min(previous[b.size()], limit + 1);
}

namespace {

// normalise_name(candidate) == normal, without building the normalised string (suggestions
// compare a word with every name of a namespace).
bool same_when_normalised(std::string_view normal, std::string_view candidate) {
  std::size_t at = 0;
  for (char c : candidate) {
    if (c == '_' || c == '-') continue;
    if (at == normal.size() ||
        normal[at] != static_cast<char>(std::tolower(static_cast<unsigned char>(c)))) {
      return false;
    }
    ++at;
  }
  return at == normal.size();
}

}  // namespace

std::string normalise_name(std::string_view word) {
  std::string out;
  for (char c : word) {
    if (c != '_' && c != '-') out += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  }
  return out;
}

ClosestName::ClosestName(std::string_view word)
    : word_(word),
      limit_(std::clamp<std::size_t>(word.size() / 3, 1, 3)),
      normal_(normalise_name(word)),
      best_distance_(limit_ + 1) {}

std::size_t ClosestName::distance_to(std::string_view candidate) const {
  if (candidate == word_) return limit_ + 1;
  return same_when_normalised(normal_, candidate) ? 0 : edit_distance(word_, candidate, limit_);
}

std::optional<std::string> closest(std::string_view word,
                                   const std::vector<std::string_view>& candidates) {
  ClosestName chooser(word);
  for (std::string_view candidate : candidates) chooser.offer(candidate);
  return chooser.best();
}

}  // namespace gtm
