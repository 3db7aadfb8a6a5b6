// `gtmlint fmt`: rewrite files in the canonical layout, atomically, after proving the new text
// parses to the same tree with the same comments; `--check`, `--diff`, and `-` for editors.
#include <fmt/format.h>

#include <iostream>
#include <iterator>

#include "cli/atomic_write.hpp"
#include "cli/commands.hpp"
#include "cli/diff.hpp"
#include "cli/format_text.hpp"
#include "cli/options.hpp"
#include "compiler/base/limits.hpp"
#include "compiler/format/formatter.hpp"
#include "compiler/report/render.hpp"
#include "compiler/syntax/parse.hpp"

namespace gtm::cli {

namespace {

struct FmtOptions {
  bool check = false;
  bool diff = false;
  bool stdin_mode = false;
  std::vector<fs::path> paths;
};

}  // namespace

Formatted format_text(const std::string& path, std::string text, Io& io) {
  SourceSet sources;
  const FileId id = sources.add(path, std::move(text));
  Diagnostics diagnostics;
  const File file = parse_file(sources.file(id), id, diagnostics);
  if (!diagnostics.items().empty()) {
    io.err << render_human(sources, diagnostics.items(),
                           summarise(diagnostics.items(), 1, file.top_level.size()), false, false);
    io.err << fmt::format("gtmlint: `{}` has syntax errors; it was left as it is\n", path);
    return {Outcome::Failed, {}};
  }
  std::string formatted = format_file(file);
  const FileId again_id = sources.add(path, formatted);
  Diagnostics again_diagnostics;
  const File again = parse_file(sources.file(again_id), again_id, again_diagnostics);
  if (!again_diagnostics.items().empty() || !same_meaning(file, again) ||
      format_file(again) != formatted) {
    io.err << fmt::format(
        "gtmlint: internal error: formatting `{}` would change it; it was "
        "left as it is (please report this)\n",
        path);
    return {Outcome::Failed, {}};
  }
  const bool changed = formatted != sources.file(id).text() || sources.file(id).had_bom();
  const std::string original(sources.file(id).text());
  const std::string with_bom = sources.file(id).had_bom() ? "\xEF\xBB\xBF" + original : original;
  return {formatted == with_bom || !changed ? Outcome::Unchanged : Outcome::Changed,
          std::move(formatted)};
}

namespace {

std::optional<FmtOptions> parse_fmt_options(const std::vector<std::string>& args, Io& io) {
  FmtOptions options;
  ArgReader reader(args);
  while (!reader.done()) {
    if (reader.flag("--check")) {
      options.check = true;
    } else if (reader.flag("--diff")) {
      options.diff = true;
    } else if (reader.flag("-")) {
      options.stdin_mode = true;
    } else if (reader.peek().starts_with("-")) {
      io.err << fmt::format("gtmlint: unknown option `{}`; see `gtmlint help fmt`\n",
                            reader.peek());
      return std::nullopt;
    } else {
      options.paths.emplace_back(reader.next());
    }
  }
  if (options.stdin_mode && !options.paths.empty()) {
    io.err << "gtmlint: `-` formats standard input and takes no paths\n";
    return std::nullopt;
  }
  if (options.paths.empty()) options.paths.emplace_back(".");
  return options;
}

int format_stdin(Io& io) {
  const std::string input{std::istreambuf_iterator<char>(std::cin), {}};
  const Formatted result = format_text("<stdin>", input, io);
  if (result.outcome == Outcome::Failed) return kExitFindings;
  io.out << (result.outcome == Outcome::Unchanged ? input : result.text);
  return kExitClean;
}

std::optional<std::vector<fs::path>> files_to_format(const FmtOptions& options, Io& io) {
  std::vector<fs::path> files;
  for (const fs::path& path : options.paths) {
    std::error_code ec;
    if (fs::is_directory(path, ec)) {
      for (const fs::path& file : list_workspace_files(path)) files.push_back(file);
    } else if (fs::is_regular_file(path, ec)) {
      if (path.extension() == ".gtm") files.push_back(path);
    } else {
      io.err << fmt::format("gtmlint: cannot read `{}`: no such file or directory\n",
                            path.generic_string());
      return std::nullopt;
    }
  }
  return files;
}

}  // namespace

int run_fmt(const std::vector<std::string>& args, Io& io) {
  const auto options = parse_fmt_options(args, io);
  if (!options) return kExitFailure;
  if (options->stdin_mode) return format_stdin(io);
  const auto files = files_to_format(*options, io);
  if (!files) return kExitFailure;

  std::size_t changed = 0, failed = 0;
  for (const fs::path& file : *files) {
    std::string error;
    auto text = read_file(file, &error, limits::kMaxFileBytes + 1);
    if (!text) {
      io.err << fmt::format("gtmlint: cannot read `{}`: {}\n", display_path(file), error);
      return kExitFailure;
    }
    const std::string path = display_path(file);
    const Formatted result = format_text(path, *text, io);
    if (result.outcome == Outcome::Failed) ++failed;
    if (result.outcome != Outcome::Changed) continue;
    ++changed;
    if (options->diff) io.out << unified_diff(*text, result.text, path);
    if (options->check && !options->diff) io.out << path << "\n";
    if (options->check || options->diff) continue;
    if (!write_file_atomically(file, result.text, &error)) {
      io.err << fmt::format("gtmlint: cannot write `{}`: {}\n", path, error);
      return kExitFailure;
    }
  }
  const bool dry_run = options->check || options->diff;
  io.err << fmt::format(
      "gtmlint: {} {} file{}, {} unchanged{}\n", dry_run ? "would reformat" : "reformatted",
      changed, changed == 1 ? "" : "s", files->size() - changed - failed,
      failed > 0 ? fmt::format(", {} not formatted (syntax errors)", failed) : "");
  return failed > 0 || (dry_run && changed > 0) ? kExitFindings : kExitClean;
}

}  // namespace gtm::cli
