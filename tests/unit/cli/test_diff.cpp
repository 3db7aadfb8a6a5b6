// Line diffs: the unified diff of `fmt --diff` and the changed lines `check --against` reads.
#include <catch2/catch.hpp>
#include <string>

#include "cli/diff.hpp"

using gtm::cli::line_changes;
using gtm::cli::unified_diff;

TEST_CASE("line changes: added, rewritten and removed lines of the new text") {
  const auto same = line_changes("a\nb\nc\n", "a\nb\nc\n");
  CHECK(same.added == std::vector<bool>{false, false, false});
  CHECK(same.removed.empty());

  const auto rewritten = line_changes("a\nb\nc\n", "a\nB\nc\n");
  CHECK(rewritten.added == std::vector<bool>{false, true, false});
  REQUIRE(rewritten.removed.size() == 1);
  CHECK(rewritten.removed[0].before == 1);

  const auto removed = line_changes("a\nb\nc\nd\n", "a\nd\n");
  CHECK(removed.added == std::vector<bool>{false, false});
  REQUIRE(removed.removed.size() == 2);
  CHECK(removed.removed[0].before == 1);
  CHECK(removed.removed[0].after == 1);  // where `b` was: before `d`, line 1 of the new text
  CHECK(removed.removed[1].before == 2);

  const auto from_nothing = line_changes("", "x\ny\n");
  CHECK(from_nothing.added == std::vector<bool>{true, true});
}

TEST_CASE("line changes: two edits far apart leave the lines between them unchanged") {
  std::string before, after;
  for (int i = 0; i < 2000; ++i) {
    before += "line " + std::to_string(i) + "\n";
    after += (i == 10 || i == 1990 ? "changed " : "line ") + std::to_string(i) + "\n";
  }
  const auto changes = line_changes(before, after);
  CHECK(changes.added[10]);
  CHECK(changes.added[1990]);
  CHECK(std::count(changes.added.begin(), changes.added.end(), true) == 2);
}

TEST_CASE("unified diff: hunks with context, and none for equal texts") {
  CHECK(unified_diff("a\n", "a\n", "x.gtm").empty());
  CHECK(unified_diff("a\nb\nc\n", "a\nB\nc\n", "x.gtm") ==
        "--- a/x.gtm\n+++ b/x.gtm\n@@ -1,3 +1,3 @@\n a\n-b\n+B\n c\n");
  CHECK(unified_diff("a", "b", "x.gtm") ==
        "--- a/x.gtm\n+++ b/x.gtm\n@@ -1,1 +1,1 @@\n-a\n\\ No newline at end of file\n+b\n\\ No "
        "newline at end of file\n");
}
