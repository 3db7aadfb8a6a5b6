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

namespace {

// A position's `line` or `character` (LSP's uinteger): anything else a client sends (a negative,
// fractional or huge number, a string) is read as 0 or clamped, never converted out of range.
std::uint32_t uinteger_at(const Json& position, const char* key) {
  const auto found = position.find(key);
  if (found == position.end() || !found->is_number()) return 0;
  if (found->is_number_unsigned()) {
    return static_cast<std::uint32_t>(
        std::min<std::uint64_t>(found->get<std::uint64_t>(), UINT32_MAX));
  }
  if (found->is_number_integer()) {
    const std::int64_t value = found->get<std::int64_t>();
    return static_cast<std::uint32_t>(std::clamp<std::int64_t>(value, 0, UINT32_MAX));
  }
  const double value = found->get<double>();
  if (!(value > 0)) return 0;  // negative or NaN
  return value >= static_cast<double>(UINT32_MAX) ? UINT32_MAX : static_cast<std::uint32_t>(value);
}

}  // namespace

std::uint32_t offset_of(const SourceFile& file, const Json& position) {
  if (!position.is_object()) return 0;
  return file.offset_of_utf16(uinteger_at(position, "line"), uinteger_at(position, "character"));
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
