// Building the field read/write index.
#include "rules/data_flow.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <array>

#include "rules/facts.hpp"

namespace gtm::rules {

namespace {

constexpr std::array<std::string_view, 2> kWriteAttributes = {"writes", "hidden"};
// A form's `required` list says which of its inputs must be filled: the form writes them through
// `writes` (or `hidden`), not through `required`.
constexpr std::array<std::string_view, 3> kMentionAttributes = {"affects", "blocks", "required"};

bool is_field(const Model& model, EntityId id) {
  return id != kNoEntity && model.kind_of(id).name_space == "fields";
}

EntityId top_level(const Model& model, EntityId id) {
  while (model.entities[id].parent != kNoEntity) id = model.entities[id].parent;
  return id;
}

class Indexer {
 public:
  Indexer(const Model& model, DataFlow& flow) : model_(model), flow_(flow) {}

  void entity(EntityId id) {
    const File& file = model_.file_of(id);
    directions_ = sync_directions(model_, id);
    by_ = top_level(model_, id);
    for (const AttrSlot& slot : model_.slots_of(id)) {
      const Attribute& a = file.attributes[slot.attribute];
      Role role = Role::Read;
      if (std::find(kWriteAttributes.begin(), kWriteAttributes.end(), a.name) !=
          kWriteAttributes.end()) {
        role = Role::Write;
      } else if (std::find(kMentionAttributes.begin(), kMentionAttributes.end(), a.name) !=
                 kMentionAttributes.end()) {
        role = Role::Mention;
      }
      visit(file, a.value, role);
    }
  }

 private:
  enum class Role { Read, Write, Mention };

  void record(const File& file, ExprId id, Role role) {
    const EntityId field = model_.target(file.id, id);
    if (!is_field(model_, field)) return;
    auto& uses = role == Role::Write  ? flow_.writers
                 : role == Role::Read ? flow_.readers
                                      : flow_.mentions;
    uses[field].push_back({by_, file.span_of(file.exprs[id])});
  }

  void visit(const File& file, ExprId id, Role role) {
    const Expr& e = file.exprs[id];
    if (e.kind == ExprKind::Reference) return record(file, id, role);
    if (e.kind == ExprKind::Mapping) {
      const auto sides = file.children(e);
      record(file, sides[0], Role::Read);
      record(file, sides[1], Role::Write);
      if (directions_.copies_back(e)) {
        record(file, sides[0], Role::Write);
        record(file, sides[1], Role::Read);
      }
      return;
    }
    for (ExprId child : file.children(e)) visit(file, child, role);
  }

  const Model& model_;
  DataFlow& flow_;
  EntityId by_ = kNoEntity;
  SyncDirections directions_;
};

}  // namespace

DataFlow build_data_flow(const Model& model) {
  DataFlow flow;
  Indexer indexer(model, flow);
  for (EntityId id = 0; id < model.entities.size(); ++id) {
    const Entity& entity = model.entities[id];
    if (!entity.from_stdlib && entity.kind != Schema::kUnknownKind) indexer.entity(id);
  }
  return flow;
}

std::string describe_entity(const Model& model, EntityId id) {
  return fmt::format("{} `{}`", model.kind_of(id).name, model.display_name(id));
}

}  // namespace gtm::rules
