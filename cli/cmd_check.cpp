// `gtmlint check`: load the workspace, run the compiler, keep the findings asked for (paths,
// rules, severity, baseline), and write each requested format to its destination.
#include <fmt/format.h>

#include <algorithm>
#include <cstdlib>
#include <set>

#include "cli/atomic_write.hpp"
#include "cli/baseline.hpp"
#include "cli/check_against.hpp"
#include "cli/check_options.hpp"
#include "cli/commands.hpp"
#include "cli/load.hpp"
#include "cli/options.hpp"
#include "compiler/base/timing.hpp"
#include "compiler/report/fingerprint.hpp"
#include "compiler/report/render.hpp"
#include "rules/registry.hpp"

namespace gtm::cli {

namespace {

bool colour_wanted(const Io& io, const Output& output) {
  const char* no_colour = std::getenv("NO_COLOR");
  return !output.file && io.out_is_terminal && !(no_colour && *no_colour);
}

struct Findings {
  std::vector<Diagnostic> shown;
  std::vector<std::string> fingerprints;  ///< parallel to `shown`
  std::size_t baselined = 0;              ///< findings hidden because the baseline accepts them
  std::size_t fixed = 0;                  ///< baseline entries no finding matched any more
};

// Drops the findings the baseline accepts, counting what it accepted and what no longer occurs
// in the files checked (`checked`: their repository paths; an entry of another file, or of no
// recorded file, is neither reported nor counted as fixed).
bool apply_baseline(const fs::path& path, const std::set<std::string>& checked, Findings& findings,
                    Io& io) {
  std::string error;
  auto baseline = read_baseline(path, &error);
  if (!baseline) {
    io.err << fmt::format("gtmlint: cannot use baseline `{}`: {}\n", path.generic_string(), error);
    return false;
  }
  auto* accepted = &baseline->accepted;
  Findings kept;
  for (std::size_t i = 0; i < findings.shown.size(); ++i) {
    auto it = accepted->find(findings.fingerprints[i]);
    if (it != accepted->end() && it->second > 0) {
      --it->second;
      ++kept.baselined;
      continue;
    }
    kept.shown.push_back(std::move(findings.shown[i]));
    kept.fingerprints.push_back(std::move(findings.fingerprints[i]));
  }
  for (const auto& [fingerprint, left] : *accepted) {
    const auto file = baseline->file_of.find(fingerprint);
    if (file != baseline->file_of.end() && checked.count(file->second)) kept.fixed += left;
  }
  findings = std::move(kept);
  return true;
}

int write_baseline_file(const fs::path& path, const Findings& findings,
                        const Fingerprinter& fingerprinter, const std::vector<std::string>& paths,
                        Io& io) {
  std::vector<BaselineEntry> entries;
  for (std::size_t i = 0; i < findings.shown.size(); ++i) {
    const Diagnostic& d = findings.shown[i];
    const EntityId entity = fingerprinter.entity_at(d.span);
    entries.push_back({findings.fingerprints[i], d.rule, paths[d.span.file],
                       entity == kNoEntity ? "" : fingerprinter.entity_path(entity), d.message});
  }
  std::string error;
  if (!write_baseline(path, entries, &error)) {
    io.err << fmt::format("gtmlint: cannot write `{}`: {}\n", path.generic_string(), error);
    return kExitFailure;
  }
  io.err << fmt::format("gtmlint: wrote {} finding{} to {}\n", entries.size(),
                        entries.size() == 1 ? "" : "s", path.generic_string());
  return kExitClean;
}

std::string render(const Output& output, const Compilation& compilation, const Findings& findings,
                   const Summary& summary, const std::vector<std::string>& paths,
                   const CheckOptions& options, const Io& io) {
  switch (output.format) {
    case Format::Json:
      return render_json(compilation.sources, findings.shown, summary, GTM_VERSION);
    case Format::Sarif:
      return render_sarif({compilation.sources, findings.shown, compilation.catalog, paths,
                           findings.fingerprints, GTM_VERSION});
    case Format::Github:
      return render_github(compilation.sources, findings.shown, paths);
    case Format::Human:
      if (options.quiet && findings.shown.empty()) return {};
      if (options.statistics) {
        return render_rule_counts(findings.shown) + render_human(compilation.sources, {}, summary,
                                                                 colour_wanted(io, output),
                                                                 !options.quiet);
      }
      return render_human(compilation.sources, findings.shown, summary, colour_wanted(io, output),
                          !options.quiet);
  }
  return {};
}

bool write_outputs(const CheckOptions& options, const Compilation& compilation,
                   const Findings& findings, const Summary& summary,
                   const std::vector<std::string>& paths, Io& io) {
  for (const Output& output : options.outputs) {
    const std::string text = render(output, compilation, findings, summary, paths, options, io);
    if (!output.file) {
      io.out << text;
      continue;
    }
    std::string error;
    if (!write_file_atomically(*output.file, text, &error)) {
      io.err << fmt::format("gtmlint: cannot write `{}`: {}\n", output.file->generic_string(),
                            error);
      return false;
    }
  }
  return true;
}

}  // namespace

// What `--against` adds to the report: what the change fixed, and how much was already there.
void report_change(const CheckOptions& options, const ChangeFindings& change, Io& io) {
  if (options.quiet) return;
  for (const FixedFinding& fixed : change.fixed) {
    io.err << fmt::format("gtmlint: fixed since `{}`: {}: {}[{}]: {}\n", *options.against,
                          fixed.location, severity_name(fixed.finding.severity), fixed.finding.rule,
                          fixed.finding.message);
  }
}

// Keeps, of the findings now, those the change introduced (with their causes); the fixed ones
// are counted only where the files are checked.
ChangeFindings keep_introduced(const Revision& revision, const RuleSelection& selection,
                               const Compilation& compilation, const std::set<std::string>& checked,
                               Findings& findings) {
  ChangeFindings change =
      compare_versions(revision_findings(revision, selection),
                       {&compilation, std::move(findings.shown), std::move(findings.fingerprints)},
                       revision.renamed, revision.before_paths, revision.now_paths);
  std::erase_if(change.fixed, [&](const FixedFinding& fixed) {
    const auto& path = revision.before_paths[fixed.finding.span.file];
    const auto renamed = std::find_if(revision.renamed.begin(), revision.renamed.end(),
                                      [&](const auto& entry) { return entry.second == path; });
    return !checked.count(renamed == revision.renamed.end() ? path : renamed->first);
  });
  findings.shown = std::move(change.introduced);
  findings.fingerprints = std::move(change.fingerprints);
  change.introduced.assign(findings.shown.begin(), findings.shown.end());
  return change;
}

int run_check(const std::vector<std::string>& args, Io& io) {
  const auto options = parse_check_options(args, io);
  if (!options) return kExitFailure;
  std::string today_error;
  const auto today = resolve_today(options->workspace.today, &today_error);
  if (!today) return check_usage_error(io, today_error);

  Compilation compilation;
  std::vector<bool> reported;
  Revision revision;  // only with --against
  const bool loaded =
      options->against
          ? load_revision(*options, compilation, reported, revision, io)
          : load_workspace(options->paths, options->workspace, compilation, reported, io);
  if (!loaded) return kExitFailure;
  const CompileOptions compile = rules::compile_options(*today);
  analyse(compilation, compile);
  if (options->against) analyse(revision.before, compile);

  const PhaseTimer timer("report");
  const std::vector<std::string> paths =
      options->against ? revision.now_paths : repository_paths(compilation);
  const Fingerprinter fingerprinter(compilation, paths);
  // Fingerprints cost a look-up per finding; only baselines, SARIF and --against use them.
  const bool fingerprinted = options->baseline || options->write_baseline || options->against ||
                             std::any_of(options->outputs.begin(), options->outputs.end(),
                                         [](const Output& o) { return o.format == Format::Sarif; });
  // A baseline records the whole workspace whatever paths are given: written from a few paths
  // it would drop every other file's entries.
  const auto in_scope = [&](FileId file) {
    return file < reported.size() &&
           (options->write_baseline ? compilation.is_user_file(file) : reported[file]);
  };
  const std::optional<RuleSelection> selection = select_rules(*options, compilation.catalog, io);
  if (!selection) return kExitFailure;
  Findings findings;
  for (const Diagnostic& d : compilation.diagnostics.items()) {
    if (in_scope(d.span.file) && selection->selected(d)) {
      findings.shown.push_back(d);
      findings.fingerprints.push_back(fingerprinted ? fingerprinter.fingerprint(d) : std::string());
    }
  }
  if (options->write_baseline) {
    return write_baseline_file(*options->write_baseline, findings, fingerprinter, paths, io);
  }
  std::set<std::string> checked;
  for (FileId file = 0; file < reported.size(); ++file) {
    if (reported[file]) checked.insert(paths[file]);
  }
  std::optional<ChangeFindings> change;
  if (options->against)
    change = keep_introduced(revision, *selection, compilation, checked, findings);
  if (options->baseline && !apply_baseline(*options->baseline, checked, findings, io))
    return kExitFailure;

  const auto file_count =
      static_cast<std::size_t>(std::count(reported.begin(), reported.end(), true));
  Summary summary = summarise(findings.shown, file_count, compilation.entity_count);
  if (change)
    summary.change = Summary::Change{*options->against, change->fixed.size(), change->unchanged};
  if (change) report_change(*options, *change, io);
  if (!write_outputs(*options, compilation, findings, summary, paths, io)) return kExitFailure;
  if (options->baseline && !options->quiet && (findings.baselined > 0 || findings.fixed > 0)) {
    io.err << fmt::format(
        "gtmlint: {} finding{} accepted by the baseline; {} baselined finding{} fixed{}\n",
        findings.baselined, findings.baselined == 1 ? "" : "s", findings.fixed,
        findings.fixed == 1 ? " is" : "s are",
        findings.fixed > 0 ? " (run with --write-baseline to shrink the file)" : "");
  }
  const bool failed = summary.errors > 0 || (options->strict && summary.warnings > 0);
  return failed ? kExitFindings : kExitClean;
}

}  // namespace gtm::cli
