// Line diffs of two texts (Myers' O(ND) algorithm): unified diffs for `gtmlint fmt --diff`, and
// the lines a change touched for `check --against`.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace gtm::cli {

/// `--- a/PATH`, `+++ b/PATH` and `@@` hunks with three lines of context; empty if equal.
/// A line taken out by a change: its 0-based line in `before`, and the 0-based line of `after`
/// that follows where it was.
struct RemovedLine {
  std::uint32_t before = 0, after = 0;
};

/// Which lines of `after` a change from `before` added or rewrote, and which it took out.
struct LineChanges {
  std::vector<bool> added;  ///< per 0-based line of `after`
  std::vector<RemovedLine> removed;
};
LineChanges line_changes(std::string_view before, std::string_view after);

std::string unified_diff(std::string_view before, std::string_view after, std::string_view path);

}  // namespace gtm::cli
