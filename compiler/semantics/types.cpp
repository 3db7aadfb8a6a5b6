// Parsing and describing schema types.
#include "compiler/semantics/types.hpp"

#include <fmt/format.h>

#include <array>
#include <utility>

namespace gtm {

namespace {

constexpr std::array<std::pair<std::string_view, TypeKind>, 12> kBaseTypes = {{
    {"any", TypeKind::Any},
    {"text", TypeKind::Text},
    {"number", TypeKind::Number},
    {"bool", TypeKind::Bool},
    {"date", TypeKind::Date},
    {"duration", TypeKind::Duration},
    {"email", TypeKind::Email},
    {"url", TypeKind::Url},
    {"regex", TypeKind::Regex},
    {"field_type", TypeKind::FieldType},
    {"condition", TypeKind::Condition},
    {"object", TypeKind::Ref},
}};

std::optional<Type> parse_base(std::string_view name) {
  for (const auto& [spelling, kind] : kBaseTypes) {
    if (spelling != name) continue;
    Type type{kind, {}, {}, {}};
    if (name == "object") type.names = {"object"};
    return type;
  }
  return std::nullopt;
}

// The arguments of a call that must all be bare names (`ref(person, team)`) or strings.
std::optional<std::vector<std::string>> word_arguments(const File& file, const Expr& call) {
  std::vector<std::string> words;
  for (ExprId id : file.children(call)) {
    const Expr& arg = file.exprs[id];
    if (arg.kind != ExprKind::Reference && arg.kind != ExprKind::String) return std::nullopt;
    words.emplace_back(arg.text);
  }
  return words;
}

std::optional<Type> parse_call(const File& file, const Expr& expr, std::string* problem) {
  const std::string_view name = expr.text;
  const auto children = file.children(expr);
  if (name == "ref" || name == "enum") {
    auto words = word_arguments(file, expr);
    if (!words || words->empty()) {
      *problem = fmt::format("`{}(...)` takes one or more names", name);
      return std::nullopt;
    }
    return Type{name == "ref" ? TypeKind::Ref : TypeKind::Enum, std::move(*words), {}, {}};
  }
  if (name == "condition") {
    auto words = word_arguments(file, expr);
    if (!words || words->size() != 1) {
      *problem = "`condition(ATTRIBUTE)` names the attribute that holds the object";
      return std::nullopt;
    }
    return Type{TypeKind::Condition, {}, {}, (*words)[0]};
  }
  if (name == "fn") {
    if (children.empty() || file.exprs[children[0]].kind != ExprKind::Reference) {
      *problem = "`fn(NAME, ARGUMENT_TYPE)` starts with the function's name";
      return std::nullopt;
    }
    Type type{TypeKind::Call, {std::string(file.exprs[children[0]].text)}, {}, {}};
    for (std::size_t i = 1; i < children.size(); ++i) {
      auto arg = parse_type(file, file.exprs[children[i]], problem);
      if (!arg) return std::nullopt;
      type.args.push_back(std::move(*arg));
    }
    return type;
  }
  const TypeKind kind = name == "list"      ? TypeKind::List
                        : name == "one_of"  ? TypeKind::OneOf
                        : name == "mapping" ? TypeKind::Mapping
                                            : TypeKind::Any;
  if (kind == TypeKind::Any) {
    *problem = fmt::format("unknown type constructor `{}`", name);
    return std::nullopt;
  }
  Type type{kind, {}, {}, {}};
  for (ExprId id : children) {
    auto arg = parse_type(file, file.exprs[id], problem);
    if (!arg) return std::nullopt;
    type.args.push_back(std::move(*arg));
  }
  if (type.args.empty() || (kind != TypeKind::OneOf && type.args.size() != 1)) {
    *problem = fmt::format("`{}(...)` takes {} type", name,
                           kind == TypeKind::OneOf ? "at least one" : "one");
    return std::nullopt;
  }
  return type;
}

}  // namespace

std::string join_or(const std::vector<std::string>& words) {
  std::string out;
  for (std::size_t i = 0; i < words.size(); ++i) {
    if (i > 0) out += i + 1 == words.size() ? " or " : ", ";
    out += words[i];
  }
  return out;
}

std::optional<Type> parse_type(const File& file, const Expr& expr, std::string* problem) {
  if (expr.kind == ExprKind::Reference) {
    if (auto base = parse_base(expr.text)) return base;
    *problem = fmt::format("unknown type `{}`", expr.text);
    return std::nullopt;
  }
  if (expr.kind == ExprKind::Call) return parse_call(file, expr, problem);
  *problem = "a type is a name such as `text` or a constructor such as `list(text)`";
  return std::nullopt;
}

std::string describe_type(const Type& type) {
  switch (type.kind) {
    case TypeKind::Any:
      return "any value";
    case TypeKind::Text:
      return "a text";
    case TypeKind::Number:
      return "a number";
    case TypeKind::Bool:
      return "`true` or `false`";
    case TypeKind::Date:
      return "a date";
    case TypeKind::Duration:
      return "a duration";
    case TypeKind::Email:
      return "an email address";
    case TypeKind::Url:
      return "a URL";
    case TypeKind::Regex:
      return "a regular expression";
    case TypeKind::FieldType:
      return "a field type";
    case TypeKind::Condition:
      return "a condition";
    case TypeKind::Ref:
      return fmt::format("a reference to a {}", join_or(type.names));
    case TypeKind::List:
      return fmt::format("a list of {}", describe_type(type.args[0]));
    case TypeKind::Enum:
      return fmt::format("one of {}", join_or(type.names));
    case TypeKind::Call:
      return fmt::format("`{}(...)`", type.names[0]);
    case TypeKind::Mapping:
      return fmt::format("a mapping `a -> b`");
    case TypeKind::OneOf: {
      std::vector<std::string> parts;
      for (const Type& arg : type.args) parts.push_back(describe_type(arg));
      return join_or(parts);
    }
  }
  return "any value";
}

std::string describe_expr(const Expr& e) {
  switch (e.kind) {
    case ExprKind::String:
      return "a text";
    case ExprKind::Number:
      return fmt::format("the number {}", e.text);
    case ExprKind::Date:
      return fmt::format("the date {}", e.text);
    case ExprKind::Duration:
      return fmt::format("the duration {}", e.text);
    case ExprKind::Bool:
      return fmt::format("`{}`", e.boolean ? "true" : "false");
    case ExprKind::None:
      return "`none`";
    case ExprKind::Reference:
      return fmt::format("`{}`", e.text);
    case ExprKind::Call:
      return fmt::format("`{}(...)`", e.text);
    case ExprKind::List:
      return "a list";
    case ExprKind::Mapping:
      return "a mapping";
    default:
      return "an expression";
  }
}

}  // namespace gtm
