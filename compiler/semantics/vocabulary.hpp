// The words a workspace's field types and conditions are written in. The compiler checks them
// but does not define them: rules/ registers the CRM's (rules/crm_vocabulary.cpp) and hands it
// to each compilation (CompileOptions), so the compiler knows no field type or condition
// function by name.
#pragma once

#include <span>
#include <string>
#include <string_view>

namespace gtm {

/// What a field holds, from its field type.
enum class FieldValueKind { Unknown, Text, Number, Date, Bool, Picklist };

/// "text", "number", ...: how a value kind is named in messages.
std::string_view value_kind_word(FieldValueKind kind);

/// One field type: a bare word (`currency`) or a call (`picklist("A", "B")`, `lookup(OBJECT)`).
struct FieldTypeWord {
  enum class Arguments {
    None,    ///< written as a bare word
    Values,  ///< one or more distinct texts, the values the field may hold
    Object,  ///< one reference to an object (see `member_of` in the schema)
  };
  std::string_view name;
  FieldValueKind values = FieldValueKind::Text;
  Arguments arguments = Arguments::None;
  bool multiple = false;  ///< holds several of its values at once (`A;B`)
};

/// One function a condition may call.
struct ConditionFunction {
  enum class Form {
    FieldText,  ///< `NAME(FIELD, "text")`: a test of a text or picklist field
    Opaque,     ///< `NAME("...")`: kept as written in another system, not evaluated
  };
  std::string_view name;
  Form form = Form::FieldText;
  std::string_view usage;  ///< how it is written, for messages: `starts_with(FIELD, "text")`
};

struct Vocabulary {
  std::span<const FieldTypeWord> field_types;
  /// Examples of field types for a message that expects one.
  std::string_view field_type_examples;
  std::span<const ConditionFunction> condition_functions;

  const FieldTypeWord* find_field_type(std::string_view name) const;
  const ConditionFunction* find_condition_function(std::string_view name) const;
};

/// A vocabulary with no field types and no condition functions.
const Vocabulary& empty_vocabulary();

}  // namespace gtm
