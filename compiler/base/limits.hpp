// Every resource limit of gtmlint in one place, so that no input — a fork's pull request, a
// half-typed buffer, a binary file named .gtm — can crash it, hang it or exhaust memory. Past a
// limit the input gets a diagnostic (rule `limit`, or `analysis-budget`) instead. Documented in
// docs/limits.md; each limit has a test at and beyond it.
#pragma once

#include <cstddef>

namespace gtm::limits {

/// Bytes in one file (byte offsets are 32-bit; a real workspace file is a few hundred KB).
constexpr std::size_t kMaxFileBytes = 16 * 1024 * 1024;
/// Bytes in all files of a workspace together.
constexpr std::size_t kMaxWorkspaceBytes = 256 * 1024 * 1024;
/// .gtm files in one workspace.
constexpr std::size_t kMaxFiles = 20000;
/// Nesting of blocks and expressions together (parentheses, lists, calls, `not`).
constexpr int kMaxNesting = 64;
/// Bytes in one string literal.
constexpr std::size_t kMaxStringBytes = 64 * 1024;
/// Items in one list.
constexpr std::size_t kMaxListItems = 10000;
/// Syntax errors reported per file before the rest of the file is skipped.
constexpr std::size_t kMaxSyntaxErrors = 100;
/// Bytes in one user-written regular expression, and the memory RE2 may use to compile it.
/// RE2 matches in time linear in the text (no backtracking), and texts are bounded by
/// kMaxStringBytes, so a match is bounded too.
constexpr std::size_t kMaxRegexBytes = 1000;
constexpr long kMaxRegexMemory = 1 << 20;
/// Bytes in one language-server message.
constexpr std::size_t kMaxLspMessageBytes = 64 * 1024 * 1024;

}  // namespace gtm::limits
