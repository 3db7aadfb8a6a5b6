// Reading a Salesforce DX project (source format) into sfdx::Project.
#pragma once

#include <optional>
#include <string>

#include "cli/import/sfdx_model.hpp"
#include "compiler/syntax/workspace.hpp"

namespace gtm::sfdx {

/// The folders that hold the metadata: every package directory of `sfdx-project.json`, else
/// `force-app/main/default`, else `project` itself.
std::vector<fs::path> metadata_roots(const fs::path& project);

/// Reads every mapped metadata file under the roots. Unreadable or malformed XML files are
/// listed in `not_mapped`, never dropped silently; nullopt (and `error`) only if `project`
/// is not a folder.
std::optional<Project> read_project(const fs::path& project, std::string* error);

}  // namespace gtm::sfdx
