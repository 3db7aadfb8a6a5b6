// Who writes and who reads each field: syncs (`a -> b` reads a and writes b; `a <-> b` both ways,
// as rules/facts.hpp's sync_directions says), automations (`reads`, `writes`), forms (`writes`,
// `hidden`, `required`), and everything that names a field in a condition or a list of sources.
// Mentions (`affects`, `blocks`) are neither. Shared by the data-flow rules, `graph` and `export`.
#pragma once

#include <unordered_map>
#include <vector>

#include "compiler/semantics/model.hpp"

namespace gtm::rules {

struct FieldUse {
  EntityId by = kNoEntity;  ///< the top-level entity that reads or writes (a routing for its rules)
  Span at;                  ///< the reference
};

struct DataFlow {
  std::unordered_map<EntityId, std::vector<FieldUse>> writers;
  std::unordered_map<EntityId, std::vector<FieldUse>> readers;
  std::unordered_map<EntityId, std::vector<FieldUse>> mentions;
};

DataFlow build_data_flow(const Model& model);

/// `sync hubspot_salesforce`: how a reader or writer is named in messages.
std::string describe_entity(const Model& model, EntityId id);

}  // namespace gtm::rules
