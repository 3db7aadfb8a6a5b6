// Formatter golden test: `fmt_runner X.gtm [--update]` formats X.gtm and compares the result
// with X.fmt.gtm, then checks that formatting X.fmt.gtm changes nothing (idempotence) and that
// both parse to the same tree with the same comments.
#include <filesystem>
#include <fstream>
#include <iostream>

#include "compiler/format/formatter.hpp"
#include "compiler/syntax/parse.hpp"
#include "compiler/syntax/workspace.hpp"
#include "tests/parsed.hpp"

namespace fs = std::filesystem;

namespace {

using gtm::testing::Parsed;

}  // namespace

int main(int argc, char** argv) {
  if (argc < 2) return 2;
  const fs::path input = argv[1];
  fs::path expected_path = input;
  expected_path.replace_extension(".fmt.gtm");
  std::string error;
  const auto text = gtm::read_file(input, &error);
  if (!text) return 2;
  const Parsed before(*text, input.string());
  if (!before.diagnostics.items().empty()) {
    std::cout << "the input has syntax errors\n";
    return 1;
  }
  const std::string formatted = gtm::format_file(before.file);
  if (argc > 2 && std::string(argv[2]) == "--update") {
    std::ofstream(expected_path, std::ios::binary) << formatted;
    return 0;
  }
  const auto expected = gtm::read_file(expected_path, &error);
  bool ok = true;
  if (!expected || *expected != formatted) {
    std::cout << "formatted output differs from " << expected_path << ":\n" << formatted;
    ok = false;
  }
  const Parsed after(formatted, expected_path.string());
  if (!after.diagnostics.items().empty() || !gtm::same_meaning(before.file, after.file)) {
    std::cout << "the formatted text does not mean the same\n";
    ok = false;
  }
  if (gtm::format_file(after.file) != formatted) {
    std::cout << "formatting is not idempotent\n";
    ok = false;
  }
  return ok ? 0 : 1;
}
