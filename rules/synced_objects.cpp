// Grouping objects by the syncs between them.
#include "rules/synced_objects.hpp"

#include <map>

#include "rules/facts.hpp"

namespace gtm::rules {

namespace {

// Union-find over object names.
class Joins {
 public:
  std::string_view root(std::string_view object) {
    auto it = parent_.try_emplace(object, object).first;
    while (it->second != it->first) it = parent_.find(it->second);
    return it->first;
  }
  void join(std::string_view a, std::string_view b) { parent_[root(a)] = root(b); }

 private:
  std::map<std::string_view, std::string_view> parent_;
};

struct Link {
  EntityId sync, from, to;
  bool translated = false;
};

// Whether a sync has a `values` block for one of the two fields of a copy.
bool translates(const Model& model, EntityId sync, const FieldCopy& copy) {
  for (EntityId block : model.children_of(sync)) {
    const Attribute* field = model.attr(block, "field");
    if (!field) continue;
    const EntityId named = model.target(model.entities[block].file, field->value);
    if (named == copy.from || named == copy.to) return true;
  }
  return false;
}

}  // namespace

SyncedObjects::SyncedObjects(const Model& model) {
  const KindId sync_kind = model.schema.find_top_level("sync");
  if (sync_kind == kNoKind) return;
  Joins joins;
  std::vector<Link> links;
  for (EntityId id = 0; id < model.entities.size(); ++id) {
    const Entity& entity = model.entities[id];
    if (entity.kind != sync_kind || entity.from_stdlib || entity.has_error) continue;
    for (const FieldCopy& copy : field_copies(model, id)) {
      const std::string_view a = object_of_field(model.entities[copy.from].name);
      const std::string_view b = object_of_field(model.entities[copy.to].name);
      if (a == b) continue;
      joins.join(a, b);
      links.push_back({id, copy.from, copy.to, translates(model, id, copy)});
    }
  }
  for (const Link& link : links) {
    const std::string_view object = object_of_field(model.entities[link.from].name);
    ObjectGroup& group = groups_[group_of(joins.root(object))];
    if (link.translated) {
      group.translated.emplace_back(link.from, link.sync);
      group.translated.emplace_back(link.to, link.sync);
    } else {
      group.same_fields.emplace_back(link.from, link.to);
      group.syncs.push_back(link.sync);
    }
    for (const EntityId field : {link.from, link.to}) {
      const std::string_view member = object_of_field(model.entities[field].name);
      if (index_.emplace(member, index_.at(joins.root(object))).second) {
        group.objects.push_back(member);
      }
    }
  }
}

EntityId ObjectGroup::translating_sync(EntityId field) const {
  for (const auto& [translated_field, sync] : translated) {
    if (translated_field == field) return sync;
  }
  return kNoEntity;
}

EntityId ObjectGroup::sync_between(const Model& model, std::string_view a,
                                   std::string_view b) const {
  for (std::size_t i = 0; i < same_fields.size(); ++i) {
    const std::string_view from = object_of_field(model.entities[same_fields[i].first].name);
    const std::string_view to = object_of_field(model.entities[same_fields[i].second].name);
    if ((from == a && to == b) || (from == b && to == a)) return syncs[i];
  }
  if (!syncs.empty()) return syncs.front();
  return translated.empty() ? kNoEntity : translated.front().second;
}

std::size_t SyncedObjects::group_of(std::string_view object) {
  const auto [it, added] = index_.emplace(object, groups_.size());
  if (added) groups_.push_back(ObjectGroup{{object}, {}, {}, {}});
  return it->second;
}

}  // namespace gtm::rules
