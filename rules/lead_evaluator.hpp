// The one evaluator of conditions over a lead (or any record): `route` (and through it the
// differential tests) asks it whether a rule matches, with the text semantics of the routing's
// system (rules/text_match.hpp), the same semantics the condition space analyses with.
#pragma once

#include <functional>
#include <map>
#include <string>
#include <vector>

#include "compiler/semantics/model.hpp"
#include "rules/text_match.hpp"

namespace gtm::rules {

/// A record: field name (the last segment of its path) -> value as a person types it; a field
/// that is absent is empty.
using Lead = std::map<std::string, std::string, std::less<>>;

/// Three-valued: a condition gtmlint cannot read (a formula kept as written, a field of another
/// object) is Unknown, and `and`, `or` and `not` carry it as Kleene's logic does.
enum class Truth { False, True, Unknown };

class LeadEvaluator {
 public:
  /// `object` is the path of the record's object (`salesforce.lead`): bare names and full paths
  /// of its fields are read from the lead; fields of other objects are Unknown.
  LeadEvaluator(const Model& model, std::string_view object, const Lead& lead, TextCase mode)
      : model_(model), object_(object), lead_(lead), text_(mode) {}

  Truth evaluate(const File& file, ExprId condition) const;

  /// Why a condition is not True: each comparison that is false (with the lead's value) or that
  /// cannot be evaluated, as written.
  std::vector<std::string> reasons(const File& file, ExprId condition) const;

 private:
  /// The lead's value of the field a reference names; `known` is false for a field that is not
  /// one of the object's.
  const std::string* value_of(const File& file, ExprId reference, bool& known) const;
  std::string field_name(const File& file, ExprId reference) const;
  std::optional<int> order(const std::string& given, const Expr& literal) const;
  Truth compare(const File& file, const Expr& e) const;
  Truth text_test(const File& file, const Expr& e) const;
  void collect_reasons(const File& file, ExprId id, std::vector<std::string>& out) const;

  const Model& model_;
  std::string object_;
  const Lead& lead_;
  TextMatch text_;
};

/// Whether a value as a person types it is a number (`40`, `2.5`).
bool is_number(std::string_view text);

/// A value as `route` prints it: numbers, dates and booleans as given, text in quotes.
std::string shown_value(const std::string& value);

}  // namespace gtm::rules
