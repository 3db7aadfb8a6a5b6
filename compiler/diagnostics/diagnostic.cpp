// Severity names and the diagnostic list.
#include "compiler/diagnostics/diagnostic.hpp"

#include <algorithm>
#include <tuple>

namespace gtm {

std::string_view severity_name(Severity severity) {
  switch (severity) {
    case Severity::Error:
      return "error";
    case Severity::Warning:
      return "warning";
    case Severity::Info:
      return "info";
  }
  return "error";
}

std::optional<Severity> parse_severity(std::string_view name) {
  if (name == "error") return Severity::Error;
  if (name == "warning") return Severity::Warning;
  if (name == "info") return Severity::Info;
  return std::nullopt;
}

Diagnostic& Diagnostics::report_policy(Severity severity, std::string rule, Span span,
                                       std::string message) {
  Diagnostic& diagnostic = items_.emplace_back();
  diagnostic.severity = severity;
  diagnostic.rule = std::move(rule);
  diagnostic.span = span;
  diagnostic.message = std::move(message);
  return diagnostic;
}

void Diagnostics::sort() {
  std::stable_sort(items_.begin(), items_.end(), [](const Diagnostic& a, const Diagnostic& b) {
    return std::tie(a.span.file, a.span.begin, a.span.end, a.rule) <
           std::tie(b.span.file, b.span.begin, b.span.end, b.rule);
  });
}

}  // namespace gtm
