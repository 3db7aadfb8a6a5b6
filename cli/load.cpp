// Loading a workspace into a compilation, for every command that reads one.
#include "cli/load.hpp"

#include <fmt/format.h>

#include <algorithm>

#include "cli/options.hpp"
#include "compiler/base/limits.hpp"
#include "compiler/base/parallel.hpp"
#include "compiler/base/timing.hpp"
#include "rules/registry.hpp"

namespace gtm::cli {

namespace {

// The size of the files as listed (unreadable ones count nothing).
std::size_t source_bytes(const std::vector<fs::path>& files) {
  std::size_t total = 0;
  for (const fs::path& file : files) {
    std::error_code ec;
    const auto size = fs::file_size(file, ec);
    if (!ec) total += std::min<std::size_t>(size, limits::kMaxFileBytes);
  }
  return total;
}

struct FileRead {
  std::optional<std::string> text;
  std::string error;  ///< why it could not be read
};

// Files are read on all cores (a large workspace is hundreds of megabytes of copying) into
// slots in their order, so what follows does not depend on which thread read what.
std::vector<FileRead> read_in_parallel(const std::vector<fs::path>& files) {
  std::vector<FileRead> reads(files.size());
  parallel_for(files.size(), worker_count(files.size()), [&](std::size_t i, std::size_t) {
    // One byte over the limit is enough to know a file is too large (SourceFile reports it).
    reads[i].text = read_file(files[i], &reads[i].error, limits::kMaxFileBytes + 1);
  });
  return reads;
}

// The root: `--root`, else found from the first path or the current directory; nullopt, with a
// message, if `--root` is not a folder.
std::optional<fs::path> choose_root(const std::vector<fs::path>& scopes,
                                    const WorkspaceOptions& options, Io& io) {
  std::error_code ec;
  if (!options.root) {
    return fs::weakly_canonical(
        find_workspace_root(scopes.empty() ? fs::current_path() : scopes[0]), ec);
  }
  if (!fs::is_directory(*options.root, ec)) {
    io.err << fmt::format("gtmlint: `--root {}` is not a folder\n", options.root->generic_string());
    return std::nullopt;
  }
  return fs::weakly_canonical(fs::absolute(*options.root), ec);
}

// Says which root was used when a reader could not guess it, and which workspaces below it
// were left out.
void announce_root(const fs::path& root, const std::vector<fs::path>& nested_roots, Io& io) {
  std::error_code ec;
  const bool obvious =
      fs::exists(root / "gtmlint.gtm", ec) || root == fs::weakly_canonical(fs::current_path(), ec);
  if (obvious && nested_roots.empty()) return;
  std::string note = fmt::format("gtmlint: workspace root `{}`", display_path(root));
  if (!fs::exists(root / "gtmlint.gtm", ec)) {
    note += fs::exists(root / ".git", ec) ? " (the git top level; no gtmlint.gtm above)"
                                          : " (no gtmlint.gtm or git repository above)";
  }
  if (!nested_roots.empty()) {
    std::vector<std::string> shown;
    for (std::size_t i = 0; i < nested_roots.size() && i < 3; ++i)
      shown.push_back(display_path(nested_roots[i]));
    const std::size_t more = nested_roots.size() - shown.size();
    note += fmt::format(
        "; {} folder{} below hold{} {} own gtmlint.gtm and {} left out: {}{} (check each on "
        "its own, e.g. `gtmlint check {}`)",
        nested_roots.size(), nested_roots.size() == 1 ? "" : "s",
        nested_roots.size() == 1 ? "s" : "", nested_roots.size() == 1 ? "its" : "their",
        nested_roots.size() == 1 ? "is" : "are", fmt::join(shown, ", "),
        more > 0 ? fmt::format(" and {} more", more) : "", shown.front());
  }
  io.err << note << "\n";
}

}  // namespace

bool read_workspace_option(ArgReader& reader, WorkspaceOptions& options) {
  if (auto root = reader.value("--root")) {
    options.root = *root;
    return true;
  }
  if (auto today = reader.value("--today")) {
    options.today = *today;
    return true;
  }
  return false;
}

bool WorkspaceScope::contains(const fs::path& file) const {
  return scopes.empty() || std::any_of(scopes.begin(), scopes.end(), [&](const fs::path& scope) {
           return is_within(file, scope);
         });
}

std::optional<WorkspaceScope> find_scope(const std::vector<fs::path>& paths,
                                         const WorkspaceOptions& options, Io& io) {
  std::error_code ec;
  WorkspaceScope scope;
  for (const fs::path& path : paths) {
    if (!fs::exists(path, ec)) {
      io.err << fmt::format("gtmlint: cannot read `{}`: no such file or directory\n",
                            display_path(path));
      return std::nullopt;
    }
    scope.scopes.push_back(fs::weakly_canonical(fs::absolute(path), ec));
  }
  auto root = choose_root(scope.scopes, options, io);
  if (!root) return std::nullopt;
  scope.root = std::move(*root);
  return scope;
}

bool load_workspace(const std::vector<fs::path>& paths, const WorkspaceOptions& options,
                    Compilation& compilation, std::vector<bool>& reported, Io& io) {
  const auto found = find_scope(paths, options, io);
  if (!found) return false;
  const fs::path& root = found->root;
  const std::vector<fs::path>& scopes = found->scopes;
  compilation.workspace_root = root.string();
  std::vector<SkippedFile> skipped;
  std::vector<fs::path> nested_roots;
  std::vector<fs::path> files = list_workspace_files(root, &skipped, &nested_roots);
  if (!options.quiet) announce_root(root, nested_roots, io);
  for (const fs::path& scope : scopes) {
    if (fs::is_regular_file(scope) && scope.extension() == ".gtm" &&
        std::find(files.begin(), files.end(), scope) == files.end()) {
      files.push_back(scope);
    }
  }
  if (files.size() > limits::kMaxFiles) {
    io.err << fmt::format("gtmlint: the workspace `{}` has {} .gtm files, over the limit of {}\n",
                          display_path(root), files.size(), limits::kMaxFiles);
    return false;
  }
  const auto too_large = [&] {
    io.err << fmt::format("gtmlint: the .gtm files of `{}` are over the limit of {} bytes\n",
                          display_path(root), limits::kMaxWorkspaceBytes);
    return false;
  };
  const std::size_t listed_bytes = source_bytes(files);
  if (listed_bytes > limits::kMaxWorkspaceBytes) return too_large();  // before reading any
  if (io.reserve_heap_for_sources) {
    const PhaseTimer timer("reserve memory");
    io.reserve_heap_for_sources(listed_bytes);
  }
  const PhaseTimer timer("read and parse");
  reported.assign(compilation.first_user_file, false);  // the stdlib is never reported
  std::vector<SourceText> sources;
  const auto in_scope = [&](const fs::path& file) { return found->contains(file); };
  std::vector<FileRead> reads = read_in_parallel(files);
  std::size_t total_bytes = 0;
  for (std::size_t i = 0; i < files.size(); ++i) {
    auto& [text, error] = reads[i];
    total_bytes += text ? text->size() : 0;
    if (total_bytes > limits::kMaxWorkspaceBytes) return too_large();  // grown since listed
    sources.push_back({display_path(files[i]), text ? std::move(*text) : "", text ? "" : error});
    reported.push_back(in_scope(files[i]));
  }
  for (SkippedFile& file : skipped) {
    sources.push_back({display_path(file.path), "", std::move(file.reason)});
    reported.push_back(in_scope(file.path));
  }
  add_sources(compilation, std::move(sources));
  return true;
}

std::optional<std::int64_t> check_current_workspace(const WorkspaceOptions& options,
                                                    Compilation& compilation, Io& io) {
  std::string error;
  const auto today = resolve_today(options.today, &error);
  if (!today) {
    io.err << "gtmlint: " << error << "\n";
    return std::nullopt;
  }
  std::vector<bool> reported;
  if (!load_workspace({}, options, compilation, reported, io)) return std::nullopt;
  analyse(compilation, rules::compile_options(*today));
  return today;
}

namespace {

// The git top level above the workspace, else the workspace root itself.
fs::path repository_root(const fs::path& workspace_root) {
  std::error_code ec;
  for (fs::path at = workspace_root;; at = at.parent_path()) {
    if (fs::exists(at / ".git", ec)) return at;
    if (at == at.parent_path()) return workspace_root;
  }
}

}  // namespace

std::vector<std::string> repository_paths(const Compilation& compilation) {
  const fs::path root = repository_root(compilation.workspace_root);
  std::vector<std::string> paths;
  for (FileId id = 0; id < compilation.sources.size(); ++id) {
    const std::string& path = compilation.sources.file(id).path();
    if (!compilation.is_user_file(id)) {
      paths.push_back(path);
      continue;
    }
    std::error_code ec;
    const fs::path absolute = fs::weakly_canonical(fs::absolute(path), ec);
    paths.push_back(absolute.lexically_relative(root).generic_string());
  }
  return paths;
}

}  // namespace gtm::cli
