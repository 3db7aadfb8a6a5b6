// The semantic passes on small in-memory workspaces: schema, resolution, evaluation.
#include <catch2/catch.hpp>

#include "compiler/compilation.hpp"
#include "compiler/evaluation/evaluate.hpp"
#include "compiler/syntax/literals.hpp"
#include "compiler/semantics/suggest.hpp"
#include "rules/registry.hpp"

using namespace gtm;

namespace {

struct Workspace {
  Compilation compilation;
  explicit Workspace(std::string text, std::string today = "2026-11-01") {
    add_source(compilation, "w.gtm", std::move(text));
    analyse(compilation, rules::compile_options(*parse_date(today)));
  }
  const Model& model() const { return compilation.model; }
  EntityId find(std::string_view name) const { return model().find("entities", name); }
  std::vector<std::string> rules() const {
    std::vector<std::string> ids;
    for (const Diagnostic& d : compilation.diagnostics.items()) ids.push_back(d.rule);
    return ids;
  }
  // Evaluates `expr` (written as a policy expression) with `subject` as the entity.
  Value eval(std::string_view subject, const std::string& expr) {
    Compilation scratch;
    add_source(scratch, "e.gtm", "x { v = " + expr + " }");
    const File& file = scratch.files.back();
    Evaluator evaluator(model(), *parse_date("2026-11-01"));
    return evaluator.eval(file, file.attributes[0].value, find(subject));
  }
};

}  // namespace

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

TEST_CASE("evaluation: navigation, none, functions, three-valued logic") {
  Workspace w(
      "person dana { name = \"Dana\"  left = 2026-10-01 }\n"
      "person ana { name = \"Ana\" }\n"
      "system sf { kind = crm  owner = dana  admins = [dana, ana, ghost] }\n"
      "handoff h { sla = 4h  notify = [manual(\"x\"), slack(\"#a\")] }\n");
  CHECK(is_true(w.eval("sf", "owner.left == 2026-10-01")));
  CHECK(is_true(w.eval("sf", "owner.left < today()")));
  CHECK(is_true(w.eval("sf", "description == none")));
  CHECK(w.eval("sf", "count(admins)").number == 3);
  CHECK(w.eval("sf", "days_since(owner.left)").number == 31);
  CHECK(is_true(w.eval("sf", "matches(name, \"^s[a-z]$\")")));
  CHECK(is_true(w.eval("sf", "kind == \"system\"")));
  CHECK(is_true(w.eval("h", "sla <= settings.limits.max_sla")));
  CHECK(w.eval("h", "days(settings.limits.zombie_after)").number == 90);
  CHECK(is_true(w.eval("h", "\"manual\" in calls(notify)")));
  CHECK(w.eval("h", "count(without(calls(notify), \"manual\"))").number == 1);
  CHECK(is_true(w.eval("h", "basename(\"a.b.c\") == \"c\"")));
  // `ghost` resolves to nothing: reading through it is unknown, not false.
  CHECK(w.eval("sf", "admins.left").kind == Value::Kind::List);
  CHECK(is_true(w.eval("sf", "false and ghost.x == 1")) == false);
  CHECK(is_true(w.eval("sf", "true or 1 < \"a\"")));
  CHECK(w.eval("sf", "1 < \"a\"").kind == Value::Kind::Unknown);
  CHECK(w.eval("sf", "not (1 < \"a\")").kind == Value::Kind::Unknown);
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
