// Finding targets and references.
#include "cli/lsp/lookup.hpp"

namespace gtm::lsp {

namespace {

bool contains(std::uint32_t begin, std::uint32_t end, std::uint32_t offset) {
  return begin <= offset && offset <= end;  // the end counts: the cursor just after a word
}

// The innermost reference in an expression that contains `offset`.
std::optional<ExprId> reference_in(const File& file, ExprId id, std::uint32_t offset) {
  const Expr& e = file.exprs[id];
  if (!contains(e.begin, e.end, offset)) return std::nullopt;
  for (ExprId child : file.children(e)) {
    if (auto found = reference_in(file, child, offset)) return found;
  }
  if (e.kind == ExprKind::Reference) return id;
  return std::nullopt;
}

}  // namespace

EntityId entity_at(const Compilation& compilation, FileId file, std::uint32_t offset) {
  const Model& model = compilation.model;
  EntityId best = kNoEntity;
  std::uint32_t best_size = ~std::uint32_t{0};
  for (EntityId id = 0; id < model.entities.size(); ++id) {
    if (model.entities[id].file != file) continue;
    const Block& block = model.block_of(id);
    if (contains(block.begin, block.end, offset) && block.end - block.begin < best_size) {
      best = id;
      best_size = block.end - block.begin;
    }
  }
  return best;
}

Span declaration_span(const Model& model, EntityId entity) {
  const Block& block = model.block_of(entity);
  return {model.entities[entity].file, block.label_begin, block.label_end};
}

Target target_at(const Compilation& compilation, FileId file_id, std::uint32_t offset) {
  const Model& model = compilation.model;
  const EntityId entity = entity_at(compilation, file_id, offset);
  if (entity == kNoEntity) return {};
  const File& file = *model.files[file_id];
  const std::string_view text = file.source->text();
  const Block& block = model.block_of(entity);
  const auto make = [&](Target::Kind kind, EntityId id, std::uint32_t begin, std::uint32_t end) {
    return Target{kind, id, {file_id, begin, end}, text.substr(begin, end - begin)};
  };
  if (block.label_kind != LabelKind::None && contains(block.label_begin, block.label_end, offset)) {
    const bool waiver = model.kind_of(entity).name == "waiver";
    return make(waiver ? Target::Kind::WaiverRule : Target::Kind::Declaration, entity,
                block.label_begin, block.label_end);
  }
  if (contains(block.kind_begin, block.kind_end, offset)) {
    return make(Target::Kind::BlockKind, entity, block.kind_begin, block.kind_end);
  }
  for (const AttrSlot& slot : model.slots_of(entity)) {
    const Attribute& a = file.attributes[slot.attribute];
    if (contains(a.name_begin, a.name_end(), offset)) {
      return make(Target::Kind::AttributeName, entity, a.name_begin, a.name_end());
    }
    if (auto ref = reference_in(file, a.value, offset)) {
      const Expr& e = file.exprs[*ref];
      return make(Target::Kind::Reference, model.target(file_id, *ref), e.begin, e.end);
    }
  }
  return {};
}

namespace {

// Whether a reference resolved to `entity` names it: the binder resolves an object path
// (`object = salesforce.lead`) to one of the object's fields, which is not a use of that field.
bool names(const Model& model, EntityId entity, std::string_view written) {
  const std::string_view name = model.entities[entity].name;
  return written == name || written == name.substr(name.rfind('.') + 1);
}

}  // namespace

std::vector<Span> references_to(const Compilation& compilation, EntityId entity) {
  std::vector<Span> spans;
  const Model& model = compilation.model;
  for (FileId id = compilation.first_user_file; id < model.files.size(); ++id) {
    const File& file = *model.files[id];
    const auto& targets = model.targets[id];
    for (ExprId e = 0; e < targets.size(); ++e) {
      if (targets[e] == entity && names(model, entity, file.exprs[e].text))
        spans.push_back(file.span_of(file.exprs[e]));
    }
  }
  return spans;
}

}  // namespace gtm::lsp
