// Decoding of literal tokens: dates, durations and string escapes. Pure functions, so that the
// parser, the `--today` option and tests share one definition.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace gtm {

struct CivilDate {
  int year = 1970;
  unsigned month = 1;
  unsigned day = 1;
};

/// Days since 1970-01-01 for a proleptic Gregorian date (Howard Hinnant's algorithm).
std::int64_t days_from_civil(CivilDate date);
CivilDate civil_from_days(std::int64_t days);
/// `YYYY-MM-DD` from days since 1970-01-01.
std::string format_date(std::int64_t days);

/// Why a `YYYY-MM-DD` token is not a real date, or nullopt when it is one.
std::optional<std::string> date_problem(std::string_view text);
/// Days since 1970-01-01 of a well-formed, real `YYYY-MM-DD` date.
std::optional<std::int64_t> parse_date(std::string_view text);

/// A date written the way people write it outside ISO 8601 (`10/01/2026`, `1.10.2026`, `10/1/26`,
/// `2026/10/01`):
/// the ISO form of its likely reading (month first with `/`, day first with `.`, unless that
/// cannot be a date) and, when the other order is a date too, that one as well. Nullopt for
/// anything else.
struct ForeignDate {
  std::string iso;
  std::optional<std::string> other_reading;
  std::string other_reading_when;  ///< e.g. "if 10 is the day"
};
std::optional<ForeignDate> read_foreign_date(std::string_view text);

/// Minutes in a duration token such as `30m`, `4h`, `2d`, `1w`; nullopt if malformed or too large.
std::optional<std::int64_t> parse_duration(std::string_view text);
/// The shortest exact spelling of a number of minutes: 1440 -> `1d`, 90 -> `90m`.
std::string format_duration(std::int64_t minutes);

/// Decodes the inside of a `"..."` string (without the quotes). On a bad `\u{...}` escape returns
/// nullopt and sets `problem` to what is wrong; the grammar has already rejected other escapes.
std::optional<std::string> decode_string(std::string_view body, std::string* problem);

}  // namespace gtm
