// Loading `schema` blocks into the Schema.
#include "compiler/semantics/schema.hpp"
#include "compiler/diagnostics/compiler_rules.hpp"

#include <fmt/format.h>

#include <algorithm>

namespace gtm {

const AttrSchema* KindSchema::find_attr(std::string_view attr) const {
  const int index = attr_index(attr);
  if (index >= 0) return &attrs[static_cast<std::size_t>(index)];
  return any_attr ? &*any_attr : nullptr;
}

int KindSchema::attr_index(std::string_view attr) const {
  for (std::size_t i = 0; i < attrs.size(); ++i) {
    if (same_name(attrs[i].name, attr)) return static_cast<int>(i);
  }
  return -1;
}

Schema::Schema() {
  kinds_.emplace_back();
}

KindId Schema::find_top_level(std::string_view name) const {
  const auto it = top_level_.find(name);
  return it == top_level_.end() ? kNoKind : it->second;
}

KindId Schema::find_nested(KindId parent, std::string_view name) const {
  for (KindId id : kinds_[parent].nested) {
    if (kinds_[id].name == name) return id;
  }
  const KindId any = find_top_level(name);
  return any != kNoKind && kinds_[any].nested_anywhere ? any : kNoKind;
}

std::vector<std::string> Schema::top_level_names() const {
  std::vector<std::string> names;
  for (const auto& [name, id] : top_level_) {
    if (!kinds_[id].nested_anywhere) names.push_back(name);
  }
  return names;
}

std::vector<std::string> Schema::nested_names(KindId parent) const {
  std::vector<std::string> names;
  for (KindId id : kinds_[parent].nested) names.push_back(kinds_[id].name);
  for (const auto& [name, id] : top_level_) {
    if (kinds_[id].nested_anywhere) names.push_back(name);
  }
  return names;
}

KindId Schema::add_kind(std::string name, KindId parent) {
  KindSchema kind;
  kind.name = name;
  kind.parent = parent;
  kinds_.push_back(std::move(kind));
  const auto id = static_cast<KindId>(kinds_.size() - 1);
  if (parent == kNoKind) {
    top_level_[std::move(name)] = id;
  } else {
    kinds_[parent].nested.push_back(id);
  }
  return id;
}

namespace {

const Expr& value_of(const File& file, const Attribute& attribute) {
  return file.exprs[attribute.value];
}

bool is_word(const Expr& e, std::string_view word) {
  return (e.kind == ExprKind::Reference || e.kind == ExprKind::String) && e.text == word;
}

}  // namespace

void Schema::load(const File& file, Diagnostics& diagnostics) {
  for (BlockId id : file.top_level) {
    const Block& block = file.blocks[id];
    if (block.kind != "schema" || block.has_error) continue;
    if (block.label_kind != LabelKind::Path || block.label.find('.') != std::string_view::npos) {
      diagnostics.report(compiler_rule::kInvalidValue, file.span(block.kind_begin, block.kind_end),
                         "a schema block is named after its kind: `schema KIND { ... }`");
      continue;
    }
    KindId kind = find_top_level(block.label);
    if (kind == kNoKind) {
      kind = add_kind(std::string(block.label), kNoKind);
      kinds_[kind].declared = file.span(block.label_begin, block.label_end);
    }
    load_kind(file, block, kind, diagnostics);
  }
}

void Schema::load_kind(const File& file, const Block& block, KindId kind_id,
                       Diagnostics& diagnostics) {
  for (const Member& member : file.members_of(block)) {
    KindSchema& kind = kinds_[kind_id];  // re-read: add_kind below may reallocate
    if (member.is_block) {
      const Block& nested = file.blocks[member.index];
      if (nested.has_error) continue;
      if (nested.kind == "attr" || nested.kind == "any_attr") {
        load_attr(file, nested, kind, nested.kind == "any_attr", diagnostics);
      } else if (nested.kind == "block" && nested.label_kind == LabelKind::Path) {
        KindId child = find_nested(kind_id, nested.label);
        if (child == kNoKind || kinds_[child].parent != kind_id) {
          child = add_kind(std::string(nested.label), kind_id);
          kinds_[child].declared = file.span(nested.label_begin, nested.label_end);
        }
        load_kind(file, nested, child, diagnostics);
      } else {
        diagnostics.report(compiler_rule::kUnknownKind,
                           file.span(nested.kind_begin, nested.kind_end),
                           fmt::format("a schema holds `attr NAME {{ ... }}`, `any_attr {{ ... }}` "
                                       "and `block NAME {{ ... }}`, not `{}`",
                                       nested.kind));
      }
      continue;
    }
    const Attribute& attribute = file.attributes[member.index];
    const Expr& value = value_of(file, attribute);
    const std::string_view name = attribute.name;
    if (name == "doc" && value.kind == ExprKind::String) {
      kind.doc = value.text;
    } else if (name == "label" && (is_word(value, "name") || value.kind == ExprKind::None)) {
      kind.label = value.kind == ExprKind::None ? LabelRule::None : LabelRule::Name;
    } else if (name == "label" && value.kind == ExprKind::Call && value.text == "path" &&
               value.child_count == 1) {
      kind.label = LabelRule::Path;
      kind.path_segments = static_cast<std::size_t>(file.exprs[file.children(value)[0]].number);
    } else if (name == "path_root" && value.kind == ExprKind::Reference) {
      kind.path_root = value.text;
    } else if (name == "namespace" && value.kind == ExprKind::Reference) {
      kind.name_space = value.text;
    } else if (name == "singleton" && value.kind == ExprKind::Bool) {
      kind.singleton = value.boolean;
    } else if (name == "within" && is_word(value, "any")) {
      kind.nested_anywhere = true;
    } else if (name == "member_of" && is_word(value, "object")) {
      kind.object_member = true;
    } else {
      diagnostics.report(
          compiler_rule::kUnknownAttribute, file.span_of(attribute),
          fmt::format("`{}` is not a schema setting; a schema has doc, label (name, "
                      "none or path(N)), path_root, namespace, singleton, within, member_of",
                      name));
    }
  }
  check_member_of(file, block, kind_id, diagnostics);
}

// Members of objects are named by paths (SYSTEM.OBJECT.FIELD) and found through their namespace.
void Schema::check_member_of(const File& file, const Block& block, KindId kind_id,
                             Diagnostics& diagnostics) {
  const KindSchema& kind = kinds_[kind_id];
  if (!kind.object_member) return;
  if (kind.label != LabelRule::Path || kind.path_segments < 2 || kind.parent != kNoKind) {
    diagnostics.report(compiler_rule::kInvalidValue, file.span(block.label_begin, block.label_end),
                       "`member_of = object` is for a top-level kind named by a path of two or "
                       "more segments (`label = path(3)`)");
    kinds_[kind_id].object_member = false;
    return;
  }
  if (std::find(member_namespaces_.begin(), member_namespaces_.end(), kind.name_space) ==
      member_namespaces_.end()) {
    member_namespaces_.push_back(kind.name_space);
  }
}

void Schema::load_attr(const File& file, const Block& block, KindSchema& kind, bool any_name,
                       Diagnostics& diagnostics) {
  AttrSchema attr;
  attr.name = any_name ? "*" : std::string(block.label);
  attr.declared = file.span(block.label_begin, block.label_end);
  for (const Member& member : file.members_of(block)) {
    if (member.is_block) continue;
    const Attribute& attribute = file.attributes[member.index];
    const Expr& value = value_of(file, attribute);
    if (attribute.name == "type") {
      std::string problem;
      if (auto type = parse_type(file, value, &problem)) {
        attr.type = std::move(*type);
      } else {
        diagnostics.report(compiler_rule::kInvalidValue, file.span_of(value), problem);
      }
    } else if (attribute.name == "required" && value.kind == ExprKind::Bool) {
      attr.required = value.boolean;
    } else if (attribute.name == "doc" && value.kind == ExprKind::String) {
      attr.doc = value.text;
    } else if (attribute.name == "default") {
      attr.default_value = ExprRef{&file, attribute.value};
    } else {
      diagnostics.report(compiler_rule::kUnknownAttribute, file.span_of(attribute),
                         fmt::format("`{}` is not an attribute setting; an attr has type, "
                                     "required, doc and default",
                                     attribute.name));
    }
  }
  if (any_name) {
    kind.any_attr = std::move(attr);
    return;
  }
  if (const int existing = kind.attr_index(attr.name); existing >= 0) {
    diagnostics
        .report(compiler_rule::kDuplicateName, attr.declared,
                fmt::format("`{}` already has an attribute `{}`", kind.name, attr.name))
        .notes.push_back(
            {kind.attrs[static_cast<std::size_t>(existing)].declared, "first declared here"});
    return;
  }
  kind.attrs.push_back(std::move(attr));
}

}  // namespace gtm
