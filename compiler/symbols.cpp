// Namespaces and duplicate names.
#include "compiler/symbols.hpp"

#include <fmt/format.h>

#include <algorithm>

namespace gtm {

void SymbolTable::report_duplicate(EntityId id, EntityId first, std::string message) {
  const Entity& earlier = model_.entities[first];
  Diagnostic& d = diagnostics_.error("duplicate-name", model_.header_span(id), std::move(message));
  if (!earlier.from_stdlib) d.notes.push_back({model_.header_span(first), "first declared here"});
}

void SymbolTable::declare(EntityId id) {
  const Entity& entity = model_.entities[id];
  const KindSchema& kind = model_.kind_of(id);
  check_siblings(id);
  if (kind.singleton) {
    const auto [it, inserted] = singletons_.emplace(entity.kind, id);
    if (!inserted) {
      report_duplicate(id, it->second,
                       fmt::format("only one `{}` block is allowed in a workspace", kind.name));
    }
    return;
  }
  if (entity.name.empty()) return;
  const HashedName name(entity.name, model_.block_of(id).label_hash);
  const auto [it, inserted] = names_of(entity.kind).emplace(name, id);
  if (!inserted) {
    const EntityId first = it->second;
    report_duplicate(
        id, first,
        fmt::format("`{}` is already declared as a {}", entity.name,
                    model_.kind_of(first).name.empty() ? "block" : model_.kind_of(first).name));
    return;
  }
  if (kind.label == LabelRule::Path && kind.path_segments == 3) {
    const std::string_view object = entity.name.substr(0, entity.name.rfind('.'));
    model_.objects.emplace(object, id);
  }
}

NameMap<EntityId>& SymbolTable::names_of(KindId kind) {
  if (names_by_kind_.size() <= kind) names_by_kind_.resize(model_.schema.size(), nullptr);
  NameMap<EntityId>*& names = names_by_kind_[kind];
  if (names == nullptr) {
    names = &model_.names[kind == Schema::kUnknownKind ? std::string_view("entities")
                                                       : model_.schema.kind(kind).name_space];
  }
  return *names;
}

void SymbolTable::check_siblings(EntityId parent) {
  if (model_.entities[parent].child_count == 0) return;  // most entities: nothing to compare
  std::unordered_map<std::string_view, EntityId> seen;
  for (EntityId child : model_.children_of(parent)) {
    check_siblings(child);
    const Entity& entity = model_.entities[child];
    if (entity.name.empty() || model_.kind_of(child).singleton) continue;
    // Siblings of different kinds may share a name (a `metric` and a `waiver`, say).
    const auto [it, inserted] = seen.emplace(entity.name, child);
    if (!inserted && model_.entities[it->second].kind == entity.kind) {
      report_duplicate(child, it->second,
                       fmt::format("`{}` already has a {} named `{}`", model_.display_name(parent),
                                   model_.kind_of(child).name, entity.name));
    }
  }
}

}  // namespace gtm
