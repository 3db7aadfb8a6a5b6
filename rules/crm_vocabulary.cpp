// Field types as Salesforce and HubSpot hold them, and the text tests of their filter criteria.
#include "rules/crm_vocabulary.hpp"

#include <array>

namespace gtm::rules {

namespace {

using Arguments = FieldTypeWord::Arguments;
using Form = ConditionFunction::Form;

// In the order messages list them (a did-you-mean picks among them).
constexpr std::array<FieldTypeWord, 13> kFieldTypes = {{
    {"text", FieldValueKind::Text},
    {"number", FieldValueKind::Number},
    {"currency", FieldValueKind::Number},
    {"percent", FieldValueKind::Number},
    {"bool", FieldValueKind::Bool},
    {"date", FieldValueKind::Date},
    {"datetime", FieldValueKind::Date},
    {"email", FieldValueKind::Text},
    {"phone", FieldValueKind::Text},
    {"url", FieldValueKind::Text},
    {"picklist", FieldValueKind::Picklist, Arguments::Values},
    {"multipicklist", FieldValueKind::Picklist, Arguments::Values, true},
    // What a lookup holds is a record id: nothing a condition compares.
    {"lookup", FieldValueKind::Unknown, Arguments::Object},
}};

// `includes` tests one value of a multi-select picklist; `formula` is a Salesforce formula kept
// as written.
constexpr std::array<ConditionFunction, 4> kConditionFunctions = {{
    {"starts_with", Form::FieldText, "`starts_with(FIELD, \"text\")`"},
    {"contains", Form::FieldText, "`contains(FIELD, \"text\")`"},
    {"includes", Form::FieldText, "`includes(FIELD, \"value\")`"},
    {"formula", Form::Opaque, "`formula(\"...\")`"},
}};

}  // namespace

const Vocabulary& crm_vocabulary() {
  static const Vocabulary vocabulary{
      kFieldTypes, "`text`, `picklist(\"A\", \"B\")` or `lookup(salesforce.account)`",
      kConditionFunctions};
  return vocabulary;
}

}  // namespace gtm::rules
