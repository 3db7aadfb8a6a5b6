// Finding a workspace and its files (DESIGN section 3): the root is the nearest ancestor holding
// `gtmlint.gtm`, else the git top level, else the starting directory; every `.gtm` file under it
// belongs to the model, except in `.git`, `build*` and `node_modules` folders.
#pragma once

#include <filesystem>
#include <optional>
#include <string>
#include <vector>

namespace gtm {

namespace fs = std::filesystem;

fs::path find_workspace_root(const fs::path& start);

/// Every `.gtm` file under `root`, sorted, so that diagnostics come out in a stable order.
std::vector<fs::path> list_workspace_files(const fs::path& root);

/// Reads a whole file; nullopt (and `error` set) if it cannot be read.
std::optional<std::string> read_file(const fs::path& path, std::string* error);

/// How a path is shown to the user: relative to the current directory when that is shorter.
std::string display_path(const fs::path& path);

}  // namespace gtm
