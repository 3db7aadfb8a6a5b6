// Model look-ups.
#include "compiler/semantics/model.hpp"

namespace gtm {

const Attribute* Model::attr(EntityId id, std::string_view name) const {
  const File& file = file_of(id);
  for (const AttrSlot& slot : slots_of(id)) {
    const Attribute& attribute = file.attributes[slot.attribute];
    if (same_name(attribute.name, name)) return &attribute;
  }
  return nullptr;
}

const Expr* Model::attr_expr(EntityId id, std::string_view name) const {
  const Attribute* attribute = attr(id, name);
  return attribute ? &file_of(id).exprs[attribute->value] : nullptr;
}

Span header_span(const File& file, const Block& block) {
  const std::uint32_t end = block.label_kind == LabelKind::None ? block.kind_end : block.label_end;
  return file.span(block.kind_begin, end);
}

Span Model::header_span(EntityId id) const {
  return gtm::header_span(file_of(id), block_of(id));
}

EntityId Model::find(std::string_view name_space, std::string_view name) const {
  const NameTable* space = names.find(name_space);
  return space ? space->find(name) : kNoEntity;
}

std::string_view Model::display_name(EntityId id) const {
  const Entity& entity = entities[id];
  return entity.name.empty() ? std::string_view(kind_of(id).name) : entity.name;
}

}  // namespace gtm
