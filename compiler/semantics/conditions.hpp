// Conditions: boolean expressions over the fields of one object (`industry == "Healthcare" and
// employees >= 1000`). Bare names are fields of the object named by the scope attribute
// (`routing.object`); full paths name any field. Checks each comparison against the field's
// type (rules/ checks picklist values: routing-unknown-value).
#pragma once

#include <string>
#include <vector>

#include "compiler/diagnostics/diagnostic.hpp"
#include "compiler/semantics/model.hpp"
#include "compiler/semantics/vocabulary.hpp"

namespace gtm {

struct FieldValues {
  FieldValueKind kind = FieldValueKind::Unknown;
  std::vector<std::string_view> picklist;  ///< the allowed values of a picklist
  bool multi = false;                      ///< a multi-select picklist (`A;B` holds A and B)
};

/// The value kind of a field entity, read from its attribute of type `field_type` (the
/// model's vocabulary says what each field type holds).
FieldValues field_values(const Model& model, EntityId field);

/// The object path a condition's bare names refer to: the scope attribute of `owner` or of its
/// nearest ancestor that has it; empty if none does.
std::string_view condition_object(const Model& model, EntityId owner, std::string_view scope);

void check_condition(Model& model, Diagnostics& diagnostics, const File& file, ExprId id,
                     const Type& type, EntityId owner);

}  // namespace gtm
