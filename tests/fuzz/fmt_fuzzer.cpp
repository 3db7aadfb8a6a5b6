// libFuzzer target for the formatter, with its contract as the oracle: a file that parses
// without errors formats to text that parses without errors, means the same (same tree, same
// comments in the same order), and formats to itself.
#include <cstdio>
#include <cstdlib>

#include "compiler/format/formatter.hpp"
#include "tests/fuzz/fuzz_input.hpp"
#include "tests/parsed.hpp"

namespace {

[[noreturn]] void fail(const char* what, const std::string& text) {
  std::fprintf(stderr, "fmt_fuzzer: %s\n--- formatted ---\n%s\n", what, text.c_str());
  std::abort();
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const gtm::testing::Parsed before{std::string(gtm::fuzz::as_text(data, size))};
  if (!before.diagnostics.items().empty()) return 0;
  const std::string formatted = gtm::format_file(before.file);
  const gtm::testing::Parsed after{formatted};
  if (!after.diagnostics.items().empty()) fail("the formatted text has syntax errors", formatted);
  if (!gtm::same_meaning(before.file, after.file)) fail("the meaning changed", formatted);
  if (gtm::format_file(after.file) != formatted) fail("formatting is not idempotent", formatted);
  return 0;
}
