// Attribute expressions as values, and values as text.
#include "compiler/evaluation/value.hpp"

#include <fmt/format.h>

#include "compiler/syntax/literals.hpp"

namespace gtm {

Value value_of_expr(const Model& model, const File& file, ExprId id) {
  const Expr& e = file.exprs[id];
  if (!e.valid) return Value::unknown();
  switch (e.kind) {
    case ExprKind::String:
      return Value::of_text(e.text);
    case ExprKind::Number:
      return Value::of_number(e.number);
    case ExprKind::Bool:
      return Value::of_bool(e.boolean);
    case ExprKind::None:
      return Value::none();
    case ExprKind::Date:
    case ExprKind::Duration: {
      Value v = Value::with(e.kind == ExprKind::Date ? Value::Kind::Date : Value::Kind::Duration);
      v.integer = e.integer;
      v.text = e.text;  // shown as written: a limit of 48h stays 48h, not 2d
      return v;
    }
    case ExprKind::Reference: {
      const EntityId target = model.target(file.id, id);
      if (target == kNoEntity) return Value::of_text(e.text);
      Value v = Value::with(Value::Kind::Entity);
      v.entity = target;
      return v;
    }
    case ExprKind::Paren:
      return value_of_expr(model, file, file.children(e)[0]);
    case ExprKind::List:
    case ExprKind::Call:
    case ExprKind::Mapping: {
      Value v = Value::with(e.kind == ExprKind::Call ? Value::Kind::Call : Value::Kind::List);
      if (e.kind == ExprKind::Call) v.text = e.text;
      for (ExprId child : file.children(e)) v.items.push_back(value_of_expr(model, file, child));
      return v;
    }
    default:
      return Value::unknown();  // conditions are not values
  }
}

std::string format_value(const Model& model, const Value& value) {
  switch (value.kind) {
    case Value::Kind::None:
      return "none";
    case Value::Kind::Unknown:
      return "?";
    case Value::Kind::Bool:
      return value.boolean ? "true" : "false";
    case Value::Kind::Number:
      return fmt::format("{}", value.number);
    case Value::Kind::Text:
      return std::string(value.text);
    case Value::Kind::Date:
      return value.text.empty() ? format_date(value.integer) : std::string(value.text);
    case Value::Kind::Duration:
      return value.text.empty() ? format_duration(value.integer) : std::string(value.text);
    case Value::Kind::Entity:
      return std::string(model.display_name(value.entity));
    case Value::Kind::Block:
      return std::string(model.schema.kind(value.block_kind).name);
    case Value::Kind::List:
    case Value::Kind::Call: {
      std::vector<std::string> parts;
      for (const Value& item : value.items) parts.push_back(format_value(model, item));
      return value.kind == Value::Kind::List
                 ? fmt::format("[{}]", fmt::join(parts, ", "))
                 : fmt::format("{}({})", value.text, fmt::join(parts, ", "));
    }
  }
  return "?";
}

}  // namespace gtm
