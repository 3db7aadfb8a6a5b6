// Looking names up in the model's namespaces.
#include "compiler/semantics/resolve.hpp"

#include <fmt/format.h>

#include <algorithm>

#include "compiler/diagnostics/compiler_rules.hpp"
#include "compiler/semantics/suggest.hpp"

namespace gtm {

namespace {

// Names found in a namespace are top-level entities, whose kind names are unique: comparing
// kinds by id is comparing them by name.
bool kind_allowed(const Model& model, EntityId id, const RefKinds& kinds) {
  const KindId kind = model.entities[id].kind;
  if (kind == Schema::kUnknownKind) return true;  // present, unknown: never a second error
  return std::any_of(kinds.kinds.begin(), kinds.kinds.end(),
                     [&](const RefKinds::Kind& allowed) { return allowed.id == kind; });
}

// An object path names a declared object, or an object of a declared root (`salesforce.x`).
EntityId resolve_object(const Model& model, std::string_view path) {
  if (const auto it = model.objects.find(path); it != model.objects.end()) return it->second;
  const std::size_t dot = path.find('.');
  if (dot == std::string_view::npos || path.find('.', dot + 1) != std::string_view::npos) {
    return kNoEntity;
  }
  return model.find("entities", path.substr(0, dot));
}

}  // namespace

RefKinds ref_kinds(const Model& model, std::span<const std::string> kinds) {
  RefKinds out;
  for (const std::string& name : kinds) {
    RefKinds::Kind& kind = out.kinds.emplace_back();
    kind.name = name;
    kind.id = model.schema.find_top_level(name);
    kind.object = name == "object";
    if (kind.object) continue;
    kind.names = model.names.find(kind.id == kNoKind ? std::string_view("entities")
                                                     : model.schema.kind(kind.id).name_space);
  }
  return out;
}

Resolution resolve_name(const Model& model, std::string_view name, const RefKinds& kinds) {
  Resolution result;
  for (const RefKinds::Kind& kind : kinds.kinds) {
    const EntityId id = kind.object  ? resolve_object(model, name)
                        : kind.names ? kind.names->find(name)
                                     : kNoEntity;
    if (id == kNoEntity) continue;
    if (kind.object || kind_allowed(model, id, kinds)) {
      result.entity = id;
      return result;
    }
    result.wrong_kind = id;
  }
  return result;
}

std::optional<std::string> suggest_name(const Model& model, std::string_view name,
                                        const RefKinds& kinds) {
  // Candidates from every namespace the kinds name (each once) and from the objects, then the
  // best that is of an allowed kind: ClosestName's choice over all of them, searched one edit
  // further at a time (closest_in).
  std::vector<const NameTable*> tables;
  bool objects = false;
  for (const RefKinds::Kind& kind : kinds.kinds) {
    objects = objects || kind.object;
    if (kind.names && std::find(tables.begin(), tables.end(), kind.names) == tables.end()) {
      tables.push_back(kind.names);
    }
  }
  const ClosestName measure(name);
  std::vector<NameIndex::Near> candidates;
  for (std::size_t limit = 1; limit <= measure.limit(); ++limit) {
    candidates.clear();
    for (const NameTable* table : tables) {
      for (const NameIndex::Near& near : table->suggestions().near(name, limit)) {
        candidates.push_back(near);
      }
    }
    if (objects) {
      for (const auto& [object, id] : model.objects) {
        const std::size_t distance = measure.distance_to(object);
        if (distance <= limit) candidates.push_back({object, kNoEntity, distance});
      }
    }
    auto best = best_of(candidates, [&](std::uint32_t id) {
      return id == kNoEntity || (kind_allowed(model, id, kinds) && !model.entities[id].from_stdlib);
    });
    if (best) return best;
  }
  return std::nullopt;
}

bool is_field_of(std::string_view path, std::string_view object) {
  return path.size() > object.size() && path.starts_with(object) && path[object.size()] == '.';
}

EntityId resolve_field(const Model& model, std::string_view object, std::string_view name) {
  std::string joined;
  std::string_view path = name;
  if (name.find('.') == std::string_view::npos) path = joined = fmt::format("{}.{}", object, name);
  for (const std::string& space : model.schema.member_namespaces()) {
    if (const EntityId id = model.find(space, path); id != kNoEntity) return id;
  }
  return kNoEntity;
}

std::optional<std::string> suggest_field(const Model& model, std::string_view object,
                                         std::string_view name) {
  const bool bare = name.find('.') == std::string_view::npos;
  const std::string prefix = bare ? std::string(object) + "." : std::string();
  for (const std::string& space : model.schema.member_namespaces()) {
    const NameTable* table = model.names.find(space);
    if (!table) continue;
    auto best = closest_in(
        table->suggestions(), name, [](std::uint32_t) { return true; }, prefix);
    if (best) return best;
  }
  return std::nullopt;
}

void report_unresolved(Diagnostics& diagnostics, Span span, std::string message,
                       std::optional<std::string> suggestion) {
  if (suggestion) message += fmt::format("; did you mean `{}`?", *suggestion);
  Diagnostic& d = diagnostics.report(compiler_rule::kUnresolvedReference, span, std::move(message));
  if (suggestion) d.fix = Fix{span, *suggestion, fmt::format("replace with `{}`", *suggestion)};
}

}  // namespace gtm
