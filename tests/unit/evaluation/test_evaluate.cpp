// The expression evaluator policies run on: navigation through references, none, the
// functions, and three-valued logic over what cannot be known.
#include <catch2/catch.hpp>

#include "tests/compiled_workspace.hpp"

using namespace gtm;
using testing::Workspace;

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
