// Loading the workspace that contains the given paths (docs/design.md, "Data flow") into a
// compilation.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "cli/cli.hpp"
#include "compiler/compilation.hpp"
#include "compiler/syntax/workspace.hpp"

namespace gtm::cli {

class ArgReader;

/// What every command that reads a workspace accepts: `--root DIR` and `--today YYYY-MM-DD`.
struct WorkspaceOptions {
  std::optional<fs::path> root;      ///< the workspace root, instead of finding it
  std::optional<std::string> today;  ///< the date that date checks compare with
  /// No note on which root was used: only `check` gives it (unless --quiet), as the command
  /// whose findings depend on it; the others would repeat it on every run.
  bool quiet = true;
};

/// Consumes `--root DIR` or `--today DATE` if the next argument is one of them.
bool read_workspace_option(ArgReader& reader, WorkspaceOptions& options);

/// Where a command's paths lead: the workspace root, and the paths made absolute (the scopes
/// whose findings are reported; none: the whole workspace).
struct WorkspaceScope {
  fs::path root;
  std::vector<fs::path> scopes;
  bool contains(const fs::path& file) const;
};

/// The root is `options.root`, else found from the first path (find_workspace_root). nullopt,
/// with a message, when a path does not exist or `--root` is not a folder.
std::optional<WorkspaceScope> find_scope(const std::vector<fs::path>& paths,
                                         const WorkspaceOptions& options, Io& io);

/// Adds every `.gtm` file of the workspace containing `paths` (default: the current directory),
/// plus any given file outside it. `reported[file]` says whether the file is inside one of
/// `paths` (all user files when none are given). False, with a message, on an I/O error.
/// The root is found by find_scope; a folder below it holding its own gtmlint.gtm is another
/// workspace and is left out. When the root is
/// not obvious (neither the current directory nor a folder holding gtmlint.gtm) or workspaces
/// were left out, a note on standard error says so, unless `options.quiet`.
bool load_workspace(const std::vector<fs::path>& paths, const WorkspaceOptions& options,
                    Compilation& compilation, std::vector<bool>& reported, Io& io);

/// What `route`, `graph` and `debt` start with: today's date (from `options.today`, else
/// GTMLINT_TODAY, else the system date), and the workspace of the current directory (or
/// `options.root`) loaded and analysed. nullopt, with a message, on a bad date or an I/O error.
std::optional<std::int64_t> check_current_workspace(const WorkspaceOptions& options,
                                                    Compilation& compilation, Io& io);

/// Each file's path relative to the repository (the git top level above the workspace root,
/// else the workspace root), as SARIF, annotations and baselines name files; embedded stdlib
/// files keep their virtual path.
std::vector<std::string> repository_paths(const Compilation& compilation);

}  // namespace gtm::cli
