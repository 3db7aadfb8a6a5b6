// SARIF 2.1.0 as GitHub code scanning accepts it: every rule in tool.driver, results with
// regions in character columns, notes as relatedLocations, stable partialFingerprints.
#include <nlohmann/json.hpp>

#include "compiler/base/json_text.hpp"
#include "compiler/report/render.hpp"

namespace gtm {

namespace {

using Json = nlohmann::ordered_json;

std::string_view sarif_level(Severity severity) {
  switch (severity) {
    case Severity::Error:
      return "error";
    case Severity::Warning:
      return "warning";
    case Severity::Info:
      return "note";
  }
  return "error";
}

// `owner-departed` -> `OwnerDeparted`, SARIF's human-readable rule name.
std::string rule_name(std::string_view id) {
  std::string name;
  bool upper = true;
  for (char c : id) {
    if (c == '-' || c == '_') {
      upper = true;
    } else {
      name += upper ? static_cast<char>(std::toupper(static_cast<unsigned char>(c))) : c;
      upper = false;
    }
  }
  return name;
}

std::string first_paragraph(const std::string& text) {
  const std::size_t end = text.find("\n\n");
  std::string paragraph = text.substr(0, end);
  for (char& c : paragraph) {
    if (c == '\n') c = ' ';
  }
  return paragraph;
}

Json rule_json(const RuleInfo& rule) {
  const std::string full = rule.explain.empty() ? rule.summary : first_paragraph(rule.explain);
  const std::string help = rule.explain.empty() ? rule.summary : rule.explain;
  return Json{{"id", rule.id},
              {"name", rule_name(rule.id)},
              {"shortDescription", {{"text", rule.summary}}},
              {"fullDescription", {{"text", full}}},
              {"help", {{"text", help}, {"markdown", help}}},
              {"defaultConfiguration", {{"level", sarif_level(rule.severity)}}},
              {"properties", {{"tags", Json::array({rule.category})}}}};
}

Json physical_location(const SarifInput& in, Span span) {
  const SourceFile& file = in.sources.file(span.file);
  const LineColumn start = file.line_column(span.begin);
  LineColumn end = file.line_column(span.end);
  if (span.end == span.begin) end.column = start.column + 1;  // SARIF regions are never empty
  return Json{{"artifactLocation", {{"uri", in.uris[span.file]}}},
              {"region",
               {{"startLine", start.line},
                {"startColumn", start.column},
                {"endLine", end.line},
                {"endColumn", end.column}}}};
}

Json result_json(const SarifInput& in, const Diagnostic& d, std::size_t index,
                 const std::vector<std::string>& rule_ids) {
  const auto rule_index = static_cast<std::size_t>(
      std::find(rule_ids.begin(), rule_ids.end(), d.rule) - rule_ids.begin());
  std::string text = d.message;
  if (!d.help.empty()) text += "\nhelp: " + d.help;
  Json result{{"ruleId", d.rule}};
  if (rule_index < rule_ids.size()) result["ruleIndex"] = rule_index;
  result["level"] = sarif_level(d.severity);
  result["message"] = {{"text", text}};
  result["locations"] = Json::array({{{"physicalLocation", physical_location(in, d.span)}}});
  Json related = Json::array();
  for (std::size_t i = 0; i < d.notes.size(); ++i) {
    related.push_back({{"id", i + 1},
                       {"physicalLocation", physical_location(in, d.notes[i].span)},
                       {"message", {{"text", d.notes[i].message}}}});
  }
  if (!related.empty()) result["relatedLocations"] = std::move(related);
  result["partialFingerprints"] = {{"gtmlint/v1", in.fingerprints[index]}};
  return result;
}

}  // namespace

std::string render_sarif(const SarifInput& in) {
  Json rules = Json::array();
  std::vector<std::string> rule_ids;
  for (const RuleInfo& rule : in.catalog.all()) {
    rules.push_back(rule_json(rule));
    rule_ids.push_back(rule.id);
  }
  Json results = Json::array();
  for (std::size_t i = 0; i < in.diagnostics.size(); ++i) {
    results.push_back(result_json(in, in.diagnostics[i], i, rule_ids));
  }
  const Json driver{{"name", "gtmlint"},
                    {"version", in.version},
                    {"semanticVersion", in.version},
                    {"informationUri", "https://github.com/gtmlint/gtmlint"},
                    {"rules", std::move(rules)}};
  const Json run{{"tool", {{"driver", driver}}},
                 {"columnKind", "unicodeCodePoints"},
                 {"results", std::move(results)}};
  const Json log{{"$schema", "https://json.schemastore.org/sarif-2.1.0.json"},
                 {"version", "2.1.0"},
                 {"runs", Json::array({run})}};
  return json_text(log, 2) + "\n";
}

}  // namespace gtm
