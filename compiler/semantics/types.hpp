// Attribute types as the schema writes them (`ref(person, team)`, `list(text)`, `enum("a")`,
// `fn(slack, text)`, `one_of(...)`, `mapping(ref(field))`, `condition(object)`), parsed from
// the expressions of `schema` blocks, and their printing for messages.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "compiler/syntax/ast.hpp"

namespace gtm {

enum class TypeKind {
  Any,  ///< not checked (e.g. a policy's `where`, read by the policy engine)
  Text,
  Number,
  Bool,
  Date,
  Duration,
  Email,
  Url,
  Regex,      ///< text that must compile as a regular expression
  FieldType,  ///< text, number, ..., picklist("a", "b"), multipicklist(...), lookup(OBJECT)
  Condition,  ///< a boolean expression over the fields of an object
  Ref,        ///< a reference to an entity of one of `names` (kinds, or `object`)
  List,
  Enum,     ///< one of `names`, written as a bare word or a string
  Call,     ///< `names[0](ARG, ...)`, each argument of `args[0]` (if any)
  OneOf,    ///< any of `args`
  Mapping,  ///< `a -> b`, both sides of `args[0]`
};

struct Type {
  TypeKind kind = TypeKind::Any;
  std::vector<std::string> names;
  std::vector<Type> args;
  /// Condition: the attribute (of the block or its parents) naming the object whose fields
  /// bare names refer to; empty if conditions must use full paths.
  std::string scope;
};

/// Reads a type expression; nullopt (and `problem` set) if it is not one.
std::optional<Type> parse_type(const File& file, const Expr& expr, std::string* problem);

/// "a", "a or b", "a, b or c".
std::string join_or(const std::vector<std::string>& words);

/// "a date", "a reference to a person or team", "a list of texts", ...
std::string describe_type(const Type& type);

/// How a written value is named in messages: "a text", "the date 2026-12-31", "`dana`".
std::string describe_expr(const Expr& e);

}  // namespace gtm
