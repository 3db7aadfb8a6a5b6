// Meta-test: every rule id has golden tests that fire and that must not fire and an explain
// page; golden tests name only rules that exist; every rule the code declares is registered.
#include <catch2/catch.hpp>

#include <algorithm>
#include <climits>
#include <cstdint>
#include <filesystem>
#include <fstream>
#include <map>
#include <regex>
#include <set>
#include <sstream>

#include "compiler/compilation.hpp"
#include "rules/registry.hpp"

namespace fs = std::filesystem;
using namespace gtm;

namespace {

// Rule ids named in golden expectations (`error[rule]`) and in `--select` arguments.
// The ids of every match of `pattern`'s first group in the golden cases.
std::set<std::string> matches_in_golden_tests(const std::regex& named) {
  std::set<std::string> ids;
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

std::set<std::string> rules_in_golden_tests() {
  return matches_in_golden_tests(std::regex(R"((?:error|warning|info|note)\[([a-z0-9-]+)\])"));
}

/// The policies golden cases declare for themselves (`policy NAME {` at the start of a line).
std::set<std::string> policies_of_golden_tests() {
  return matches_in_golden_tests(std::regex(R"((?:^|\n)policy ([a-z0-9-]+) \{)"));
}

std::string read_text(const fs::path& path) {
  std::ifstream in(path);
  std::stringstream text;
  text << in.rdbuf();
  return text.str();
}

// A golden case: which rules it runs (`--select`, `--ignore` of its ARGS) and its blocks (nested
// ones too: a block's lines end where the next block starts), each with the rules expected on it: a
// caret expectation belongs to the line above it,
// `# expect@L:...` to line L of its file (line numbers restart after `# --- NAME`).
struct GoldenBlock {
  std::string kind;
  std::size_t file = 0, first_line = 0, last_line = 0;
  std::set<std::string> found;
};

struct GoldenCase {
  std::vector<std::string> selected, ignored;  ///< empty `selected`: every rule runs
  std::vector<GoldenBlock> blocks;
  std::set<std::string> expected;  ///< every rule expected anywhere in the case
};

struct Expectation {
  std::size_t file = 0, line = 0;
  std::string rule;
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
  const std::regex block_header(R"(^ *([a-z_]+)( [^ {=]+)? *\{)");
  const std::regex named(R"((?:error|warning|info|note)\[([a-z0-9-]+)\])");
  const std::regex anywhere(R"(^# expect@(\d+):)");
  std::vector<Expectation> expected;
  std::size_t file = 0, line_number = 0, code_line = 0;
  std::stringstream lines(body);
  for (std::string line; std::getline(lines, line);) {
    if (line.starts_with("# --- ")) {
      ++file;
      line_number = code_line = 0;
      continue;
    }
    ++line_number;
    std::smatch match;
    if (line.starts_with("# ARGS:")) {
      c.selected = selector_list(line, "--select");
      c.ignored = selector_list(line, "--ignore");
    } else if (line.starts_with("#")) {
      const std::size_t at = std::regex_search(line, match, anywhere)
                                 ? static_cast<std::size_t>(std::stoul(match[1].str()))
                                 : code_line;
      for (std::sregex_iterator it(line.begin(), line.end(), named), end; it != end; ++it) {
        expected.push_back({file, at, (*it)[1].str()});
      }
    } else {
      code_line = line_number;
      if (std::regex_search(line, match, block_header)) {
        if (!c.blocks.empty() && c.blocks.back().file == file) {
          c.blocks.back().last_line = line_number - 1;
        }
        c.blocks.push_back({match[1].str(), file, line_number, SIZE_MAX, {}});
      }
    }
  }
  for (const Expectation& e : expected) {
    c.expected.insert(e.rule);
    for (GoldenBlock& block : c.blocks) {
      if (block.file == e.file && block.first_line <= e.line && e.line <= block.last_line) {
        block.found.insert(e.rule);
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
  const std::set<std::string> user_defined = policies_of_golden_tests();
  for (const std::string& id : rules_in_golden_tests()) {
    INFO(id);
    CHECK((catalog.find(id) != nullptr || user_defined.count(id) == 1));
  }
}

TEST_CASE("every rule has a golden case where it runs and must not fire on a block") {
  // Quiet, in a case that runs the rule, on a block of a kind it fires on elsewhere or beside
  // blocks it fires on: the rule looked at the block and held back.
  const RuleCatalog catalog = full_catalog();
  const std::vector<GoldenCase> cases = golden_cases();
  std::map<std::string, std::set<std::string>> fires_on;  // rule -> kinds of blocks
  for (const GoldenCase& c : cases) {
    for (const GoldenBlock& block : c.blocks) {
      for (const std::string& rule : block.found) fires_on[rule].insert(block.kind);
    }
  }
  for (const RuleInfo& rule : catalog.all()) {
    INFO(rule.id);
    const std::set<std::string>& kinds = fires_on[rule.id];
    const bool quiet_somewhere = std::any_of(cases.begin(), cases.end(), [&](const GoldenCase& c) {
      if (!runs(catalog, c, rule.id)) return false;
      const bool fires_here = c.expected.count(rule.id) > 0;
      return std::any_of(c.blocks.begin(), c.blocks.end(), [&](const GoldenBlock& block) {
        return !block.found.count(rule.id) && (fires_here || kinds.count(block.kind));
      });
    });
    CHECK(quiet_somewhere);
  }
}

TEST_CASE("golden expectations are found on the blocks they describe") {
  // The reading above, checked on a case of its own: a caret under a block's line and an
  // `expect@` at the end of a split file both belong to their block.
  const GoldenCase c = read_case(
      "# ARGS: check --select owner-required\n"
      "# --- a.gtm\n"
      "person ana { name = \"Ana\" }\n"
      "system crm { kind = crm }\n"
      "#      ^^^ error[owner-required]: m\n"
      "system map { kind = map }\n"
      "# expect@1:1-1:4: warning[shared-login]: m\n"
      "# expect@4:1-4:4: error[owner-required]: m\n");
  REQUIRE(c.blocks.size() == 3);
  CHECK(c.selected == std::vector<std::string>{"owner-required"});
  CHECK(c.blocks[0].found == std::set<std::string>{"shared-login"});
  CHECK(c.blocks[1].found == std::set<std::string>{"owner-required"});
  CHECK(c.blocks[2].found == std::set<std::string>{"owner-required"});
}

TEST_CASE("every rule the code declares is registered and none is reported by a bare string") {
  const RuleCatalog catalog = full_catalog();
  const std::regex declared(R"re(Rule k\w+\{\s*"([a-z0-9-]+)")re");
  const std::regex bare_report(R"re(\.(report|error|warning|info)\(\s*(Severity::\w+,\s*)?")re");
  const std::regex policy_report(R"re(\.report_policy\()re");
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
      // Only the policy engine reports under an id that is not a table's Rule.
      if (entry.path().filename() != "policy.cpp")
        CHECK_FALSE(std::regex_search(body, policy_report));
    }
  }
  std::size_t registered = compiler_rules().size();
  for (const Analysis& analysis : rules::all_analyses()) registered += analysis.rules.size();
  CHECK(declarations == registered);  // no table entry is left out of its registry
}
