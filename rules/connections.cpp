// Connections between entities, read from their attributes.
#include "rules/connections.hpp"

#include <fmt/format.h>

#include <algorithm>

#include "rules/data_flow.hpp"
#include "rules/facts.hpp"

namespace gtm::rules {

namespace {

// The system a member's path starts with (`salesforce` in `salesforce.lead.status`).
EntityId system_of_member(const Model& model, EntityId member) {
  const std::string_view path = model.entities[member].name;
  return model.find("entities", path.substr(0, path.find('.')));
}

class MapBuilder {
 public:
  MapBuilder(const Model& model, GtmMap& map) : model_(model), map_(map) {}

  void entity(EntityId id, ConnectionOptions options) {
    const std::string& kind = model_.kind_of(id).name;
    if (kind == "system") {
      map_.systems.push_back(id);
    } else if (kind == "tag" && options.tags) {
      link(id, attr_target(model_, id, "system"), "deployed in");
    } else if (kind == "sync") {
      sync(id);
    } else if (kind == "form" || kind == "automation" || kind == "nurture" || kind == "dashboard") {
      link(id, attr_target(model_, id, "system"), kind == "dashboard" ? "in" : "runs in");
    } else if (kind == "handoff") {
      const Expr* sla = model_.attr_expr(id, "sla");
      link(attr_target(model_, id, "from"), id, "");
      link(id, attr_target(model_, id, "to"), sla ? fmt::format("SLA {}", sla->text) : "no SLA");
    } else if (kind == "routing") {
      routing(id);
    }
  }

  // Writers point at the fields they write, fields at their readers.
  void fields() {
    const DataFlow flow = build_data_flow(model_);
    for (const auto* uses : {&flow.writers, &flow.readers}) {
      std::vector<std::pair<EntityId, const std::vector<FieldUse>*>> sorted;
      for (const auto& [field, list] : *uses) sorted.emplace_back(field, &list);
      std::sort(sorted.begin(), sorted.end());  // the maps' order is arbitrary
      for (const auto& [field, list] : sorted) {
        for (const FieldUse& use : *list) {
          if (uses == &flow.writers) {
            link(use.by, field, "writes");
          } else {
            link(field, use.by, "read by");
          }
        }
      }
    }
  }

 private:
  void link(EntityId from, EntityId to, std::string label, bool dashed = false) {
    if (from == kNoEntity || to == kNoEntity) return;
    map_.connections.push_back({from, to, std::move(label), dashed});
  }

  void sync(EntityId id) {
    const Attribute* fields = model_.attr(id, "fields");
    const std::size_t count = fields ? model_.file_of(id).exprs[fields->value].child_count : 0;
    std::string label = fmt::format("sync {}", model_.display_name(id));
    if (count > 0) label += fmt::format(" ({} field{})", count, count == 1 ? "" : "s");
    if (sync_directions(model_, id).any_both_ways) label += ", both ways";
    link(attr_target(model_, id, "from"), attr_target(model_, id, "to"), label);
    link(id, attr_target(model_, id, "to"), "", true);
  }

  // From the system of the routed object (when the object has members) to each assignee.
  void routing(EntityId id) {
    if (const Expr* object = model_.attr_expr(id, "object")) {
      if (const auto it = model_.objects.find(object->text); it != model_.objects.end()) {
        link(system_of_member(model_, it->second), id, std::string(object->text));
      }
    }
    for (EntityId rule : model_.children_of(id)) {
      if (const Attribute* assign = model_.attr(rule, "assign")) {
        assignees(id, model_.file_of(rule), assign->value, std::string(model_.display_name(rule)));
      }
    }
    if (const Attribute* fallback = model_.attr(id, "fallback")) {
      assignees(id, model_.file_of(id), fallback->value, "fallback");
    }
  }

  void assignees(EntityId routing, const File& file, ExprId assign, const std::string& label) {
    const Expr& e = file.exprs[assign];
    if (e.kind == ExprKind::Reference) {
      link(routing, model_.target(file.id, assign), label);
      return;
    }
    for (ExprId member : file.children(e)) assignees(routing, file, member, label);
  }

  const Model& model_;
  GtmMap& map_;
};

}  // namespace

GtmMap build_map(const Model& model, ConnectionOptions options) {
  GtmMap map;
  MapBuilder builder(model, map);
  for (EntityId id = 0; id < model.entities.size(); ++id) {
    const Entity& entity = model.entities[id];
    if (entity.from_stdlib || entity.kind == Schema::kUnknownKind) continue;
    builder.entity(id, options);
  }
  if (options.fields) builder.fields();
  return map;
}

}  // namespace gtm::rules
