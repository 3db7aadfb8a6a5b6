// The test-case format shared by the project's golden tests and `gtmlint test`: a `.gtm` file whose
// expected findings are written in its comments.
//   # ARGS: check --today 2026-11-01      the command line (default `check`)
//   # --- people.gtm                      starts another file of a multi-file workspace
//   # --- link.gtm -> TARGET              a symbolic link to TARGET instead of a file
//   #        ^^^^ error[rule]: message     a finding under the line above, at the caret columns
//   #        ^^^^ note[rule]: message      a note of a finding of that rule
//   #        ^^^^ fix: title               the fix of the finding reported at that span
//   # expect@3:1-3:9: error[rule]: msg    a finding anywhere (line:col-line:col in this file)
//   # expect@3:1-3:9: fix: title          a fix anywhere
//   # EXIT: 2                             the exit status (default 1 with an error, else 0)
// Every reported finding, note and fix must be listed, and nothing else.
#pragma once

#include <filesystem>
#include <optional>
#include <set>
#include <string>
#include <utility>
#include <vector>

namespace gtm::cli {

struct TestCase {
  std::vector<std::string> args{"check"};
  bool args_given = false;                                 ///< the case has an `# ARGS:` line
  std::vector<std::pair<std::string, std::string>> files;  ///< name (or `name -> target`), text
  std::multiset<std::string> expected;
  std::optional<int> exit_code;
};

/// Reads a case; files without `# ---` lines are one file named `default_name`.
TestCase read_test_case(const std::string& text, const std::string& default_name);

/// Writes the case's files (and links) into `dir`.
void write_test_case(const TestCase& c, const std::filesystem::path& dir);

/// Runs a `check` case in `dir` (its files written there) and says what differs, one line each
/// ("missing: ...", "unexpected: ...", "exit status ..."); empty when the case passes.
std::vector<std::string> run_check_case(const TestCase& c, const std::filesystem::path& dir);

/// Runs `args` in `dir` through the CLI; returns the exit status.
int run_in(const std::filesystem::path& dir, const std::vector<std::string>& args, std::string& out,
           std::string& err);

}  // namespace gtm::cli
