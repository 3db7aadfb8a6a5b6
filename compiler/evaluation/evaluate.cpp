// Evaluating policy expressions.
#include "compiler/evaluation/evaluate.hpp"

#include "compiler/base/user_regex.hpp"

#include <algorithm>
#include <array>

namespace gtm {

namespace {

constexpr std::array<std::string_view, 12> kFunctions = {
    "count", "len",   "matches", "today",       "days_since", "days_until",
    "days",  "calls", "without", "any_matches", "basename",   "setting"};
constexpr std::array<std::string_view, 3> kBuiltins = {"name", "kind", "today"};

bool equal(const Value& a, const Value& b) {
  if (a.kind != b.kind) return false;  // values of different kinds are never equal
  switch (a.kind) {
    case Value::Kind::None:
      return true;
    case Value::Kind::Bool:
      return a.boolean == b.boolean;
    case Value::Kind::Number:
      return a.number == b.number;
    case Value::Kind::Text:
      return a.text == b.text;
    case Value::Kind::Date:
    case Value::Kind::Duration:
      return a.integer == b.integer;
    case Value::Kind::Entity:
      return a.entity == b.entity;
    case Value::Kind::Block:
      return a.entity == b.entity && a.block_kind == b.block_kind;
    case Value::Kind::List:
    case Value::Kind::Call:
      return a.text == b.text && a.items.size() == b.items.size() &&
             std::equal(a.items.begin(), a.items.end(), b.items.begin(), equal);
    case Value::Kind::Unknown:
      return false;
  }
  return false;
}

bool contains_unknown(const Value& v) {
  if (v.kind == Value::Kind::Unknown) return true;
  for (const Value& item : v.items) {
    if (contains_unknown(item)) return true;
  }
  return false;
}

std::vector<Value> as_list(const Value& v) {
  if (v.kind == Value::Kind::List) return v.items;
  if (v.kind == Value::Kind::None) return {};
  return {v};
}

}  // namespace

bool is_policy_function(std::string_view name) {
  return std::find(kFunctions.begin(), kFunctions.end(), name) != kFunctions.end();
}

bool is_policy_builtin(std::string_view name) {
  return std::find(kBuiltins.begin(), kBuiltins.end(), name) != kBuiltins.end();
}

Evaluator::Evaluator(const Model& model, std::int64_t today) : model_(model), today_(today) {
  for (KindId kind = 0; kind < model.schema.size(); ++kind) {
    const KindSchema& schema = model.schema.kind(kind);
    if (schema.singleton && schema.parent == kNoKind)
      singleton_kinds_.emplace_back(schema.name, kind);
  }
}
Evaluator::~Evaluator() = default;

EntityId Evaluator::singleton(KindId kind) {
  const auto [it, inserted] = singletons_.emplace(kind, kNoEntity);
  if (inserted) {
    for (EntityId id = 0; id < model_.entities.size(); ++id) {
      if (model_.entities[id].kind == kind) {
        it->second = id;
        break;
      }
    }
  }
  return it->second;
}

Value Evaluator::attribute(EntityId entity, KindId kind, std::string_view name) {
  const int index = model_.schema.kind(kind).attr_index(name);
  return attribute_at(entity, kind, index < 0 ? kAnyAttr : static_cast<std::uint32_t>(index), name);
}

// Written attributes are found by their index in the schema (bind put it in each slot), not by
// comparing names.
Value Evaluator::attribute_at(EntityId entity, KindId kind, std::uint32_t attr,
                              std::string_view name) {
  if (entity != kNoEntity) {
    const File& file = model_.file_of(entity);
    for (const AttrSlot& slot : model_.slots_of(entity)) {
      if (slot.attr != attr) continue;
      const Attribute& written = file.attributes[slot.attribute];
      if (attr == kAnyAttr && !same_name(written.name, name)) continue;
      return value_of_expr(model_, file, written.value);
    }
  }
  const KindSchema& schema = model_.schema.kind(kind);
  const AttrSchema* declared = attr != kAnyAttr  ? &schema.attrs[attr]
                               : schema.any_attr ? &*schema.any_attr
                                                 : nullptr;
  if (declared && declared->default_value) {
    return value_of_expr(model_, *declared->default_value->file, declared->default_value->expr);
  }
  return Value::none();
}

bool Evaluator::reads_subject(const File& file, ExprId id) const {
  const Expr& e = file.exprs[id];
  if (e.kind == ExprKind::Reference) {  // the name, or an attribute of whatever kind
    const RootPlan plan = plan_root(e.text.substr(0, e.text.find('.')), Schema::kUnknownKind);
    return plan.reads == RootPlan::Reads::Name || plan.reads == RootPlan::Reads::Attribute;
  }
  const auto children = file.children(e);
  return std::any_of(children.begin(), children.end(),
                     [&](ExprId child) { return reads_subject(file, child); });
}

Evaluator::RootPlan Evaluator::plan_root(std::string_view name, KindId kind) const {
  RootPlan plan;
  if (name == "name") {
    plan.reads = RootPlan::Reads::Name;
  } else if (name == "kind") {
    plan.reads = RootPlan::Reads::Kind;
  } else if (const KindId singleton = singleton_named(name); singleton != kNoKind) {
    plan.reads = RootPlan::Reads::Singleton;
    plan.singleton = singleton;
  } else if (const int index = model_.schema.kind(kind).attr_index(name); index >= 0) {
    plan.attr = static_cast<std::uint32_t>(index);
  }
  return plan;
}

Value Evaluator::root(const RootPlan& plan, std::string_view name, EntityId subject) {
  switch (plan.reads) {
    case RootPlan::Reads::Name:
      return Value::of_text(model_.display_name(subject));
    case RootPlan::Reads::Kind:
      return Value::of_text(model_.kind_of(subject).name);
    case RootPlan::Reads::Singleton: {
      Value block = Value::with(Value::Kind::Block);
      block.entity = singleton(plan.singleton);
      block.block_kind = plan.singleton;
      return block;
    }
    case RootPlan::Reads::Attribute:
      break;
  }
  return attribute_at(subject, model_.entities[subject].kind, plan.attr, name);
}

KindId Evaluator::singleton_named(std::string_view name) const {
  for (const auto& [singleton_name, kind] : singleton_kinds_) {
    if (singleton_name == name) return kind;
  }
  return kNoKind;
}

Value Evaluator::member(const Value& base, std::string_view name) {
  switch (base.kind) {
    case Value::Kind::None:
      return Value::none();
    case Value::Kind::Entity:
      if (model_.entities[base.entity].kind == Schema::kUnknownKind) return Value::unknown();
      if (name == "name" && !model_.attr(base.entity, "name")) {
        return Value::of_text(model_.display_name(base.entity));
      }
      return attribute(base.entity, model_.entities[base.entity].kind, name);
    case Value::Kind::Block: {
      const KindId nested = model_.schema.find_nested(base.block_kind, name);
      if (nested == kNoKind) return attribute(base.entity, base.block_kind, name);
      Value block = Value::with(Value::Kind::Block);
      block.block_kind = nested;
      if (base.entity != kNoEntity) {
        for (EntityId child : model_.children_of(base.entity)) {
          if (model_.entities[child].kind == nested) block.entity = child;
        }
      }
      return block;
    }
    case Value::Kind::List: {
      Value out = Value::with(Value::Kind::List);
      for (const Value& item : base.items) {
        Value v = member(item, name);
        if (v.kind == Value::Kind::List) {
          out.items.insert(out.items.end(), v.items.begin(), v.items.end());
        } else if (v.kind != Value::Kind::None) {
          out.items.push_back(std::move(v));
        }
      }
      return out;
    }
    default:
      return Value::unknown();  // a word that resolved to nothing: present, unknown
  }
}

Value Evaluator::path(std::string_view path, EntityId subject) {
  const std::string_view name = path.substr(0, path.find('.'));
  const RootPlan plan = plan_root(name, model_.entities[subject].kind);
  return follow(root(plan, name, subject), path.substr(name.size()));
}

Value Evaluator::reference(const Expr& e, EntityId subject) {
  const KindId kind = model_.entities[subject].kind;
  const std::size_t slot =
      (reinterpret_cast<std::uintptr_t>(&e) / sizeof(Expr) + kind) % root_plans_.size();
  PlannedRoot& planned = root_plans_[slot];
  if (planned.reference != &e || planned.kind != kind) {
    const std::string_view name = e.text.substr(0, e.text.find('.'));
    planned = {&e, kind, name.size(), plan_root(name, kind)};
  }
  const std::string_view name = e.text.substr(0, planned.root_size);
  Value v = root(planned.plan, name, subject);
  if (name.size() == e.text.size()) return v;  // most references are one name
  return follow(std::move(v), e.text.substr(name.size()));
}

Value Evaluator::follow(Value v, std::string_view rest) {
  while (!rest.empty()) {
    rest.remove_prefix(1);  // the dot
    const std::size_t dot = rest.find('.');
    v = member(v, rest.substr(0, dot));
    rest = dot == std::string_view::npos ? std::string_view() : rest.substr(dot);
  }
  return v;
}

const re2::RE2* Evaluator::regex(std::string_view pattern) {
  auto it = regexes_.find(pattern);
  if (it == regexes_.end()) {
    it = regexes_.emplace(std::string(pattern), compile_user_regex(pattern).regex).first;
  }
  return it->second.get();
}

Value Evaluator::named(const Value& v, const Value& other) const {
  if (v.kind != Value::Kind::Entity || other.kind != Value::Kind::Text) return v;
  return Value::of_text(model_.display_name(v.entity));
}

bool Evaluator::same(const Value& a, const Value& b) const {
  return equal(named(a, b), named(b, a));
}

Value Evaluator::compare(CompareOp op, const Value& a, const Value& b) {
  if (contains_unknown(a) || contains_unknown(b)) return Value::unknown();
  switch (op) {
    case CompareOp::Eq:
      return Value::of_bool(same(a, b));
    case CompareOp::Ne:
      return Value::of_bool(!same(a, b));
    case CompareOp::In:
    case CompareOp::NotIn: {
      const auto items = as_list(b);
      const bool found =
          std::any_of(items.begin(), items.end(), [&](const Value& item) { return same(a, item); });
      return Value::of_bool(found == (op == CompareOp::In));
    }
    default:
      break;
  }
  if (a.kind != b.kind) return Value::unknown();
  double x = 0, y = 0;
  if (a.kind == Value::Kind::Number) {
    x = a.number;
    y = b.number;
  } else if (a.kind == Value::Kind::Date || a.kind == Value::Kind::Duration) {
    x = static_cast<double>(a.integer);
    y = static_cast<double>(b.integer);
  } else {
    return Value::unknown();
  }
  switch (op) {
    case CompareOp::Lt:
      return Value::of_bool(x < y);
    case CompareOp::Le:
      return Value::of_bool(x <= y);
    case CompareOp::Gt:
      return Value::of_bool(x > y);
    case CompareOp::Ge:
      return Value::of_bool(x >= y);
    default:
      return Value::unknown();
  }
}

Value Evaluator::call(const File& file, const Expr& e, EntityId subject) {
  const auto children = file.children(e);
  std::vector<Value> args;
  args.reserve(children.size());
  for (ExprId id : children) args.push_back(eval(file, id, subject));
  const std::string_view name = e.text;
  static const Value kNone = Value::none();
  const auto arg = [&](std::size_t i) -> const Value& { return i < args.size() ? args[i] : kNone; };
  if (name == "today") {
    Value v = Value::with(Value::Kind::Date);
    v.integer = today_;
    return v;
  }
  if (std::any_of(args.begin(), args.end(),
                  [](const Value& v) { return v.kind == Value::Kind::Unknown; })) {
    return Value::unknown();
  }
  if (name == "count" || name == "len") {
    const Value& v = arg(0);
    if (v.kind == Value::Kind::Text && name == "len")
      return Value::of_number(static_cast<double>(v.text.size()));
    return Value::of_number(static_cast<double>(as_list(v).size()));
  }
  if (name == "days_since" || name == "days_until") {
    if (arg(0).kind != Value::Kind::Date) return Value::none();
    const std::int64_t gap =
        name == "days_since" ? today_ - arg(0).integer : arg(0).integer - today_;
    return Value::of_number(static_cast<double>(gap));
  }
  if (name == "days") {
    if (arg(0).kind != Value::Kind::Duration) return Value::none();
    return Value::of_number(static_cast<double>(arg(0).integer) / (24 * 60));
  }
  if (name == "matches" || name == "any_matches") {
    if (arg(1).kind != Value::Kind::Text) return Value::none();
    const re2::RE2* pattern = regex(arg(1).text);
    if (!pattern) return Value::unknown();
    const Value kText = Value::of_text("");
    const auto items = as_list(arg(0));
    const bool any = std::any_of(items.begin(), items.end(), [&](const Value& item) {
      const Value v = named(item, kText);  // a reference matches by its name
      return v.kind == Value::Kind::Text &&
             re2::RE2::PartialMatch(re2::StringPiece(v.text.data(), v.text.size()), *pattern);
    });
    if (name == "matches" && named(arg(0), kText).kind != Value::Kind::Text) return Value::none();
    return Value::of_bool(any);
  }
  if (name == "calls") {
    Value out = Value::with(Value::Kind::List);
    for (const Value& item : as_list(arg(0))) {
      if (item.kind == Value::Kind::Call) out.items.push_back(Value::of_text(item.text));
    }
    return out;
  }
  if (name == "without") {
    Value out = Value::with(Value::Kind::List);
    for (const Value& item : as_list(arg(0))) {
      if (!equal(item, arg(1))) out.items.push_back(item);
    }
    return out;
  }
  if (name == "basename") {
    if (arg(0).kind != Value::Kind::Text) return Value::none();
    const std::string_view text = arg(0).text;
    return Value::of_text(text.substr(text.rfind('.') + 1));
  }
  if (name == "setting") {
    if (arg(0).kind != Value::Kind::Text || arg(1).kind != Value::Kind::Text) return Value::none();
    // Settings do not change during a check, and policies for every entity ask for them.
    const std::pair key(arg(0).text, arg(1).text);
    if (const auto it = settings_.find(key); it != settings_.end()) return it->second;
    const KindId settings = model_.schema.find_top_level("settings");
    if (settings == kNoKind) return Value::none();
    Value block = Value::with(Value::Kind::Block);
    block.entity = singleton(settings);
    block.block_kind = settings;
    return settings_.emplace(key, member(member(block, arg(0).text), arg(1).text)).first->second;
  }
  return Value::unknown();
}

Value Evaluator::eval(const File& file, ExprId id, EntityId subject) {
  const Expr& e = file.exprs[id];
  const auto children = file.children(e);
  switch (e.kind) {
    case ExprKind::Reference:
      return reference(e, subject);
    case ExprKind::Paren:
      return eval(file, children[0], subject);
    case ExprKind::Not: {
      const Value v = eval(file, children[0], subject);
      return v.kind == Value::Kind::Bool ? Value::of_bool(!v.boolean) : Value::unknown();
    }
    case ExprKind::And:
    case ExprKind::Or: {
      const bool is_and = e.kind == ExprKind::And;
      const Value a = eval(file, children[0], subject);
      // Short-circuit: false and _ is false, true or _ is true, whatever _ is.
      if (a.kind == Value::Kind::Bool && a.boolean != is_and) return a;
      const Value b = eval(file, children[1], subject);
      if (b.kind == Value::Kind::Bool && b.boolean != is_and) return b;
      if (a.kind == Value::Kind::Bool && b.kind == Value::Kind::Bool) return Value::of_bool(is_and);
      return Value::unknown();
    }
    case ExprKind::Compare:
      return compare(e.op, eval(file, children[0], subject), eval(file, children[1], subject));
    case ExprKind::Call:
      return call(file, e, subject);
    case ExprKind::List: {
      Value out = Value::with(Value::Kind::List);
      for (ExprId child : children) out.items.push_back(eval(file, child, subject));
      return out;
    }
    default:
      return value_of_expr(model_, file, id);
  }
}

}  // namespace gtm
