// The characters of names and strings and the reserved words (docs/design.md, "The language"), in
// one place for the grammar, its look-ahead, the syntax-error messages, the language server's
// rename and the importer.
#pragma once

#include <array>
#include <cstddef>

#ifdef __SSE2__
#include <emmintrin.h>
#endif
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

/// [A-Za-z0-9_-]: any character of a name (a `-` only where `->` does not start); what may not
/// follow a date, a duration or a number.
constexpr bool is_ident_char(char c) {
  return is_ident_plain(c) || c == '-';
}

constexpr bool is_digit(char c) {
  return c >= '0' && c <= '9';
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

/// What ends a run of plain characters in a `"..."` string: the closing quote, an escape, or a
/// line ending (an error). Looked up once per character of every string.
inline constexpr std::array<bool, 256> kStringStop = [] {
  std::array<bool, 256> table{};
  for (unsigned char c : {'"', '\\', '\n', '\r'}) table[c] = true;
  return table;
}();

/// Past the plain characters of a string from `p`: at the first of kStringStop, or `end`.
/// Sixteen characters at a time where the processor has SSE2 (strings are most of a file's
/// bytes, and every one is scanned twice: by the look-ahead and by the string rule).
inline const char* string_run_end(const char* p, const char* end) {
#ifdef __SSE2__
  const __m128i quote = _mm_set1_epi8('"'), backslash = _mm_set1_epi8('\\'),
                newline = _mm_set1_epi8('\n'), carriage_return = _mm_set1_epi8('\r');
  for (; end - p >= 16; p += 16) {
    const __m128i chunk = _mm_loadu_si128(reinterpret_cast<const __m128i*>(p));
    const __m128i stops = _mm_or_si128(
        _mm_or_si128(_mm_cmpeq_epi8(chunk, quote), _mm_cmpeq_epi8(chunk, backslash)),
        _mm_or_si128(_mm_cmpeq_epi8(chunk, newline), _mm_cmpeq_epi8(chunk, carriage_return)));
    if (const int mask = _mm_movemask_epi8(stops); mask != 0) return p + __builtin_ctz(mask);
  }
#endif
  while (p != end && !kStringStop[static_cast<unsigned char>(*p)]) ++p;
  return p;
}

/// Whether `text` is exactly one name (not a reserved word): what a rename may introduce.
constexpr bool is_name(std::string_view text) {
  if (text.empty() || !is_ident_first(text[0])) return false;
  const char* end = text.data() + text.size();
  return ident_end(text.data(), end) == end && !is_reserved_word(text);
}

}  // namespace gtm::grammar
