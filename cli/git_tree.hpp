// Reading a workspace's files as git holds them, at a commit or in the index, from git's objects
// (no checkout, no network), for `check --against REF`.
#pragma once

#include <filesystem>
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace gtm::cli {

/// One version of the repository's files: the tree of a commit, or the index (what is staged).
struct GitVersion {
  bool index = false;
  std::string tree;  ///< a tree id; empty (and not the index) for the empty tree
};

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
  std::optional<std::vector<GitFile>> workspace_files(const GitVersion& version,
                                                      const std::string& prefix,
                                                      std::string* error) const;

  /// Files git sees as renamed between the commit `ref` and the working tree (or the index):
  /// new path -> old path.
  std::optional<std::map<std::string, std::string>> renames(const std::string& ref, bool index,
                                                            std::string* error) const;

 private:
  explicit GitRepository(std::filesystem::path top) : top_(std::move(top)) {}
  std::optional<std::string> git(const std::vector<std::string>& args, std::string* error,
                                 const std::string& input = {}) const;

  std::filesystem::path top_;
};

}  // namespace gtm::cli
