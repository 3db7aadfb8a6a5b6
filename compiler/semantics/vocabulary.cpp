// Looking words up in a vocabulary.
#include "compiler/semantics/vocabulary.hpp"

#include <algorithm>

namespace gtm {

namespace {

template <typename Word>
const Word* find_word(std::span<const Word> words, std::string_view name) {
  const auto it =
      std::find_if(words.begin(), words.end(), [&](const Word& w) { return w.name == name; });
  return it == words.end() ? nullptr : &*it;
}

}  // namespace

std::string_view value_kind_word(FieldValueKind kind) {
  switch (kind) {
    case FieldValueKind::Text:
      return "text";
    case FieldValueKind::Number:
      return "number";
    case FieldValueKind::Date:
      return "date";
    case FieldValueKind::Bool:
      return "bool";
    case FieldValueKind::Picklist:
      return "picklist";
    case FieldValueKind::Unknown:
      return "unknown";
  }
  return "unknown";
}

const FieldTypeWord* Vocabulary::find_field_type(std::string_view name) const {
  return find_word(field_types, name);
}

const ConditionFunction* Vocabulary::find_condition_function(std::string_view name) const {
  return find_word(condition_functions, name);
}

const Vocabulary& empty_vocabulary() {
  static const Vocabulary vocabulary{};
  return vocabulary;
}

}  // namespace gtm
