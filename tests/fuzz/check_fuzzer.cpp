// libFuzzer target: the whole check — parse, bind, resolve, type-check, policies and every
// analysis — on a multi-file workspace cut from the input, then every renderer.
#include "compiler/report/render.hpp"
#include "rules/registry.hpp"
#include "tests/fuzz/fuzz_input.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  gtm::Compilation compilation;
  gtm::add_sources(compilation, gtm::fuzz::split_workspace(gtm::fuzz::as_text(data, size)));
  gtm::analyse(compilation, gtm::rules::compile_options(20000));
  const auto& items = compilation.diagnostics.items();
  (void)gtm::render_human(compilation.sources, items, gtm::summarise(items, 1, 1), false);
  return 0;
}
