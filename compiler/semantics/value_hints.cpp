// Reading what a value of the wrong form meant.
#include "compiler/semantics/value_hints.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <charconv>

#include "compiler/base/ascii.hpp"
#include "compiler/syntax/literals.hpp"

namespace gtm {

namespace {

std::string_view trimmed(std::string_view text) {
  while (!text.empty() && text.front() == ' ') text.remove_prefix(1);
  while (!text.empty() && text.back() == ' ') text.remove_suffix(1);
  return text;
}

// The unit letter of a word people write after a number: "hours" -> 'h'.
std::optional<char> unit_of(std::string_view word) {
  struct Unit {
    std::string_view word;
    char letter;
  };
  static constexpr std::array<Unit, 15> kUnits{{{"m", 'm'},
                                                {"min", 'm'},
                                                {"mins", 'm'},
                                                {"minute", 'm'},
                                                {"minutes", 'm'},
                                                {"h", 'h'},
                                                {"hr", 'h'},
                                                {"hrs", 'h'},
                                                {"hour", 'h'},
                                                {"hours", 'h'},
                                                {"d", 'd'},
                                                {"day", 'd'},
                                                {"days", 'd'},
                                                {"week", 'w'},
                                                {"weeks", 'w'}}};
  const std::string lower = lower_ascii(word);
  for (const Unit& unit : kUnits) {
    if (lower == unit.word) return unit.letter;
  }
  if (lower == "w") return 'w';
  return std::nullopt;
}

// `4h`, `4 hours`, `2 days`: the duration token it means.
std::optional<std::string> duration_in(std::string_view text) {
  text = trimmed(text);
  std::size_t digits = 0;
  while (digits < text.size() && text[digits] >= '0' && text[digits] <= '9') ++digits;
  if (digits == 0) return std::nullopt;
  const auto unit = unit_of(trimmed(text.substr(digits)));
  if (!unit) return std::nullopt;
  std::string token = fmt::format("{}{}", text.substr(0, digits), *unit);
  if (!parse_duration(token)) return std::nullopt;
  return token;
}

std::optional<ValueHint> date_hint(const Expr& found) {
  if (found.kind != ExprKind::String) return std::nullopt;
  const std::string_view text = trimmed(found.text);
  if (parse_date(text)) return ValueHint{"dates are written without quotes", std::string(text)};
  if (auto reading = read_foreign_date(text)) {
    return ValueHint{
        fmt::format("dates are written YYYY-MM-DD, without quotes: `{}`", reading->iso),
        reading->iso};
  }
  return std::nullopt;
}

// `every_15_minutes`, `every_hour`, `daily`: a cadence written as a name.
std::optional<std::string> duration_named(std::string_view name) {
  struct Cadence {
    std::string_view word, duration;
  };
  static constexpr std::array<Cadence, 5> kCadences{
      {{"hourly", "1h"}, {"daily", "1d"}, {"nightly", "1d"}, {"weekly", "1w"}, {"monthly", "30d"}}};
  const std::string lower = lower_ascii(name);
  for (const Cadence& cadence : kCadences) {
    if (lower == cadence.word) return std::string(cadence.duration);
  }
  std::string words(name);
  std::replace(words.begin(), words.end(), '_', ' ');
  std::string_view rest = words;
  if (lower_ascii(rest.substr(0, 6)) == "every ") rest.remove_prefix(6);
  if (!rest.empty() && (rest[0] < '0' || rest[0] > '9')) {
    return duration_in(fmt::format("1 {}", rest));  // `every_hour` is every 1 hour
  }
  return duration_in(rest);
}

std::optional<ValueHint> duration_hint(const Expr& found) {
  if (found.kind == ExprKind::Reference) {
    const auto token = duration_named(found.text);
    if (!token) return std::nullopt;
    return ValueHint{fmt::format("durations are written `{}`", *token), *token};
  }
  if (found.kind == ExprKind::String) {
    const auto token = duration_in(found.text);
    if (!token) return std::nullopt;
    return ValueHint{fmt::format("durations are written `{}`, without quotes", *token), *token};
  }
  if (found.kind == ExprKind::Number && found.number >= 0 &&
      found.text.find('.') == std::string_view::npos) {
    const std::string token = fmt::format("{}h", found.text);
    if (!parse_duration(token)) return std::nullopt;
    return ValueHint{
        fmt::format("a duration has a unit: `{}` ({} hours; m, h, d or w)", token, found.text),
        token};
  }
  return std::nullopt;
}

std::optional<ValueHint> number_hint(const Expr& found) {
  if (found.kind != ExprKind::String) return std::nullopt;
  const std::string_view text = trimmed(found.text);
  double value = 0;
  const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (text.empty() || error != std::errc() || end != text.data() + text.size()) return std::nullopt;
  return ValueHint{"numbers are written without quotes", std::string(text)};
}

std::optional<ValueHint> bool_hint(const Expr& found) {
  if (found.kind != ExprKind::String && found.kind != ExprKind::Reference) return std::nullopt;
  const std::string lower = lower_ascii(trimmed(found.text));
  const bool yes = lower == "true" || lower == "yes" || lower == "y" || lower == "on";
  const bool no = lower == "false" || lower == "no" || lower == "n" || lower == "off";
  if (!yes && !no) return std::nullopt;
  const std::string word = yes ? "true" : "false";
  return ValueHint{fmt::format("write `{}`", word), word};
}

}  // namespace

std::optional<ValueHint> wrong_form_hint(TypeKind expected, const Expr& found) {
  switch (expected) {
    case TypeKind::Date:
      return date_hint(found);
    case TypeKind::Duration:
      return duration_hint(found);
    case TypeKind::Number:
      return number_hint(found);
    case TypeKind::Bool:
      return bool_hint(found);
    default:
      return std::nullopt;
  }
}

}  // namespace gtm
