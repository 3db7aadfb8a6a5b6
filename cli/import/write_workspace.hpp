// sfdx::Project -> the text of a gtmlint workspace: one file per object with its fields, and
// files for routing, queues, the lead lifecycle, automations, the system, and stubs for the
// people and groups Salesforce names. Everything that could not be mapped exactly is added to
// the project's `not_mapped` list.
#pragma once

#include <map>
#include <string>
#include <vector>

#include "cli/import/sfdx_model.hpp"

namespace gtm::sfdx {

struct ImportCounts {
  std::size_t fields = 0, objects = 0, routings = 0, rules = 0, queues = 0, automations = 0,
              lifecycles = 0, people = 0, teams = 0;
};

struct ImportedWorkspace {
  std::map<std::string, std::string> files;  ///< relative path -> unformatted .gtm text
  ImportCounts counts;
  /// Fields declared because assignment rules, flows or workflow rules name them while the
  /// project holds no field file for them (standard fields, mostly): `Lead.Status`, sorted.
  std::vector<std::string> fields_without_file;
};

ImportedWorkspace write_workspace(Project& project, const std::string& system);

}  // namespace gtm::sfdx
