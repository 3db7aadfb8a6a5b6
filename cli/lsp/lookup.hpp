// What is at a position of a file: a reference, an entity's name, an attribute's name, a block's
// kind, a waiver's rule id; and every reference to an entity across the workspace.
#pragma once

#include <vector>

#include "compiler/compilation.hpp"

namespace gtm::lsp {

struct Target {
  enum class Kind { Nothing, Reference, Declaration, AttributeName, BlockKind, WaiverRule };
  Kind kind = Kind::Nothing;
  EntityId entity = kNoEntity;  ///< the referenced or declared entity; the block for the others
  Span span;                    ///< the token under the position
  std::string_view text;        ///< its text
};

Target target_at(const Compilation& compilation, FileId file, std::uint32_t offset);

/// The innermost entity whose block contains `offset`.
EntityId entity_at(const Compilation& compilation, FileId file, std::uint32_t offset);

/// Every reference to `entity` in the user's files.
std::vector<Span> references_to(const Compilation& compilation, EntityId entity);

/// The span of an entity's name as declared (its label).
Span declaration_span(const Model& model, EntityId entity);

}  // namespace gtm::lsp
