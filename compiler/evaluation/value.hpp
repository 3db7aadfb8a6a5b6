// Runtime values of the policy expression language, and how attribute expressions become them.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "compiler/semantics/model.hpp"

namespace gtm {

struct Value {
  enum class Kind { None, Unknown, Bool, Number, Text, Date, Duration, Entity, Block, List, Call };
  Kind kind = Kind::None;
  bool boolean = false;
  double number = 0;
  std::int64_t integer = 0;  ///< Date: days since 1970-01-01; Duration: minutes
  /// Text; Call: the function name; Date, Duration: as written, if written. Always a view of text
  /// that outlives evaluation: the sources, decoded strings, the schema's names.
  std::string_view text;
  EntityId entity = kNoEntity;  ///< Entity; Block: the block, or kNoEntity if not written
  KindId block_kind = kNoKind;  ///< Block: its kind (schema defaults apply when not written)
  std::vector<Value> items;     ///< List; Call: the arguments

  static Value none() { return {}; }
  static Value unknown() { return with(Kind::Unknown); }
  static Value of_bool(bool b) {
    Value v = with(Kind::Bool);
    v.boolean = b;
    return v;
  }
  static Value of_number(double n) {
    Value v = with(Kind::Number);
    v.number = n;
    return v;
  }
  static Value of_text(std::string_view t) {
    Value v = with(Kind::Text);
    v.text = t;
    return v;
  }
  static Value with(Kind kind) {
    Value v;
    v.kind = kind;
    return v;
  }
};

/// The value an attribute expression denotes: literals as themselves, resolved references as
/// entities, unresolved words as text, lists and calls element by element.
Value value_of_expr(const Model& model, const File& file, ExprId id);

/// How a value is shown in messages: `dana`, 2026-12-31, 4h, "text", [a, b].
std::string format_value(const Model& model, const Value& value);

}  // namespace gtm
