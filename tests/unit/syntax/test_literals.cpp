// Dates, durations and string escapes.
#include <catch2/catch.hpp>

#include "compiler/syntax/literals.hpp"

TEST_CASE("dates round-trip through days since the epoch") {
  CHECK(gtm::parse_date("1970-01-01") == 0);
  CHECK(gtm::parse_date("2026-11-23") == 20780);
  CHECK(gtm::format_date(20780) == "2026-11-23");
  CHECK(gtm::format_date(*gtm::parse_date("2000-02-29")) == "2000-02-29");
  CHECK(gtm::format_date(-1) == "1969-12-31");
}

TEST_CASE("impossible dates are explained") {
  CHECK(gtm::date_problem("2026-13-45") == "month 13 is not between 01 and 12");
  CHECK(gtm::date_problem("2026-02-29") == "2026-02 has no day 29");
  CHECK(gtm::date_problem("2026-04-31") == "2026-04 has no day 31");
  CHECK(gtm::date_problem("2026-00-10") == "month 0 is not between 01 and 12");
  CHECK(gtm::date_problem("26-1-1") == "a date is written YYYY-MM-DD");
  CHECK_FALSE(gtm::date_problem("2024-02-29"));
  CHECK_FALSE(gtm::parse_date("2026-02-30"));
}

TEST_CASE("durations are minutes") {
  CHECK(gtm::parse_duration("30m") == 30);
  CHECK(gtm::parse_duration("4h") == 240);
  CHECK(gtm::parse_duration("2d") == 2880);
  CHECK(gtm::parse_duration("1w") == 10080);
  CHECK_FALSE(gtm::parse_duration("4"));
  CHECK_FALSE(gtm::parse_duration("h"));
  CHECK_FALSE(gtm::parse_duration("4y"));
  CHECK_FALSE(gtm::parse_duration("99999999999w"));
  CHECK(gtm::format_duration(1440) == "1d");
  CHECK(gtm::format_duration(90) == "90m");
  CHECK(gtm::format_duration(20160) == "2w");
}

TEST_CASE("string escapes decode") {
  std::string problem;
  CHECK(gtm::decode_string(R"(a\"b\\c\nd\te)", &problem) == "a\"b\\c\nd\te");
  CHECK(gtm::decode_string(R"(\u{41}\u{e9}\u{1F600})", &problem) == "A\xC3\xA9\xF0\x9F\x98\x80");
  CHECK_FALSE(gtm::decode_string(R"(\u{D800})", &problem));
  CHECK(problem == "`\\u{D800}` is not a Unicode scalar value");
  CHECK_FALSE(gtm::decode_string(R"(\u{110000})", &problem));
}

TEST_CASE("dates in other notations are read with their likely order") {
  const auto us = gtm::read_foreign_date("10/01/2026");  // `/`: month first
  REQUIRE(us);
  CHECK(us->iso == "2026-10-01");
  CHECK(us->other_reading == "2026-01-10");
  CHECK(us->other_reading_when == "if 10 is the day");
  const auto day_first = gtm::read_foreign_date("25/12/2026");  // 25 cannot be a month
  REQUIRE(day_first);
  CHECK(day_first->iso == "2026-12-25");
  CHECK_FALSE(day_first->other_reading);
  const auto dotted = gtm::read_foreign_date("1.10.26");  // `.`: day first; two-digit year
  REQUIRE(dotted);
  CHECK(dotted->iso == "2026-10-01");
  CHECK(gtm::read_foreign_date("2026/10/01")->iso == "2026-10-01");
  CHECK_FALSE(gtm::read_foreign_date("5/5/2026")->other_reading);  // both readings agree
  CHECK_FALSE(gtm::read_foreign_date("13/13/2026"));
  CHECK_FALSE(gtm::read_foreign_date("10/01.2026"));  // mixed separators
  CHECK_FALSE(gtm::read_foreign_date("1.5"));
  CHECK_FALSE(gtm::read_foreign_date("31/02/2026"));
}
