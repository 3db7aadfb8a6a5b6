// Name resolution: what a written name refers to, given the kinds it may refer to, and the
// closest name of those kinds when it refers to nothing.
#pragma once

#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "compiler/diagnostics/diagnostic.hpp"
#include "compiler/semantics/model.hpp"

namespace gtm {

struct Resolution {
  EntityId entity = kNoEntity;      ///< the entity of an allowed kind, if found
  EntityId wrong_kind = kNoEntity;  ///< an entity of another kind with that name
};

/// The kinds a reference may name (`ref(person, team)`), each with the namespace its names are
/// declared in. Found once per type rather than per reference: a million references share a
/// handful of types.
struct RefKinds {
  struct Kind {
    std::string_view name;             ///< as the type writes it
    KindId id = kNoKind;               ///< the top-level kind of that name, if there is one
    const NameTable* names = nullptr;  ///< its namespace, if anything was declared in it
    bool object = false;               ///< `object`: a `system.object` path
  };
  std::vector<Kind> kinds;
};
RefKinds ref_kinds(const Model& model, std::span<const std::string> kinds);

/// Resolves `name` as one of `kinds`.
Resolution resolve_name(const Model& model, std::string_view name, const RefKinds& kinds);

/// The closest existing name among entities of `kinds`.
std::optional<std::string> suggest_name(const Model& model, std::string_view name,
                                        const RefKinds& kinds);

/// The field `object.name` (or `name` itself when it is a full path), or kNoEntity.
EntityId resolve_field(const Model& model, std::string_view object, std::string_view name);
/// Whether a field path names a field of `object` (`crm.lead.status` of `crm.lead`).
bool is_field_of(std::string_view path, std::string_view object);
std::optional<std::string> suggest_field(const Model& model, std::string_view object,
                                         std::string_view name);

/// Reports `unresolved-reference` at `span`, adding the suggestion and its fix when there is one.
void report_unresolved(Diagnostics& diagnostics, Span span, std::string message,
                       std::optional<std::string> suggestion);

}  // namespace gtm
