// Edit distance and closest-candidate search.
#include "compiler/semantics/suggest.hpp"

#include <algorithm>
#include <array>

#include "compiler/base/ascii.hpp"

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
    if (at == normal.size() || normal[at] != lower_ascii(c)) {
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
    if (c != '_' && c != '-') out += lower_ascii(c);
  }
  return out;
}

std::uint64_t normalised_hash(std::string_view word) {
  std::uint64_t hash = 14695981039346656037ull;
  for (char c : word) {
    if (c == '_' || c == '-') continue;
    hash ^= static_cast<unsigned char>(lower_ascii(c));
    hash *= 1099511628211ull;
  }
  return hash;
}

std::size_t suggestion_limit(std::string_view word) {
  return std::clamp<std::size_t>(word.size() / 3, 1, 3);
}

ClosestName::ClosestName(std::string_view word)
    : word_(word),
      limit_(suggestion_limit(word)),
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

namespace {

bool is_separator(char c) {
  return c == ' ' || c == '_' || c == '-' || c == '.' || c == '/' || c == '&';
}

// Pieces of an abbreviation: `FinServ` -> Fin, Serv; `fin serv` -> fin, serv.
std::vector<std::string_view> pieces(std::string_view word) {
  std::vector<std::string_view> out;
  std::size_t start = 0;
  const auto is_upper = [](char c) { return c >= 'A' && c <= 'Z'; };
  for (std::size_t i = 0; i <= word.size(); ++i) {
    const bool boundary = i == word.size() || is_separator(word[i]) ||
                          (i > start && is_upper(word[i]) && !is_upper(word[i - 1]));
    if (!boundary) continue;
    if (i > start) out.push_back(word.substr(start, i - start));
    start = i < word.size() && is_separator(word[i]) ? i + 1 : i;
  }
  return out;
}

bool starts_with_ignoring_case(std::string_view text, std::string_view prefix) {
  if (prefix.size() > text.size()) return false;
  for (std::size_t i = 0; i < prefix.size(); ++i) {
    if (lower_ascii(text[i]) != lower_ascii(prefix[i])) return false;
  }
  return true;
}

}  // namespace

bool abbreviates(std::string_view word, std::string_view phrase) {
  const std::vector<std::string_view> short_pieces = pieces(word);
  std::vector<std::string_view> words;
  std::size_t start = 0;
  for (std::size_t i = 0; i <= phrase.size(); ++i) {
    if (i < phrase.size() && !is_separator(phrase[i])) continue;
    if (i > start) words.push_back(phrase.substr(start, i - start));
    start = i + 1;
  }
  if (short_pieces.size() < 2 || short_pieces.size() != words.size()) return false;
  for (std::size_t i = 0; i < words.size(); ++i) {
    if (!starts_with_ignoring_case(words[i], short_pieces[i])) return false;
  }
  return true;
}

bool is_acronym_of(std::string_view acronym, std::string_view phrase) {
  const std::vector<std::string_view> words = pieces(phrase);
  if (words.size() < 2 || acronym.size() < words.size() || acronym.size() > words.size() + 1 ||
      std::any_of(acronym.begin(), acronym.end(), is_separator)) {
    return false;
  }
  for (std::size_t i = 0; i < words.size(); ++i) {
    if (lower_ascii(acronym[i]) != lower_ascii(words[i][0])) return false;
  }
  return true;
}

std::optional<std::string> closest_or_expansion(std::string_view word,
                                                const std::vector<std::string_view>& candidates) {
  std::optional<std::string> expansion;
  for (std::string_view candidate : candidates) {
    const bool begins = (word.size() >= 3 && candidate.size() > word.size() &&
                         starts_with_ignoring_case(candidate, word)) ||  // `warn` -> `warning`
                        (candidate.size() >= 4 && word.size() > candidate.size() &&
                         starts_with_ignoring_case(word, candidate));  // `boolean` -> `bool`
    // `warn` -> `warning`, `sdr_mgr` -> `sdr_manager`, `marketing_automation` -> `map`
    if (!begins && !abbreviates(word, candidate) && !is_acronym_of(candidate, word)) continue;
    if (expansion) return closest(word, candidates);  // ambiguous
    expansion = std::string(candidate);
  }
  return expansion ? expansion : closest(word, candidates);
}

}  // namespace gtm
