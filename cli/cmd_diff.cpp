// `gtmlint diff --against REF`: what a change does to the GTM stack, for a reviewer: the model
// at REF and now compared (rules/model_diff), and the findings the change introduced and fixed.
#include <fmt/format.h>

#include <nlohmann/json.hpp>

#include "cli/atomic_write.hpp"
#include "cli/check_against.hpp"
#include "cli/commands.hpp"
#include "cli/options.hpp"
#include "compiler/base/timing.hpp"
#include "compiler/report/fingerprint.hpp"
#include "compiler/semantics/suggest.hpp"
#include "rules/model_diff.hpp"
#include "rules/registry.hpp"

namespace gtm::cli {

namespace {

enum class DiffFormat { Human, Markdown, Json };

// What must not happen for the exit status to be 0 (`--fail-on`).
struct FailOn {
  bool errors = false, warnings = false, unassigned = false, reassigned = false, undecided = false;
};

constexpr std::string_view kFailOnWords[] = {"errors", "warnings", "unassigned", "reassigned",
                                             "undecided"};

struct DiffOptions {
  CheckOptions load;  ///< --against, --staged, --root, --today
  DiffFormat format = DiffFormat::Human;
  std::optional<fs::path> output;
  FailOn fail_on;
};

int diff_usage_error(Io& io, const std::string& message) {
  io.err << fmt::format("gtmlint: {}; see `gtmlint help diff`\n", message);
  return kExitFailure;
}

bool read_fail_on(const std::string& list, FailOn& fail_on, Io& io) {
  for (const std::string& word : split_list(list)) {
    bool* flag = word == "errors"       ? &fail_on.errors
                 : word == "warnings"   ? &fail_on.warnings
                 : word == "unassigned" ? &fail_on.unassigned
                 : word == "reassigned" ? &fail_on.reassigned
                 : word == "undecided"  ? &fail_on.undecided
                                        : nullptr;
    if (!flag) {
      const auto best = closest(word, {std::begin(kFailOnWords), std::end(kFailOnWords)});
      diff_usage_error(io,
                       fmt::format("`--fail-on {}` is not one of errors, warnings, unassigned, "
                                   "reassigned, undecided{}",
                                   word, best ? fmt::format(" (did you mean `{}`?)", *best) : ""));
      return false;
    }
    *flag = true;
  }
  return true;
}

std::optional<DiffOptions> parse_diff_options(const std::vector<std::string>& args, Io& io) {
  DiffOptions options;
  options.load.workspace.quiet = true;
  ArgReader reader(args);
  while (!reader.done()) {
    if (auto ref = reader.value("--against")) {
      options.load.against = *ref;
    } else if (reader.flag("--staged")) {
      options.load.staged = true;
    } else if (read_workspace_option(reader, options.load.workspace)) {
    } else if (auto format = reader.value("--format")) {
      if (*format == "human")
        options.format = DiffFormat::Human;
      else if (*format == "markdown")
        options.format = DiffFormat::Markdown;
      else if (*format == "json")
        options.format = DiffFormat::Json;
      else {
        diff_usage_error(io, fmt::format("unknown format `{}` (human, markdown or json)", *format));
        return std::nullopt;
      }
    } else if (auto file = reader.value("--output")) {
      options.output = *file;
    } else if (auto list = reader.value("--fail-on")) {
      if (!read_fail_on(*list, options.fail_on, io)) return std::nullopt;
    } else if (!reader.missing_value().empty()) {
      diff_usage_error(io, fmt::format("`{}` needs a value", reader.missing_value()));
      return std::nullopt;
    } else {
      diff_usage_error(io, fmt::format("unexpected `{}`", reader.peek()));
      return std::nullopt;
    }
  }
  if (!options.load.against) {
    diff_usage_error(io, "`gtmlint diff` needs `--against REF` (e.g. HEAD, main)");
    return std::nullopt;
  }
  return options;
}

// The workspace now and at the revision, analysed, with what changed between them.
struct DiffResult {
  std::vector<rules::ChangeItem> changes;
  ChangeFindings findings;
};

std::string location(const Compilation& compilation, const Diagnostic& d) {
  const SourceFile& file = compilation.sources.file(d.span.file);
  const LineColumn at = file.line_column(d.span.begin);
  return fmt::format("{}:{}:{}", file.path(), at.line, at.column);
}

std::string finding_line(const std::string& where, const Diagnostic& d) {
  return fmt::format("{}: {}[{}]: {}", where, severity_name(d.severity), d.rule, d.message);
}

std::size_t count_severity(const std::vector<Diagnostic>& findings, Severity severity) {
  return static_cast<std::size_t>(
      std::count_if(findings.begin(), findings.end(),
                    [&](const Diagnostic& d) { return d.severity == severity; }));
}

// `1 error`, `2 errors`.
std::string counted(std::size_t n, std::string_view noun) {
  return fmt::format("{} {}{}", n, noun, n == 1 ? "" : "s");
}

// Changes grouped by section, in section order.
std::vector<std::pair<rules::ChangeSection, std::vector<const rules::ChangeItem*>>> by_section(
    const std::vector<rules::ChangeItem>& changes) {
  std::vector<std::pair<rules::ChangeSection, std::vector<const rules::ChangeItem*>>> sections;
  for (const rules::ChangeItem& item : changes) {
    if (sections.empty() || sections.back().first != item.section) {
      sections.push_back({item.section, {}});
    }
    sections.back().second.push_back(&item);
  }
  return sections;
}

std::string render_human(const DiffOptions& options, const Compilation& now,
                         const DiffResult& result) {
  std::string out = fmt::format("gtmlint diff against `{}`\n", *options.load.against);
  for (const auto& [section, items] : by_section(result.changes)) {
    out += fmt::format("\n{}\n", rules::section_name(section));
    for (const rules::ChangeItem* item : items) {
      out += fmt::format("  {}: {}\n", item->subject, item->text);
    }
  }
  const ChangeFindings& f = result.findings;
  if (!f.introduced.empty() || !f.fixed.empty()) out += "\nfindings\n";
  for (const Diagnostic& d : f.introduced)
    out += "  introduced: " + finding_line(location(now, d), d) + "\n";
  for (const FixedFinding& fixed : f.fixed)
    out += "  fixed: " + finding_line(fixed.location, fixed.finding) + "\n";
  out +=
      fmt::format("\n{}; {} introduced ({}), {} fixed\n", counted(result.changes.size(), "change"),
                  counted(f.introduced.size(), "finding"),
                  counted(count_severity(f.introduced, Severity::Error), "error"), f.fixed.size());
  return out;
}

// A pull-request comment: one heading, a list per section, long sections folded.
std::string render_markdown(const DiffOptions& options, const Compilation& now,
                            const DiffResult& result) {
  constexpr std::size_t kShownOpen = 10;
  const ChangeFindings& f = result.findings;
  std::string out =
      fmt::format("### gtmlint: what this change does (against `{}`)\n\n", *options.load.against);
  if (result.changes.empty())
    out += "No change to routing, people, handoffs, automation or fields.\n\n";
  for (const auto& [section, items] : by_section(result.changes)) {
    std::string name(rules::section_name(section));
    name[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(name[0])));
    const bool folded = items.size() > kShownOpen;
    out += folded ? fmt::format("<details><summary><b>{}</b> ({} changes)</summary>\n\n", name,
                                items.size())
                  : fmt::format("**{}**\n\n", name);
    for (const rules::ChangeItem* item : items)
      out += fmt::format("- {}: {}\n", item->subject, item->text);
    out += folded ? "\n</details>\n\n" : "\n";
  }
  out += fmt::format("**Findings**: {} introduced ({}, {}), {} fixed\n", f.introduced.size(),
                     counted(count_severity(f.introduced, Severity::Error), "error"),
                     counted(count_severity(f.introduced, Severity::Warning), "warning"),
                     f.fixed.size());
  const bool fold_findings = f.introduced.size() + f.fixed.size() > kShownOpen;
  if (fold_findings) out += "\n<details><summary>The findings</summary>\n";
  if (!f.introduced.empty() || !f.fixed.empty()) out += "\n";
  for (const Diagnostic& d : f.introduced) {
    out += fmt::format("- introduced: `{}` {} `{}`: {}\n", location(now, d),
                       severity_name(d.severity), d.rule, d.message);
  }
  for (const FixedFinding& fixed : f.fixed) {
    out += fmt::format("- fixed: `{}` {} `{}`: {}\n", fixed.location,
                       severity_name(fixed.finding.severity), fixed.finding.rule,
                       fixed.finding.message);
  }
  if (fold_findings) out += "\n</details>\n";
  return out;
}

nlohmann::ordered_json finding_json(const std::string& where, const Diagnostic& d) {
  return {{"location", where},
          {"severity", severity_name(d.severity)},
          {"rule", d.rule},
          {"message", d.message}};
}

std::string render_diff_json(const DiffOptions& options, const Compilation& now,
                             const DiffResult& result) {
  nlohmann::ordered_json changes = nlohmann::ordered_json::array();
  for (const rules::ChangeItem& item : result.changes) {
    nlohmann::ordered_json example = nlohmann::ordered_json::object();
    for (const auto& [field, value] : item.example) {
      example[field] =
          value.empty() ? nlohmann::ordered_json(nullptr) : nlohmann::ordered_json(value);
    }
    changes.push_back({{"section", rules::section_name(item.section)},
                       {"subject", item.subject},
                       {"text", item.text},
                       {"example", example},
                       {"from", item.from},
                       {"to", item.to},
                       {"reassigned", item.reassigned},
                       {"unassigned", item.unassigned},
                       {"undecided", item.undecided}});
  }
  nlohmann::ordered_json introduced = nlohmann::ordered_json::array(),
                         fixed = nlohmann::ordered_json::array();
  for (const Diagnostic& d : result.findings.introduced)
    introduced.push_back(finding_json(location(now, d), d));
  for (const FixedFinding& f : result.findings.fixed)
    fixed.push_back(finding_json(f.location, f.finding));
  const nlohmann::ordered_json document = {
      {"tool", "gtmlint"},
      {"version", GTM_VERSION},
      {"against", *options.load.against},
      {"changes", changes},
      {"findings", {{"introduced", introduced}, {"fixed", fixed}}}};
  return document.dump(2) + "\n";
}

bool failed(const FailOn& fail_on, const DiffResult& result) {
  const auto any = [&](auto predicate) {
    return std::any_of(result.changes.begin(), result.changes.end(), predicate);
  };
  const auto& introduced = result.findings.introduced;
  return (fail_on.errors && count_severity(introduced, Severity::Error) > 0) ||
         (fail_on.warnings && count_severity(introduced, Severity::Warning) > 0) ||
         (fail_on.unassigned && any([](const rules::ChangeItem& i) { return i.unassigned; })) ||
         (fail_on.reassigned && any([](const rules::ChangeItem& i) { return i.reassigned; })) ||
         (fail_on.undecided && any([](const rules::ChangeItem& i) { return i.undecided; }));
}

}  // namespace

int run_diff(const std::vector<std::string>& args, Io& io) {
  const auto options = parse_diff_options(args, io);
  if (!options) return kExitFailure;
  std::string today_error;
  const auto today = resolve_today(options->load.workspace.today, &today_error);
  if (!today) return diff_usage_error(io, today_error);
  Compilation now;
  std::vector<bool> reported;
  Revision revision;
  if (!load_revision(options->load, now, reported, revision, io)) return kExitFailure;
  const CompileOptions compile = rules::compile_options(*today);
  analyse(now, compile);
  analyse(revision.before, compile);

  DiffResult result;
  {
    const PhaseTimer timer("compare the models");
    result.changes = rules::compare_models(revision.before.model, now.model, *today);
  }
  const PhaseTimer timer("compare the findings");
  const RuleSelection every_rule;
  const Fingerprinter fingerprinter(now, revision.now_paths);
  VersionFindings current{&now, {}, {}};
  for (const Diagnostic& d : now.diagnostics.items()) {
    if (!now.is_user_file(d.span.file)) continue;
    current.findings.push_back(d);
    current.fingerprints.push_back(fingerprinter.fingerprint(d));
  }
  result.findings = compare_versions(revision_findings(revision, every_rule), std::move(current),
                                     revision.renamed, revision.before_paths, revision.now_paths);

  const std::string text =
      options->format == DiffFormat::Markdown ? render_markdown(*options, now, result)
      : options->format == DiffFormat::Json   ? render_diff_json(*options, now, result)
                                              : render_human(*options, now, result);
  if (options->output) {
    std::string error;
    if (!write_file_atomically(*options->output, text, &error)) {
      io.err << fmt::format("gtmlint: cannot write `{}`: {}\n", options->output->generic_string(),
                            error);
      return kExitFailure;
    }
  } else {
    io.out << text;
  }
  return failed(options->fail_on, result) ? kExitFindings : kExitClean;
}

}  // namespace gtm::cli
