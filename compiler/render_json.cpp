// The JSON contract of `gtmlint check --format json` (DESIGN section 5; docs/json-format.md).
#include <nlohmann/json.hpp>

#include "compiler/json_text.hpp"
#include "compiler/render.hpp"

namespace gtm {

namespace {

using Json = nlohmann::ordered_json;

Json located(const SourceSet& sources, Span span) {
  const SourceFile& file = sources.file(span.file);
  const LineColumn at = file.line_column(span.begin);
  return Json{{"file", file.path()}, {"line", at.line}, {"column", at.column}};
}

Json diagnostic_json(const SourceSet& sources, const Diagnostic& d) {
  const SourceFile& file = sources.file(d.span.file);
  const LineColumn end = file.line_column(d.span.end);
  Json out = located(sources, d.span);
  out["end_line"] = end.line;
  out["end_column"] = end.column;
  out["severity"] = severity_name(d.severity);
  out["rule"] = d.rule;
  out["message"] = d.message;
  Json notes = Json::array();
  for (const Note& note : d.notes) {
    Json item = located(sources, note.span);
    const LineColumn note_end = sources.file(note.span.file).line_column(note.span.end);
    item["end_line"] = note_end.line;
    item["end_column"] = note_end.column;
    item["message"] = note.message;
    notes.push_back(std::move(item));
  }
  out["notes"] = std::move(notes);
  out["help"] = d.help;
  if (d.fix) {
    Json fix = located(sources, d.fix->span);
    const LineColumn fix_end = sources.file(d.fix->span.file).line_column(d.fix->span.end);
    fix["end_line"] = fix_end.line;
    fix["end_column"] = fix_end.column;
    fix["replacement"] = d.fix->replacement;
    fix["title"] = d.fix->title;
    out["fix"] = std::move(fix);
  }
  return out;
}

}  // namespace

std::string render_json(const SourceSet& sources, std::span<const Diagnostic> diagnostics,
                        const Summary& summary, std::string_view version) {
  Json list = Json::array();
  for (const Diagnostic& d : diagnostics) list.push_back(diagnostic_json(sources, d));
  const Json out{{"tool", "gtmlint"},
                 {"version", version},
                 {"diagnostics", std::move(list)},
                 {"summary",
                  {{"files", summary.files},
                   {"entities", summary.entities},
                   {"errors", summary.errors},
                   {"warnings", summary.warnings},
                   {"infos", summary.infos}}}};
  return json_text(out, 2) + "\n";
}

}  // namespace gtm
