// Parsing `gtmlint check` options.
#include "cli/check_options.hpp"

#include <fmt/format.h>

#include <algorithm>

#include "cli/options.hpp"
#include "compiler/semantics/suggest.hpp"

namespace gtm::cli {

namespace {

std::optional<Format> parse_format(std::string_view name) {
  if (name == "human") return Format::Human;
  if (name == "json") return Format::Json;
  if (name == "sarif") return Format::Sarif;
  if (name == "github") return Format::Github;
  return std::nullopt;
}

// `FORMAT` or `FORMAT=FILE`.
std::optional<Output> parse_output(const std::string& text) {
  const std::size_t equals = text.find('=');
  const auto format = parse_format(text.substr(0, equals));
  if (!format) return std::nullopt;
  Output output{*format, std::nullopt};
  if (equals != std::string::npos) output.file = text.substr(equals + 1);
  return output;
}

// Applies `--output FILE` to the one output that has no file of its own.
bool apply_output_file(CheckOptions& options, const std::optional<std::string>& file, Io& io) {
  if (options.outputs.empty()) options.outputs.push_back({});
  if (!file) return true;
  const auto without_file = std::count_if(options.outputs.begin(), options.outputs.end(),
                                          [](const Output& o) { return !o.file; });
  if (without_file != 1) {
    check_usage_error(io, "`--output` needs exactly one `--format` without `=FILE`");
    return false;
  }
  for (Output& output : options.outputs) {
    if (!output.file) output.file = *file;
  }
  return true;
}

}  // namespace

int check_usage_error(Io& io, const std::string& message) {
  io.err << fmt::format("gtmlint: {}; see `gtmlint help check`\n", message);
  return kExitFailure;
}

bool RuleSelection::selected_rule(std::string_view rule) const {
  const auto has = [&](const std::vector<std::string_view>& ids) {
    return std::find(ids.begin(), ids.end(), rule) != ids.end();
  };
  return (only.empty() || has(only)) && !has(ignored);
}

bool RuleSelection::selected(const Diagnostic& d) const {
  return selected_rule(d.rule) && d.severity <= threshold;
}

std::optional<RuleSelection> select_rules(const CheckOptions& options, const RuleCatalog& catalog,
                                          Io& io) {
  RuleSelection selection;
  selection.threshold = options.threshold;
  const auto resolve = [&](const std::vector<std::string>& items, std::string_view flag,
                           std::vector<std::string_view>& into) {
    for (const std::string& item : items) {
      const std::vector<std::string_view> ids = catalog.matching(item);
      if (ids.empty()) {
        const auto best = closest(item, catalog.selectors());
        io.err << fmt::format(
            "gtmlint: `{} {}` names no rule, category or rule-id prefix{}; `gtmlint rules` "
            "lists them\n",
            flag, item, best ? fmt::format(" (did you mean `{}`?)", *best) : "");
        return false;
      }
      into.insert(into.end(), ids.begin(), ids.end());
    }
    return true;
  };
  if (!resolve(options.select, "--select", selection.only) ||
      !resolve(options.ignore, "--ignore", selection.ignored)) {
    return std::nullopt;
  }
  return selection;
}

std::optional<CheckOptions> parse_check_options(const std::vector<std::string>& args, Io& io) {
  CheckOptions options;
  std::optional<std::string> output_file;
  ArgReader reader(args);
  const auto fail = [&](const std::string& message) {
    check_usage_error(io, message);
    return std::nullopt;
  };
  while (!reader.done()) {
    if (auto format = reader.value("--format")) {
      auto output = parse_output(*format);
      if (!output) return fail(fmt::format("unknown format `{}`", *format));
      options.outputs.push_back(*output);
    } else if (auto file = reader.value("--output")) {
      output_file = *file;
    } else if (read_workspace_option(reader, options.workspace)) {
    } else if (auto select = reader.value("--select")) {
      for (auto& id : split_list(*select)) options.select.push_back(std::move(id));
    } else if (auto ignore = reader.value("--ignore")) {
      for (auto& id : split_list(*ignore)) options.ignore.push_back(std::move(id));
    } else if (auto severity = reader.value("--severity")) {
      const auto parsed = parse_severity(*severity);
      if (!parsed) return fail(fmt::format("unknown severity `{}`", *severity));
      options.threshold = *parsed;
    } else if (auto baseline = reader.value("--baseline")) {
      options.baseline = *baseline;
    } else if (auto baseline = reader.value("--write-baseline")) {
      options.write_baseline = *baseline;
    } else if (auto ref = reader.value("--against")) {
      options.against = *ref;
    } else if (reader.flag("--staged")) {
      options.staged = true;
    } else if (reader.flag("--statistics")) {
      options.statistics = true;
    } else if (reader.flag("--strict")) {
      options.strict = true;
    } else if (reader.flag("--quiet") || reader.flag("-q")) {
      options.quiet = true;
      options.workspace.quiet = true;
    } else if (!reader.missing_value().empty()) {
      return fail(fmt::format("`{}` needs a value", reader.missing_value()));
    } else if (reader.peek().starts_with("-") && reader.peek() != "-") {
      return fail(fmt::format("unknown option `{}`", reader.peek()));
    } else {
      options.paths.emplace_back(reader.next());
    }
  }
  if (!apply_output_file(options, output_file, io)) return std::nullopt;
  if (options.staged && !options.against) return fail("`--staged` needs `--against REF`");
  if (options.against && options.write_baseline) {
    return fail(
        "`--write-baseline` records the whole workspace; it cannot be used with `--against`");
  }
  return options;
}

}  // namespace gtm::cli
