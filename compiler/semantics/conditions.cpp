// Checking conditions against the fields they compare.
#include "compiler/semantics/conditions.hpp"

#include <fmt/format.h>

#include <algorithm>

#include "compiler/diagnostics/compiler_rules.hpp"
#include "compiler/semantics/resolve.hpp"
#include "compiler/semantics/suggest.hpp"
#include "compiler/semantics/types.hpp"

namespace gtm {

FieldValues field_values(const Model& model, EntityId field) {
  const KindSchema& kind = model.kind_of(field);
  const File& file = model.file_of(field);
  for (const AttrSlot& slot : model.slots_of(field)) {
    if (slot.attr == kAnyAttr || kind.attrs[slot.attr].type.kind != TypeKind::FieldType) continue;
    const Expr& type = file.exprs[file.attributes[slot.attribute].value];
    const bool call = type.kind == ExprKind::Call;
    if (!call && type.kind != ExprKind::Reference) return {};
    const FieldTypeWord* word = model.vocabulary->find_field_type(type.text);
    if (!word || call != (word->arguments != FieldTypeWord::Arguments::None)) return {};
    FieldValues values{word->values, {}, word->multiple};
    if (word->arguments == FieldTypeWord::Arguments::Values) {
      for (ExprId id : file.children(type)) values.picklist.push_back(file.exprs[id].text);
    }
    return values;
  }
  return {};
}

std::string_view condition_object(const Model& model, EntityId owner, std::string_view scope) {
  for (EntityId at = owner; at != kNoEntity; at = model.entities[at].parent) {
    if (const Expr* object = model.attr_expr(at, scope)) {
      return object->kind == ExprKind::Reference ? object->text : std::string_view();
    }
  }
  return {};
}

namespace {

class ConditionChecker {
 public:
  ConditionChecker(Model& model, Diagnostics& diagnostics, const File& file,
                   std::string_view object)
      : model_(model), diagnostics_(diagnostics), file_(file), object_(object) {}

  void check(ExprId id) {
    const Expr& e = file_.exprs[id];
    switch (e.kind) {
      case ExprKind::Paren:
      case ExprKind::Not:
      case ExprKind::And:
      case ExprKind::Or:
        for (ExprId child : file_.children(e)) check(child);
        return;
      case ExprKind::Bool:
        return;
      case ExprKind::Reference: {
        const EntityId field = resolve(id);
        if (field != kNoEntity && field_values(model_, field).kind != FieldValueKind::Bool &&
            field_values(model_, field).kind != FieldValueKind::Unknown) {
          diagnostics_.report(
              compiler_rule::kTypeMismatch, file_.span_of(e),
              fmt::format("`{}` is a {} field, not a condition; compare it with a "
                          "value, as in `{} == ...`",
                          e.text, value_kind_word(field_values(model_, field).kind), e.text));
        }
        return;
      }
      case ExprKind::Compare:
        return check_compare(e);
      case ExprKind::Call:
        return check_call(e);
      default:
        diagnostics_.report(
            compiler_rule::kTypeMismatch, file_.span_of(e),
            fmt::format("expected a condition such as `country == \"US\"`, found {}",
                        describe_expr(e)));
    }
  }

 private:
  // Resolves a field name and records it; reports it if it names no field.
  EntityId resolve(ExprId id) {
    const Expr& e = file_.exprs[id];
    const bool bare = e.text.find('.') == std::string_view::npos;
    if (bare && object_.empty()) return kNoEntity;  // no object to look in: reported elsewhere
    const EntityId field = resolve_field(model_, object_, e.text);
    if (field != kNoEntity) {
      model_.targets[file_.id][id] = field;
      return field;
    }
    report_unresolved(diagnostics_, file_.span_of(e),
                      bare ? fmt::format("no field `{}` on `{}`", e.text, object_)
                           : fmt::format("no field named `{}`", e.text),
                      suggest_field(model_, object_, e.text));
    return kNoEntity;
  }

  void check_compare(const Expr& e) {
    const auto sides = file_.children(e);
    const Expr& lhs = file_.exprs[sides[0]];
    if (lhs.kind != ExprKind::Reference) {
      diagnostics_.report(
          compiler_rule::kTypeMismatch, file_.span_of(lhs),
          fmt::format("a comparison starts with a field name, found {}", describe_expr(lhs)));
      return;
    }
    const EntityId field = resolve(sides[0]);
    if (field == kNoEntity) return;
    const FieldValues values = field_values(model_, field);
    const bool is_in = e.op == CompareOp::In || e.op == CompareOp::NotIn;
    const Expr& rhs = file_.exprs[sides[1]];
    const bool ordering = e.op == CompareOp::Lt || e.op == CompareOp::Le || e.op == CompareOp::Gt ||
                          e.op == CompareOp::Ge;
    if (ordering && values.kind != FieldValueKind::Number && values.kind != FieldValueKind::Date &&
        values.kind != FieldValueKind::Unknown) {
      diagnostics_.report(
          compiler_rule::kTypeMismatch, file_.span_of(e),
          fmt::format("`{}` orders numbers and dates; `{}` is a {} field", compare_op_text(e.op),
                      lhs.text, value_kind_word(values.kind)));
      return;
    }
    if (is_in) {
      if (rhs.kind != ExprKind::List) {
        diagnostics_.report(compiler_rule::kTypeMismatch, file_.span_of(rhs),
                            fmt::format("`{}` needs a list such as `[\"US\", \"CA\"]`, found {}",
                                        compare_op_text(e.op), describe_expr(rhs)));
        return;
      }
      for (ExprId item : file_.children(rhs)) check_value(lhs, values, file_.exprs[item]);
    } else if (rhs.kind != ExprKind::None) {
      check_value(lhs, values, rhs);
    }
  }

  // A function of the vocabulary: a text test `NAME(FIELD, "x")`, or a condition kept as
  // written in another system (`NAME("...")`) that gtmlint does not evaluate.
  void check_call(const Expr& e) {
    const auto args = file_.children(e);
    const ConditionFunction* function = model_.vocabulary->find_condition_function(e.text);
    const bool opaque = function && function->form == ConditionFunction::Form::Opaque;
    if (opaque && args.size() == 1 && file_.exprs[args[0]].kind == ExprKind::String) return;
    if (!function || opaque || args.size() != 2 ||
        file_.exprs[args[0]].kind != ExprKind::Reference ||
        file_.exprs[args[1]].kind != ExprKind::String) {
      diagnostics_.report(
          compiler_rule::kTypeMismatch, file_.span_of(e),
          fmt::format("expected a condition: {}, found `{}(...)` with {} argument{}",
                      function_usages(), e.text, args.size(), args.size() == 1 ? "" : "s"));
      return;
    }
    const EntityId field = resolve(args[0]);
    if (field == kNoEntity) return;
    const FieldValueKind kind = field_values(model_, field).kind;
    if (kind != FieldValueKind::Text && kind != FieldValueKind::Picklist &&
        kind != FieldValueKind::Unknown) {
      diagnostics_.report(compiler_rule::kTypeMismatch, file_.span_of(file_.exprs[args[0]]),
                          fmt::format("`{}` tests text; `{}` is a {} field", e.text,
                                      file_.exprs[args[0]].text, value_kind_word(kind)));
    }
  }

  std::string function_usages() const {
    std::vector<std::string> usages;
    for (const ConditionFunction& f : model_.vocabulary->condition_functions) {
      usages.emplace_back(f.usage);
    }
    return join_or(usages);
  }

  void check_value(const Expr& field, const FieldValues& values, const Expr& value) {
    if (!value.valid) return;
    const FieldValueKind kind = values.kind;
    const bool ok = kind == FieldValueKind::Unknown ||
                    (value.kind == ExprKind::String &&
                     (kind == FieldValueKind::Text || kind == FieldValueKind::Picklist)) ||
                    (value.kind == ExprKind::Number && kind == FieldValueKind::Number) ||
                    (value.kind == ExprKind::Date && kind == FieldValueKind::Date) ||
                    (value.kind == ExprKind::Bool && kind == FieldValueKind::Bool);
    if (!ok) {
      Diagnostic& d =
          diagnostics_.report(compiler_rule::kTypeMismatch, file_.span_of(value),
                              fmt::format("`{}` is a {} field, compared with {}", field.text,
                                          value_kind_word(kind), describe_expr(value)));
      if (value.kind == ExprKind::Reference &&
          (kind == FieldValueKind::Text || kind == FieldValueKind::Picklist)) {
        d.message += "; text is written in quotes";
        d.fix = Fix{file_.span_of(value), fmt::format("\"{}\"", value.text), "put it in quotes"};
      }
      return;
    }
    // A picklist value the field does not have is reported by rules/ (routing-unknown-value).
  }

  Model& model_;
  Diagnostics& diagnostics_;
  const File& file_;
  std::string_view object_;
};

}  // namespace

void check_condition(Model& model, Diagnostics& diagnostics, const File& file, ExprId id,
                     const Type& type, EntityId owner) {
  const std::string_view object =
      type.scope.empty() ? std::string_view() : condition_object(model, owner, type.scope);
  ConditionChecker(model, diagnostics, file, object).check(id);
}

}  // namespace gtm
