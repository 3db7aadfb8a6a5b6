// Attribute values against schema types.
#include "compiler/semantics/typecheck.hpp"

#include <fmt/format.h>

#include <algorithm>
#include "compiler/base/user_regex.hpp"

#include <absl/container/flat_hash_map.h>

#include "compiler/diagnostics/compiler_rules.hpp"
#include "compiler/diagnostics/parallel_check.hpp"
#include "compiler/semantics/conditions.hpp"
#include "compiler/semantics/resolve.hpp"
#include "compiler/semantics/suggest.hpp"
#include "compiler/semantics/value_hints.hpp"
#include "compiler/semantics/vocabulary.hpp"

namespace gtm {

namespace {

// `lookup(OBJECT)` in a field type: a reference to an object.
const Type& object_ref_type() {
  static const Type type{TypeKind::Ref, {"object"}, {}, {}};
  return type;
}

// The kinds each reference type of the schema may name, and the kind each path-labelled kind's
// root names (`system` for a field), found before checking and read by every thread.
class RefIndex {
 public:
  explicit RefIndex(const Model& model) {
    for (KindId id = 0; id < model.schema.size(); ++id) {
      const KindSchema& kind = model.schema.kind(id);
      for (const AttrSchema& attr : kind.attrs) add(model, attr.type);
      if (kind.any_attr) add(model, kind.any_attr->type);
      roots_.push_back(
          ref_kinds(model, std::span(&kind.path_root, kind.path_root.empty() ? 0 : 1)));
    }
    add(model, object_ref_type());
  }

  /// The kinds of a reference type, or nullptr for a type not in the schema.
  const RefKinds* find(const Type& type) const {
    const auto it = by_type_.find(&type);
    return it == by_type_.end() ? nullptr : &it->second;
  }
  const RefKinds& root_of(KindId kind) const { return roots_[kind]; }

 private:
  void add(const Model& model, const Type& type) {
    if (type.kind == TypeKind::Ref) by_type_.emplace(&type, ref_kinds(model, type.names));
    for (const Type& arg : type.args) add(model, arg);
  }

  absl::flat_hash_map<const Type*, RefKinds> by_type_;
  std::vector<RefKinds> roots_;  ///< by KindId
};

class TypeChecker {
 public:
  TypeChecker(Model& model, const RefIndex& refs, Diagnostics& diagnostics)
      : model_(model), refs_(refs), diagnostics_(diagnostics) {}

  void check_entity(EntityId id) {
    const Entity& entity = model_.entities[id];
    if (entity.kind != Schema::kUnknownKind) {
      const KindSchema& kind = model_.kind_of(id);
      for (const AttrSlot& slot : model_.slots_of(id)) {
        const AttrSchema& attr = slot.attr == kAnyAttr ? *kind.any_attr : kind.attrs[slot.attr];
        const File& file = model_.file_of(id);
        const ExprId value = file.attributes[slot.attribute].value;
        // `owner = none` says in so many words that it is not set (owner-required then says so).
        if (file.exprs[value].kind == ExprKind::None && !attr.required) continue;
        check(file, value, attr.type, id);
      }
      check_path_root(id, entity.kind, kind);
    }
    for (EntityId child : model_.children_of(id)) check_entity(child);
  }

 private:
  void mismatch(const File& file, const Expr& e, const Type& type) {
    std::string message =
        fmt::format("expected {}, found {}", describe_type(type), describe_expr(e));
    Diagnostic& d = diagnostics_.report(compiler_rule::kTypeMismatch, file.span_of(e), "");
    if (auto hint = hint_for(type, e)) {
      message += fmt::format("; {}", hint->advice);
      d.fix = Fix{file.span_of(e), hint->replacement, fmt::format("write `{}`", hint->replacement)};
    } else if (e.kind == ExprKind::Reference && accepts_text(type)) {
      message += "; text is written in quotes";
      d.fix = Fix{file.span_of(e), fmt::format("\"{}\"", e.text), "put it in quotes"};
    } else if (type.kind == TypeKind::List && e.kind != ExprKind::List) {
      message += "; a list is written in brackets";
      const std::string_view written =
          model_.files[file.id]->source->text().substr(e.begin, e.end - e.begin);
      d.fix = Fix{file.span_of(e), fmt::format("[{}]", written), "put it in a list"};
    }
    d.message = std::move(message);
  }

  // What the value meant, for the type or the first alternative of a one_of that can say.
  static std::optional<ValueHint> hint_for(const Type& type, const Expr& e) {
    if (type.kind != TypeKind::OneOf) return wrong_form_hint(type.kind, e);
    for (const Type& alternative : type.args) {
      if (auto hint = wrong_form_hint(alternative.kind, e)) return hint;
    }
    return std::nullopt;
  }

  static bool accepts_text(const Type& type) {
    if (type.kind == TypeKind::Text || type.kind == TypeKind::Email || type.kind == TypeKind::Url ||
        type.kind == TypeKind::Regex) {
      return true;
    }
    if (type.kind != TypeKind::OneOf) return false;
    return std::any_of(type.args.begin(), type.args.end(), accepts_text);
  }

  void check(const File& file, ExprId id, const Type& type, EntityId owner) {
    const Expr& e = file.exprs[id];
    if (!e.valid) return;  // already reported by the parser
    switch (type.kind) {
      case TypeKind::Any:
        return;
      case TypeKind::Text:
        return expect(file, e, type, e.kind == ExprKind::String);
      case TypeKind::Number:
        return expect(file, e, type, e.kind == ExprKind::Number);
      case TypeKind::Bool:
        return expect(file, e, type, e.kind == ExprKind::Bool);
      case TypeKind::Date:
        return expect(file, e, type, e.kind == ExprKind::Date);
      case TypeKind::Duration:
        return expect(file, e, type, e.kind == ExprKind::Duration);
      case TypeKind::Email:
        return check_text_format(file, e, type);
      case TypeKind::Url:
        return check_text_format(file, e, type);
      case TypeKind::Regex:
        return check_text_format(file, e, type);
      case TypeKind::FieldType:
        return check_field_type(file, e);
      case TypeKind::Condition:
        return check_condition(model_, diagnostics_, file, id, type, owner);
      case TypeKind::Ref:
        return check_ref(file, id, type);
      case TypeKind::Enum:
        return check_enum(file, e, type);
      case TypeKind::List:
        if (e.kind != ExprKind::List) return mismatch(file, e, type);
        for (ExprId item : file.children(e)) check(file, item, type.args[0], owner);
        return;
      case TypeKind::Call:
        if (e.kind != ExprKind::Call || e.text != type.names[0]) return mismatch(file, e, type);
        if (!type.args.empty()) {
          for (ExprId arg : file.children(e)) check(file, arg, type.args[0], owner);
        }
        return;
      case TypeKind::Mapping:
        if (e.kind != ExprKind::Mapping) return mismatch(file, e, type);
        for (ExprId side : file.children(e)) check(file, side, type.args[0], owner);
        return;
      case TypeKind::OneOf:
        if (const Type* word = enum_naming(type, e)) return check(file, id, *word, owner);
        // A name that reads as another alternative (`every_15_minutes` for `15m`) says so.
        if (e.kind == ExprKind::Reference && hint_for(type, e)) return mismatch(file, e, type);
        // A name is a reference unless an enum alternative lists it (`keep_owner` vs `ana`);
        // an enum takes other names only when nothing else does (for its did-you-mean).
        for (const bool enums : {false, true}) {
          for (const Type& alternative : type.args) {
            if ((alternative.kind == TypeKind::Enum) != enums) continue;
            if (shape_matches(e, alternative)) return check(file, id, alternative, owner);
          }
        }
        return mismatch(file, e, type);
    }
  }

  // The enum alternative of a one_of that lists the name `e`, if any.
  static const Type* enum_naming(const Type& type, const Expr& e) {
    if (e.kind != ExprKind::Reference) return nullptr;
    for (const Type& alternative : type.args) {
      if (alternative.kind == TypeKind::Enum &&
          std::find(alternative.names.begin(), alternative.names.end(), e.text) !=
              alternative.names.end()) {
        return &alternative;
      }
    }
    return nullptr;
  }

  // Whether `e` is written the way `type` is (so that its errors are about that type).
  static bool shape_matches(const Expr& e, const Type& type) {
    switch (type.kind) {
      case TypeKind::Any:
        return true;
      case TypeKind::Text:
      case TypeKind::Email:
      case TypeKind::Url:
      case TypeKind::Regex:
        return e.kind == ExprKind::String;
      case TypeKind::Number:
        return e.kind == ExprKind::Number;
      case TypeKind::Bool:
        return e.kind == ExprKind::Bool;
      case TypeKind::Date:
        return e.kind == ExprKind::Date;
      case TypeKind::Duration:
        return e.kind == ExprKind::Duration;
      case TypeKind::Ref:
      case TypeKind::Enum:
        return e.kind == ExprKind::Reference;
      case TypeKind::List:
        return e.kind == ExprKind::List;
      case TypeKind::Mapping:
        return e.kind == ExprKind::Mapping;
      case TypeKind::Call:
        return e.kind == ExprKind::Call && e.text == type.names[0];
      case TypeKind::FieldType:
        return e.kind == ExprKind::Reference || e.kind == ExprKind::Call;
      case TypeKind::Condition:
        return e.kind != ExprKind::String && e.kind != ExprKind::List && e.kind != ExprKind::Call;
      case TypeKind::OneOf:
        return std::any_of(type.args.begin(), type.args.end(),
                           [&](const Type& t) { return shape_matches(e, t); });
    }
    return false;
  }

  void expect(const File& file, const Expr& e, const Type& type, bool ok) {
    if (!ok) mismatch(file, e, type);
  }

  void check_text_format(const File& file, const Expr& e, const Type& type) {
    if (e.kind != ExprKind::String) return mismatch(file, e, type);
    const std::string_view text = e.text;
    if (type.kind == TypeKind::Email) {
      const std::size_t at = text.find('@');
      if (at == 0 || at == std::string_view::npos || text.find('.', at) == std::string_view::npos) {
        diagnostics_.report(compiler_rule::kInvalidValue, file.span_of(e),
                            fmt::format("`{}` is not an email address", text));
      }
    } else if (type.kind == TypeKind::Url) {
      if (!text.starts_with("https://") && !text.starts_with("http://")) {
        diagnostics_.report(compiler_rule::kInvalidValue, file.span_of(e),
                            fmt::format("`{}` is not a URL; URLs start with https://", text));
      }
    } else {
      const UserRegex compiled = compile_user_regex(text);
      if (!compiled.regex)
        diagnostics_.report(compiler_rule::kInvalidValue, file.span_of(e), compiled.error);
    }
  }

  void check_enum(const File& file, const Expr& e, const Type& type) {
    if (e.kind != ExprKind::Reference && e.kind != ExprKind::String) return mismatch(file, e, type);
    if (std::find(type.names.begin(), type.names.end(), e.text) != type.names.end()) return;
    std::vector<std::string_view> names(type.names.begin(), type.names.end());
    std::string message = fmt::format("`{}` is not {}", e.text, describe_type(type));
    Diagnostic& d = diagnostics_.report(compiler_rule::kInvalidValue, file.span_of(e), "");
    if (auto best = closest_or_expansion(e.text, names)) {
      message += fmt::format("; did you mean `{}`?", *best);
      d.fix = Fix{file.span_of(e), *best, fmt::format("replace with `{}`", *best)};
    }
    d.message = std::move(message);
  }

  void check_ref(const File& file, ExprId id, const Type& type) {
    const Expr& e = file.exprs[id];
    if (e.kind != ExprKind::Reference) return mismatch(file, e, type);
    const RefKinds* known = refs_.find(type);
    const RefKinds kinds = known ? RefKinds{} : ref_kinds(model_, type.names);
    const RefKinds& allowed = known ? *known : kinds;
    const Resolution found = resolve_name(model_, e.text, allowed);
    if (found.entity != kNoEntity) {
      model_.targets[file.id][id] = found.entity;
      return;
    }
    if (found.wrong_kind != kNoEntity) {
      model_.targets[file.id][id] = found.wrong_kind;
      diagnostics_
          .report(compiler_rule::kTypeMismatch, file.span_of(e),
                  fmt::format("`{}` is a {}, expected {}", e.text,
                              model_.kind_of(found.wrong_kind).name, describe_type(type)))
          .notes.push_back({model_.header_span(found.wrong_kind), "declared here"});
      return;
    }
    report_unresolved(diagnostics_, file.span_of(e),
                      fmt::format("no {} named `{}`", join_or(type.names), e.text),
                      suggest_name(model_, e.text, allowed));
  }

  // A field type is a word of the vocabulary, written bare or with its arguments.
  void check_field_type(const File& file, const Expr& e) {
    const Vocabulary& vocabulary = *model_.vocabulary;
    const FieldTypeWord* word = e.kind == ExprKind::Reference || e.kind == ExprKind::Call
                                    ? vocabulary.find_field_type(e.text)
                                    : nullptr;
    using Arguments = FieldTypeWord::Arguments;
    if ((e.kind == ExprKind::Reference && (!word || word->arguments != Arguments::None)) ||
        (e.kind == ExprKind::Call && !word)) {
      return report_unknown_field_type(file, e);
    }
    if (word && e.kind == ExprKind::Reference) return;
    if (word && word->arguments == Arguments::Values) return check_picklist_values(file, e);
    if (word && word->arguments == Arguments::Object && e.child_count == 1) {
      return check_ref(file, file.children(e)[0], object_ref_type());
    }
    diagnostics_.report(compiler_rule::kTypeMismatch, file.span_of(e),
                        fmt::format("expected a field type such as {}, found {}",
                                    vocabulary.field_type_examples, describe_expr(e)));
  }

  void report_unknown_field_type(const File& file, const Expr& e) {
    std::vector<std::string_view> names;
    for (const FieldTypeWord& word : model_.vocabulary->field_types) names.push_back(word.name);
    auto best = closest_or_expansion(e.text, names);
    // A call (`multi_picklist("A")`) keeps its arguments: only its name is replaced.
    const Span name = e.kind == ExprKind::Call
                          ? file.span(e.begin, e.begin + static_cast<std::uint32_t>(e.text.size()))
                          : file.span_of(e);
    Diagnostic& d = diagnostics_.report(
        compiler_rule::kInvalidValue, name,
        fmt::format("`{}` is not a field type; {}", e.text,
                    best ? fmt::format("did you mean `{}`?", *best)
                         : fmt::format("the field types are {}", fmt::join(names, ", "))));
    if (best) d.fix = Fix{name, *best, fmt::format("replace with `{}`", *best)};
  }

  void check_picklist_values(const File& file, const Expr& e) {
    if (e.child_count == 0) {
      diagnostics_.report(compiler_rule::kInvalidValue, file.span_of(e),
                          fmt::format("`{}()` needs at least one value", e.text));
    }
    std::vector<std::string_view> seen;
    for (ExprId id : file.children(e)) {
      const Expr& value = file.exprs[id];
      if (value.kind != ExprKind::String) {
        mismatch(file, value, Type{TypeKind::Text, {}, {}, {}});
      } else if (std::find(seen.begin(), seen.end(), value.text) != seen.end()) {
        diagnostics_.report(compiler_rule::kInvalidValue, file.span_of(value),
                            fmt::format("`{}` is listed twice", value.text));
      } else {
        seen.push_back(value.text);
      }
    }
  }

  // The first segment of a path-named entity (`salesforce` in `salesforce.lead.status`).
  void check_path_root(EntityId id, KindId kind_id, const KindSchema& kind) {
    const Entity& entity = model_.entities[id];
    if (kind.label != LabelRule::Path || kind.path_root.empty() || entity.name.empty()) return;
    const std::string_view root = entity.name.substr(0, entity.name.find('.'));
    const RefKinds& kinds = refs_.root_of(kind_id);
    const Resolution found = resolve_name(model_, root, kinds);
    if (found.entity != kNoEntity) return;
    const Block& block = model_.block_of(id);
    const Span span{entity.file, block.label_begin,
                    block.label_begin + static_cast<std::uint32_t>(root.size())};
    report_unresolved(diagnostics_, span, fmt::format("no {} named `{}`", kind.path_root, root),
                      suggest_name(model_, root, kinds));
  }

  Model& model_;
  const RefIndex& refs_;
  Diagnostics& diagnostics_;
};

}  // namespace

void typecheck(Model& model, Diagnostics& diagnostics) {
  // Entities are checked independently (each writes only the targets of its own expressions),
  // so they are checked on all cores.
  constexpr std::size_t kChunk = 4096;
  const RefIndex refs(model);
  check_in_parallel(model.entities.size(), kChunk, diagnostics,
                    [&](std::size_t id, std::size_t, Diagnostics& found) {
                      if (model.entities[id].parent != kNoEntity) return;
                      TypeChecker(model, refs, found).check_entity(static_cast<EntityId>(id));
                    });
}

}  // namespace gtm
