// The semantic passes on small in-memory workspaces: schema, binding, resolution.
#include <catch2/catch.hpp>

#include "compiler/compilation.hpp"
#include "compiler/evaluation/evaluate.hpp"
#include "compiler/semantics/suggest.hpp"
#include "compiler/syntax/literals.hpp"
#include "rules/registry.hpp"
#include "tests/compiled_workspace.hpp"

using namespace gtm;

using testing::Workspace;

TEST_CASE("the stdlib loads without a single diagnostic") {
  Workspace w("");
  CHECK(w.compilation.diagnostics.items().empty());
  CHECK(w.model().schema.find_top_level("person") != kNoKind);
  CHECK(w.compilation.policies.size() >= 25);
  CHECK(w.compilation.entity_count == 0);
}

TEST_CASE("references resolve across the workspace and are recorded") {
  Workspace w("person dana { name = \"Dana\"  team = revops }\nteam revops { lead = dana }\n");
  REQUIRE(w.compilation.diagnostics.items().empty());
  const EntityId dana = w.find("dana");
  const EntityId revops = w.find("revops");
  const File& file = w.model().file_of(revops);
  const Attribute* lead = w.model().attr(revops, "lead");
  REQUIRE(lead);
  CHECK(w.model().target(file.id, lead->value) == dana);
}

TEST_CASE("an unresolved reference is present but unknown: no cascade of findings") {
  Workspace w("team sdr { lead = dnaa }\n");
  CHECK(w.rules() == std::vector<std::string>{"unresolved-reference"});
}

TEST_CASE("a block cut short by a syntax error still declares its name") {
  Workspace w("person ana { name = \"Ana\"  team sdr }\nteam sdr { lead = ana }\n");
  CHECK(w.rules() == std::vector<std::string>{"syntax"});
}

TEST_CASE("edit distance counts transpositions as one edit") {
  CHECK(edit_distance("dnaa", "dana", 3) == 1);
  CHECK(edit_distance("owner", "ownr", 3) == 1);
  CHECK(edit_distance("abc", "xyz", 1) == 2);  // capped at limit + 1
  CHECK(closest("salesforse", {"salesforce", "hubspot"}) == "salesforce");
  CHECK_FALSE(closest("zzz", {"salesforce", "hubspot"}));
  CHECK(closest("lead_source", {"LeadSource"}) == "LeadSource");
}
