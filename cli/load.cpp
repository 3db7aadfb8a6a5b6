// Loading a workspace into a compilation, for every command that reads one.
#include "cli/load.hpp"

#include <fmt/format.h>

#include <algorithm>

namespace gtm::cli {

namespace {

bool is_within(const fs::path& file, const fs::path& scope) {
  const auto [scope_end, file_it] =
      std::mismatch(scope.begin(), scope.end(), file.begin(), file.end());
  return scope_end == scope.end();
}

}  // namespace

bool load_workspace(const std::vector<fs::path>& paths, Compilation& compilation,
                    std::vector<bool>& reported, Io& io) {
  std::error_code ec;
  std::vector<fs::path> scopes;
  for (const fs::path& path : paths) {
    if (!fs::exists(path, ec)) {
      io.err << fmt::format("gtmlint: cannot read `{}`: no such file or directory\n",
                            path.generic_string());
      return false;
    }
    scopes.push_back(fs::weakly_canonical(fs::absolute(path), ec));
  }
  const fs::path root = find_workspace_root(scopes.empty() ? fs::current_path() : scopes[0]);
  std::vector<fs::path> files = list_workspace_files(fs::weakly_canonical(root, ec));
  for (const fs::path& scope : scopes) {
    if (fs::is_regular_file(scope) && std::find(files.begin(), files.end(), scope) == files.end())
      files.push_back(scope);
  }
  reported.assign(compilation.first_user_file, false);  // the stdlib is never reported
  for (const fs::path& file : files) {
    std::string error;
    auto text = read_file(file, &error);
    if (!text) {
      io.err << fmt::format("gtmlint: cannot read `{}`: {}\n", display_path(file), error);
      return false;
    }
    add_source(compilation, display_path(file), std::move(*text));
    reported.push_back(scopes.empty() ||
                       std::any_of(scopes.begin(), scopes.end(),
                                   [&](const fs::path& scope) { return is_within(file, scope); }));
  }
  return true;
}

}  // namespace gtm::cli
