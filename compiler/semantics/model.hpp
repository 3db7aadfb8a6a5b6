// The semantic model: every block bound to its kind as an entity, the namespaces, and what
// each reference in the source resolved to. Passes fill it in order (bind, symbols, typecheck);
// policies and rules/ read it.
#pragma once

#include <cstdint>
#include <span>
#include <string_view>
#include <vector>

#include "compiler/base/name_map.hpp"
#include "compiler/semantics/name_table.hpp"
#include "compiler/semantics/schema.hpp"
#include "compiler/semantics/vocabulary.hpp"
#include "compiler/syntax/ast.hpp"

namespace gtm {

/// One attribute of an entity: which schema attribute and which AST attribute holds its value.
struct AttrSlot {
  std::uint32_t attr = 0;  ///< index into KindSchema::attrs, or kAnyAttr for any_attr
  AttributeId attribute = 0;
};
constexpr std::uint32_t kAnyAttr = ~std::uint32_t{0};

struct Entity {
  KindId kind = kNoKind;
  FileId file = 0;
  BlockId block = 0;
  EntityId parent = kNoEntity;
  std::string_view name;  ///< the block's label as written (a full path for fields); may be empty
  std::uint32_t first_slot = 0, slot_count = 0;
  std::uint32_t first_child = 0, child_count = 0;
  bool has_error = false;  ///< cut short by a syntax error: present, but not checked for absences
  bool from_stdlib = false;
};

/// The span that names a block: its kind and label (`person dana`).
Span header_span(const File& file, const Block& block);

struct Model {
  Schema schema;
  std::vector<const File*> files;  ///< by FileId
  std::vector<Entity> entities;
  std::vector<AttrSlot> slots;
  std::vector<EntityId> children;
  /// Names by namespace (`entities`, `rules`, ...; fields by full path in `fields`).
  Namespaces names;
  /// `system.object` -> the first field declared on it.
  NameMap<EntityId> objects;
  /// The field types and condition functions the workspace is written in (CompileOptions).
  const Vocabulary* vocabulary = &empty_vocabulary();
  /// For each file, for each expression: the entity a reference resolved to, or kNoEntity.
  std::vector<std::vector<EntityId>> targets;

  const KindSchema& kind_of(EntityId id) const { return schema.kind(entities[id].kind); }
  const File& file_of(EntityId id) const { return *files[entities[id].file]; }
  const Block& block_of(EntityId id) const {
    return files[entities[id].file]->blocks[entities[id].block];
  }
  std::span<const AttrSlot> slots_of(EntityId id) const {
    return {slots.data() + entities[id].first_slot, entities[id].slot_count};
  }
  std::span<const EntityId> children_of(EntityId id) const {
    return {children.data() + entities[id].first_child, entities[id].child_count};
  }
  /// The expression of attribute `name` of an entity, or nullptr when it is not written.
  const Expr* attr_expr(EntityId id, std::string_view name) const;
  const Attribute* attr(EntityId id, std::string_view name) const;
  /// The span that names an entity: its kind and label (`person dana`).
  Span header_span(EntityId id) const;
  EntityId target(FileId file, ExprId expr) const { return targets[file][expr]; }
  EntityId find(std::string_view name_space, std::string_view name) const;
  /// The entity's name for messages: its label, or its kind for unnamed blocks.
  std::string_view display_name(EntityId id) const;
};

}  // namespace gtm
