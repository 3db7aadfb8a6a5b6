// The sorted-names walk behind did-you-mean in large namespaces.
#include "compiler/semantics/name_index.hpp"

#include <algorithm>

namespace gtm {

NameIndex::NameIndex(std::vector<Entry> names) : sorted_(std::move(names)) {
  std::sort(sorted_.begin(), sorted_.end(),
            [](const Entry& a, const Entry& b) { return a.name < b.name; });
  normalised_.reserve(sorted_.size());
  for (std::size_t i = 0; i < sorted_.size(); ++i) {
    normalised_.emplace_back(normalised_hash(sorted_[i].name), static_cast<std::uint32_t>(i));
  }
  std::sort(normalised_.begin(), normalised_.end());
}

// Names [lo, hi) of the sorted list share their first `base + depth` characters; rows[depth] is
// the edit-distance row of the word against the `depth` characters after the prefix. Each run
// of names with the same next character is one child; a child whose row is wholly over the
// limit is left with every name below it (the row's least value never falls further down).
struct NameIndex::Walk {
  const std::vector<Entry>& names;
  std::string_view word;
  std::size_t limit;
  std::size_t base;
  std::vector<std::vector<std::size_t>> rows;
  std::vector<Near>& out;

  std::size_t char_at(std::size_t i, std::size_t at) const {
    return static_cast<unsigned char>(names[i].name[at]);
  }

  // The row after one more character `c` of the names, `before` the one it follows.
  bool extend(std::size_t depth, char c, char before) {
    if (rows.size() <= depth + 1) rows.resize(depth + 2);
    const std::vector<std::size_t>& previous = rows[depth];
    std::vector<std::size_t>& row = rows[depth + 1];
    row.assign(word.size() + 1, 0);
    row[0] = depth + 1;
    std::size_t least = row[0];
    for (std::size_t j = 1; j <= word.size(); ++j) {
      const std::size_t cost = c == word[j - 1] ? 0 : 1;
      row[j] = std::min({previous[j] + 1, row[j - 1] + 1, previous[j - 1] + cost});
      if (depth >= 1 && j > 1 && c == word[j - 2] && before == word[j - 1]) {
        row[j] = std::min(row[j], rows[depth - 1][j - 2] + 1);
      }
      least = std::min(least, row[j]);
    }
    return least <= limit;
  }

  void visit(std::size_t lo, std::size_t hi, std::size_t depth) {
    const std::size_t at = base + depth;
    if (names[lo].name.size() == at) {  // the shortest name sorts first
      const std::string_view rest = names[lo].name.substr(base);
      const std::size_t distance = rows[depth][word.size()];
      if (!rest.empty() && rest != word && distance <= limit)
        out.push_back({rest, names[lo].id, distance});
      ++lo;
    }
    while (lo < hi) {
      const std::size_t c = char_at(lo, at);
      const auto end = std::partition_point(
          names.begin() + static_cast<std::ptrdiff_t>(lo),
          names.begin() + static_cast<std::ptrdiff_t>(hi),
          [&](const Entry& e) { return static_cast<unsigned char>(e.name[at]) <= c; });
      const auto next = static_cast<std::size_t>(end - names.begin());
      const char before = depth > 0 ? names[lo].name[at - 1] : '\0';
      if (extend(depth, names[lo].name[at], before)) visit(lo, next, depth + 1);
      lo = next;
    }
  }
};

void NameIndex::same_when_normalised(std::string_view word, std::string_view prefix,
                                     std::vector<Near>& out) const {
  const std::string normal = normalise_name(word);
  const std::uint64_t hash = normalised_hash(std::string(prefix) + std::string(word));
  auto it = std::lower_bound(normalised_.begin(), normalised_.end(), std::make_pair(hash, 0u));
  for (; it != normalised_.end() && it->first == hash; ++it) {
    const Entry& entry = sorted_[it->second];
    if (!entry.name.starts_with(prefix)) continue;
    const std::string_view rest = entry.name.substr(prefix.size());
    if (rest != word && normalise_name(rest) == normal) out.push_back({rest, entry.id, 0});
  }
}

std::vector<NameIndex::Near> NameIndex::near(std::string_view word, std::size_t limit,
                                             std::string_view prefix) const {
  std::vector<Near> out;
  same_when_normalised(word, prefix, out);
  const auto first =
      std::lower_bound(sorted_.begin(), sorted_.end(), prefix,
                       [](const Entry& e, std::string_view p) { return e.name < p; });
  const auto last = std::partition_point(
      first, sorted_.end(), [&](const Entry& e) { return e.name.starts_with(prefix); });
  if (first != last) {
    Walk walk{sorted_, word, limit, prefix.size(), {}, out};
    walk.rows.resize(1);
    for (std::size_t j = 0; j <= word.size(); ++j) walk.rows[0].push_back(j);
    walk.visit(static_cast<std::size_t>(first - sorted_.begin()),
               static_cast<std::size_t>(last - sorted_.begin()), 0);
  }
  // A name equal ignoring case and separators counts as distance 0, once.
  std::sort(out.begin(), out.end(), [](const Near& a, const Near& b) {
    return a.name != b.name ? a.name < b.name : a.distance < b.distance;
  });
  out.erase(std::unique(out.begin(), out.end(),
                        [](const Near& a, const Near& b) { return a.name == b.name; }),
            out.end());
  return out;
}

}  // namespace gtm
