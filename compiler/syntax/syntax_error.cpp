// Describing the token at an error, composing messages, and finding where to resume.
#include "compiler/syntax/syntax_error.hpp"

#include <fmt/format.h>

#include "grammar/words.hpp"

namespace gtm {

namespace {

using grammar::is_digit;
using grammar::is_ident_char;
using grammar::is_ident_first;

std::uint32_t utf8_length(char lead) {
  const auto byte = static_cast<unsigned char>(lead);
  return byte >= 0xF0 ? 4 : byte >= 0xE0 ? 3 : byte >= 0xC0 ? 2 : 1;
}

}  // namespace

FoundToken describe_token(std::string_view text, std::uint32_t offset) {
  if (offset >= text.size()) return {0, "end of file", false};
  const char c = text[offset];
  std::uint32_t end = offset;
  if (is_ident_first(c) || is_digit(c) || static_cast<unsigned char>(c) >= 0x80) {
    // Non-ASCII letters are not part of names, but naming the whole word reads better.
    while (end < text.size() && (is_ident_char(text[end]) || text[end] == '.' ||
                                 static_cast<unsigned char>(text[end]) >= 0x80)) {
      ++end;
    }
    const std::string_view word = text.substr(offset, end - offset);
    if (grammar::is_reserved_word(word)) {
      return {end - offset, fmt::format("reserved word `{}`", word), false};
    }
    return {end - offset, fmt::format("`{}`", word), is_ident_first(c)};
  }
  if (c == '"') {
    end = offset + 1;
    while (end < text.size() && text[end] != '"' && text[end] != '\n') {
      end += text[end] == '\\' ? 2 : 1;
    }
    end = std::min<std::uint32_t>(end + 1, static_cast<std::uint32_t>(text.size()));
    constexpr std::uint32_t kShown = 24;
    const std::string_view literal = text.substr(offset, end - offset);
    return {end - offset,
            literal.size() <= kShown ? fmt::format("`{}`", literal)
                                     : fmt::format("`{}...`", literal.substr(0, kShown)),
            true};
  }
  if (c == '\n' || c == '\r') return {0, "end of line", false};
  if (c == ' ' || c == '\t') return {1, "a space", false};
  const std::uint32_t length = utf8_length(c);
  return {length, fmt::format("`{}`", text.substr(offset, length)), false};
}

bool follows_separator(std::string_view text, std::uint32_t offset) {
  while (offset > 0 && (text[offset - 1] == ' ' || text[offset - 1] == '\t' ||
                        text[offset - 1] == '\n' || text[offset - 1] == '\r')) {
    --offset;
  }
  return offset > 0 &&
         (text[offset - 1] == ',' || text[offset - 1] == '[' || text[offset - 1] == '(');
}

std::string fill_message(std::string_view message, std::string_view name, std::string_view op,
                         std::string_view block) {
  std::string out;
  for (std::size_t i = 0; i < message.size(); ++i) {
    if (message.substr(i).starts_with("{name}")) {
      out += name;
      i += 5;
    } else if (message.substr(i).starts_with("{op}")) {
      out += op;
      i += 3;
    } else if (message.substr(i).starts_with("{block}")) {
      out += block;
      i += 6;
    } else {
      out += message[i];
    }
  }
  return out;
}

namespace {

// Offset just past the string or comment that starts at `i`.
std::uint32_t skip_string_or_comment(std::string_view text, std::uint32_t i) {
  if (text[i] == '#') {
    while (i < text.size() && text[i] != '\n') ++i;
    return i;
  }
  if (text.substr(i).starts_with("\"\"\"")) {
    const std::size_t close = text.find("\"\"\"", i + 3);
    return close == std::string_view::npos ? static_cast<std::uint32_t>(text.size())
                                           : static_cast<std::uint32_t>(close + 3);
  }
  ++i;
  while (i < text.size() && text[i] != '"' && text[i] != '\n') i += text[i] == '\\' ? 2 : 1;
  return std::min<std::uint32_t>(i + 1, static_cast<std::uint32_t>(text.size()));
}

}  // namespace

std::uint32_t recovery_point(std::string_view text, std::uint32_t block_start,
                             std::uint32_t error_offset, std::size_t open_blocks) {
  const auto size = static_cast<std::uint32_t>(text.size());
  // The line of the error itself may be the next block (`x = [` left open just above it).
  std::uint32_t error_line = error_offset;
  while (error_line > 0 && text[error_line - 1] != '\n') --error_line;
  if (error_line > block_start && error_line < size && is_ident_first(text[error_line])) {
    return error_line;
  }
  auto depth = static_cast<long>(open_blocks);
  std::uint32_t i = error_offset;
  while (i < size) {
    const char c = text[i];
    const bool line_start = i == 0 || text[i - 1] == '\n';
    if (line_start && i > error_offset && is_ident_first(c)) return i;
    if (c == '#' || c == '"') {
      i = skip_string_or_comment(text, i);
      continue;
    }
    if (c == '{') ++depth;
    if (c == '}' && --depth <= 0) return i + 1;
    ++i;
  }
  return size;
}

}  // namespace gtm
