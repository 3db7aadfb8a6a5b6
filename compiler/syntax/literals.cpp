// Dates, durations and string escapes.
#include "compiler/syntax/literals.hpp"

#include <fmt/format.h>

#include <array>
#include <charconv>

namespace gtm {

std::int64_t days_from_civil(CivilDate date) {
  const int y = date.year - (date.month <= 2 ? 1 : 0);
  const int era = (y >= 0 ? y : y - 399) / 400;
  const auto yoe = static_cast<unsigned>(y - era * 400);
  const unsigned mp = date.month > 2 ? date.month - 3 : date.month + 9;
  const unsigned doy = (153 * mp + 2) / 5 + date.day - 1;
  const unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return static_cast<std::int64_t>(era) * 146097 + static_cast<std::int64_t>(doe) - 719468;
}

CivilDate civil_from_days(std::int64_t days) {
  days += 719468;
  const std::int64_t era = (days >= 0 ? days : days - 146096) / 146097;
  const auto doe = static_cast<unsigned>(days - era * 146097);
  const unsigned yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  const unsigned doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  const unsigned mp = (5 * doy + 2) / 153;
  const unsigned day = doy - (153 * mp + 2) / 5 + 1;
  const unsigned month = mp < 10 ? mp + 3 : mp - 9;
  const auto year = static_cast<int>(static_cast<std::int64_t>(yoe) + era * 400 + (month <= 2));
  return {year, month, day};
}

std::string format_date(std::int64_t days) {
  const CivilDate date = civil_from_days(days);
  return fmt::format("{:04}-{:02}-{:02}", date.year, date.month, date.day);
}

namespace {

unsigned read_digits(std::string_view text) {
  unsigned value = 0;
  std::from_chars(text.data(), text.data() + text.size(), value);
  return value;
}

bool is_leap_year(int year) {
  return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
}

unsigned days_in_month(int year, unsigned month) {
  constexpr std::array<unsigned, 12> kDays = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  return month == 2 && is_leap_year(year) ? 29 : kDays[month - 1];
}

bool is_digit(char c) {
  return c >= '0' && c <= '9';
}

bool is_well_formed_date(std::string_view text) {
  if (text.size() != 10 || text[4] != '-' || text[7] != '-') return false;
  for (std::size_t i : {0, 1, 2, 3, 5, 6, 8, 9}) {
    if (!is_digit(text[i])) return false;
  }
  return true;
}

}  // namespace

std::optional<std::string> date_problem(std::string_view text) {
  if (!is_well_formed_date(text)) return "a date is written YYYY-MM-DD";
  const int year = static_cast<int>(read_digits(text.substr(0, 4)));
  const unsigned month = read_digits(text.substr(5, 2));
  const unsigned day = read_digits(text.substr(8, 2));
  if (month < 1 || month > 12) return fmt::format("month {} is not between 01 and 12", month);
  if (day < 1 || day > days_in_month(year, month)) {
    return fmt::format("{:04}-{:02} has no day {}", year, month, day);
  }
  return std::nullopt;
}

std::optional<std::int64_t> parse_date(std::string_view text) {
  if (date_problem(text)) return std::nullopt;
  return days_from_civil({static_cast<int>(read_digits(text.substr(0, 4))),
                          read_digits(text.substr(5, 2)), read_digits(text.substr(8, 2))});
}

std::optional<std::int64_t> parse_duration(std::string_view text) {
  if (text.size() < 2 || text.size() > 12) return std::nullopt;
  std::int64_t count = 0;
  const auto digits = text.substr(0, text.size() - 1);
  const auto [end, error] = std::from_chars(digits.data(), digits.data() + digits.size(), count);
  constexpr std::int64_t kMaxCount = 1'000'000;  // a million weeks is already absurd
  if (error != std::errc() || end != digits.data() + digits.size() || count > kMaxCount) {
    return std::nullopt;
  }
  switch (text.back()) {
    case 'm':
      return count;
    case 'h':
      return count * 60;
    case 'd':
      return count * 60 * 24;
    case 'w':
      return count * 60 * 24 * 7;
    default:
      return std::nullopt;
  }
}

std::string format_duration(std::int64_t minutes) {
  if (minutes != 0 && minutes % (60 * 24 * 7) == 0) return fmt::format("{}w", minutes / 10080);
  if (minutes != 0 && minutes % (60 * 24) == 0) return fmt::format("{}d", minutes / 1440);
  if (minutes != 0 && minutes % 60 == 0) return fmt::format("{}h", minutes / 60);
  return fmt::format("{}m", minutes);
}

namespace {

void append_utf8(std::string& out, char32_t code_point) {
  if (code_point < 0x80) {
    out += static_cast<char>(code_point);
  } else if (code_point < 0x800) {
    out += static_cast<char>(0xC0 | (code_point >> 6));
    out += static_cast<char>(0x80 | (code_point & 0x3F));
  } else if (code_point < 0x10000) {
    out += static_cast<char>(0xE0 | (code_point >> 12));
    out += static_cast<char>(0x80 | ((code_point >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (code_point & 0x3F));
  } else {
    out += static_cast<char>(0xF0 | (code_point >> 18));
    out += static_cast<char>(0x80 | ((code_point >> 12) & 0x3F));
    out += static_cast<char>(0x80 | ((code_point >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (code_point & 0x3F));
  }
}

}  // namespace

std::optional<std::string> decode_string(std::string_view body, std::string* problem) {
  std::string out;
  out.reserve(body.size());
  for (std::size_t i = 0; i < body.size(); ++i) {
    if (body[i] != '\\' || i + 1 >= body.size()) {
      out += body[i];
      continue;
    }
    const char code = body[++i];
    if (code == 'n')
      out += '\n';
    else if (code == 't')
      out += '\t';
    else if (code == 'u') {
      const std::size_t close = body.find('}', i);
      const std::string_view hex = body.substr(i + 2, close - i - 2);
      std::uint32_t value = 0;
      std::from_chars(hex.data(), hex.data() + hex.size(), value, 16);
      if (value > 0x10FFFF || (value >= 0xD800 && value <= 0xDFFF)) {
        if (problem) *problem = fmt::format("`\\u{{{}}}` is not a Unicode scalar value", hex);
        return std::nullopt;
      }
      append_utf8(out, value);
      i = close;
    } else {
      out += code;  // `\"` and `\\`
    }
  }
  return out;
}

namespace {

// `YYYY-MM-DD` of a year, month and day, when they make a real date.
std::optional<std::string> iso_of(int year, unsigned month, unsigned day) {
  const std::string text = fmt::format("{:04}-{:02}-{:02}", year, month, day);
  if (date_problem(text)) return std::nullopt;
  return text;
}

}  // namespace

std::optional<ForeignDate> read_foreign_date(std::string_view text) {
  unsigned parts[3] = {0, 0, 0};
  std::size_t digits[3] = {0, 0, 0};
  char separator = 0;
  std::size_t part = 0;
  for (const char c : text) {
    if (c >= '0' && c <= '9') {
      parts[part] = parts[part] * 10 + static_cast<unsigned>(c - '0');
      if (++digits[part] > 4) return std::nullopt;
    } else if ((c == '/' || c == '.') && part < 2 && (separator == 0 || c == separator)) {
      separator = c;
      ++part;
    } else {
      return std::nullopt;
    }
  }
  if (part == 2 && digits[0] == 4 && digits[1] >= 1 && digits[1] <= 2 && digits[2] >= 1 &&
      digits[2] <= 2) {  // 2026/10/01: year, month, day whatever the separator
    auto iso = iso_of(static_cast<int>(parts[0]), parts[1], parts[2]);
    if (!iso) return std::nullopt;
    return ForeignDate{*iso, std::nullopt, ""};
  }
  if (part != 2 || digits[0] == 0 || digits[0] > 2 || digits[1] == 0 || digits[1] > 2 ||
      (digits[2] != 2 && digits[2] != 4)) {
    return std::nullopt;
  }
  const int year = static_cast<int>(digits[2] == 2 ? 2000 + parts[2] : parts[2]);
  const bool month_first = separator == '/';
  auto likely = iso_of(year, month_first ? parts[0] : parts[1], month_first ? parts[1] : parts[0]);
  auto other = iso_of(year, month_first ? parts[1] : parts[0], month_first ? parts[0] : parts[1]);
  if (!likely) std::swap(likely, other);
  if (!likely) return std::nullopt;
  if (other == likely) other.reset();
  return ForeignDate{*likely, other,
                     fmt::format("if {} is the {}", parts[0], month_first ? "day" : "month")};
}

}  // namespace gtm
