// How a system compares text in its filter criteria: Salesforce and most CRMs compare
// case-insensitively (`contains "ENT"` matches "F&B Management"), a hand-written routing may ask
// for exact comparison. The lead evaluator and the condition space both compare through this one
// class, so `route` and the routing analyses cannot disagree on a value.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "compiler/semantics/model.hpp"

namespace gtm::rules {

enum class TextCase { Insensitive, Exact };

class TextMatch {
 public:
  explicit TextMatch(TextCase mode) : mode_(mode) {}

  TextCase mode() const { return mode_; }
  /// The form two texts are compared in: folded to lower case (ASCII and Latin-1 letters) when
  /// comparison ignores case, as written otherwise.
  std::string key(std::string_view text) const;

  bool equals(std::string_view a, std::string_view b) const { return key(a) == key(b); }
  bool starts_with(std::string_view value, std::string_view prefix) const {
    return key(value).starts_with(key(prefix));
  }
  bool contains(std::string_view value, std::string_view part) const {
    return key(value).find(key(part)) != std::string::npos;
  }
  /// A multi-select value (`A;B;C`) holds `item` as one of its values.
  bool includes(std::string_view value, std::string_view item) const;
  /// The text test a condition function names (`starts_with`, `contains`, `includes`) on a
  /// value; nullopt for a name that is no text test.
  std::optional<bool> test(std::string_view function, std::string_view value,
                           std::string_view pattern) const;

 private:
  TextCase mode_;
};

/// The text semantics of the conditions of `owner` (a routing, a nurture): its own or an
/// enclosing block's `text_case`, else that of the system its object belongs to
/// (`salesforce.lead` -> system `salesforce`), else case-insensitive.
/// The values of a multi-select value (`A; B;C` -> A, B, C), as written.
std::vector<std::string_view> multi_select_items(std::string_view value);

TextCase text_case_of(const Model& model, EntityId owner, std::string_view object);

}  // namespace gtm::rules
