// LSP JSON for compiler values.
#include "cli/lsp/protocol.hpp"

#include <algorithm>
#include <cstdint>

#include "cli/lsp/uri.hpp"

namespace gtm::lsp {

Json position_json(const SourceFile& file, std::uint32_t offset) {
  return Json{{"line", file.line_column(offset).line - 1},
              {"character", file.utf16_column(offset)}};
}

Json range_json(const SourceFile& file, std::uint32_t begin, std::uint32_t end) {
  return Json{{"start", position_json(file, begin)}, {"end", position_json(file, end)}};
}

std::string uri_of(const Compilation& compilation, FileId file) {
  return uri_from_path(compilation.sources.file(file).path());
}

Json location_json(const Compilation& compilation, Span span) {
  return Json{{"uri", uri_of(compilation, span.file)},
              {"range", range_json(compilation.sources.file(span.file), span.begin, span.end)}};
}

Json diagnostic_json(const Compilation& compilation, const Diagnostic& d) {
  const SourceFile& file = compilation.sources.file(d.span.file);
  const int severity = d.severity == Severity::Error ? 1 : d.severity == Severity::Warning ? 2 : 3;
  std::string message = d.message;
  if (!d.help.empty()) message += "\nhelp: " + d.help;
  Json out{{"range", range_json(file, d.span.begin, d.span.end)},
           {"severity", severity},
           {"code", d.rule},
           {"source", "gtmlint"},
           {"message", message}};
  if (!d.notes.empty()) {
    Json related = Json::array();
    for (const Note& note : d.notes) {
      related.push_back(
          {{"location", location_json(compilation, note.span)}, {"message", note.message}});
    }
    out["relatedInformation"] = std::move(related);
  }
  return out;
}

}  // namespace gtm::lsp
