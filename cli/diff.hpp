// Unified diffs of two texts, line by line (Myers' O(ND) algorithm), for `gtmlint fmt --diff`.
#pragma once

#include <string>
#include <string_view>

namespace gtm::cli {

/// `--- a/PATH`, `+++ b/PATH` and `@@` hunks with three lines of context; empty if equal.
std::string unified_diff(std::string_view before, std::string_view after, std::string_view path);

}  // namespace gtm::cli
