// The human format: a location line, the source line, a caret underline, notes, help.
#include <fmt/format.h>

#include "compiler/report/render.hpp"

namespace gtm {

Summary summarise(std::span<const Diagnostic> diagnostics, std::size_t files,
                  std::size_t entities) {
  Summary summary;
  summary.files = files;
  summary.entities = entities;
  for (const Diagnostic& d : diagnostics) {
    if (d.severity == Severity::Error) ++summary.errors;
    if (d.severity == Severity::Warning) ++summary.warnings;
    if (d.severity == Severity::Info) ++summary.infos;
  }
  return summary;
}

namespace {

struct Style {
  bool colour;
  std::string paint(std::string_view code, std::string_view text) const {
    return colour ? fmt::format("\x1b[{}m{}\x1b[0m", code, text) : std::string(text);
  }
};

std::string_view severity_colour(Severity severity) {
  switch (severity) {
    case Severity::Error:
      return "1;31";
    case Severity::Warning:
      return "1;33";
    case Severity::Info:
      return "1;36";
  }
  return "1";
}

// Long lines are cut around the span (as ninja does) so that the caret stays on screen.
constexpr std::uint32_t kMaxShown = 110;
constexpr std::uint32_t kContextBefore = 40;

bool is_continuation(char c) {
  return (static_cast<unsigned char>(c) & 0xC0) == 0x80;
}

// The source line of `span` and a `^^^` line under its first line.
void append_snippet(std::string& out, const SourceFile& file, Span span, const Style& style,
                    std::string_view caret_colour) {
  const LineColumn start = file.line_column(span.begin);
  std::string_view line = file.line_text(start.line);
  const std::uint32_t line_begin = file.line_start(start.line);
  std::uint32_t first = span.begin - line_begin;
  std::uint32_t last =
      std::min<std::uint32_t>(span.end, line_begin + static_cast<std::uint32_t>(line.size())) -
      line_begin;
  std::string prefix, suffix;
  if (line.size() > kMaxShown) {
    std::uint32_t cut = first > kContextBefore ? first - kContextBefore : 0;
    while (cut > 0 && is_continuation(line[cut])) --cut;
    std::uint32_t end = std::min<std::uint32_t>(static_cast<std::uint32_t>(line.size()),
                                                std::max(last, cut + kMaxShown));
    while (end < line.size() && is_continuation(line[end])) ++end;
    if (cut > 0) prefix = "...";
    if (end < line.size()) suffix = "...";
    line = line.substr(cut, end - cut);
    first -= cut;
    last = std::min<std::uint32_t>(last - cut, static_cast<std::uint32_t>(line.size()));
  }
  std::string padding(prefix.size(), ' ');
  for (char c : line.substr(0, first)) {
    if (!is_continuation(c)) padding += c == '\t' ? '\t' : ' ';
  }
  const std::uint32_t width = last > first ? count_characters(line.substr(first, last - first)) : 1;
  const std::string gutter = style.paint("1;34", fmt::format("{:>5} |", start.line));
  const std::string blank = style.paint("1;34", "      |");
  out += fmt::format("{} {}{}{}\n", gutter, prefix, line, suffix);
  out +=
      fmt::format("{} {}{}\n", blank, padding, style.paint(caret_colour, std::string(width, '^')));
}

std::string count_of(std::size_t n, std::string_view one, std::string_view many) {
  return fmt::format("{} {}", n, n == 1 ? one : many);
}

std::string location(const SourceFile& file, Span span) {
  const LineColumn at = file.line_column(span.begin);
  return fmt::format("{}:{}:{}", file.path(), at.line, at.column);
}

}  // namespace

std::string render_human(const SourceSet& sources, std::span<const Diagnostic> diagnostics,
                         const Summary& summary, bool colour, bool with_summary) {
  const Style style{colour};
  std::string out;
  for (const Diagnostic& d : diagnostics) {
    const SourceFile& file = sources.file(d.span.file);
    const std::string_view paint = severity_colour(d.severity);
    out += fmt::format("{}: {}: {}\n", style.paint("1", location(file, d.span)),
                       style.paint(paint, fmt::format("{}[{}]", severity_name(d.severity), d.rule)),
                       d.message);
    append_snippet(out, file, d.span, style, paint);
    for (const Note& note : d.notes) {
      const SourceFile& note_file = sources.file(note.span.file);
      out += fmt::format("{}: {}: {}\n", style.paint("1", location(note_file, note.span)),
                         style.paint("1;36", "note"), note.message);
      append_snippet(out, note_file, note.span, style, "1;36");
    }
    if (d.fix) {
      out += fmt::format("  {}: {}\n", style.paint("1;32", "fix"), d.fix->title);
    }
    if (!d.help.empty()) out += fmt::format("  {}: {}\n", style.paint("1;32", "help"), d.help);
  }
  if (!with_summary) return out;
  if (diagnostics.size() > kCountsAfterFindings)
    out += '\n', out += render_rule_counts(diagnostics);
  const std::string since =
      summary.change
          ? fmt::format(" introduced since `{}` ({} fixed, {} already there)",
                        summary.change->against, summary.change->fixed, summary.change->unchanged)
          : "";
  out += fmt::format("{}: {}, {}, {}{} in {} ({})\n", style.paint("1", "gtmlint"),
                     count_of(summary.errors, "error", "errors"),
                     count_of(summary.warnings, "warning", "warnings"),
                     count_of(summary.infos, "info", "infos"), since,
                     count_of(summary.files, "file", "files"),
                     count_of(summary.entities, "entity", "entities"));
  return out;
}

}  // namespace gtm
