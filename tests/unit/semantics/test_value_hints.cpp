// What a value of the wrong form meant (compiler/semantics/value_hints.hpp).
#include <catch2/catch.hpp>

#include "compiler/semantics/suggest.hpp"
#include "compiler/semantics/value_hints.hpp"

namespace {

gtm::Expr text(std::string_view value) {
  gtm::Expr e;
  e.kind = gtm::ExprKind::String;
  e.text = value;
  return e;
}

gtm::Expr number(std::string_view literal, double value) {
  gtm::Expr e;
  e.kind = gtm::ExprKind::Number;
  e.text = literal;
  e.number = value;
  return e;
}

gtm::Expr name(std::string_view value) {
  gtm::Expr e;
  e.kind = gtm::ExprKind::Reference;
  e.text = value;
  return e;
}

std::string replacement(gtm::TypeKind expected, const gtm::Expr& found) {
  const auto hint = gtm::wrong_form_hint(expected, found);
  return hint ? hint->replacement : "(none)";
}

}  // namespace

TEST_CASE("wrong-form hints say what to write") {
  using gtm::TypeKind;
  CHECK(replacement(TypeKind::Date, text("2026-10-01")) == "2026-10-01");
  CHECK(replacement(TypeKind::Date, text("25/12/2026")) == "2026-12-25");
  CHECK(replacement(TypeKind::Date, text("soon")) == "(none)");
  CHECK(replacement(TypeKind::Duration, text("4 hours")) == "4h");
  CHECK(replacement(TypeKind::Duration, text(" 2 Days ")) == "2d");
  CHECK(replacement(TypeKind::Duration, text("30 min")) == "30m");
  CHECK(replacement(TypeKind::Duration, text("1 week")) == "1w");
  CHECK(replacement(TypeKind::Duration, text("4h")) == "4h");
  CHECK(replacement(TypeKind::Duration, text("four hours")) == "(none)");
  CHECK(replacement(TypeKind::Duration, text("4 fortnights")) == "(none)");
  CHECK(replacement(TypeKind::Duration, number("48", 48)) == "48h");
  CHECK(replacement(TypeKind::Duration, number("1.5", 1.5)) == "(none)");
  CHECK(replacement(TypeKind::Number, text("5")) == "5");
  CHECK(replacement(TypeKind::Number, text("5 people")) == "(none)");
  CHECK(replacement(TypeKind::Bool, text("yes")) == "true");
  CHECK(replacement(TypeKind::Bool, text("No")) == "false");
  CHECK(replacement(TypeKind::Bool, text("maybe")) == "(none)");
  CHECK(replacement(TypeKind::Text, number("5", 5)) == "(none)");
}

TEST_CASE("a cadence written as a name reads as its duration") {
  using gtm::TypeKind;
  CHECK(replacement(TypeKind::Duration, name("every_15_minutes")) == "15m");
  CHECK(replacement(TypeKind::Duration, name("every_hour")) == "1h");
  CHECK(replacement(TypeKind::Duration, name("Every_2_days")) == "2d");
  CHECK(replacement(TypeKind::Duration, name("daily")) == "1d");
  CHECK(replacement(TypeKind::Duration, name("Hourly")) == "1h");
  CHECK(replacement(TypeKind::Duration, name("nightly")) == "1d");
  CHECK(replacement(TypeKind::Duration, name("every_quarter")) == "(none)");
  CHECK(replacement(TypeKind::Duration, name("dana")) == "(none)");
}

TEST_CASE("an enum word written in full finds its acronym") {
  CHECK(gtm::is_acronym_of("map", "marketing_automation"));
  CHECK(gtm::is_acronym_of("cdp", "customer_data_platform"));
  CHECK(gtm::is_acronym_of("bi", "BusinessIntelligence"));
  CHECK_FALSE(gtm::is_acronym_of("map", "marketing"));
  CHECK_FALSE(gtm::is_acronym_of("crm", "customer_data_platform"));
  CHECK_FALSE(gtm::is_acronym_of("tag_manager", "tag_manager"));
  CHECK(gtm::closest_or_expansion("marketing_automation", {"crm", "map", "cdp"}) == "map");
}
