// Meta-test: every rule id has golden tests and an explain page, and golden tests name only
// rules that exist.
#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>
#include <regex>
#include <set>
#include <sstream>

#include "compiler/compilation.hpp"
#include "rules/registry.hpp"

namespace fs = std::filesystem;
using namespace gtm;

namespace {

// Rule ids named in golden expectations (`error[rule]`) and in `--select` arguments.
std::set<std::string> rules_in_golden_tests() {
  std::set<std::string> ids;
  const std::regex named(R"((?:error|warning|info|note)\[([a-z0-9-]+)\])");
  for (const auto& entry :
       fs::recursive_directory_iterator(fs::path(GTM_SOURCE_DIR) / "tests/golden")) {
    if (entry.path().extension() != ".gtm") continue;
    std::ifstream in(entry.path());
    std::stringstream text;
    text << in.rdbuf();
    const std::string body = text.str();
    for (std::sregex_iterator it(body.begin(), body.end(), named), end; it != end; ++it) {
      ids.insert((*it)[1].str());
    }
  }
  return ids;
}

RuleCatalog full_catalog() {
  Compilation compilation;
  analyse(compilation, rules::compile_options(0));
  REQUIRE(compilation.diagnostics.items().empty());
  return compilation.catalog;
}

}  // namespace

TEST_CASE("every rule has a golden test that reports it and an explain page") {
  const std::set<std::string> tested = rules_in_golden_tests();
  const RuleCatalog catalog = full_catalog();
  for (const RuleInfo& rule : catalog.all()) {
    INFO(rule.id);
    CHECK(tested.count(rule.id) == 1);
    CHECK(rule.explain.size() > 100);
    CHECK_FALSE(rule.summary.empty());
    CHECK_FALSE(rule.category.empty());
  }
}

TEST_CASE("golden tests name only rules that exist (or are defined in the test itself)") {
  const RuleCatalog catalog = full_catalog();
  const std::set<std::string> user_defined = {"pii-steward", "contract-renewal-soon"};
  for (const std::string& id : rules_in_golden_tests()) {
    INFO(id);
    CHECK((catalog.find(id) != nullptr || user_defined.count(id) == 1));
  }
}
