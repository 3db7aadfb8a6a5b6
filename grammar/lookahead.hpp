// The look-ahead of the one-token fast path (grammar/file.hpp), written by hand: it runs before
// nearly every attribute value, and as PEGTL rules it matched each token twice over (once to look,
// once with its action) at a fifth of all parsing. It is conservative: any doubt answers no, and
// the value then goes through the expression grammar, which builds the same tree for one token.
#pragma once

#include "grammar/words.hpp"

namespace gtm::grammar::lookahead {

constexpr const char* digits_end(const char* p, const char* end) {
  while (p != end && is_digit(*p)) ++p;
  return p;
}

/// After `"`: past the closing quote of a string without escapes on one line, else nullptr.
inline const char* string_end(const char* p, const char* end) {
  p = string_run_end(p + 1, end);
  return p != end && *p == '"' ? p + 1 : nullptr;
}

/// At a name: past the name or dotted path (`true`, `false` and `none` alone are tokens too);
/// nullptr at any other reserved word or a dot that no name follows.
constexpr const char* path_end(const char* p, const char* end) {
  const char* q = ident_end(p, end);
  const std::string_view first(p, static_cast<std::size_t>(q - p));
  if (is_reserved_word(first)) {
    return first == "true" || first == "false" || first == "none" ? q : nullptr;
  }
  while (q != end && *q == '.') {
    if (q + 1 == end || !is_ident_first(q[1])) return nullptr;
    const char* next = ident_end(q + 1, end);
    if (is_reserved_word(std::string_view(q + 1, static_cast<std::size_t>(next - q - 1)))) {
      return nullptr;
    }
    q = next;
  }
  return q;
}

/// At a digit or `-`: past a date (2026-12-31), a duration (4h) or a number (-2.5) that nothing
/// is glued to, else nullptr.
constexpr const char* number_end(const char* p, const char* end) {
  const auto clear = [end](const char* q) { return q == end || !is_ident_char(*q); };
  if (*p != '-') {
    const bool date = end - p >= 10 && digits_end(p, p + 4) == p + 4 && p[4] == '-' &&
                      digits_end(p + 5, p + 7) == p + 7 && p[7] == '-' &&
                      digits_end(p + 8, p + 10) == p + 10;
    if (date && clear(p + 10)) return p + 10;
    const char* unit = digits_end(p, end);
    if (unit != end && (*unit == 'm' || *unit == 'h' || *unit == 'd' || *unit == 'w') &&
        clear(unit + 1)) {
      return unit + 1;
    }
  }
  const char* q = digits_end(*p == '-' ? p + 1 : p, end);
  if (q == p || (*p == '-' && q == p + 1)) return nullptr;
  if (q != end && *q == '.') {
    const char* fraction = digits_end(q + 1, end);
    if (fraction == q + 1) return nullptr;
    q = fraction;
  }
  return clear(q) && (q == end || (*q != '.' && *q != '/')) ? q : nullptr;  // `/`: 10/01/2026
}

/// Past one well-formed value token at `p`, or nullptr.
inline const char* token_end(const char* p, const char* end) {
  if (p == end) return nullptr;
  if (*p == '"') return string_end(p, end);
  if (is_ident_first(*p)) return path_end(p, end);
  if (is_digit(*p) || *p == '-') return number_end(p, end);
  return nullptr;
}

/// Past blanks and comments.
constexpr const char* skip_blanks(const char* p, const char* end) {
  while (p != end) {
    if (*p == ' ' || *p == '\t' || *p == '\r' || *p == '\n') {
      ++p;
    } else if (*p == '#') {
      while (p != end && *p != '\n') ++p;
    } else {
      break;
    }
  }
  return p;
}

/// Whether what starts at `p` could continue an expression: a call, a comparison, a mapping,
/// `in`, `not in`, `and`, `or` (and `"`, which a triple-quoted string's `""` is followed by).
constexpr bool continues_expr(const char* p, const char* end) {
  if (p == end) return false;
  switch (*p) {
    case '(':
    case '=':
    case '!':
    case '<':
    case '>':
    case '"':
      return true;
    case '-':
      return p + 1 != end && p[1] == '>';
    default:
      break;
  }
  if (!is_ident_first(*p)) return false;
  const std::string_view word(p, static_cast<std::size_t>(ident_end(p, end) - p));
  return word == "in" || word == "not" || word == "and" || word == "or";
}

/// Whether the value at `p` is one well-formed token that nothing after it continues.
inline bool single_token_ahead(const char* p, const char* end) {
  const char* token = token_end(p, end);
  return token != nullptr && !continues_expr(skip_blanks(token, end), end);
}

}  // namespace gtm::grammar::lookahead
