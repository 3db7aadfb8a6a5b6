// The JSON contract of `gtmlint check --format json` (docs/json-format.md).
#include "compiler/report/json_writer.hpp"
#include "compiler/report/render.hpp"

namespace gtm {

namespace {

// `"file", "line", "column", "end_line", "end_column"` of a span, inside an open object.
void write_location(JsonWriter& out, const SourceSet& sources, Span span) {
  const SourceFile& file = sources.file(span.file);
  const LineColumn begin = file.line_column(span.begin);
  const LineColumn end = file.line_column(span.end);
  out.key("file");
  out.value(file.path());
  out.key("line");
  out.value(begin.line);
  out.key("column");
  out.value(begin.column);
  out.key("end_line");
  out.value(end.line);
  out.key("end_column");
  out.value(end.column);
}

void write_member(JsonWriter& out, std::string_view key, std::string_view text) {
  out.key(key);
  out.value(text);
}

void write_diagnostic(JsonWriter& out, const SourceSet& sources, const Diagnostic& d) {
  out.begin_object();
  write_location(out, sources, d.span);
  write_member(out, "severity", severity_name(d.severity));
  write_member(out, "rule", d.rule);
  write_member(out, "message", d.message);
  out.key("notes");
  out.begin_array();
  for (const Note& note : d.notes) {
    out.begin_object();
    write_location(out, sources, note.span);
    write_member(out, "message", note.message);
    out.end_object();
  }
  out.end_array();
  write_member(out, "help", d.help);
  if (d.fix) {
    out.key("fix");
    out.begin_object();
    write_location(out, sources, d.fix->span);
    write_member(out, "replacement", d.fix->replacement);
    write_member(out, "title", d.fix->title);
    out.end_object();
  }
  out.end_object();
}

}  // namespace

// Written directly rather than built as a document (a large check reports thousands of
// findings); tests/unit/report/test_render.cpp holds it to nlohmann's layout.
std::string render_json(const SourceSet& sources, std::span<const Diagnostic> diagnostics,
                        const Summary& summary, std::string_view version) {
  JsonWriter out;
  out.begin_object();
  write_member(out, "tool", "gtmlint");
  write_member(out, "version", version);
  out.key("diagnostics");
  out.begin_array();
  for (const Diagnostic& d : diagnostics) write_diagnostic(out, sources, d);
  out.end_array();
  out.key("summary");
  out.begin_object();
  const std::pair<std::string_view, std::size_t> counts[] = {{"files", summary.files},
                                                             {"entities", summary.entities},
                                                             {"errors", summary.errors},
                                                             {"warnings", summary.warnings},
                                                             {"infos", summary.infos}};
  for (const auto& [name, count] : counts) {
    out.key(name);
    out.value(count);
  }
  if (summary.change) {
    out.key("change");
    out.begin_object();
    write_member(out, "against", summary.change->against);
    out.key("fixed");
    out.value(summary.change->fixed);
    out.key("unchanged");
    out.value(summary.change->unchanged);
    out.end_object();
  }
  out.end_object();
  out.end_object();
  return out.take();
}

}  // namespace gtm
