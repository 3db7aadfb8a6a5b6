// `gtmlint import sfdx PATH [--out DIR] [--system NAME]`: read, map, format, write, summarise.
#include <fmt/format.h>

#include <algorithm>

#include "cli/atomic_write.hpp"
#include "cli/commands.hpp"
#include "cli/format_text.hpp"
#include "cli/import/names.hpp"
#include "cli/import/read_sfdx.hpp"
#include "cli/import/write_workspace.hpp"
#include "cli/options.hpp"

namespace gtm::cli {

namespace {

struct ImportOptions {
  fs::path project;
  fs::path out = "gtm";
  std::string system = "salesforce";
};

std::optional<ImportOptions> parse_import_options(const std::vector<std::string>& args, Io& io) {
  if (args.empty() || args[0] != "sfdx") {
    io.err << "gtmlint: usage: gtmlint import sfdx PATH [--out DIR] [--system NAME]\n";
    return std::nullopt;
  }
  const std::vector<std::string> rest(args.begin() + 1, args.end());
  ImportOptions options;
  bool have_project = false;
  ArgReader reader(rest);
  while (!reader.done()) {
    if (auto out = reader.value("--out")) {
      options.out = *out;
    } else if (auto system = reader.value("--system")) {
      options.system = *system;
    } else if (!reader.missing_value().empty()) {
      io.err << fmt::format("gtmlint: `{}` needs a value\n", reader.missing_value());
      return std::nullopt;
    } else if (reader.peek().starts_with("--") || have_project) {
      io.err << fmt::format("gtmlint: unexpected argument `{}`\n", reader.peek());
      return std::nullopt;
    } else {
      options.project = reader.next();
      have_project = true;
    }
  }
  if (!have_project) {
    io.err << "gtmlint: usage: gtmlint import sfdx PATH [--out DIR] [--system NAME]\n";
    return std::nullopt;
  }
  if (sfdx::identifier(options.system) != options.system) {
    io.err << fmt::format("gtmlint: `{}` is not a name; try `{}`\n", options.system,
                          sfdx::identifier(options.system));
    return std::nullopt;
  }
  return options;
}

// The fields declared because something names them, not because a field file holds them: a
// reader checks these by hand (their types are guessed from the standard fields' names).
void print_fields_without_file(std::vector<std::string> fields, Io& io) {
  if (fields.empty()) return;
  std::sort(fields.begin(), fields.end());
  constexpr std::size_t kShown = 12;
  const std::size_t shown = std::min(fields.size(), kShown);
  io.out << fmt::format(
      "declared without a field file ({}; named by rules or flows, types from their names):\n  "
      "{}{}\n",
      fields.size(),
      fmt::join(fields.begin(), fields.begin() + static_cast<std::ptrdiff_t>(shown), ", "),
      fields.size() > shown ? fmt::format(", and {} more", fields.size() - shown) : "");
}

void print_summary(const sfdx::Project& project, const sfdx::ImportedWorkspace& workspace,
                   const ImportOptions& options, Io& io) {
  const sfdx::ImportCounts& n = workspace.counts;
  const auto count = [](std::size_t n, std::string_view one, std::string_view many) {
    return fmt::format("{} {}", n, n == 1 ? one : many);
  };
  io.out << fmt::format(
      "imported {} on {}, {} ({}), {}, {}, {}, and stubs for {} and {} into {}\n",
      count(n.fields, "field", "fields"), count(n.objects, "object", "objects"),
      count(n.routings, "routing", "routings"), count(n.rules, "rule", "rules"),
      count(n.queues, "queue", "queues"), count(n.automations, "automation", "automations"),
      count(n.lifecycles, "lifecycle", "lifecycles"), count(n.people, "person", "people"),
      count(n.teams, "team", "teams"), display_path(options.out));
  print_fields_without_file(workspace.fields_without_file, io);
  if (!project.not_mapped.empty() || !project.other_metadata.empty()) {
    io.out << "not mapped:\n";
    for (const std::string& line : project.not_mapped) io.out << "  - " << line << "\n";
    for (const auto& [type, files] : project.other_metadata) {
      io.out << fmt::format("  - {} (not part of the gtmlint model)\n",
                            count(files, type + " file", type + " files"));
    }
  }
  // A real org has thousands of findings: start from the view by rule, then a baseline.
  io.out << fmt::format(
      "next: gtmlint check --statistics {0} (the findings by rule); `gtmlint check "
      "--write-baseline baseline.json {0}` records today's findings, and `--baseline "
      "baseline.json` then reports only new ones\n",
      display_path(options.out));
}

}  // namespace

int run_import(const std::vector<std::string>& args, Io& io) {
  const auto options = parse_import_options(args, io);
  if (!options) return kExitFailure;
  std::string error;
  auto project = sfdx::read_project(options->project, &error);
  if (!project) {
    io.err << "gtmlint: " << error << "\n";
    return kExitFailure;
  }
  const sfdx::ImportedWorkspace workspace = sfdx::write_workspace(*project, options->system);
  for (const auto& [relative, text] : workspace.files) {
    const fs::path path = options->out / relative;
    const Formatted formatted = format_text(display_path(path), text, io);
    if (formatted.outcome == Outcome::Failed) {
      io.err << fmt::format("gtmlint: internal error: the import wrote invalid `{}`\n",
                            display_path(path));
      return kExitFailure;
    }
    std::error_code ec;
    fs::create_directories(path.parent_path(), ec);
    if (!write_file_atomically(path, formatted.text, &error)) {
      io.err << fmt::format("gtmlint: cannot write `{}`: {}\n", display_path(path), error);
      return kExitFailure;
    }
  }
  print_summary(*project, workspace, *options, io);
  return kExitClean;
}

}  // namespace gtm::cli
