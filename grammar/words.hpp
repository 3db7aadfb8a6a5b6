// The characters of names and the reserved words (DESIGN section 3), in one place for the
// grammar, the syntax-error messages, the language server's rename and the importer.
#pragma once

#include <array>
#include <cstddef>
#include <string_view>

namespace gtm::grammar {

inline constexpr std::array<std::string_view, 7> kReservedWords = {"and",  "or",    "not", "in",
                                                                   "true", "false", "none"};

/// Whether `word` is one of kReservedWords. Asked of every name the parser reads, so decided by
/// the first letter before any comparison.
constexpr bool is_reserved_word(std::string_view word) {
  if (word.empty()) return false;
  switch (word[0]) {
    case 'a':
      return word == "and";
    case 'o':
      return word == "or";
    case 'n':
      return word == "not" || word == "none";
    case 'i':
      return word == "in";
    case 't':
      return word == "true";
    case 'f':
      return word == "false";
    default:
      return false;
  }
}

/// [A-Za-z_]: what a name starts with.
constexpr bool is_ident_first(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_';
}

/// [A-Za-z0-9_]: what a name goes on with, besides a `-` that does not start `->`.
constexpr bool is_ident_plain(char c) {
  return is_ident_first(c) || (c >= '0' && c <= '9');
}

/// is_ident_plain for every byte, looked up once per character of every name.
inline constexpr std::array<bool, 256> kIdentPlain = [] {
  std::array<bool, 256> table{};
  for (int c = 0; c < 256; ++c)
    table[static_cast<std::size_t>(c)] = is_ident_plain(static_cast<char>(c));
  return table;
}();

/// Where the name starting at `begin` (a name's first character) ends: at the first character
/// that is not [A-Za-z0-9_-], or at a `-` that starts `->` (`a->b` is a mapping).
constexpr const char* ident_end(const char* begin, const char* end) {
  const char* p = begin + 1;
  for (;; ++p) {
    while (p != end && kIdentPlain[static_cast<unsigned char>(*p)]) ++p;
    if (p == end || *p != '-' || (p + 1 != end && p[1] == '>')) return p;
  }
}

/// Whether `text` is exactly one name (not a reserved word): what a rename may introduce.
constexpr bool is_name(std::string_view text) {
  if (text.empty() || !is_ident_first(text[0])) return false;
  const char* end = text.data() + text.size();
  return ident_end(text.data(), end) == end && !is_reserved_word(text);
}

}  // namespace gtm::grammar
