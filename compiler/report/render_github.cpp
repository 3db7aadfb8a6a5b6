// GitHub Actions workflow commands: one `::error file=...::message` line per finding.
#include <fmt/format.h>

#include "compiler/report/render.hpp"

namespace gtm {

namespace {

// Workflow-command escaping: data escapes %, CR and LF; property values also `:` and `,`.
std::string escape(std::string_view text, bool property) {
  std::string out;
  for (char c : text) {
    if (c == '%')
      out += "%25";
    else if (c == '\r')
      out += "%0D";
    else if (c == '\n')
      out += "%0A";
    else if (property && c == ':')
      out += "%3A";
    else if (property && c == ',')
      out += "%2C";
    else
      out += c;
  }
  return out;
}

std::string_view command(Severity severity) {
  switch (severity) {
    case Severity::Error:
      return "error";
    case Severity::Warning:
      return "warning";
    case Severity::Info:
      return "notice";
  }
  return "error";
}

}  // namespace

std::string render_github(const SourceSet& sources, std::span<const Diagnostic> diagnostics,
                          const std::vector<std::string>& paths) {
  std::string out;
  for (const Diagnostic& d : diagnostics) {
    const SourceFile& file = sources.file(d.span.file);
    const LineColumn start = file.line_column(d.span.begin);
    const LineColumn end = file.line_column(d.span.end);
    std::string message = d.message;
    for (const Note& note : d.notes) {
      const SourceFile& note_file = sources.file(note.span.file);
      const LineColumn at = note_file.line_column(note.span.begin);
      message += fmt::format("\nnote: {}:{}:{}: {}", paths[note.span.file], at.line, at.column,
                             note.message);
    }
    if (!d.help.empty()) message += "\nhelp: " + d.help;
    out += fmt::format("::{} file={},line={},col={},endLine={},endColumn={},title={}::{}\n",
                       command(d.severity), escape(paths[d.span.file], true), start.line,
                       start.column, end.line, end.column,
                       escape(fmt::format("gtmlint {}", d.rule), true), escape(message, false));
  }
  return out;
}

}  // namespace gtm
