// Name resolution: what a written name refers to, given the kinds it may refer to, and the
// closest name of those kinds when it refers to nothing.
#pragma once

#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "compiler/diagnostic.hpp"
#include "compiler/model.hpp"

namespace gtm {

struct Resolution {
  EntityId entity = kNoEntity;      ///< the entity of an allowed kind, if found
  EntityId wrong_kind = kNoEntity;  ///< an entity of another kind with that name
};

/// Resolves `name` as one of `kinds` (kind names; `object` means a `system.object` path).
Resolution resolve_name(const Model& model, std::string_view name,
                        std::span<const std::string> kinds);

/// The closest existing name among entities of `kinds`.
std::optional<std::string> suggest_name(const Model& model, std::string_view name,
                                        std::span<const std::string> kinds);

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
