// Evaluating a condition over one lead.
#include "rules/lead_evaluator.hpp"

#include <fmt/format.h>

#include <charconv>

#include "compiler/syntax/literals.hpp"

namespace gtm::rules {

bool is_number(std::string_view text) {
  double number = 0;
  const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), number);
  return error == std::errc() && end == text.data() + text.size();
}

namespace {

Truth negate(Truth t) {
  return t == Truth::Unknown ? t : (t == Truth::True ? Truth::False : Truth::True);
}

Truth both(Truth a, Truth b) {
  if (a == Truth::False || b == Truth::False) return Truth::False;
  return a == Truth::True && b == Truth::True ? Truth::True : Truth::Unknown;
}

Truth either(Truth a, Truth b) {
  if (a == Truth::True || b == Truth::True) return Truth::True;
  return a == Truth::False && b == Truth::False ? Truth::False : Truth::Unknown;
}

Truth truth(bool b) {
  return b ? Truth::True : Truth::False;
}

}  // namespace

std::string shown_value(const std::string& value) {
  if (is_number(value) || parse_date(value) || value == "true" || value == "false") return value;
  return fmt::format("\"{}\"", value);
}

std::string LeadEvaluator::field_name(const File& file, ExprId reference) const {
  const EntityId field = model_.target(file.id, reference);
  const std::string_view path =
      field == kNoEntity ? file.exprs[reference].text : model_.entities[field].name;
  return std::string(path.substr(path.rfind('.') + 1));
}

const std::string* LeadEvaluator::value_of(const File& file, ExprId reference, bool& known) const {
  const EntityId field = model_.target(file.id, reference);
  const std::string_view path =
      field == kNoEntity ? file.exprs[reference].text : model_.entities[field].name;
  const std::size_t dot = path.rfind('.');
  known = dot == std::string_view::npos || path.substr(0, dot) == object_;
  if (!known) return nullptr;
  const auto it = lead_.find(path.substr(dot + 1));
  return it == lead_.end() || it->second.empty() ? nullptr : &it->second;
}

// -1, 0, 1 comparing the lead's value with a literal; nullopt if they cannot be compared.
std::optional<int> LeadEvaluator::order(const std::string& given, const Expr& literal) const {
  double a = 0, b = 0;
  switch (literal.kind) {
    case ExprKind::Number:
      if (!is_number(given)) return std::nullopt;
      std::from_chars(given.data(), given.data() + given.size(), a);
      b = literal.number;
      break;
    case ExprKind::Date: {
      const auto days = parse_date(given);
      if (!days) return std::nullopt;
      a = static_cast<double>(*days);
      b = static_cast<double>(literal.integer);
      break;
    }
    case ExprKind::Bool: {
      const std::string word = text_.key(given);
      if (word != "true" && word != "false") return std::nullopt;
      return (word == "true") == literal.boolean ? 0 : 1;
    }
    case ExprKind::String: {
      const std::string x = text_.key(given), y = text_.key(literal.text);
      return x == y ? 0 : (x < y ? -1 : 1);
    }
    default:
      return std::nullopt;
  }
  return a < b ? -1 : (a > b ? 1 : 0);
}

Truth LeadEvaluator::compare(const File& file, const Expr& e) const {
  const auto sides = file.children(e);
  bool known = true;
  const std::string* given = value_of(file, sides[0], known);
  if (!known) return Truth::Unknown;
  const Expr& rhs = file.exprs[sides[1]];
  const auto equals = [&](const Expr& literal) {
    if (literal.kind == ExprKind::None) return given == nullptr;
    return given && order(*given, literal) == 0;
  };
  switch (e.op) {
    case CompareOp::Eq:
      return truth(equals(rhs));
    case CompareOp::Ne:
      return truth(!equals(rhs));
    case CompareOp::In:
    case CompareOp::NotIn: {
      bool found = false;
      for (ExprId item : file.children(rhs)) found = found || equals(file.exprs[item]);
      return truth(found == (e.op == CompareOp::In));
    }
    default:
      break;
  }
  if (!given) return Truth::False;  // an empty field is neither smaller nor larger
  const auto o = order(*given, rhs);
  if (!o) return Truth::False;
  return truth(e.op == CompareOp::Lt   ? *o < 0
               : e.op == CompareOp::Le ? *o <= 0
               : e.op == CompareOp::Gt ? *o > 0
                                       : *o >= 0);
}

// starts_with, contains and includes are false on an empty field; a formula is Unknown.
Truth LeadEvaluator::text_test(const File& file, const Expr& e) const {
  const auto args = file.children(e);
  if (e.text == "formula" || args.size() != 2) return Truth::Unknown;
  bool known = true;
  const std::string* given = value_of(file, args[0], known);
  if (!known) return Truth::Unknown;
  if (!given) return Truth::False;
  const auto holds = text_.test(e.text, *given, file.exprs[args[1]].text);
  return holds ? truth(*holds) : Truth::Unknown;
}

Truth LeadEvaluator::evaluate(const File& file, ExprId id) const {
  const Expr& e = file.exprs[id];
  const auto children = file.children(e);
  switch (e.kind) {
    case ExprKind::Bool:
      return truth(e.boolean);
    case ExprKind::Paren:
      return evaluate(file, children[0]);
    case ExprKind::Not:
      return negate(evaluate(file, children[0]));
    case ExprKind::And:
      return both(evaluate(file, children[0]), evaluate(file, children[1]));
    case ExprKind::Or:
      return either(evaluate(file, children[0]), evaluate(file, children[1]));
    case ExprKind::Reference: {
      bool known = true;
      const std::string* given = value_of(file, id, known);
      if (!known) return Truth::Unknown;
      return truth(given && text_.key(*given) == "true");
    }
    case ExprKind::Compare:
      return compare(file, e);
    case ExprKind::Call:
      return text_test(file, e);
    default:
      return Truth::Unknown;
  }
}

std::vector<std::string> LeadEvaluator::reasons(const File& file, ExprId id) const {
  std::vector<std::string> out;
  collect_reasons(file, id, out);
  return out;
}

void LeadEvaluator::collect_reasons(const File& file, ExprId id,
                                    std::vector<std::string>& out) const {
  const Expr& e = file.exprs[id];
  if (e.kind == ExprKind::And || e.kind == ExprKind::Or || e.kind == ExprKind::Paren) {
    for (ExprId child : file.children(e)) {
      if (evaluate(file, child) != Truth::True) collect_reasons(file, child, out);
    }
    return;
  }
  const std::string written(file.source->text().substr(e.begin, e.end - e.begin));
  if (evaluate(file, id) == Truth::Unknown) {
    out.push_back(e.kind == ExprKind::Call && e.text == "formula"
                      ? fmt::format("`{}` is a formula gtmlint does not evaluate", written)
                      : fmt::format("`{}` reads a field of another object", written));
    return;
  }
  // The field the comparison reads (through a `not`: `not contains(company, "bank")`).
  std::optional<ExprId> reference;
  ExprId inner = id;
  while (file.exprs[inner].kind == ExprKind::Not || file.exprs[inner].kind == ExprKind::Paren)
    inner = file.children(file.exprs[inner])[0];
  const Expr& test = file.exprs[inner];
  if (test.kind == ExprKind::Compare) reference = file.children(test)[0];
  if (test.kind == ExprKind::Reference) reference = inner;
  if (test.kind == ExprKind::Call && file.children(test).size() == 2)
    reference = file.children(test)[0];
  if (!reference) {
    out.push_back(fmt::format("`{}` is false", written));
    return;
  }
  bool known = true;
  const std::string* given = value_of(file, *reference, known);
  const std::string name = field_name(file, *reference);
  out.push_back(
      fmt::format("`{}` is false ({})", written,
                  given ? fmt::format("{} = {}", name, shown_value(*given)) : name + " is empty"));
}

}  // namespace gtm::rules
