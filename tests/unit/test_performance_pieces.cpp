// The pieces the performance work added: the sharded name table, duplicates found whichever
// thread declares, suggestions independent of map order, leaves without children, and a heap
// reserved up front that still serves every allocation.
#include <catch2/catch.hpp>

#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <atomic>
#include <chrono>
#include <numeric>
#include <stdexcept>
#include <string>
#include <thread>
#include <vector>

#include "cli/cli.hpp"
#include "cli/heap_reserve.hpp"
#include "compiler/base/parallel.hpp"
#include "compiler/compilation.hpp"
#include "compiler/evaluation/evaluate.hpp"
#include "compiler/evaluation/value.hpp"
#include "compiler/semantics/name_table.hpp"
#include "compiler/semantics/resolve.hpp"
#include "compiler/semantics/suggest.hpp"
#include "compiler/syntax/parse.hpp"
#include "rules/registry.hpp"

using namespace gtm;

TEST_CASE("a name table finds what was declared in either shard and keeps the first") {
  std::vector<std::string> names;
  for (int i = 0; i < 200; ++i) names.push_back("name" + std::to_string(i));
  NameTable table;
  table.reserve(names.size());
  std::array<int, NameTable::kShards> per_shard{};
  for (std::size_t i = 0; i < names.size(); ++i) {
    ++per_shard[NameTable::shard_of(hash_name(names[i]))];
    CHECK(table.insert(HashedName(names[i]), static_cast<EntityId>(i)).second);
  }
  CHECK(std::all_of(per_shard.begin(), per_shard.end(), [](int n) { return n > 50; }));
  for (std::size_t i = 0; i < names.size(); ++i) CHECK(table.find(names[i]) == i);
  CHECK(table.find("nobody") == kNoEntity);
  const auto [first, inserted] = table.insert(HashedName("name7"), 999);
  CHECK_FALSE(inserted);
  CHECK(first == 7);
  std::size_t visited = 0;
  table.for_each([&](std::string_view name, EntityId id) {
    CHECK(name == names[id]);
    ++visited;
  });
  CHECK(visited == names.size());
}

TEST_CASE("duplicate names are reported against the first declaration, in declaration order") {
  // Enough names for both threads to declare (small workspaces use one).
  std::string text;
  for (int i = 0; i < 5000; ++i) text += "person p" + std::to_string(i) + " { name = \"P\" }\n";
  text += "person p4321 { name = \"Again\" }\nperson p12 { name = \"Again\" }\n";
  Compilation compilation;
  add_source(compilation, "people.gtm", text);
  analyse(compilation, rules::compile_options(0));
  std::vector<std::uint32_t> lines;
  for (const Diagnostic& d : compilation.diagnostics.items()) {
    if (d.rule != "duplicate-name") continue;
    lines.push_back(compilation.sources.file(d.span.file).line_column(d.span.begin).line);
    REQUIRE(d.notes.size() == 1);
  }
  CHECK(lines == std::vector<std::uint32_t>{5001, 5002});
  CHECK(compilation.model.find("entities", "p4321") != kNoEntity);
}

TEST_CASE("equally close suggestions are chosen by their text, not by their order") {
  CHECK(closest("ana", {"anb", "anc"}) == "anb");
  CHECK(closest("ana", {"anc", "anb"}) == "anb");
}

TEST_CASE("a field path belongs to an object when the object is its prefix up to a dot") {
  CHECK(is_field_of("crm.lead.status", "crm.lead"));
  CHECK_FALSE(is_field_of("crm.leads.status", "crm.lead"));
  CHECK_FALSE(is_field_of("crm.lead", "crm.lead"));
}

TEST_CASE("leaves have no children, whatever their payload") {
  Diagnostics diagnostics;
  SourceSet sources;
  const FileId id = sources.add("x.gtm", "x { n = 12345678  d = 2026-01-01  c = f(a, b) }");
  const File file = parse_file(sources.file(id), id, diagnostics);
  REQUIRE(diagnostics.items().empty());
  std::size_t calls = 0;
  for (const Expr& e : file.exprs) {
    if (e.kind == ExprKind::Number || e.kind == ExprKind::Date) CHECK(file.children(e).empty());
    if (e.kind == ExprKind::Call) CHECK(file.children(e).size() == 2);
    calls += e.kind == ExprKind::Call;
  }
  CHECK(calls == 1);
}

TEST_CASE("a reserved heap serves allocations, large and small, as before") {
  cli::keep_freed_heap();                     // as the language server does
  cli::reserve_heap(cli::kStartupHeapBytes);  // twice: the second takes the first's free heap
  cli::reserve_heap(16 << 20);
  cli::reserve_heap(1);
  for (int round = 0; round < 2; ++round) {  // the second round reuses what the first freed
    std::vector<std::uint32_t> large(3'000'000);
    std::iota(large.begin(), large.end(), 0u);
    std::vector<std::string> small(10'000, std::string(40, 'x'));
    CHECK(large.back() == 2'999'999u);
    CHECK(small.back().size() == 40);
  }
}

TEST_CASE("the heap is reserved for one-shot commands, not for the server or the help") {
  CHECK(cli::runs_once({}));
  CHECK(cli::runs_once({"check", "--format", "json"}));
  CHECK(cli::runs_once({"examples/acme"}));  // `check` is the default command
  CHECK(cli::runs_once({"fmt", "--check"}));
  CHECK_FALSE(cli::runs_once({"lsp"}));
  CHECK_FALSE(cli::runs_once({"--version"}));
  CHECK_FALSE(cli::runs_once({"help", "check"}));
}

TEST_CASE("an expression reads its subject through attributes and the name, not the kind") {
  Compilation compilation;
  add_source(compilation, "probe.gtm",
             "probe {\n a = setting(\"naming\", kind) != none\n b = owner != none\n"
             " c = settings.limits.max_sla\n d = name\n e = count(admins) > 0\n f = today()\n"
             " g = kind == \"field\" or deprecated != true\n}\n");
  analyse(compilation, rules::compile_options(0));
  const File& file = compilation.files.back();
  Evaluator evaluator(compilation.model, 0);
  const std::vector<bool> expected = {false, true, false, true, true, false, true};
  REQUIRE(file.attributes.size() == expected.size());
  for (std::size_t i = 0; i < expected.size(); ++i) {
    CHECK(evaluator.reads_subject(file, file.attributes[i].value) == expected[i]);
  }
}

TEST_CASE("a suggestion asks whether a candidate is eligible only when it would be the best") {
  ClosestName chooser("dana");
  int asked = 0;
  const auto eligible_unless = [&](std::string_view excluded, std::string_view candidate) {
    return [&asked, excluded, candidate] {
      ++asked;
      return candidate != excluded;
    };
  };
  for (std::string_view candidate : {"zzzzzz", "dnaa", "dina", "dann", "ben", "dana"}) {
    chooser.offer(candidate, eligible_unless("dnaa", candidate));
  }
  // `zzzzzz`, `ben` and `dana` itself are never asked about; `dnaa` is asked and refused;
  // `dina` and then `dann` (as close, and first by text) would each be the best.
  CHECK(asked == 3);
  CHECK(chooser.best() == "dann");
  CHECK(edit_distance(std::string(100, 'a'), std::string(99, 'a') + "b", 3) == 1);  // long names
}

TEST_CASE("an evaluator's planned roots read the same values as planning each time") {
  // Many references and two kinds: references share the plan cache's slots and replace each
  // other's plans, and `name` is an attribute of a person but the label of a team.
  Compilation compilation;
  add_source(compilation, "w.gtm",
             "person dana { name = \"Dana Ruiz\"  email = \"dana@acme.test\"  left = 2026-10-01 }\n"
             "team sales { lead = dana }\n");
  std::string probe = "probe {\n";
  const std::vector<std::string> roots = {"name", "kind",       "email",     "left",   "lead",
                                          "role", "lead.email", "lead.left", "nothing"};
  for (std::size_t i = 0; i < 200; ++i) {
    probe += fmt::format(" v{} = {}\n", i, roots[i % roots.size()]);
  }
  add_source(compilation, "probe.gtm", probe + "}\n");
  analyse(compilation, rules::compile_options(0));
  const Model& model = compilation.model;
  const File& file = compilation.files.back();
  const std::array<EntityId, 2> subjects = {model.find("entities", "dana"),
                                            model.find("entities", "sales")};
  Evaluator reused(model, 0);
  for (int round = 0; round < 3; ++round) {
    for (const Attribute& attribute : file.attributes) {
      for (EntityId subject : subjects) {
        Evaluator fresh(model, 0);
        CHECK(format_value(model, reused.eval(file, attribute.value, subject)) ==
              format_value(model, fresh.eval(file, attribute.value, subject)));
      }
    }
  }
}

TEST_CASE("field duplicates are found among many fields as among few") {
  // Thousands of fields take the bucketed sort; the planted look-alikes must all be found, each
  // against the field declared first.
  std::string text = "person dana { name = \"Dana\" }\nsystem crm { owner = dana }\n";
  for (int i = 0; i < 12000; ++i) {
    text += fmt::format("field crm.obj{}.field_{} {{ type = text  owner = dana }}\n", i % 40, i);
  }
  const std::vector<std::pair<std::string, std::string>> planted = {
      {"crm.obj3.Field_3", "crm.obj3.field_3"},
      {"crm.obj17.FIELD-57", "crm.obj17.field_57"},
      {"crm.obj0.field_11960__c", "crm.obj0.field_11960"},
  };
  for (const auto& [later, first] : planted) {
    text += fmt::format("field {} {{ type = text  owner = dana }}\n", later);
  }
  Compilation compilation;
  add_source(compilation, "w.gtm", text);
  analyse(compilation, rules::compile_options(0));
  std::vector<std::string> found;
  for (const Diagnostic& d : compilation.diagnostics.items()) {
    if (d.rule == "field-duplicate") found.push_back(d.message);
  }
  REQUIRE(found.size() == planted.size());
  for (std::size_t i = 0; i < planted.size(); ++i) {
    CHECK(found[i].find(fmt::format("`{}` looks like a duplicate of `{}`", planted[i].first,
                                    planted[i].second)) != std::string::npos);
  }
}

TEST_CASE("a task that throws on any thread reaches parallel_for's caller") {
  for (std::size_t failing : {std::size_t{0}, std::size_t{1}}) {
    std::atomic<std::size_t> ran{0};
    std::array<std::atomic<bool>, 2> started{};
    const auto run = [&] {
      parallel_for(10000, 2, [&](std::size_t i, std::size_t worker) {
        ++ran;
        // Both threads hold a task before either goes on, so the throw is on the thread meant.
        started[worker] = true;
        while (!started[0] || !started[1]) std::this_thread::yield();
        if (worker == failing) throw std::runtime_error(fmt::format("task {}", i));
        // Slow enough that the throw is recorded long before the other thread could finish.
        std::this_thread::sleep_for(std::chrono::microseconds(20));
      });
    };
    REQUIRE_THROWS_WITH(run(), Catch::Matchers::StartsWith("task "));
    CHECK(ran < 10000);  // no further tasks were handed out after the throw
  }
  std::size_t sum = 0;
  parallel_for(100, 1, [&](std::size_t i, std::size_t) { sum += i; });
  CHECK(sum == 4950);
}
