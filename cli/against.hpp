// `check --against REF`: the workspace as it is and as it was at a git revision, and the findings
// the change between them introduced (in any file) and fixed.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "cli/cli.hpp"
#include "cli/git_tree.hpp"
#include "cli/load.hpp"
#include "compiler/compilation.hpp"

namespace gtm::cli {

/// Adds the workspace rooted at `root` as git holds it in `version` (its files named as in the
/// working tree, so that positions and fingerprints line up). `repository_paths[file]` names
/// each file relative to the repository's top level. False, with a message, on a git error.
/// Texts that `known` gives are taken from it instead of git.
bool load_git_workspace(const GitRepository& repository, const GitVersion& version,
                        const fs::path& root, Compilation& compilation,
                        std::vector<std::string>& repository_paths, Io& io,
                        const KnownText& known = {});

/// The findings of one version of the workspace with their fingerprints.
struct VersionFindings {
  const Compilation* compilation = nullptr;
  std::vector<Diagnostic> findings;
  std::vector<std::string> fingerprints;
};

/// A finding the change took away, as it was reported at the revision.
struct FixedFinding {
  std::string location;  ///< `people.gtm:3:1`
  Diagnostic finding;
};

struct ChangeFindings {
  std::vector<Diagnostic> introduced;  ///< in the order checked, with a note at their cause
  std::vector<std::string> fingerprints;
  std::vector<FixedFinding> fixed;
  std::size_t unchanged = 0;  ///< there before and still there
};

/// Compares the two versions' findings by fingerprint (as baselines do: a finding survives
/// edits elsewhere, moves and renames), counting repeats. A new finding on a line the change did
/// not touch gets a note at the change that caused it (`\`bo\` left here`), when one is found.
/// `renamed` maps a file's path now to its path at the revision.
ChangeFindings compare_versions(VersionFindings before, VersionFindings now,
                                const std::map<std::string, std::string>& renamed,
                                const std::vector<std::string>& before_paths,
                                const std::vector<std::string>& now_paths);

}  // namespace gtm::cli
