// The GTM map: how entities connect — syncs between systems, forms, automations, nurtures and
// dashboards in their systems, tags where they are deployed, handoffs between teams, routings
// from their object's system to their assignees, and (from rules/data_flow) what writes and
// reads each field. `graph` draws it; the meaning of each connection is decided here.
#pragma once

#include <string>
#include <vector>

#include "compiler/semantics/model.hpp"

namespace gtm::rules {

struct Connection {
  EntityId from = kNoEntity, to = kNoEntity;
  std::string label;    ///< `sync x (3 fields), both ways`, `SLA 4h`, a rule's name, ...
  bool dashed = false;  ///< a sync to its target: the sync itself, so its findings show
};

struct ConnectionOptions {
  bool fields = false;  ///< each field, with what writes it and what reads it
  bool tags = false;    ///< tracking tags in their systems
};

struct GtmMap {
  std::vector<EntityId> systems;  ///< every system, connected or not
  std::vector<Connection> connections;
};

/// The map of the user's entities, in declaration order (fields sorted by entity).
GtmMap build_map(const Model& model, ConnectionOptions options);

}  // namespace gtm::rules
