// Reading a workspace's files as git holds them, at a commit or in the index, from git's objects
// (no checkout, no network), for `check --against REF`.
#pragma once

#include <filesystem>
#include <functional>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <vector>

namespace gtm::cli {

/// One version of the repository's files: the tree of a commit, or the index (what is staged).
struct GitVersion {
  bool index = false;
  std::string tree;  ///< a tree id; empty (and not the index) for the empty tree
};

/// What differs between a commit and the working tree (or the index), by path.
struct TreeChanges {
  std::map<std::string, std::string> renamed;  ///< path now -> path at the commit
  std::set<std::string> differs;  ///< paths at the commit whose content is not the same now
};

/// A file's text known without asking git (a file the change left as it was), or nullopt.
using KnownText = std::function<std::optional<std::string>(const std::string& path)>;

/// A `.gtm` file as git holds it, named relative to the repository's top level.
struct GitFile {
  std::string path;
  std::string text;
};

class GitRepository {
 public:
  /// The repository that holds `inside`; nullopt, with `error` set, if there is none (or git
  /// cannot be run).
  static std::optional<GitRepository> open(const std::filesystem::path& inside, std::string* error);

  const std::filesystem::path& top() const { return top_; }

  /// The tree of the commit `ref` names. `HEAD` of a repository without a commit yet is the
  /// empty tree (the first commit is checked against nothing). nullopt, with `error` set, when
  /// `ref` names no commit.
  std::optional<GitVersion> version_at(const std::string& ref, std::string* error) const;

  /// The `.gtm` files of the workspace whose root is `prefix` (relative to the top level; empty
  /// for the top) in `version`, sorted by path, with the same boundaries as a workspace on disk:
  /// skipped folders and folders holding their own gtmlint.gtm are left out.
  /// Texts that `known` gives are not read from git.
  std::optional<std::vector<GitFile>> workspace_files(const GitVersion& version,
                                                      const std::string& prefix, std::string* error,
                                                      const KnownText& known = {}) const;

  /// The tracked files whose working-tree text differs from the index (the rest can be read
  /// from disk instead of from git's objects).
  std::optional<std::set<std::string>> unstaged(std::string* error) const;

  /// What the working tree (or the index) changed since the commit `ref`, renames included.
  std::optional<TreeChanges> changes_since(const std::string& ref, bool index,
                                           std::string* error) const;

 private:
  explicit GitRepository(std::filesystem::path top) : top_(std::move(top)) {}
  std::optional<std::string> git(const std::vector<std::string>& args, std::string* error,
                                 const std::string& input = {}) const;

  std::filesystem::path top_;
};

}  // namespace gtm::cli
