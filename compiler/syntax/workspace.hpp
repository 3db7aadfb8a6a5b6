// Finding a workspace and its files (docs/design.md, "The language"): the root is the nearest
// ancestor holding `gtmlint.gtm`, else the git top level, else the starting directory; every `.gtm`
// file under it belongs to the model, except in `.git`, `build*` and `node_modules` folders.
#pragma once

#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace gtm {

namespace fs = std::filesystem;

fs::path find_workspace_root(const fs::path& start);

/// Folders whose files never belong to a workspace: `.git`, `node_modules`, `build*` and other
/// hidden folders.
bool is_skipped_folder(std::string_view name);

/// A `.gtm` file of the workspace that is not read, and why.
struct SkippedFile {
  fs::path path;
  std::string reason;
};

/// Every `.gtm` file under `root`, sorted, so that diagnostics come out in a stable order.
/// With `nested_roots`, a folder below `root` that holds its own `gtmlint.gtm` is another
/// workspace: its files are left out and the folder is recorded there (sorted).
/// Links to directories are not followed; a link to a file is followed only if the file lies
/// inside the root (a pull request cannot make gtmlint read outside its workspace). Links that
/// lead out, dangle or loop go to `skipped`; anything that is not a regular file (a FIFO named
/// Whether a file is a policy test case (`NAME.test.gtm`, run by `gtmlint test`), which is not part
/// of the workspace.
inline bool is_test_case(std::string_view path) {
  return path.ends_with(".test.gtm");
}

/// x.gtm, say) is ignored.
std::vector<fs::path> list_workspace_files(const fs::path& root,
                                           std::vector<SkippedFile>* skipped = nullptr,
                                           std::vector<fs::path>* nested_roots = nullptr);

/// Whether `path` is `scope` or lies under it (both absolute and normalised).
bool is_within(const fs::path& path, const fs::path& scope);

/// Reads a whole file; nullopt (and `error` set) if it cannot be read.
std::optional<std::string> read_file(const fs::path& path, std::string* error,
                                     std::size_t max_bytes = SIZE_MAX);

/// How a path is shown to the user: relative to the current directory when that is shorter.
std::string display_path(const fs::path& path);

}  // namespace gtm
