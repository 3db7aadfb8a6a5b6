// Meta-test: every rule id has golden tests that fire and that must not fire and an explain
// page; golden tests name only rules that exist; every rule the code declares is registered.
#include <catch2/catch.hpp>

#include <algorithm>
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

std::string read_text(const fs::path& path) {
  std::ifstream in(path);
  std::stringstream text;
  text << in.rdbuf();
  return text.str();
}

// A golden case: which rules it runs (`--select`, `--ignore` of its ARGS) and, for each top-level
// block, the rules expected on it (the expectations written between it and the next block).
struct GoldenCase {
  std::vector<std::string> selected, ignored;  ///< empty `selected`: every rule runs
  std::vector<std::set<std::string>> blocks;
};

std::vector<std::string> selector_list(const std::string& args, const std::string& option) {
  std::vector<std::string> out;
  const std::regex given(option + R"([ =]([^ ]+))");
  for (std::sregex_iterator it(args.begin(), args.end(), given), end; it != end; ++it) {
    std::stringstream list((*it)[1].str());
    for (std::string item; std::getline(list, item, ',');) out.push_back(item);
  }
  return out;
}

GoldenCase read_case(const std::string& body) {
  GoldenCase c;
  const std::regex block_header(R"(^[a-z_]+( [^ {]+)? *\{)");
  const std::regex named(R"((?:error|warning|info|note)\[([a-z0-9-]+)\])");
  std::stringstream lines(body);
  for (std::string line; std::getline(lines, line);) {
    if (line.starts_with("# ARGS:")) {
      c.selected = selector_list(line, "--select");
      c.ignored = selector_list(line, "--ignore");
    } else if (std::regex_search(line, block_header)) {
      c.blocks.emplace_back();
    } else if (line.starts_with("#") && !c.blocks.empty()) {
      for (std::sregex_iterator it(line.begin(), line.end(), named), end; it != end; ++it) {
        c.blocks.back().insert((*it)[1].str());
      }
    }
  }
  return c;
}

bool runs(const RuleCatalog& catalog, const GoldenCase& c, const std::string& id) {
  const auto named_by = [&](const std::vector<std::string>& selectors) {
    return std::any_of(selectors.begin(), selectors.end(), [&](const std::string& s) {
      const auto ids = catalog.matching(s);
      return std::find(ids.begin(), ids.end(), id) != ids.end();
    });
  };
  return (c.selected.empty() || named_by(c.selected)) && !named_by(c.ignored);
}

std::vector<GoldenCase> golden_cases() {
  std::vector<GoldenCase> cases;
  for (const auto& entry :
       fs::recursive_directory_iterator(fs::path(GTM_SOURCE_DIR) / "tests/golden")) {
    if (entry.path().extension() == ".gtm") cases.push_back(read_case(read_text(entry.path())));
  }
  return cases;
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

TEST_CASE("every rule has a golden case where it runs and must not fire on a block") {
  const RuleCatalog catalog = full_catalog();
  const std::vector<GoldenCase> cases = golden_cases();
  for (const RuleInfo& rule : catalog.all()) {
    INFO(rule.id);
    const bool quiet_somewhere = std::any_of(cases.begin(), cases.end(), [&](const GoldenCase& c) {
      return runs(catalog, c, rule.id) &&
             std::any_of(c.blocks.begin(), c.blocks.end(),
                         [&](const std::set<std::string>& found) { return !found.count(rule.id); });
    });
    CHECK(quiet_somewhere);
  }
}

TEST_CASE("every rule the code declares is registered and none is reported by a bare string") {
  const RuleCatalog catalog = full_catalog();
  const std::regex declared(R"re(Rule k\w+\{\s*"([a-z0-9-]+)")re");
  const std::regex bare_report(R"re(\.(report|error|warning|info)\(\s*(Severity::\w+,\s*)?")re");
  std::size_t declarations = 0;
  for (const char* folder : {"compiler", "rules"}) {
    for (const auto& entry : fs::recursive_directory_iterator(fs::path(GTM_SOURCE_DIR) / folder)) {
      const auto extension = entry.path().extension();
      if (extension != ".cpp" && extension != ".hpp") continue;
      const std::string body = read_text(entry.path());
      INFO(entry.path().string());
      for (std::sregex_iterator it(body.begin(), body.end(), declared), end; it != end; ++it) {
        ++declarations;
        INFO((*it)[1].str());
        CHECK(catalog.find((*it)[1].str()) != nullptr);
      }
      CHECK_FALSE(std::regex_search(body, bare_report));
    }
  }
  std::size_t registered = compiler_rules().size();
  for (const Analysis& analysis : rules::all_analyses()) registered += analysis.rules.size();
  CHECK(declarations == registered);  // no table entry is left out of its registry
}
