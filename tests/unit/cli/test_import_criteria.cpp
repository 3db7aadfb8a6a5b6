// `gtmlint import sfdx`: criteria items of every operation and boolean filters as conditions.
#include <fmt/format.h>
#include <catch2/catch.hpp>

#include "cli/import/criteria.hpp"
#include "cli/import/names.hpp"

using namespace gtm::sfdx;

namespace {

std::string kind_of(const std::string& field) {
  if (field == "Employees") return "number";
  if (field == "Created") return "date";
  if (field == "Partner") return "bool";
  if (field == "Products") return "picklist";
  return "text";
}

Condition one(const std::string& field, const std::string& op, const std::string& value) {
  RuleEntry entry;
  entry.criteria.push_back({"Lead." + field, op, value});
  return entry_condition(entry, "Lead", kind_of);
}

Condition filtered(const std::string& filter, std::size_t items) {
  RuleEntry entry;
  entry.boolean_filter = filter;
  for (std::size_t i = 1; i <= items; ++i) {
    entry.criteria.push_back({"Lead.Country", "equals", fmt::format("C{}", i)});
  }
  return entry_condition(entry, "Lead", kind_of);
}

}  // namespace

TEST_CASE("every criteria operation becomes a condition") {
  CHECK(one("Country", "equals", "US").text == "Country == \"US\"");
  CHECK(one("Country", "equals", "US, CA").text == "Country in [\"US\", \"CA\"]");
  CHECK(one("Country", "equals", "").text == "Country == none");
  CHECK(one("Country", "notEqual", "US").text == "Country != \"US\"");
  CHECK(one("Country", "notEqual", "US,CA").text == "Country not in [\"US\", \"CA\"]");
  CHECK(one("Country", "notEqual", "").text == "Country != none");
  CHECK(one("Company", "startsWith", "Acme").text == "starts_with(Company, \"Acme\")");
  CHECK(one("Company", "startsWith", "A,B").text ==
        "(starts_with(Company, \"A\") or starts_with(Company, \"B\"))");
  CHECK(one("Company", "contains", "Bank").text == "contains(Company, \"Bank\")");
  CHECK(one("Company", "notContain", "Test,Demo").text ==
        "(not contains(Company, \"Test\") and not contains(Company, \"Demo\"))");
  CHECK(one("Employees", "lessThan", "50").text == "Employees < 50");
  CHECK(one("Employees", "greaterThan", "10").text == "Employees > 10");
  CHECK(one("Employees", "lessOrEqual", "500").text == "Employees <= 500");
  CHECK(one("Employees", "greaterOrEqual", "100").text == "Employees >= 100");
  CHECK(one("Created", "greaterOrEqual", "1/31/2026").text == "Created >= 2026-01-31");
  CHECK(one("Created", "lessThan", "2026-02-01").text == "Created < 2026-02-01");
  CHECK(one("Products", "includes", "Core,Mobile").text ==
        "(includes(Products, \"Core\") or includes(Products, \"Mobile\"))");
  CHECK(one("Products", "excludes", "Core").text == "not includes(Products, \"Core\")");
  CHECK(one("Partner", "equals", "True").text == "Partner == true");
  CHECK(one("Company", "equals", "Say \"hi\"").text == "Company == \"Say \\\"hi\\\"\"");
}

TEST_CASE("what cannot be said exactly is kept as a formula, with the reason") {
  const Condition relative = one("Created", "greaterThan", "LAST 90 DAYS");
  CHECK(relative.text == "formula(\"Lead.Created greaterThan LAST 90 DAYS\")");
  CHECK(relative.problem.find("not a date value") != std::string::npos);
  CHECK(one("Company", "lessThan", "M").text.starts_with("formula("));
  CHECK(one("Employees", "startsWith", "1").text.starts_with("formula("));
  RuleEntry other_object;
  other_object.criteria.push_back({"User.Department", "equals", "Sales"});
  CHECK(entry_condition(other_object, "Lead", kind_of).problem ==
        "the criterion on `User.Department` is not a field of Lead");
}

TEST_CASE("boolean filters: and, or, not, parentheses, precedence, bad filters") {
  CHECK(filtered("", 2).text == "Country == \"C1\" and Country == \"C2\"");
  CHECK(filtered("1 AND (2 OR 3)", 3).text ==
        "Country == \"C1\" and (Country == \"C2\" or Country == \"C3\")");
  CHECK(filtered("1 OR 2 AND 3", 3).text ==
        "Country == \"C1\" or Country == \"C2\" and Country == \"C3\"");
  CHECK(filtered("(1 or 2) and not 3", 3).text ==
        "(Country == \"C1\" or Country == \"C2\") and not (Country == \"C3\")");
  CHECK(filtered("NOT (1 AND 2)", 2).text == "not (Country == \"C1\" and Country == \"C2\")");
  CHECK(filtered("1 AND 4", 3).text.starts_with("formula("));
  CHECK(filtered("1 AND (2", 2).problem == "the filter `1 AND (2` could not be read");
  CHECK(filtered("1 2", 2).text.starts_with("formula("));
  CHECK(filtered(std::string(100000, '(') + "1", 1).text.starts_with("formula("));
}

TEST_CASE("formulas: TRUE or nothing is a catch-all, anything else is kept") {
  RuleEntry entry;
  entry.formula = " true ";
  CHECK(entry_condition(entry, "Lead", kind_of).catch_all);
  entry.formula = "";
  CHECK(entry_condition(entry, "Lead", kind_of).catch_all);
  entry.formula = "ISPICKVAL(Status, \"Open\")";
  const Condition kept = entry_condition(entry, "Lead", kind_of);
  CHECK_FALSE(kept.catch_all);
  CHECK(kept.text == "formula(\"ISPICKVAL(Status, \\\"Open\\\")\")");
}

TEST_CASE("names become identifiers; dates become ISO dates") {
  CHECK(identifier("Lead_Score__c") == "Lead_Score__c");
  CHECK(identifier("Old Rules") == "Old_Rules");
  CHECK(identifier("2024 rules") == "_2024_rules");
  CHECK(identifier("none") == "none_");
  CHECK(iso_date("1/31/2026") == "2026-01-31");
  CHECK(iso_date("2/30/2026").empty());
  CHECK(iso_date("TODAY").empty());
}

TEST_CASE("a value with a comma is quoted, as Salesforce writes it") {
  CHECK(one("Country", "equals", "HONG KONG,\"TAIWAN, ROC\"").text ==
        "Country in [\"HONG KONG\", \"TAIWAN, ROC\"]");
  CHECK(one("Country", "equals", "\"A, B\"").text == "Country == \"A, B\"");
  CHECK(one("Country", "contains", "x, \"y,z\"").text ==
        "(contains(Country, \"x\") or contains(Country, \"y,z\"))");
}

TEST_CASE("only the criterion that cannot be said exactly is kept as a formula") {
  RuleEntry entry;
  entry.criteria.push_back({"Lead.Country", "equals", "US"});
  entry.criteria.push_back({"User.Department", "equals", "Sales"});
  entry.boolean_filter = "1 OR 2";
  const Condition condition = entry_condition(entry, "Lead", kind_of);
  CHECK(condition.text == "Country == \"US\" or formula(\"User.Department equals Sales\")");
  CHECK(condition.problem == "the criterion on `User.Department` is not a field of Lead");
}
