// Blocks -> entities, with the schema checks that need nothing but the block itself.
#include "compiler/semantics/bind.hpp"

#include <fmt/format.h>

#include <algorithm>

#include "compiler/base/parallel.hpp"
#include "compiler/diagnostics/compiler_rules.hpp"
#include "compiler/semantics/suggest.hpp"
#include "compiler/semantics/symbols.hpp"

namespace gtm {

namespace {

/// What binding one file produces. Entity ids count from 0 within the file (bind() shifts them
/// into the model), so that files are bound independently, on all cores.
struct BoundFile {
  std::vector<Entity> entities;
  std::vector<AttrSlot> slots;
  std::vector<EntityId> children;
  std::vector<EntityId> top_level;
  Diagnostics diagnostics;
};

class Binder {
 public:
  Binder(const Schema& schema, BoundFile& out)
      : schema_(schema), out_(out), diagnostics_(out.diagnostics) {}

  EntityId bind_block(File& file, const Block& block, KindId kind, EntityId parent,
                      bool from_stdlib);

 private:
  void check_label(const File& file, const Block& block, const KindSchema& kind);
  void bind_attribute(File& file, AttributeId id, const KindSchema& kind, std::size_t first_slot);
  void bind_nested(File& file, const Block& nested, EntityId parent, bool from_stdlib);
  void check_required(const File& file, const Block& block, const KindSchema& kind,
                      std::span<const AttrSlot> slots);

  const Schema& schema_;
  BoundFile& out_;
  Diagnostics& diagnostics_;
  // Scratch stacks: an entity's slots and children are collected on top, copied into the output
  // when it is done, and popped, so binding a block allocates nothing.
  std::vector<AttrSlot> slot_stack_;
  std::vector<EntityId> child_stack_;
};

// The closest candidate to a misspelt word, as a fix replacing it.
std::optional<Fix> suggest_fix(Span span, std::string_view word,
                               const std::vector<std::string>& candidates) {
  std::vector<std::string_view> views(candidates.begin(), candidates.end());
  auto best = closest(word, views);
  if (!best) return std::nullopt;
  return Fix{span, *best, fmt::format("replace with `{}`", *best)};
}

Diagnostic& report_with_suggestion(Diagnostics& diagnostics, const Rule& rule, Span span,
                                   std::string message, std::optional<Fix> fix) {
  if (fix) message += fmt::format("; did you mean `{}`?", fix->replacement);
  Diagnostic& d = diagnostics.report(rule, span, std::move(message));
  d.fix = std::move(fix);
  return d;
}

// A single value where the schema wants a list (`admins = dana`, `notify = slack("#sdr")`) means
// a list of that one value: it is wrapped in a one-item list expression spanning the value, so
// that every later pass and rule reads one shape. `none` stays as written.
void wrap_single_value(File& file, Attribute& attribute) {
  const Expr item = file.exprs[attribute.value];
  if (item.kind == ExprKind::List || item.kind == ExprKind::None || !item.valid) return;
  Expr list;
  list.kind = ExprKind::List;
  list.begin = item.begin;
  list.end = item.end;
  list.first_child = static_cast<std::uint32_t>(file.expr_children.size());
  list.child_count = 1;
  file.expr_children.push_back(attribute.value);
  attribute.value = static_cast<ExprId>(file.exprs.size());
  file.exprs.push_back(list);
}

void Binder::check_label(const File& file, const Block& block, const KindSchema& kind) {
  const Span kind_span = file.span(block.kind_begin, block.kind_end);
  const Span label_span = file.span(block.label_begin, block.label_end);
  switch (kind.label) {
    case LabelRule::None:
      if (block.label_kind != LabelKind::None) {
        diagnostics_.report(compiler_rule::kInvalidValue, label_span,
                            fmt::format("a `{}` block takes no name", kind.name));
      }
      break;
    case LabelRule::Name:
      if (block.label_kind == LabelKind::None) {
        diagnostics_.report(
            compiler_rule::kInvalidValue, kind_span,
            fmt::format("a `{0}` block needs a name: `{0} NAME {{ ... }}`", kind.name));
      } else if (block.label_kind == LabelKind::Path &&
                 block.label.find('.') != std::string_view::npos) {
        diagnostics_.report(
            compiler_rule::kInvalidValue, label_span,
            fmt::format("a `{}` is named with one word, not a dotted path", kind.name));
      }
      break;
    case LabelRule::Path: {
      const auto segments =
          static_cast<std::size_t>(std::count(block.label.begin(), block.label.end(), '.')) + 1;
      if (block.label_kind != LabelKind::Path || segments != kind.path_segments) {
        diagnostics_.report(
            compiler_rule::kInvalidValue,
            block.label_kind == LabelKind::None ? kind_span : label_span,
            fmt::format("a `{}` is named with a path of {} names, such as `{}`", kind.name,
                        kind.path_segments,
                        kind.path_segments == 3 ? "salesforce.lead.status" : "a.b"));
      }
      break;
    }
  }
}

void Binder::bind_attribute(File& file, AttributeId id, const KindSchema& kind,
                            std::size_t first_slot) {
  const Attribute& attribute = file.attributes[id];
  for (std::size_t i = first_slot; i < slot_stack_.size(); ++i) {
    const Attribute& earlier = file.attributes[slot_stack_[i].attribute];
    if (same_name(earlier.name, attribute.name)) {
      diagnostics_
          .report(compiler_rule::kDuplicateAttribute, file.span_of(attribute),
                  fmt::format("`{}` is set twice in one block", attribute.name))
          .notes.push_back({file.span_of(earlier), "first set here"});
      return;
    }
  }
  const int index = kind.attr_index(attribute.name);
  if (index < 0 && !kind.any_attr) {
    std::vector<std::string> names;
    for (const AttrSchema& attr : kind.attrs) names.push_back(attr.name);
    report_with_suggestion(
        diagnostics_, compiler_rule::kUnknownAttribute, file.span_of(attribute),
        fmt::format("`{}` is not an attribute of `{}`", attribute.name, kind.name),
        suggest_fix(file.span_of(attribute), attribute.name, names));
    return;
  }
  const AttrSchema& attr = index < 0 ? *kind.any_attr : kind.attrs[static_cast<std::size_t>(index)];
  if (attr.type.kind == TypeKind::List) wrap_single_value(file, file.attributes[id]);
  slot_stack_.push_back({index < 0 ? kAnyAttr : static_cast<std::uint32_t>(index), id});
}

void Binder::bind_nested(File& file, const Block& nested, EntityId parent, bool from_stdlib) {
  const KindId parent_kind = out_.entities[parent].kind;
  KindId kind = parent_kind == Schema::kUnknownKind ? Schema::kUnknownKind
                                                    : schema_.find_nested(parent_kind, nested.kind);
  if (kind == kNoKind) {
    const Span span = file.span(nested.kind_begin, nested.kind_end);
    report_with_suggestion(
        diagnostics_, compiler_rule::kUnknownKind, span,
        fmt::format("`{}` is not a block of `{}`", nested.kind, schema_.kind(parent_kind).name),
        suggest_fix(span, nested.kind, schema_.nested_names(parent_kind)));
    kind = Schema::kUnknownKind;
  }
  const auto id = static_cast<BlockId>(&nested - file.blocks.data());
  const EntityId child = bind_block(file, file.blocks[id], kind, parent, from_stdlib);
  child_stack_.push_back(child);
}

void Binder::check_required(const File& file, const Block& block, const KindSchema& kind,
                            std::span<const AttrSlot> slots) {
  for (std::uint32_t i = 0; i < kind.attrs.size(); ++i) {
    if (!kind.attrs[i].required) continue;
    const bool present = std::any_of(slots.begin(), slots.end(),
                                     [&](const AttrSlot& slot) { return slot.attr == i; });
    if (present) continue;
    diagnostics_.report(compiler_rule::kMissingAttribute, header_span(file, block),
                        fmt::format("`{}` is missing the required attribute `{}`",
                                    block.label.empty() ? std::string_view(kind.name) : block.label,
                                    kind.attrs[i].name));
  }
}

EntityId Binder::bind_block(File& file, const Block& block, KindId kind_id, EntityId parent,
                            bool from_stdlib) {
  const auto id = static_cast<EntityId>(out_.entities.size());
  Entity entity;
  entity.kind = kind_id;
  entity.file = file.id;
  entity.block = static_cast<BlockId>(&block - file.blocks.data());
  entity.parent = parent;
  entity.name = block.label;
  entity.has_error = block.has_error || kind_id == Schema::kUnknownKind;
  entity.from_stdlib = from_stdlib;
  out_.entities.push_back(entity);

  const KindSchema& kind = schema_.kind(kind_id);
  if (kind_id != Schema::kUnknownKind) check_label(file, block, kind);
  const std::size_t first_slot = slot_stack_.size();
  const std::size_t first_child = child_stack_.size();
  for (const Member& member : file.members_of(block)) {
    if (member.is_block) {
      bind_nested(file, file.blocks[member.index], id, from_stdlib);
    } else if (kind_id != Schema::kUnknownKind) {
      bind_attribute(file, member.index, kind, first_slot);
    }
  }
  const std::span<const AttrSlot> slots(slot_stack_.data() + first_slot,
                                        slot_stack_.size() - first_slot);
  if (!entity.has_error) check_required(file, block, kind, slots);

  Entity& stored = out_.entities[id];
  stored.first_slot = static_cast<std::uint32_t>(out_.slots.size());
  stored.slot_count = static_cast<std::uint32_t>(slots.size());
  out_.slots.insert(out_.slots.end(), slots.begin(), slots.end());
  stored.first_child = static_cast<std::uint32_t>(out_.children.size());
  stored.child_count = static_cast<std::uint32_t>(child_stack_.size() - first_child);
  out_.children.insert(out_.children.end(), child_stack_.begin() + static_cast<long>(first_child),
                       child_stack_.end());
  slot_stack_.resize(first_slot);
  child_stack_.resize(first_child);
  return id;
}

// Binds the top-level blocks of one file (schema blocks were read by the schema already).
BoundFile bind_file(const Schema& schema, File& file, bool from_stdlib) {
  BoundFile out;
  out.entities.reserve(file.blocks.size());
  out.slots.reserve(file.attributes.size());
  out.children.reserve(file.blocks.size());
  Binder binder(schema, out);
  std::string_view last_kind_name;
  KindId last_kind = kNoKind;
  for (BlockId block_id : file.top_level) {
    const Block& block = file.blocks[block_id];
    if (block.kind == "schema") continue;
    if (last_kind_name.empty() || block.kind != last_kind_name) {  // neighbours share a kind
      last_kind = schema.find_top_level(block.kind);
      last_kind_name = block.kind;
    }
    KindId kind = last_kind;
    if (kind == kNoKind || schema.kind(kind).nested_anywhere) {
      const Span span = file.span(block.kind_begin, block.kind_end);
      report_with_suggestion(out.diagnostics, compiler_rule::kUnknownKind, span,
                             fmt::format("unknown kind `{}`", block.kind),
                             suggest_fix(span, block.kind, schema.top_level_names()));
      kind = Schema::kUnknownKind;
    }
    out.top_level.push_back(binder.bind_block(file, block, kind, kNoEntity, from_stdlib));
  }
  return out;
}

// Where each file's part of the model's arrays begins.
struct MergeOffsets {
  std::uint32_t entity = 0, slot = 0, child = 0, top_level = 0;
};

// Appends every file's entities to the model in file order, each file's ids shifted by what the
// files before it hold. The offsets are summed first, so each file is copied on its own core.
void merge(Model& model, std::vector<BoundFile>& bound, std::vector<EntityId>& top_level,
           Diagnostics& diagnostics) {
  std::vector<MergeOffsets> at(bound.size() + 1);
  at[0] = {static_cast<std::uint32_t>(model.entities.size()),
           static_cast<std::uint32_t>(model.slots.size()),
           static_cast<std::uint32_t>(model.children.size()),
           static_cast<std::uint32_t>(top_level.size())};
  for (std::size_t i = 0; i < bound.size(); ++i) {
    at[i + 1] = {at[i].entity + static_cast<std::uint32_t>(bound[i].entities.size()),
                 at[i].slot + static_cast<std::uint32_t>(bound[i].slots.size()),
                 at[i].child + static_cast<std::uint32_t>(bound[i].children.size()),
                 at[i].top_level + static_cast<std::uint32_t>(bound[i].top_level.size())};
  }
  model.entities.resize(at.back().entity);
  model.slots.resize(at.back().slot);
  model.children.resize(at.back().child);
  top_level.resize(at.back().top_level);
  parallel_for(bound.size(), worker_count(bound.size()), [&](std::size_t i, std::size_t) {
    const MergeOffsets& base = at[i];
    BoundFile& file = bound[i];
    for (std::size_t e = 0; e < file.entities.size(); ++e) {
      Entity entity = file.entities[e];
      if (entity.parent != kNoEntity) entity.parent += base.entity;
      entity.first_slot += base.slot;
      entity.first_child += base.child;
      model.entities[base.entity + e] = entity;
    }
    std::copy(file.slots.begin(), file.slots.end(), model.slots.begin() + base.slot);
    for (std::size_t c = 0; c < file.children.size(); ++c) {
      model.children[base.child + c] = file.children[c] + base.entity;
    }
    for (std::size_t t = 0; t < file.top_level.size(); ++t) {
      top_level[base.top_level + t] = file.top_level[t] + base.entity;
    }
  });
  for (BoundFile& file : bound) diagnostics.append(std::move(file.diagnostics));
}

}  // namespace

void bind(Model& model, std::vector<File>& files, FileId first_user_file,
          Diagnostics& diagnostics) {
  std::size_t blocks = 0, attributes = 0;
  for (const File& file : files) {
    blocks += file.blocks.size();
    attributes += file.attributes.size();
    model.files.push_back(&file);
  }
  model.entities.reserve(blocks);
  model.slots.reserve(attributes);
  model.children.reserve(blocks);
  // Files bind independently (the schema is complete and only read), so on all cores; a batch
  // at a time, so that what a file binds to is held twice (bound, then in the model) for one
  // batch only, not for the whole workspace (that copy was the peak of a check:
  // docs/performance.md).
  constexpr std::size_t kBatch = 16;
  std::vector<EntityId> top_level;
  top_level.reserve(blocks);
  for (std::size_t first = 0; first < files.size(); first += kBatch) {
    std::vector<BoundFile> bound(std::min(kBatch, files.size() - first));
    parallel_for(bound.size(), worker_count(bound.size()), [&](std::size_t i, std::size_t) {
      File& file = files[first + i];
      bound[i] = bind_file(model.schema, file, file.id < first_user_file);
    });
    merge(model, bound, top_level, diagnostics);
  }
  // After binding, which may add expressions (wrap_single_value).
  for (const File& file : files) model.targets.emplace_back(file.exprs.size(), kNoEntity);
  SymbolTable(model, diagnostics).declare(top_level);
}

}  // namespace gtm
