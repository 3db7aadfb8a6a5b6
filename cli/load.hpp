// Loading the workspace that contains the given paths (DESIGN section 3) into a compilation.
#pragma once

#include <vector>

#include "cli/cli.hpp"
#include "compiler/compilation.hpp"
#include "compiler/workspace.hpp"

namespace gtm::cli {

/// Adds every `.gtm` file of the workspace containing `paths` (default: the current directory),
/// plus any given file outside it. `reported[file]` says whether the file is inside one of
/// `paths` (all user files when none are given). False, with a message, on an I/O error.
bool load_workspace(const std::vector<fs::path>& paths, Compilation& compilation,
                    std::vector<bool>& reported, Io& io);

/// What `route`, `graph` and `debt` start with: today's date (from `today_option`, else
/// GTMLINT_TODAY, else the system date), and the workspace of the current directory loaded and
/// analysed. nullopt, with a message, on a bad date or an I/O error.
std::optional<std::int64_t> check_current_workspace(const std::optional<std::string>& today_option,
                                                    Compilation& compilation, Io& io);

/// Each file's path relative to the repository (the git top level above the workspace root,
/// else the workspace root), as SARIF, annotations and baselines name files; embedded stdlib
/// files keep their virtual path.
std::vector<std::string> repository_paths(const Compilation& compilation);

}  // namespace gtm::cli
