// The rule catalogue: selectors name rules by id, by category or by a prefix that ends at a `-`;
// the compiler's table comes with its explain pages.
#include <catch2/catch.hpp>

#include <string_view>
#include <vector>

#include "compiler/diagnostics/compiler_rules.hpp"
#include "compiler/diagnostics/rule_info.hpp"

using namespace gtm;

namespace {

RuleCatalog catalog_of(std::vector<Rule> rules) {
  RuleCatalog catalog;
  for (const Rule& rule : rules) catalog.add(rule_info(rule, "test"));
  return catalog;
}

const RuleCatalog& sample() {
  static const RuleCatalog catalog = catalog_of({
      {"owner-departed", "ownership", Severity::Error, "s"},
      {"owner-required", "ownership", Severity::Error, "s"},
      {"waiver-expired", "workarounds and debt", Severity::Error, "s"},
      {"ownership-x", "other", Severity::Warning, "s"},
  });
  return catalog;
}

std::vector<std::string_view> ids(std::initializer_list<std::string_view> list) {
  return list;
}

}  // namespace

TEST_CASE("a selector names a rule by id and a category by its name") {
  CHECK(sample().matching("owner-departed") == ids({"owner-departed"}));
  CHECK(sample().matching("ownership") == ids({"owner-departed", "owner-required", "ownership-x"}));
  CHECK(sample().matching("workarounds-and-debt") == ids({"waiver-expired"}));
  CHECK(sample().matching("workarounds_and_debt") == ids({"waiver-expired"}));
}

TEST_CASE("a prefix names rules only when it ends at a dash of their ids") {
  CHECK(sample().matching("owner") == ids({"owner-departed", "owner-required"}));
  CHECK(sample().matching("owner-") == ids({"owner-departed", "owner-required"}));
  CHECK(sample().matching("owner-dep").empty());
  CHECK(sample().matching("").empty());
}

TEST_CASE("the compiler's rules are errors with explain pages except the waiver hygiene ones") {
  const auto rules = compiler_rules();
  REQUIRE(rules.size() == compiler_rule::kAll.size());
  for (const RuleInfo& rule : rules) {
    INFO(rule.id);
    const bool hygiene = rule.id == "waiver-unused" || rule.id == "waiver-too-long";
    CHECK(rule.severity == (hygiene ? Severity::Warning : Severity::Error));
    CHECK(rule.origin == "compiler");
    CHECK(rule.explain.size() > 100);
  }
  CHECK(explain_page("no-such-rule").empty());
}
