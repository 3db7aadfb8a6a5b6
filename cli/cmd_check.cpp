// `gtmlint check`: load the workspace, run the compiler, report the findings in the given paths.
#include <fmt/format.h>

#include <algorithm>
#include <cstdlib>

#include "cli/commands.hpp"
#include "cli/load.hpp"
#include "cli/options.hpp"
#include "compiler/render.hpp"
#include "rules/registry.hpp"

namespace gtm::cli {

namespace {

enum class Format { Human, Json };

struct CheckOptions {
  Format format = Format::Human;
  std::optional<std::string> today;
  std::vector<std::string> select;  ///< only these rule ids (empty: all)
  std::vector<std::string> ignore;  ///< never these rule ids
  std::vector<fs::path> paths;
};

int usage_error(Io& io, const std::string& message) {
  io.err << fmt::format("gtmlint: {}; see `gtmlint help check`\n", message);
  return kExitFailure;
}

std::vector<std::string> split_list(const std::string& text) {
  std::vector<std::string> items;
  std::size_t start = 0;
  while (start <= text.size()) {
    const std::size_t comma = std::min(text.find(',', start), text.size());
    if (comma > start) items.push_back(text.substr(start, comma - start));
    start = comma + 1;
  }
  return items;
}

bool selected(const CheckOptions& options, const std::string& rule) {
  const auto has = [&](const std::vector<std::string>& ids) {
    return std::find(ids.begin(), ids.end(), rule) != ids.end();
  };
  return (options.select.empty() || has(options.select)) && !has(options.ignore);
}

std::optional<CheckOptions> parse_options(const std::vector<std::string>& args, Io& io) {
  CheckOptions options;
  ArgReader reader(args);
  while (!reader.done()) {
    if (auto format = reader.value("--format")) {
      if (*format == "human")
        options.format = Format::Human;
      else if (*format == "json")
        options.format = Format::Json;
      else
        return usage_error(io, fmt::format("unknown format `{}`", *format)), std::nullopt;
    } else if (auto today = reader.value("--today")) {
      options.today = *today;
    } else if (auto select = reader.value("--select")) {
      for (auto& id : split_list(*select)) options.select.push_back(std::move(id));
    } else if (auto ignore = reader.value("--ignore")) {
      for (auto& id : split_list(*ignore)) options.ignore.push_back(std::move(id));
    } else if (!reader.missing_value().empty()) {
      return usage_error(io, fmt::format("`{}` needs a value", reader.missing_value())),
             std::nullopt;
    } else if (reader.peek().starts_with("-") && reader.peek() != "-") {
      return usage_error(io, fmt::format("unknown option `{}`", reader.peek())), std::nullopt;
    } else {
      options.paths.emplace_back(reader.next());
    }
  }
  return options;
}

bool colour_wanted(const Io& io) {
  const char* no_colour = std::getenv("NO_COLOR");
  return io.out_is_terminal && !(no_colour && *no_colour);
}

}  // namespace

int run_check(const std::vector<std::string>& args, Io& io) {
  const auto options = parse_options(args, io);
  if (!options) return kExitFailure;
  std::string today_error;
  const auto today = resolve_today(options->today, &today_error);
  if (!today) return usage_error(io, today_error);

  Compilation compilation;
  std::vector<bool> reported;
  if (!load_workspace(options->paths, compilation, reported, io)) return kExitFailure;
  analyse(compilation, CompileOptions{*today, rules::all_analyses()});

  std::vector<Diagnostic> shown;
  for (const Diagnostic& d : compilation.diagnostics.items()) {
    if (d.span.file < reported.size() && reported[d.span.file] && selected(*options, d.rule)) {
      shown.push_back(d);
    }
  }
  const auto file_count =
      static_cast<std::size_t>(std::count(reported.begin(), reported.end(), true));
  const Summary summary = summarise(shown, file_count, compilation.entity_count);
  if (options->format == Format::Json) {
    io.out << render_json(compilation.sources, shown, summary, GTM_VERSION);
  } else {
    io.out << render_human(compilation.sources, shown, summary, colour_wanted(io));
  }
  return summary.errors > 0 ? kExitFindings : kExitClean;
}

}  // namespace gtm::cli
