// Criteria items and boolean filters -> .gtm conditions.
#include "cli/import/criteria.hpp"

#include <fmt/format.h>

#include <cctype>
#include <charconv>
#include <optional>
#include <vector>

#include "cli/import/names.hpp"
#include "compiler/base/limits.hpp"
#include "compiler/syntax/literals.hpp"
#include "rules/crm_vocabulary.hpp"

namespace gtm::sfdx {

namespace {

// What a field of gtmlint type `kind` holds (the one field-type table, rules/crm_vocabulary).
FieldValueKind values_of_kind(const std::string& kind) {
  const FieldTypeWord* word = rules::crm_vocabulary().find_field_type(kind);
  return word ? word->values : FieldValueKind::Unknown;
}
bool is_number_kind(const std::string& kind) {
  return values_of_kind(kind) == FieldValueKind::Number;
}
bool is_date_kind(const std::string& kind) {
  return values_of_kind(kind) == FieldValueKind::Date;
}

// A criteria value list as Salesforce writes it: values separated by commas, a value that holds a
// comma in double quotes (`HONG KONG,"TAIWAN, ROC"` is two values).
std::vector<std::string> values_of(std::string_view value) {
  std::vector<std::string> values;
  std::string current;
  bool quoted_value = false;
  const auto finish = [&] {
    std::string_view part = current;
    while (!part.empty() && part.front() == ' ') part.remove_prefix(1);
    while (!part.empty() && part.back() == ' ') part.remove_suffix(1);
    values.emplace_back(part);
    current.clear();
  };
  for (std::size_t i = 0; i < value.size(); ++i) {
    const char c = value[i];
    const bool at_start = current.find_first_not_of(' ') == std::string::npos;
    if (c == '"' && !quoted_value && at_start) {
      quoted_value = true;
      current.clear();
    } else if (c == '"' && quoted_value) {
      quoted_value = false;
    } else if (c == ',' && !quoted_value) {
      finish();
    } else {
      current += c;
    }
  }
  finish();
  return values;
}

// A value as a literal of the field's kind; nullopt if it is not one (a relative date, say).
std::optional<std::string> literal(const std::string& kind, const std::string& value) {
  if (is_number_kind(kind)) {
    double number = 0;
    const auto [end, error] = std::from_chars(value.data(), value.data() + value.size(), number);
    if (error != std::errc() || end != value.data() + value.size()) return std::nullopt;
    return value;
  }
  if (kind == "bool") {
    if (lower_ascii(value) == "true" || lower_ascii(value) == "false") return lower_ascii(value);
    return std::nullopt;
  }
  if (is_date_kind(kind)) {
    std::string date = iso_date(value);
    return date.empty() ? std::nullopt : std::optional(date);
  }
  return quoted(value);
}

// `(a or b)` of several parts, the part itself of one.
std::string joined(const std::vector<std::string>& parts, std::string_view word) {
  if (parts.size() == 1) return parts[0];
  return fmt::format("({})", fmt::join(parts, fmt::format(" {} ", word)));
}

// One criteria item; nullopt (and `problem`) if it cannot be said exactly.
std::optional<std::string> criterion(const Criterion& c, const std::string& object,
                                     const FieldKindOf& kind_of, std::string& problem) {
  const std::size_t dot = c.field.find('.');
  if (dot == std::string::npos || c.field.substr(0, dot) != object) {
    problem = fmt::format("the criterion on `{}` is not a field of {}", c.field, object);
    return std::nullopt;
  }
  const std::string field_name = c.field.substr(dot + 1);
  const std::string field = identifier(field_name);
  const std::string kind = kind_of(field_name);
  const std::string op = c.operation;
  const std::vector<std::string> values = values_of(c.value);
  std::vector<std::string> literals;
  for (const std::string& value : values) {
    if (value.empty()) continue;
    auto lit = literal(kind, value);
    if (!lit) {
      problem = fmt::format("`{}` is not a {} value of `{}`", value, kind, c.field);
      return std::nullopt;
    }
    literals.push_back(*lit);
  }
  const bool empty = literals.empty();
  const auto calls = [&](std::string_view fn, bool negated) {
    std::vector<std::string> parts;
    for (const std::string& lit : literals) {
      parts.push_back(fmt::format("{}{}({}, {})", negated ? "not " : "", fn, field, lit));
    }
    return joined(parts, negated ? "and" : "or");
  };
  if (op == "equals" || op == "notEqual") {
    const bool eq = op == "equals";
    if (empty) return fmt::format("{} {} none", field, eq ? "==" : "!=");
    if (literals.size() == 1) return fmt::format("{} {} {}", field, eq ? "==" : "!=", literals[0]);
    return fmt::format("{} {} [{}]", field, eq ? "in" : "not in", fmt::join(literals, ", "));
  }
  const bool text_kind = !is_number_kind(kind) && !is_date_kind(kind) && kind != "bool";
  if ((op == "startsWith" || op == "contains" || op == "notContain" || op == "includes" ||
       op == "excludes") &&
      text_kind && !empty) {
    if (op == "startsWith") return calls("starts_with", false);
    if (op == "contains") return calls("contains", false);
    if (op == "notContain") return calls("contains", true);
    return calls("includes", op == "excludes");
  }
  const bool ordered = is_number_kind(kind) || is_date_kind(kind);
  if (ordered && literals.size() == 1) {
    if (op == "lessThan") return fmt::format("{} < {}", field, literals[0]);
    if (op == "greaterThan") return fmt::format("{} > {}", field, literals[0]);
    if (op == "lessOrEqual") return fmt::format("{} <= {}", field, literals[0]);
    if (op == "greaterOrEqual") return fmt::format("{} >= {}", field, literals[0]);
  }
  problem =
      fmt::format("`{} {} {}` cannot be said exactly on a {} field", c.field, op, c.value, kind);
  return std::nullopt;
}

// booleanFilter: `1 AND (2 OR NOT 3)`, numbers naming criteria items from 1.
class FilterParser {
 public:
  FilterParser(std::string_view text, const std::vector<std::string>& items)
      : text_(text), items_(items) {}

  std::optional<std::string> parse() {
    auto out = disjunction(0);
    skip_space();
    if (!out || at_ < text_.size()) return std::nullopt;
    return out;
  }

 private:
  void skip_space() {
    while (at_ < text_.size() && std::isspace(static_cast<unsigned char>(text_[at_]))) ++at_;
  }
  bool keyword(std::string_view word) {
    skip_space();
    if (lower_ascii(text_.substr(at_, word.size())) != word) return false;
    const std::size_t after = at_ + word.size();
    if (after < text_.size() && std::isalnum(static_cast<unsigned char>(text_[after]))) {
      return false;
    }
    at_ = after;
    return true;
  }
  // `operand (word operand)*`, for `or` over conjunctions and `and` over factors.
  template <typename Operand>
  std::optional<std::string> chain(std::string_view word, int depth, Operand operand) {
    auto left = (this->*operand)(depth);
    while (left && keyword(word)) {
      auto right = (this->*operand)(depth);
      if (!right) return std::nullopt;
      left = fmt::format("{} {} {}", *left, word, *right);
    }
    return left;
  }
  std::optional<std::string> disjunction(int depth) {
    return chain("or", depth, &FilterParser::conjunction);
  }
  std::optional<std::string> conjunction(int depth) {
    return chain("and", depth, &FilterParser::factor);
  }
  std::optional<std::string> factor(int depth) {
    if (depth > limits::kMaxNesting) return std::nullopt;
    if (keyword("not")) {
      auto inner = factor(depth + 1);
      if (!inner) return std::nullopt;
      return inner->starts_with('(') ? "not " + *inner : "not (" + *inner + ")";
    }
    skip_space();
    if (at_ < text_.size() && text_[at_] == '(') {
      ++at_;
      auto inner = disjunction(depth + 1);
      skip_space();
      if (!inner || at_ >= text_.size() || text_[at_] != ')') return std::nullopt;
      ++at_;
      return "(" + *inner + ")";
    }
    std::size_t number = 0;
    const auto [end, error] =
        std::from_chars(text_.data() + at_, text_.data() + text_.size(), number);
    if (error != std::errc() || number == 0 || number > items_.size()) return std::nullopt;
    at_ = static_cast<std::size_t>(end - text_.data());
    return items_[number - 1];  // an item is a comparison, a call or a parenthesised list
  }

  std::string_view text_;
  const std::vector<std::string>& items_;
  std::size_t at_ = 0;
};

// The entry as Salesforce states it, for a formula kept as written.
std::string as_written(const RuleEntry& entry) {
  if (entry.criteria.empty()) return entry.formula;
  std::vector<std::string> items;
  for (const Criterion& c : entry.criteria) {
    items.push_back(fmt::format("{} {} {}", c.field, c.operation, c.value));
  }
  if (entry.boolean_filter.empty()) return fmt::format("{}", fmt::join(items, " AND "));
  std::string out = entry.boolean_filter;
  for (std::size_t i = 0; i < items.size(); ++i) {
    out += fmt::format("; {}: {}", i + 1, items[i]);
  }
  return out;
}

}  // namespace

std::string iso_date(std::string_view value) {
  if (parse_date(value)) return std::string(value);
  int month = 0, day = 0, year = 0;
  char slash1 = 0, slash2 = 0;
  std::string text(value);
  if (std::sscanf(text.c_str(), "%d%c%d%c%d", &month, &slash1, &day, &slash2, &year) != 5 ||
      slash1 != '/' || slash2 != '/') {
    return {};
  }
  std::string iso = fmt::format("{:04}-{:02}-{:02}", year, month, day);
  return parse_date(iso) ? iso : std::string();
}

Condition entry_condition(const RuleEntry& entry, const std::string& object,
                          const FieldKindOf& kind_of) {
  if (entry.criteria.empty()) {
    std::string formula = entry.formula;
    while (!formula.empty() && std::isspace(static_cast<unsigned char>(formula.back()))) {
      formula.pop_back();
    }
    while (!formula.empty() && std::isspace(static_cast<unsigned char>(formula.front()))) {
      formula.erase(0, 1);
    }
    if (formula.empty() || lower_ascii(formula) == "true") return {"true", true, {}};
    return {fmt::format("formula({})", quoted(formula)), false, "a formula"};
  }
  // A criterion that cannot be said exactly is kept as written on its own, so that only it is
  // unknown to the analyses and the rest of the entry keeps its meaning.
  std::vector<std::string> items;
  std::string problem;
  for (const Criterion& c : entry.criteria) {
    std::string why;
    auto item = criterion(c, object, kind_of, why);
    if (!item) {
      if (problem.empty()) problem = why;
      item = fmt::format("formula({})",
                         quoted(fmt::format("{} {} {}", c.field, c.operation, c.value)));
    }
    items.push_back(*item);
  }
  if (entry.boolean_filter.empty()) {
    return {fmt::format("{}", fmt::join(items, " and ")), false, problem};
  }
  if (auto text = FilterParser(entry.boolean_filter, items).parse()) return {*text, false, problem};
  return {fmt::format("formula({})", quoted(as_written(entry))), false,
          fmt::format("the filter `{}` could not be read", entry.boolean_filter)};
}

}  // namespace gtm::sfdx
