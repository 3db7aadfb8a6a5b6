// An assignment rule entry's criteria as a .gtm condition over the routed object's fields:
// every operation of Salesforce's criteria items, and booleanFilter expressions such as
// `1 AND (2 OR NOT 3)`. What cannot be said exactly is kept as `formula("...")`, which the
// analyses treat as unknown.
#pragma once

#include <functional>
#include <string>

#include "cli/import/sfdx_model.hpp"

namespace gtm::sfdx {

/// The .gtm type word of a field of the routed object (`text`, `number`, `picklist`, ...).
using FieldKindOf = std::function<std::string(const std::string& field)>;

struct Condition {
  std::string text;        ///< the .gtm condition
  bool catch_all = false;  ///< matches every record (no criteria, or the formula TRUE)
  std::string problem;     ///< why it was kept as a formula, if it was
};

Condition entry_condition(const RuleEntry& entry, const std::string& object,
                          const FieldKindOf& kind_of);

/// `1/31/2026` or `2026-01-31` as `2026-01-31`; empty if it is neither.
std::string iso_date(std::string_view value);

}  // namespace gtm::sfdx
