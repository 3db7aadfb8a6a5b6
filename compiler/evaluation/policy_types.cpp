// The static types of policy expressions, inferred from the schema.
#include "compiler/evaluation/policy_types.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cctype>

#include "compiler/diagnostics/compiler_rules.hpp"
#include "compiler/evaluation/evaluate.hpp"
#include "compiler/semantics/resolve.hpp"
#include "compiler/semantics/suggest.hpp"
#include "compiler/semantics/types.hpp"

namespace gtm {

namespace {

// What a policy expression is known to yield. Unknown is anything the checker cannot tell (a
// setting, an attribute of several types): it is never an error.
struct StaticType {
  enum class Kind { Unknown, None, Bool, Number, Text, Date, Duration, Ref, List, Call };
  Kind kind = Kind::Unknown;
  std::vector<std::string> ref_kinds;  ///< Ref, or a List of Refs
  bool list_of_refs = false;
};

using K = StaticType::Kind;

StaticType of(K kind) {
  return StaticType{kind, {}, false};
}

StaticType from_schema(const Type& type) {
  switch (type.kind) {
    case TypeKind::Text:
    case TypeKind::Email:
    case TypeKind::Url:
    case TypeKind::Regex:
    case TypeKind::Enum:
      return of(K::Text);
    case TypeKind::Number:
      return of(K::Number);
    case TypeKind::Bool:
      return of(K::Bool);
    case TypeKind::Date:
      return of(K::Date);
    case TypeKind::Duration:
      return of(K::Duration);
    case TypeKind::Ref:
      return StaticType{K::Ref, type.names, false};
    case TypeKind::List: {
      const StaticType item = from_schema(type.args[0]);
      return StaticType{K::List, item.ref_kinds, item.kind == K::Ref};
    }
    case TypeKind::Call:
      return of(K::Call);
    case TypeKind::OneOf: {
      StaticType first = from_schema(type.args[0]);
      for (const Type& alternative : type.args) {
        if (from_schema(alternative).kind != first.kind) return of(K::Unknown);
      }
      return first;
    }
    default:
      return of(K::Unknown);
  }
}

std::string describe(const StaticType& type) {
  switch (type.kind) {
    case K::Bool:
      return "`true` or `false`";
    case K::Number:
      return "a number";
    case K::Text:
      return "a text";
    case K::Date:
      return "a date";
    case K::Duration:
      return "a duration";
    case K::Ref:
      return fmt::format("a reference to a {}", join_or(type.ref_kinds));
    case K::List:
      return "a list";
    case K::Call:
      return "a notification such as slack(...)";
    default:
      return "a value";
  }
}

// Whether `==` between values of these types can ever be true: the same kind, or a reference
// and a text (compared by the reference's name), or either side unknown or `none`.
bool comparable(const StaticType& a, const StaticType& b) {
  if (a.kind == K::Unknown || b.kind == K::Unknown || a.kind == K::None || b.kind == K::None)
    return true;
  if (a.kind == b.kind) return true;
  const auto ref_text = [](K x, K y) { return x == K::Ref && y == K::Text; };
  return ref_text(a.kind, b.kind) || ref_text(b.kind, a.kind);
}

bool ordered(K kind) {
  return kind == K::Number || kind == K::Date || kind == K::Duration || kind == K::Unknown;
}

class PolicyTypeChecker {
 public:
  PolicyTypeChecker(const Model& model, const File& file, const std::vector<KindId>& kinds,
                    Diagnostics& diagnostics)
      : model_(model), file_(file), kinds_(kinds), diagnostics_(diagnostics) {}

  bool ok() const { return ok_; }

  StaticType infer(ExprId id) {
    const Expr& e = file_.exprs[id];
    const auto children = file_.children(e);
    switch (e.kind) {
      case ExprKind::String:
        return of(K::Text);
      case ExprKind::Number:
        return of(K::Number);
      case ExprKind::Date:
        return of(K::Date);
      case ExprKind::Duration:
        return of(K::Duration);
      case ExprKind::Bool:
        return of(K::Bool);
      case ExprKind::None:
        return of(K::None);
      case ExprKind::Reference:
        return path(file_.span_of(e), e.text);
      case ExprKind::Paren:
        return infer(children[0]);
      case ExprKind::Not:
      case ExprKind::And:
      case ExprKind::Or:
        for (ExprId child : children) infer(child);
        return of(K::Bool);
      case ExprKind::Compare:
        check_compare(e, infer(children[0]), infer(children[1]));
        return of(K::Bool);
      case ExprKind::Call:
        for (ExprId child : children) infer(child);
        return function(e.text);
      case ExprKind::List:
        for (ExprId child : children) infer(child);
        return of(K::List);
      default:
        return of(K::Unknown);
    }
  }

  /// The type of a path such as `owner.left`, reporting a member no kind of the path has (and,
  /// with `check_root`, a root that is no attribute: expressions had theirs checked on loading).
  StaticType path(Span span, std::string_view text, bool check_root = false) {
    const std::string_view root = text.substr(0, text.find('.'));
    if (check_root && !root_exists(root)) {
      std::vector<std::string_view> candidates{"name", "kind"};
      for (KindId kind : kinds_) {
        for (const AttrSchema& attr : model_.schema.kind(kind).attrs)
          candidates.push_back(attr.name);
      }
      report_unresolved(
          diagnostics_,
          Span{span.file, span.begin, span.begin + static_cast<std::uint32_t>(root.size())},
          fmt::format("`{{{}}}` names no attribute of the kinds the policy is for", root),
          closest(root, candidates));
      ok_ = false;
      return of(K::Unknown);
    }
    StaticType type = root_type(root);
    std::size_t at = root.size();
    while (at < text.size()) {
      const std::size_t next = std::min(text.find('.', at + 1), text.size());
      const std::string_view name = text.substr(at + 1, next - at - 1);
      const Span member{span.file, span.begin + static_cast<std::uint32_t>(at + 1),
                        span.begin + static_cast<std::uint32_t>(next)};
      type = member_type(type, name, member);
      at = next;
    }
    return type;
  }

 private:
  bool root_exists(std::string_view root) const {
    if (is_policy_builtin(root)) return true;
    const KindId singleton = model_.schema.find_top_level(root);
    if (singleton != kNoKind && model_.schema.kind(singleton).singleton) return true;
    return std::any_of(kinds_.begin(), kinds_.end(),
                       [&](KindId kind) { return model_.schema.kind(kind).attr_index(root) >= 0; });
  }

  StaticType root_type(std::string_view root) {
    if (root == "name" || root == "kind") return of(K::Text);
    if (root == "today") return of(K::Date);
    std::optional<StaticType> found;
    for (KindId kind : kinds_) {
      const int index = model_.schema.kind(kind).attr_index(root);
      if (index < 0) continue;
      const StaticType type = from_schema(model_.schema.kind(kind).attrs[index].type);
      if (found && found->kind != type.kind) return of(K::Unknown);
      found = type;
    }
    return found.value_or(of(K::Unknown));  // a singleton such as `settings`, or unchecked
  }

  StaticType member_type(const StaticType& base, std::string_view name, Span span) {
    if (base.kind != K::Ref && !(base.kind == K::List && base.list_of_refs)) return of(K::Unknown);
    if (name == "name") return base.kind == K::List ? of(K::List) : of(K::Text);
    std::optional<StaticType> found;
    std::vector<std::string_view> candidates{"name"};
    bool known_kinds = true;
    for (const std::string& kind_name : base.ref_kinds) {
      const KindId kind = model_.schema.find_top_level(kind_name);
      if (kind == kNoKind) {
        known_kinds = false;  // `object` and the like: not checked
        continue;
      }
      const KindSchema& schema = model_.schema.kind(kind);
      for (const AttrSchema& attr : schema.attrs) candidates.push_back(attr.name);
      const int index = schema.attr_index(name);
      if (index < 0) continue;
      const StaticType type = from_schema(schema.attrs[index].type);
      found = found && found->kind != type.kind ? of(K::Unknown) : type;
    }
    if (!found) {
      if (known_kinds) {
        report_unresolved(diagnostics_, span,
                          fmt::format("a {} has no attribute `{}`", join_or(base.ref_kinds), name),
                          closest(name, candidates));
        ok_ = false;
      }
      return of(K::Unknown);
    }
    if (base.kind == K::List) return StaticType{K::List, found->ref_kinds, found->kind == K::Ref};
    return *found;
  }

  static StaticType function(std::string_view name) {
    if (name == "count" || name == "len" || name == "days_since" || name == "days_until" ||
        name == "days") {
      return of(K::Number);
    }
    if (name == "matches" || name == "any_matches") return of(K::Bool);
    if (name == "today") return of(K::Date);
    if (name == "basename") return of(K::Text);
    if (name == "calls" || name == "without") return of(K::List);
    return of(K::Unknown);
  }

  void check_compare(const Expr& e, const StaticType& a, const StaticType& b) {
    const auto sides = file_.children(e);
    const Expr& lhs = file_.exprs[sides[0]];
    const Expr& rhs = file_.exprs[sides[1]];
    const std::string_view op = compare_op_text(e.op);
    std::string problem;
    switch (e.op) {
      case CompareOp::Eq:
      case CompareOp::Ne:
        if (!comparable(a, b)) {
          problem = fmt::format("`{}` is {} and `{}` is {}: `{}` is {}", written(lhs), describe(a),
                                written(rhs), describe(b), op,
                                e.op == CompareOp::Eq ? "never true" : "always true");
        }
        break;
      case CompareOp::In:
      case CompareOp::NotIn:
        if (b.kind != K::List && b.kind != K::Unknown && b.kind != K::None) {
          problem = fmt::format("`{}` needs a list on its right, and `{}` is {}", op, written(rhs),
                                describe(b));
        }
        break;
      default:
        if (!ordered(a.kind) || !ordered(b.kind) ||
            (a.kind != b.kind && a.kind != K::Unknown && b.kind != K::Unknown)) {
          problem = fmt::format(
              "`{}` orders numbers, dates and durations of one kind; `{}` is {} "
              "and `{}` is {}",
              op, written(lhs), describe(a), written(rhs), describe(b));
        }
        break;
    }
    if (problem.empty()) return;
    diagnostics_.report(compiler_rule::kTypeMismatch, file_.span(e.begin, e.end), problem);
    ok_ = false;
  }

  std::string_view written(const Expr& e) const {
    return file_.source->text().substr(e.begin, e.end - e.begin);
  }

  const Model& model_;
  const File& file_;
  const std::vector<KindId>& kinds_;
  Diagnostics& diagnostics_;
  bool ok_ = true;
};

// `{path}` placeholders of a message or help text, each checked as a path.
void check_placeholders(PolicyTypeChecker& checker, const File& file, const Expr& text) {
  if (text.kind != ExprKind::String) return;
  const std::string_view written = file.source->text().substr(text.begin, text.end - text.begin);
  for (std::size_t open = written.find('{'); open != std::string_view::npos;
       open = written.find('{', open + 1)) {
    const std::size_t close = written.find('}', open);
    if (close == std::string_view::npos) return;
    const std::string_view path = written.substr(open + 1, close - open - 1);
    const bool is_path = !path.empty() && std::all_of(path.begin(), path.end(), [](char c) {
      return std::isalnum(static_cast<unsigned char>(c)) || c == '_' || c == '-' || c == '.';
    });
    if (!is_path) continue;  // other braces are kept as written
    checker.path(file.span(text.begin + static_cast<std::uint32_t>(open + 1),
                           text.begin + static_cast<std::uint32_t>(close)),
                 path, true);
  }
}

}  // namespace

bool check_policy_types(const Model& model, EntityId policy, const std::vector<KindId>& kinds,
                        bool any_kind, Diagnostics& diagnostics) {
  std::vector<KindId> checked = kinds;
  if (any_kind) {
    for (KindId kind = 1; kind < model.schema.size(); ++kind) checked.push_back(kind);
  }
  const File& file = model.file_of(policy);
  PolicyTypeChecker checker(model, file, checked, diagnostics);
  for (std::string_view attribute : {"where", "require"}) {
    if (const Attribute* a = model.attr(policy, attribute)) checker.infer(a->value);
  }
  for (std::string_view attribute : {"message", "help"}) {
    if (const Expr* text = model.attr_expr(policy, attribute))
      check_placeholders(checker, file, *text);
  }
  return checker.ok();
}

}  // namespace gtm
