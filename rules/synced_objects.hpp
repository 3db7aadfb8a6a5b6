// Objects whose records are the same people: a sync that copies fields between two objects
// (hubspot.contact -> salesforce.lead) makes each contact a record in both. Analyses of who a
// condition matches (nurture-suppression) read the objects of a group as one set of people, the
// fields a sync maps holding one value.
#pragma once

#include <cstddef>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <vector>

#include "compiler/semantics/model.hpp"

namespace gtm::rules {

struct ObjectGroup {
  std::vector<std::string_view> objects;
  std::vector<std::pair<EntityId, EntityId>> same_fields;  ///< a sync's source and destination
  std::vector<EntityId> syncs;                             ///< the sync of each same_fields pair
  /// Fields a sync copies through a `values` translation: one person's two values differ, in a
  /// way the analyses do not follow (field -> the sync that translates it).
  std::vector<std::pair<EntityId, EntityId>> translated;

  /// The sync that translates a field's values on the way between the objects, or kNoEntity.
  EntityId translating_sync(EntityId field) const;
  /// The first sync that maps a field of `a` to one of `b` or back, or of the group if none does.
  EntityId sync_between(const Model& model, std::string_view a, std::string_view b) const;
};

class SyncedObjects {
 public:
  explicit SyncedObjects(const Model& model);
  /// The group of an object (an object no sync joins is a group of its own).
  std::size_t group_of(std::string_view object);
  const ObjectGroup& group(std::size_t index) const { return groups_[index]; }

 private:
  std::vector<ObjectGroup> groups_;
  std::unordered_map<std::string_view, std::size_t> index_;
};

}  // namespace gtm::rules
