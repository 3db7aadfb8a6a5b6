// The pass pipeline: parse each file, then the workspace-wide passes.
#include "compiler/compilation.hpp"

#include "compiler/parse.hpp"

namespace gtm {

void add_source(Compilation& compilation, std::string path, std::string text) {
  const FileId id = compilation.sources.add(std::move(path), std::move(text));
  compilation.files.push_back(
      parse_file(compilation.sources.file(id), id, compilation.diagnostics));
}

void analyse(Compilation& compilation, const CompileOptions& /*options*/) {
  compilation.entity_count = 0;
  for (const File& file : compilation.files) compilation.entity_count += file.top_level.size();
  compilation.diagnostics.sort();
}

}  // namespace gtm
