// libFuzzer target: any bytes parse to a tree and diagnostics, never a crash or a hang; every
// diagnostic lies inside the file.
#include <cstdlib>

#include "compiler/syntax/parse.hpp"
#include "tests/fuzz/fuzz_input.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const gtm::SourceFile source("fuzz.gtm", std::string(gtm::fuzz::as_text(data, size)));
  gtm::Diagnostics diagnostics;
  (void)gtm::parse_file(source, 0, diagnostics);
  for (const gtm::Diagnostic& d : diagnostics.items()) {
    if (d.span.begin > d.span.end || d.span.end > source.text().size()) std::abort();
  }
  return 0;
}
