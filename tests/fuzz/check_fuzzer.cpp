// libFuzzer target: any bytes as a workspace file go through every pass without crashing.
// Build with -DGTM_FUZZ=ON and clang (see tests/CMakeLists.txt); seed with tests/golden.
#include <cstddef>
#include <cstdint>
#include <string>

#include "compiler/compilation.hpp"
#include "compiler/render.hpp"
#include "rules/registry.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  gtm::Compilation compilation;
  gtm::add_source(compilation, "fuzz.gtm", std::string(reinterpret_cast<const char*>(data), size));
  gtm::analyse(compilation, gtm::CompileOptions{20000, gtm::rules::all_analyses()});
  const auto& items = compilation.diagnostics.items();
  (void)gtm::render_human(compilation.sources, items, gtm::summarise(items, 1, 1), false);
  return 0;
}
