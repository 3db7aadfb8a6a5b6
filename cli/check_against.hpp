// Loading both sides of `check --against REF`: the workspace now (the working tree, or the
// index with --staged) and as it was at REF.
#pragma once

#include <map>
#include <string>
#include <vector>

#include "cli/against.hpp"
#include "cli/check_options.hpp"

namespace gtm::cli {

/// The revision a check is compared with, loaded beside the workspace now.
struct Revision {
  Compilation before;
  std::vector<std::string> before_paths;       ///< per file of `before`: its repository path
  std::vector<std::string> now_paths;          ///< per file now: its repository path
  std::map<std::string, std::string> renamed;  ///< repository path now -> at the revision
};

/// Loads the workspace now into `now` (`reported` as load_workspace sets it) and as it was at
/// `options.against` into `revision`. False, with a message, outside a git repository, for a
/// revision that names no commit, or on a git or I/O error.
bool load_revision(const CheckOptions& options, Compilation& now, std::vector<bool>& reported,
                   Revision& revision, Io& io);

/// The revision's findings that `selection` keeps, fingerprinted under the names the files have
/// now (a renamed file's findings are the same findings).
VersionFindings revision_findings(const Revision& revision, const RuleSelection& selection);

}  // namespace gtm::cli
