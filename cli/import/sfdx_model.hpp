// What `gtmlint import sfdx` reads from a Salesforce DX project, before it becomes .gtm: plain
// records of the metadata it maps, in the order found, and what it could not map.
#pragma once

#include <map>
#include <string>
#include <vector>

namespace gtm::sfdx {

/// objects/OBJECT/fields/NAME.field-meta.xml (a CustomField).
struct Field {
  std::string object;
  std::string name;  ///< the API name, e.g. Industry__c
  std::string type;  ///< Salesforce's type, e.g. Picklist; empty for many standard fields
  std::string label, description, help;
  std::string owner_user, owner_group;  ///< businessOwnerUser / businessOwnerGroup
  std::string business_status;          ///< Active, DeprecateCandidate, Hidden
  std::string classification;           ///< securityClassification
  std::vector<std::string> compliance;  ///< complianceGroup, split at `;`
  std::vector<std::string> values;      ///< picklist values defined on the field
  std::string value_set;                ///< or the global value set it uses
  std::string reference_to;             ///< Lookup / MasterDetail target object
};

/// One criteriaItem of an assignment rule entry.
struct Criterion {
  std::string field;  ///< OBJECT.FIELD as Salesforce writes it
  std::string operation;
  std::string value;
};

struct RuleEntry {
  std::vector<Criterion> criteria;
  std::string boolean_filter;  ///< e.g. `1 AND (2 OR 3)`; empty means all criteria
  std::string formula;         ///< a formula instead of criteria
  std::string assigned_to, assigned_to_type;
};

/// One assignmentRule of assignmentRules/OBJECT.assignmentRules-meta.xml.
struct AssignmentRule {
  std::string object, name;
  bool active = false;
  std::vector<RuleEntry> entries;
};

struct Queue {
  std::string name, email;
  std::vector<std::string> users;
};

/// A flow, or a workflow rule with its field updates.
struct Automation {
  std::string name;    ///< the API name (flows) or OBJECT + rule name (workflow rules)
  std::string source;  ///< "flow" or "workflow"
  std::string object, trigger, description;
  bool active = false;
  std::vector<std::string> writes;  ///< fields of `object` it sets
  std::string fault_target;         ///< the element a fault path leads to, if any
};

struct Project {
  std::vector<Field> fields;
  std::map<std::string, std::vector<std::string>> value_sets;  ///< standard and global, by name
  std::vector<AssignmentRule> assignment_rules;
  std::vector<Queue> queues;
  std::vector<Automation> automations;
  std::vector<std::string> not_mapped;  ///< one line per thing left out, for the summary
  std::map<std::string, std::size_t> other_metadata;  ///< metadata types not imported, counted
};

}  // namespace gtm::sfdx
