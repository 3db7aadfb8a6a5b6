// The CRM vocabulary is the one table of field types and condition functions: the compiler knows
// none of them without it, and the stdlib's documentation agrees with it.
#include <fmt/format.h>
#include <catch2/catch.hpp>

#include <algorithm>
#include <string>

#include "compiler/compilation.hpp"
#include "rules/crm_vocabulary.hpp"
#include "rules/registry.hpp"

using namespace gtm;

namespace {

std::vector<std::string> rules_reported(const Compilation& compilation) {
  std::vector<std::string> ids;
  for (const Diagnostic& d : compilation.diagnostics.items()) ids.push_back(d.rule);
  return ids;
}

Compilation compiled(std::string text, const CompileOptions& options) {
  Compilation compilation;
  add_source(compilation, "w.gtm", std::move(text));
  analyse(compilation, options);
  return compilation;
}

constexpr const char* kWorkspace =
    "person ana { name = \"Ana\" }\n"
    "system salesforce { kind = crm  owner = ana }\n"
    "field salesforce.lead.score { type = currency  owner = ana  description = \"d\" }\n"
    "routing r {\n"
    "  owner = ana  object = salesforce.lead\n"
    "  rule a { when = score > 10 and contains(score, \"x\")  assign = ana }\n"
    "  fallback = ana\n"
    "}\n";

}  // namespace

TEST_CASE("without a vocabulary the compiler knows no field type and no condition function") {
  const Compilation bare = compiled(kWorkspace, CompileOptions{0, {}, nullptr});
  const auto ids = rules_reported(bare);
  CHECK(std::count(ids.begin(), ids.end(), "invalid-value") == 1);  // `currency`
  CHECK(std::count(ids.begin(), ids.end(), "type-mismatch") == 1);  // `contains(...)`
}

TEST_CASE("with the CRM vocabulary the same workspace reads as a currency field and a text test") {
  const Compilation crm = compiled(kWorkspace, rules::compile_options(0));
  const auto ids = rules_reported(crm);
  CHECK(std::count(ids.begin(), ids.end(), "invalid-value") == 0);
  // `contains` is a function of the vocabulary; on a currency field it is a type error.
  REQUIRE(std::count(ids.begin(), ids.end(), "type-mismatch") == 1);
  const auto mismatch = std::find_if(crm.diagnostics.items().begin(), crm.diagnostics.items().end(),
                                     [](const Diagnostic& d) { return d.rule == "type-mismatch"; });
  CHECK(mismatch->message == "`contains` tests text; `score` is a number field");
}

TEST_CASE("the stdlib's field type documentation names every field type of the vocabulary") {
  const Compilation stdlib = compiled("", rules::compile_options(0));
  const Schema& schema = stdlib.model.schema;
  const AttrSchema* type = schema.kind(schema.find_top_level("field")).find_attr("type");
  REQUIRE(type != nullptr);
  for (const FieldTypeWord& word : rules::crm_vocabulary().field_types) {
    INFO(word.name);
    CHECK(type->doc.find(word.name) != std::string::npos);
  }
}

TEST_CASE("each condition function's usage is written with its own name") {
  for (const ConditionFunction& f : rules::crm_vocabulary().condition_functions) {
    INFO(f.name);
    CHECK(f.usage.starts_with(fmt::format("`{}(", f.name)));
  }
}
