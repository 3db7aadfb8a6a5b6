// Both sides of `check --against REF`, read through git.
#include "cli/check_against.hpp"

#include <fmt/format.h>

#include <unordered_map>

#include "compiler/report/fingerprint.hpp"

namespace gtm::cli {

namespace {

// The repository path of every file of a compilation loaded from the working tree.
std::vector<std::string> paths_below(const Compilation& compilation, const fs::path& top) {
  std::vector<std::string> paths;
  for (FileId id = 0; id < compilation.sources.size(); ++id) {
    const std::string& path = compilation.sources.file(id).path();
    std::error_code ec;
    paths.push_back(
        compilation.is_user_file(id)
            ? fs::weakly_canonical(fs::absolute(path), ec).lexically_relative(top).generic_string()
            : path);
  }
  return paths;
}

bool load_staged(const GitRepository& repository, const WorkspaceScope& scope, Compilation& now,
                 std::vector<bool>& reported, Revision& revision, Io& io) {
  std::string error;
  const auto unstaged = repository.unstaged(&error);
  if (!unstaged) {
    io.err << fmt::format("gtmlint: cannot read the index: {}\n", error);
    return false;
  }
  // A staged file the working tree holds as it is staged (every file, under pre-commit) is read
  // from disk, which is cheaper than from git's objects.
  const auto as_staged = [&](const std::string& path) -> std::optional<std::string> {
    if (unstaged->count(path)) return std::nullopt;
    return read_file(repository.top() / path, nullptr);
  };
  if (!load_git_workspace(repository, GitVersion{true, ""}, scope.root, now, revision.now_paths, io,
                          as_staged)) {
    return false;
  }
  reported.assign(now.sources.size(), false);
  for (FileId id = now.first_user_file; id < now.sources.size(); ++id) {
    reported[id] = scope.contains(repository.top() / revision.now_paths[id]);
  }
  return true;
}

}  // namespace

bool load_revision(const CheckOptions& options, Compilation& now, std::vector<bool>& reported,
                   Revision& revision, Io& io) {
  const auto scope = find_scope(options.paths, options.workspace, io);
  if (!scope) return false;
  std::string error;
  const auto repository = GitRepository::open(scope->root, &error);
  if (!repository) {
    io.err << fmt::format("gtmlint: `--against` needs a git repository: {}\n", error);
    return false;
  }
  const auto version = repository->version_at(*options.against, &error);
  if (!version) {
    io.err << fmt::format("gtmlint: `--against {}`: {}\n", *options.against, error);
    return false;
  }
  if (options.staged) {
    if (!load_staged(*repository, *scope, now, reported, revision, io)) return false;
  } else {
    if (!load_workspace(options.paths, options.workspace, now, reported, io)) return false;
    revision.now_paths = paths_below(now, repository->top());
  }
  if (version->tree.empty()) {
    return load_git_workspace(*repository, *version, scope->root, revision.before,
                              revision.before_paths, io);
  }
  auto changes = repository->changes_since(*options.against, options.staged, &error);
  if (!changes) {
    io.err << fmt::format("gtmlint: cannot compare with `{}`: {}\n", *options.against, error);
    return false;
  }
  revision.renamed = changes->renamed;
  // A file the change left alone is read from the workspace now, not again from git.
  std::unordered_map<std::string_view, FileId> now_file;
  for (FileId id = now.first_user_file; id < revision.now_paths.size(); ++id) {
    now_file.emplace(revision.now_paths[id], id);
  }
  const auto unchanged = [&](const std::string& path) -> std::optional<std::string> {
    const auto it = now_file.find(path);
    if (it == now_file.end() || changes->differs.count(path)) return std::nullopt;
    return std::string(now.sources.file(it->second).text());
  };
  return load_git_workspace(*repository, *version, scope->root, revision.before,
                            revision.before_paths, io, unchanged);
}

VersionFindings revision_findings(const Revision& revision, const RuleSelection& selection) {
  std::map<std::string, std::string> now_name;  // at the revision -> now
  for (const auto& [now, then] : revision.renamed) now_name[then] = now;
  std::vector<std::string> stable = revision.before_paths;
  for (std::string& path : stable) {
    if (const auto it = now_name.find(path); it != now_name.end()) path = it->second;
  }
  const Fingerprinter fingerprinter(revision.before, stable);
  VersionFindings found;
  found.compilation = &revision.before;
  for (const Diagnostic& d : revision.before.diagnostics.items()) {
    if (!revision.before.is_user_file(d.span.file) || !selection.selected(d)) continue;
    found.findings.push_back(d);
    found.fingerprints.push_back(fingerprinter.fingerprint(d));
  }
  return found;
}

}  // namespace gtm::cli
