// Atoms, boxes and regions of a condition space.
#include "rules/condition_space.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <bit>
#include <cmath>
#include <map>

#include "compiler/semantics/resolve.hpp"
#include "compiler/syntax/literals.hpp"
#include "rules/rule_table.hpp"

namespace gtm::rules {

namespace {

thread_local std::size_t boxes_made = 0;

// Counts the boxes of a region just made against both budgets.
void count_boxes(std::size_t region_size) {
  if (region_size > kMaxRegionBoxes) throw RegionTooLarge{false};
  boxes_made += region_size;
  if (boxes_made > kMaxBoxesPerAnalysis) throw RegionTooLarge{true};
}

}  // namespace

AtomSet::AtomSet(std::size_t atoms, bool full) : rest_(atoms > 64 ? (atoms - 1) / 64 : 0, 0) {
  if (!full) return;
  for (std::size_t i = 0; i < atoms; ++i) set(i);
}

bool AtomSet::empty() const {
  return first_ == 0 &&
         std::all_of(rest_.begin(), rest_.end(), [](std::uint64_t w) { return w == 0; });
}

AtomSet AtomSet::operator&(const AtomSet& other) const {
  AtomSet out = *this;
  out.first_ &= other.first_;
  for (std::size_t i = 0; i < rest_.size(); ++i) out.rest_[i] &= other.rest_[i];
  return out;
}

AtomSet AtomSet::united(const AtomSet& other) const {
  AtomSet out = *this;
  out.first_ |= other.first_;
  for (std::size_t i = 0; i < rest_.size(); ++i) out.rest_[i] |= other.rest_[i];
  return out;
}

AtomSet AtomSet::minus(const AtomSet& other) const {
  AtomSet out = *this;
  out.first_ &= ~other.first_;
  for (std::size_t i = 0; i < rest_.size(); ++i) out.rest_[i] &= ~other.rest_[i];
  return out;
}

ConditionSpace::ConditionSpace(const Model& model, std::string_view object, TextCase mode)
    : model_(model), current_(&model), object_(object), text_(mode) {}

void ConditionSpace::link_object(std::string_view object,
                                 const std::vector<std::pair<EntityId, EntityId>>& same) {
  linked_objects_.emplace_back(object);
  for (const auto& [a, b] : same) {
    // Fields of this space's own object stay themselves; the other side becomes one of them.
    const EntityId keep = canonical(is_field_of(model_.entities[b].name, object_) ? b : a);
    const EntityId other = keep == canonical(a) ? canonical(b) : canonical(a);
    if (other != keep) same_as_[other] = keep;
  }
}

EntityId ConditionSpace::canonical(EntityId field) const {
  for (auto it = same_as_.find(field); it != same_as_.end(); it = same_as_.find(field)) {
    field = it->second;
  }
  return field;
}

bool ConditionSpace::in_space(std::string_view path) const {
  if (is_field_of(path, object_)) return true;
  return std::any_of(linked_objects_.begin(), linked_objects_.end(),
                     [&](const std::string& object) { return is_field_of(path, object); });
}

// Atom layout: picklist: values, then (multi-select) "several values", then empty. Bool: true,
// false, empty. Text: constants, any other value, any other value starting with each prefix,
// empty. Number and date with points p0 < ... < pk-1: below p0, p0, between p0 and p1, p1, ...,
// pk-1, above pk-1, empty. Parts and items: yes, no.
std::size_t ConditionSpace::atom_count(const Field& field) const {
  if (field.dim != Dim::Value) return 2;
  switch (field.kind) {
    case FieldValueKind::Picklist:
      return field.values.size() + (field.multi ? 2 : 1);
    case FieldValueKind::Bool:
      return 3;
    case FieldValueKind::Number:
    case FieldValueKind::Date:
      return 2 * field.points.size() + 2;
    default:
      return field.values.size() + 1 + field.prefixes.size() + 1;
  }
}

std::optional<std::size_t> ConditionSpace::field_index(const File& file, ExprId reference) const {
  EntityId entity = current_->target(file.id, reference);
  if (entity == kNoEntity) return std::nullopt;
  if (current_ == &model_) entity = canonical(entity);
  const std::string_view path = current_->entities[entity].name;
  for (std::size_t i = 0; i < fields_.size(); ++i) {
    if (fields_[i].dim != Dim::Value) continue;
    if (current_ == &model_ ? fields_[i].entity == entity : fields_[i].path == path) return i;
  }
  // Another version's model: its fields are the same fields when their paths are.
  for (std::size_t i = 0; i < fields_.size(); ++i) {
    if (fields_[i].dim == Dim::Value && fields_[i].path == path) return i;
  }
  return std::nullopt;
}

namespace {

std::optional<double> numeric(const Expr& e) {
  if (!e.valid) return std::nullopt;
  if (e.kind == ExprKind::Number) return e.number;
  if (e.kind == ExprKind::Date) return static_cast<double>(e.integer);
  return std::nullopt;
}

// The constants a comparison compares with: its right side, or the items of a list.
std::vector<const Expr*> constants(const File& file, const Expr& rhs) {
  std::vector<const Expr*> out;
  if (rhs.kind == ExprKind::List) {
    for (ExprId id : file.children(rhs)) out.push_back(&file.exprs[id]);
  } else {
    out.push_back(&rhs);
  }
  return out;
}

bool is_text(FieldValueKind kind) {
  return kind == FieldValueKind::Text || kind == FieldValueKind::Unknown;
}

// The text tests a call can be: `starts_with(FIELD, "x")` and the like, with a field and a text.
bool is_text_test(const File& file, const Expr& e) {
  if (e.kind != ExprKind::Call || e.text == "formula") return false;
  const auto args = file.children(e);
  return args.size() == 2 && file.exprs[args[0]].kind == ExprKind::Reference &&
         file.exprs[args[1]].kind == ExprKind::String;
}

}  // namespace

void ConditionSpace::collect(const File& file, ExprId condition) {
  collect(model_, file, condition);
}

void ConditionSpace::collect(const Model& model, const File& file, ExprId condition) {
  current_ = &model;
  everything_.reset();
  collect_in(file, condition);
  current_ = &model_;
}

std::optional<Region> ConditionSpace::region(const File& file, ExprId condition) const {
  return region(model_, file, condition);
}

std::optional<Region> ConditionSpace::region(const Model& model, const File& file,
                                             ExprId condition) const {
  current_ = &model;
  Bounds found = region_in(file, condition);
  current_ = &model_;
  if (!found.exact()) return std::nullopt;
  return std::move(found.sure);
}

Bounds ConditionSpace::bounds(const File& file, ExprId condition) const {
  return region_in(file, condition);
}

// The Value dimension of the field a reference names, declared on first sight; nullopt if the
// reference names no field of this space's object.
std::optional<std::size_t> ConditionSpace::ensure_field(const File& file, ExprId reference) {
  EntityId entity = current_->target(file.id, reference);
  if (entity == kNoEntity) return std::nullopt;
  if (current_ == &model_) entity = canonical(entity);
  const std::string_view path = current_->entities[entity].name;
  if (!in_space(path)) return std::nullopt;
  auto index = field_index(file, reference);
  const FieldValues values = field_values(*current_, entity);
  if (!index) {
    Field field;
    field.entity = current_ == &model_ ? entity : kNoEntity;
    field.path = std::string(path);
    // A linked object's field is named in full: both objects may have one of that name.
    field.name =
        is_field_of(path, object_) ? field.path.substr(field.path.rfind('.') + 1) : field.path;
    field.kind = values.kind;
    field.multi = values.multi;
    fields_.push_back(std::move(field));
    index = fields_.size() - 1;
  }
  Field& field = fields_[*index];
  if (field.entity == kNoEntity && current_ == &model_) field.entity = entity;
  // Each version's picklist values: a value one of them removed is still a value of leads.
  for (std::string_view v : values.picklist) add_constant(field, v);
  return index;
}

void ConditionSpace::add_constant(Field& field, std::string_view text) {
  std::string key = text_.key(text);
  if (std::find(field.keys.begin(), field.keys.end(), key) != field.keys.end()) return;
  field.values.emplace_back(text);
  field.keys.push_back(std::move(key));
}

void ConditionSpace::add_prefix(std::size_t index, std::string_view text) {
  Field& field = fields_[index];
  std::string key = text_.key(text);
  if (std::find(field.prefix_keys.begin(), field.prefix_keys.end(), key) !=
      field.prefix_keys.end()) {
    return;
  }
  field.prefixes.emplace_back(text);
  field.prefix_keys.push_back(std::move(key));
}

std::size_t ConditionSpace::add_part(std::size_t index, std::string_view text, Dim dim) {
  const std::string key = text_.key(text);
  for (std::size_t part : fields_[index].parts) {
    if (fields_[part].pattern_key == key) return part;
  }
  Field part;
  part.dim = dim;
  part.parent = index;
  part.path = fields_[index].path;
  part.name = fields_[index].name;
  part.kind = fields_[index].kind;
  part.pattern = std::string(text);
  part.pattern_key = key;
  fields_.push_back(std::move(part));
  fields_[index].parts.push_back(fields_.size() - 1);
  return fields_.size() - 1;
}

void ConditionSpace::collect_in(const File& file, ExprId condition) {
  const Expr& e = file.exprs[condition];
  if (is_text_test(file, e)) {
    const auto args = file.children(e);
    const auto index = ensure_field(file, args[0]);
    if (!index) return;
    const std::string_view pattern = file.exprs[args[1]].text;
    // Copied: adding a part adds a dimension to fields_, which may move the field.
    const FieldValueKind kind = fields_[*index].kind;
    const bool multi = fields_[*index].multi;
    if (is_text(kind) && e.text == "starts_with") add_prefix(*index, pattern);
    if (is_text(kind) && e.text == "contains") add_part(*index, pattern, Dim::Part);
    if (kind == FieldValueKind::Picklist && multi && e.text == "includes")
      add_part(*index, pattern, Dim::Item);
    return;
  }
  if (e.kind != ExprKind::Compare && e.kind != ExprKind::Reference) {
    for (ExprId child : file.children(e)) collect_in(file, child);
    return;
  }
  const auto index =
      ensure_field(file, e.kind == ExprKind::Compare ? file.children(e)[0] : condition);
  if (!index || e.kind != ExprKind::Compare) return;
  Field& field = fields_[*index];
  for (const Expr* constant : constants(file, file.exprs[file.children(e)[1]])) {
    if (field.kind == FieldValueKind::Number || field.kind == FieldValueKind::Date) {
      if (auto point = numeric(*constant)) field.points.push_back(*point);
    } else if (is_text(field.kind) && constant->kind == ExprKind::String) {
      add_constant(field, constant->text);
    }
  }
  std::sort(field.points.begin(), field.points.end());
  field.points.erase(std::unique(field.points.begin(), field.points.end()), field.points.end());
}

std::optional<std::size_t> ConditionSpace::constant_atom(const Field& field,
                                                         std::string_view text) const {
  const auto it = std::find(field.keys.begin(), field.keys.end(), text_.key(text));
  if (it == field.keys.end()) return std::nullopt;
  return static_cast<std::size_t>(it - field.keys.begin());
}

std::optional<std::size_t> ConditionSpace::atom_of(const Field& field, const Expr& value) const {
  const std::size_t empty = atom_count(field) - 1;
  if (value.kind == ExprKind::None) return empty;
  switch (field.kind) {
    case FieldValueKind::Bool:
      if (value.kind != ExprKind::Bool) return std::nullopt;
      return value.boolean ? 0 : 1;
    case FieldValueKind::Number:
    case FieldValueKind::Date: {
      const auto point = numeric(value);
      if (!point) return std::nullopt;
      const auto it = std::lower_bound(field.points.begin(), field.points.end(), *point);
      return 2 * static_cast<std::size_t>(it - field.points.begin()) + 1;
    }
    default:
      if (value.kind != ExprKind::String) return std::nullopt;
      return constant_atom(field, value.text);  // nullopt: a picklist value the field lacks
  }
}

// A picklist value the field does not have (reported as routing-unknown-value): no lead has it.
bool ConditionSpace::is_foreign_value(const Field& field, const Expr& value) const {
  return field.kind == FieldValueKind::Picklist && value.kind == ExprKind::String &&
         !constant_atom(field, value.text);
}

std::optional<AtomSet> ConditionSpace::comparison(const Field& field, CompareOp op,
                                                  const Expr& value) const {
  const std::size_t count = atom_count(field);
  const std::size_t empty = count - 1;
  AtomSet set(count, false);
  if (is_foreign_value(field, value)) {  // no lead has it: `==` matches none, `!=` all
    if (op == CompareOp::Eq) return set;
    if (op == CompareOp::Ne) return AtomSet(count, true);
  }
  const auto atom = atom_of(field, value);
  if (!atom) return std::nullopt;
  switch (op) {
    case CompareOp::Eq:
      set.set(*atom);
      return set;
    case CompareOp::Ne:
      set.set(*atom);
      return AtomSet(count, true).minus(set);
    default:
      break;
  }
  if ((field.kind != FieldValueKind::Number && field.kind != FieldValueKind::Date) ||
      *atom == empty) {
    return std::nullopt;
  }
  for (std::size_t i = 0; i < empty; ++i) {
    const bool holds = op == CompareOp::Lt   ? i < *atom
                       : op == CompareOp::Le ? i <= *atom
                       : op == CompareOp::Gt ? i > *atom
                                             : i >= *atom;
    if (holds) set.set(i);
  }
  return set;
}

Box ConditionSpace::full_box() const {
  Box box;
  for (const Field& field : fields_) box.emplace_back(atom_count(field), true);
  return box;
}

const Region& ConditionSpace::everything() const {
  if (!everything_) {
    everything_ = realizable();
    everything_is_every_box_ = everything_->size() == 1 && everything_->front() == full_box();
  }
  return *everything_;
}

Region ConditionSpace::from(std::size_t dim, const AtomSet& set) const {
  if (set.empty()) return {};
  Box box = full_box();
  box[dim] = set;
  return {std::move(box)};
}

Bounds ConditionSpace::unknown(std::string why) const {
  return Bounds{{}, everything(), std::move(why)};
}

Bounds ConditionSpace::region_in(const File& file, ExprId condition) const {
  const Expr& e = file.exprs[condition];
  switch (e.kind) {
    case ExprKind::Bool:
      return {e.boolean ? everything() : Region{}, std::nullopt, {}};
    case ExprKind::Paren:
      return region_in(file, file.children(e)[0]);
    case ExprKind::Not: {
      Bounds inner = region_in(file, file.children(e)[0]);
      Region sure = subtract(everything(), inner.upper());
      if (inner.exact()) return {std::move(sure), std::nullopt, {}};
      return {std::move(sure), subtract(everything(), inner.sure), std::move(inner.why)};
    }
    case ExprKind::And:
    case ExprKind::Or: {
      Bounds a = region_in(file, file.children(e)[0]);
      Bounds b = region_in(file, file.children(e)[1]);
      const bool exact = a.exact() && b.exact();
      const auto combine = [&](const Region& x, const Region& y) {
        if (e.kind == ExprKind::And) return intersect(x, y);
        Region out = x;
        out.insert(out.end(), y.begin(), y.end());
        count_boxes(out.size());
        return out;
      };
      Bounds out{combine(a.sure, b.sure), std::nullopt, a.why.empty() ? b.why : a.why};
      if (!exact) out.maybe = combine(a.upper(), b.upper());
      return out;
    }
    case ExprKind::Reference:
    case ExprKind::Compare:
    case ExprKind::Call:
      return leaf(file, condition);
    default:
      return unknown("a condition gtmlint cannot read");
  }
}

// One comparison or text test: exact, or unknown with why.
Bounds ConditionSpace::leaf(const File& file, ExprId condition) const {
  const Expr& e = file.exprs[condition];
  const std::string written(file.source->text().substr(e.begin, e.end - e.begin));
  if (e.kind == ExprKind::Call && !is_text_test(file, e)) {
    return unknown(fmt::format("`{}` is a formula gtmlint does not evaluate", written));
  }
  const ExprId reference = e.kind == ExprKind::Reference ? condition : file.children(e)[0];
  const auto index = field_index(file, reference);
  if (!index) {
    return unknown(fmt::format("`{}` reads `{}`, which is not a field of `{}`", written,
                               file.exprs[reference].text, object_));
  }
  const Field& field = fields_[*index];
  const auto exact = [&](Region r) {
    const Region& all = everything();
    if (everything_is_every_box_) return Bounds{std::move(r), std::nullopt, {}};
    return Bounds{intersect(r, all), std::nullopt, {}};
  };
  const auto cannot = [&] {
    const std::string on = field.multi ? "a multi-select field"
                           : field.kind == FieldValueKind::Unknown
                               ? "this kind of field"
                               : fmt::format("a {} field", value_kind_word(field.kind));
    return unknown(fmt::format("`{}` is a test gtmlint cannot decide on {}", written, on));
  };
  if (e.kind == ExprKind::Reference) {
    if (field.kind != FieldValueKind::Bool) return cannot();
    AtomSet yes(3, false);
    yes.set(0);
    return exact(from(*index, yes));
  }
  if (e.kind == ExprKind::Call) {
    const std::string_view pattern = file.exprs[file.children(e)[1]].text;
    const std::string key = text_.key(pattern);
    if (is_text(field.kind) && e.text == "contains") {
      for (std::size_t part : field.parts) {
        if (fields_[part].pattern_key != key) continue;
        AtomSet yes(2, false);
        yes.set(0);
        return exact(from(part, yes));
      }
    }
    if (field.kind == FieldValueKind::Picklist && field.multi && e.text == "includes") {
      for (std::size_t item : field.parts) {
        if (fields_[item].pattern_key != key) continue;
        AtomSet yes(2, false);
        yes.set(0);
        return exact(from(item, yes));
      }
    }
    AtomSet set(atom_count(field), false);
    if (is_text(field.kind) && e.text == "starts_with") {
      // Constants that start with it, and the classes of prefixes that extend it.
      for (std::size_t c = 0; c < field.keys.size(); ++c) {
        if (field.keys[c].starts_with(key)) set.set(c);
      }
      for (std::size_t p = 0; p < field.prefix_keys.size(); ++p) {
        if (field.prefix_keys[p].starts_with(key)) set.set(field.values.size() + 1 + p);
      }
      return exact(from(*index, set));
    }
    if (field.kind == FieldValueKind::Picklist && !field.multi) {
      for (std::size_t v = 0; v < field.values.size(); ++v) {
        if (text_.test(e.text, field.values[v], pattern).value_or(false)) set.set(v);
      }
      return exact(from(*index, set));
    }
    return cannot();
  }
  if (field.multi && (e.op != CompareOp::Eq && e.op != CompareOp::Ne && e.op != CompareOp::In &&
                      e.op != CompareOp::NotIn)) {
    return cannot();
  }
  std::optional<AtomSet> set;
  if (e.op == CompareOp::In || e.op == CompareOp::NotIn) {
    const Expr& list = file.exprs[file.children(e)[1]];
    if (list.kind != ExprKind::List) return cannot();
    set = AtomSet(atom_count(field), false);
    for (ExprId item : file.children(list)) {
      if (is_foreign_value(field, file.exprs[item])) continue;  // matches no lead
      const auto atom = atom_of(field, file.exprs[item]);
      if (!atom) return cannot();
      set->set(*atom);
    }
    if (e.op == CompareOp::NotIn) set = AtomSet(atom_count(field), true).minus(*set);
  } else {
    set = comparison(field, e.op, file.exprs[file.children(e)[1]]);
  }
  if (!set) return cannot();
  return exact(from(*index, *set));
}
void start_region_budget() {
  boxes_made = 0;
}

void report_analysis_budget(Diagnostics& diagnostics, Span at, std::string_view what,
                            std::string_view unchecked, const RegionTooLarge& why) {
  const std::string_view verb = unchecked.find(',') == std::string_view::npos ? "was" : "were";
  const std::string message =
      why.whole_analysis
          ? fmt::format(
                "{} was not analysed exactly: the conditions checked before it used the "
                "whole budget of {} cases, so {} {} not checked in full",
                what, kMaxBoxesPerAnalysis, unchecked, verb)
          : fmt::format(
                "{} is too complex to analyse exactly: its conditions combine into more "
                "than {} cases, so {} {} not checked in full",
                what, kMaxRegionBoxes, unchecked, verb);
  diagnostics.report(kAnalysisBudget, at, message).help =
      "split it, or write conditions that test fewer fields together";
}

Region ConditionSpace::intersect(const Region& a, const Region& b) {
  Region out;
  for (const Box& x : a) {
    for (const Box& y : b) {
      Box z(x.size());
      bool empty = false;
      for (std::size_t f = 0; f < x.size() && !empty; ++f) {
        z[f] = x[f] & y[f];
        empty = z[f].empty();
      }
      if (!empty) out.push_back(std::move(z));
    }
    count_boxes(out.size());
  }
  return out;
}

namespace {

// a \ b as disjoint boxes: for each field f that b constrains, the part of a outside b on f and
// inside b on the fields before f.
void box_difference(const Box& a, const Box& b, Region& out) {
  for (std::size_t f = 0; f < a.size(); ++f) {
    if ((a[f] & b[f]).empty()) {
      out.push_back(a);
      return;
    }
  }
  Box inside = a;
  for (std::size_t f = 0; f < a.size(); ++f) {
    const AtomSet outside = a[f].minus(b[f]);
    if (!outside.empty()) {
      Box piece = inside;
      piece[f] = outside;
      out.push_back(std::move(piece));
    }
    inside[f] = a[f] & b[f];
  }
}

}  // namespace

Region ConditionSpace::subtract(const Region& a, const Region& b) {
  Region current = a;
  for (const Box& y : b) {
    Region next;
    for (const Box& x : current) {
      box_difference(x, y, next);
      if (next.size() > kMaxRegionBoxes) throw RegionTooLarge{false};
    }
    count_boxes(next.size());
    current = std::move(next);
    if (current.empty()) break;
  }
  return current;
}

namespace {

// A partial assignment of a field's parts: yes (0), no (1) or either (2).
using PartChoice = std::vector<int>;

// Splits assignments until every one respects `s holds => t holds` for each implication.
std::vector<PartChoice> respect(std::vector<PartChoice> choices,
                                const std::vector<std::pair<std::size_t, std::size_t>>& implies) {
  for (const auto& [s, t] : implies) {
    std::vector<PartChoice> next;
    for (PartChoice& c : choices) {
      if (c[s] == 1 || c[t] == 0) {
        next.push_back(std::move(c));
        continue;
      }
      if (c[s] == 2) {  // either s does not hold, or both do
        PartChoice without = c;
        without[s] = 1;
        next.push_back(std::move(without));
      }
      if (c[t] == 2) {
        c[s] = 0;
        c[t] = 0;
        next.push_back(std::move(c));
      }
    }
    choices = std::move(next);
    if (choices.size() > kMaxRegionBoxes) throw RegionTooLarge{false};
  }
  return choices;
}

}  // namespace

Region ConditionSpace::realizable() const {
  Region all{full_box()};
  for (std::size_t i = 0; i < fields_.size(); ++i) {
    if (fields_[i].dim == Dim::Value && !fields_[i].parts.empty())
      all = intersect(all, local_boxes(i));
  }
  return all;
}

Region ConditionSpace::local_boxes(std::size_t index) const {
  return fields_[index].multi ? multi_boxes(index) : text_boxes(index);
}

namespace {

// Value atoms grouped by the parts each forces, and a box maker for the groups.
struct Groups {
  std::map<PartChoice, std::vector<std::size_t>> atoms;
  void add(PartChoice choice, std::size_t atom) { atoms[std::move(choice)].push_back(atom); }
};

}  // namespace

// The leads a text field with `contains` patterns can have: empty contains nothing; a constant
// contains exactly what it contains; a value of a prefix class contains what its prefix
// contains and any other patterns, as long as it contains each pattern inside one it contains.
Region ConditionSpace::text_boxes(std::size_t index) const {
  const Field& field = fields_[index];
  const std::size_t count = atom_count(field);
  const std::vector<std::size_t>& parts = field.parts;
  const auto inside = [&](std::size_t part, std::string_view key) {
    return key.find(fields_[parts[part]].pattern_key) != std::string_view::npos;
  };
  Groups groups;
  groups.add(PartChoice(parts.size(), 1), count - 1);  // empty
  for (std::size_t c = 0; c < field.keys.size(); ++c) {
    PartChoice choice(parts.size());
    for (std::size_t p = 0; p < parts.size(); ++p) choice[p] = inside(p, field.keys[c]) ? 0 : 1;
    groups.add(std::move(choice), c);
  }
  for (std::size_t k = 0; k <= field.prefix_keys.size(); ++k) {
    const std::string_view key = k == 0 ? std::string_view() : field.prefix_keys[k - 1];
    PartChoice choice(parts.size());
    for (std::size_t p = 0; p < parts.size(); ++p) choice[p] = inside(p, key) ? 0 : 2;
    groups.add(std::move(choice), field.values.size() + k);
  }
  std::vector<std::pair<std::size_t, std::size_t>> implies;  // s contains t
  for (std::size_t s = 0; s < parts.size(); ++s) {
    for (std::size_t t = 0; t < parts.size(); ++t) {
      if (s != t && inside(t, fields_[parts[s]].pattern_key)) implies.emplace_back(s, t);
    }
  }
  Region out;
  for (const auto& [choice, atoms] : groups.atoms) {
    for (const PartChoice& c : respect({choice}, implies)) {
      Box box = full_box();
      box[index] = AtomSet(count, false);
      for (std::size_t atom : atoms) box[index].set(atom);
      for (std::size_t p = 0; p < parts.size(); ++p) {
        if (c[p] != 2) box[parts[p]] = AtomSet(2, false), box[parts[p]].set(c[p]);
      }
      out.push_back(std::move(box));
    }
  }
  count_boxes(out.size());
  return out;
}

// The leads a multi-select field with `includes` tests can have: empty holds nothing, one value
// holds itself, several values hold at least two values of the picklist.
Region ConditionSpace::multi_boxes(std::size_t index) const {
  const Field& field = fields_[index];
  const std::size_t count = atom_count(field);
  const std::vector<std::size_t>& items = field.parts;
  std::vector<bool> real(items.size());  // an item the picklist has
  for (std::size_t k = 0; k < items.size(); ++k) {
    const std::string& key = fields_[items[k]].pattern_key;
    real[k] = std::find(field.keys.begin(), field.keys.end(), key) != field.keys.end();
  }
  const std::size_t unmentioned =
      field.values.size() - static_cast<std::size_t>(std::count(real.begin(), real.end(), true));
  Region out;
  const auto add = [&](std::size_t atom, const PartChoice& c) {
    Box box = full_box();
    box[index] = AtomSet(count, false);
    box[index].set(atom);
    for (std::size_t k = 0; k < items.size(); ++k) {
      if (c[k] != 2) box[items[k]] = AtomSet(2, false), box[items[k]].set(c[k]);
    }
    out.push_back(std::move(box));
  };
  add(count - 1, PartChoice(items.size(), 1));
  for (std::size_t v = 0; v < field.values.size(); ++v) {
    PartChoice c(items.size());
    for (std::size_t k = 0; k < items.size(); ++k)
      c[k] = fields_[items[k]].pattern_key == field.keys[v] ? 0 : 1;
    add(v, c);
  }
  const std::size_t several = field.values.size();
  PartChoice free(items.size());
  for (std::size_t k = 0; k < items.size(); ++k) free[k] = real[k] ? 2 : 1;
  if (unmentioned >= 2) {
    add(several, free);
  } else {
    // Few values left unnamed: every combination of the named ones that makes two or more.
    std::vector<std::size_t> named;
    for (std::size_t k = 0; k < items.size(); ++k)
      if (real[k]) named.push_back(k);
    if (named.size() > 14) throw RegionTooLarge{false};
    for (std::size_t mask = 0; mask < (std::size_t{1} << named.size()); ++mask) {
      if (static_cast<std::size_t>(std::popcount(mask)) + unmentioned < 2) continue;
      PartChoice c = free;
      for (std::size_t b = 0; b < named.size(); ++b) c[named[b]] = (mask >> b) & 1 ? 0 : 1;
      add(several, c);
    }
  }
  count_boxes(out.size());
  return out;
}

std::vector<bool> ConditionSpace::fields_read(const File& file, ExprId condition) const {
  std::vector<bool> read(fields_.size(), false);
  const auto visit = [&](const auto& self, ExprId id) -> void {
    const Expr& e = file.exprs[id];
    ExprId reference = id;
    if (e.kind == ExprKind::Compare || (e.kind == ExprKind::Call && is_text_test(file, e))) {
      reference = file.children(e)[0];
    } else if (e.kind != ExprKind::Reference) {
      for (ExprId child : file.children(e)) self(self, child);
      return;
    }
    if (const auto index = field_index(file, reference)) read[*index] = true;
  };
  visit(visit, condition);
  return read;
}

bool ConditionSpace::share_a_field(const std::vector<bool>& a, const std::vector<bool>& b) {
  for (std::size_t i = 0; i < a.size() && i < b.size(); ++i) {
    if (a[i] && b[i]) return true;
  }
  return false;
}

std::string ConditionSpace::number_at(const Field& field, std::size_t atom) const {
  const auto number = [&](double value) {
    if (field.kind == FieldValueKind::Date) return format_date(static_cast<std::int64_t>(value));
    return fmt::format("{}", value);
  };
  const auto& p = field.points;
  const std::size_t i = atom / 2;
  if (atom % 2 == 1) return number(p[i]);
  if (p.empty()) return number(0);
  if (i == 0) return number(p[0] - 1);
  if (i == p.size()) return number(p.back() + 1);
  const double below = p[i - 1], above = p[i];
  return number(above - below > 1 ? below + 1 : (below + above) / 2);
}

// The order atoms are tried in for an example: for numbers and dates the constants themselves,
// then the values between and above them, then empty, and the values below the smallest last
// (`employees = -1` is rarely the lead anyone means); parts and items not held before held (the
// shorter value); otherwise values first, empty last.
std::vector<std::size_t> ConditionSpace::preference(const Field& field) const {
  const std::size_t count = atom_count(field);
  if (field.dim != Dim::Value) return {1, 0};
  std::vector<std::size_t> order;
  if (field.kind != FieldValueKind::Number && field.kind != FieldValueKind::Date) {
    for (std::size_t a = 0; a < count; ++a) order.push_back(a);
    return order;
  }
  for (std::size_t a = 1; a + 1 < count; a += 2) order.push_back(a);
  for (std::size_t a = 2; a + 1 < count; a += 2) order.push_back(a);
  order.push_back(count - 1);
  order.push_back(0);
  return order;
}

const Box& ConditionSpace::example_box(const Region& region) const {
  // Prefer the box that needs the fewest empty fields: examples with values read better.
  const Box* best = &region.front();
  std::size_t best_empties = ~std::size_t{0};
  for (const Box& box : region) {
    std::size_t empties = 0;
    for (std::size_t f = 0; f < box.size(); ++f) {
      if (fields_[f].dim != Dim::Value) continue;
      const std::size_t empty = atom_count(fields_[f]) - 1;
      bool only_empty = true;
      for (std::size_t a = 0; a < empty; ++a) only_empty = only_empty && !box[f].test(a);
      empties += only_empty;
    }
    if (empties < best_empties) best = &box, best_empties = empties;
  }
  return *best;
}

bool ConditionSpace::holds(const Region& region, const std::vector<std::size_t>& point) const {
  return std::any_of(region.begin(), region.end(), [&](const Box& box) {
    for (std::size_t d = 0; d < box.size(); ++d) {
      if (!box[d].test(point[d])) return false;
    }
    return true;
  });
}

// Whether, the other fields as at `point`, the region holds every lead whatever field `index`
// holds: then the example leaves the field out (a lead without it is one of the region's).
bool ConditionSpace::unconstrained(const Region& region, const std::vector<std::size_t>& point,
                                   std::size_t index) const {
  const std::vector<std::size_t>& parts = fields_[index].parts;
  if (parts.empty()) {
    // Every atom of it can be had with the rest of the point as it is: the boxes that hold the
    // point on every other dimension together hold all its atoms.
    AtomSet reachable(atom_count(fields_[index]), false);
    for (const Box& box : region) {
      bool around = true;
      for (std::size_t d = 0; d < box.size() && around; ++d)
        around = d == index || box[d].test(point[d]);
      if (around) reachable = reachable.united(box[index]);
    }
    return reachable == AtomSet(atom_count(fields_[index]), true);
  }
  // With patterns, only the combinations that can exist count: compare with `everything`,
  // outside the analysis' budget (an example is not part of the analysis).
  const std::size_t budget_before = boxes_made;
  Box around = full_box();
  for (std::size_t d = 0; d < fields_.size(); ++d) {
    if (d == index || std::find(parts.begin(), parts.end(), d) != parts.end()) continue;
    around[d] = AtomSet(atom_count(fields_[d]), false);
    around[d].set(point[d]);
  }
  bool free = false;
  try {
    free = subtract(intersect(everything(), {around}), region).empty();
  } catch (const RegionTooLarge&) {
    free = false;  // keep the field in the example
  }
  boxes_made = budget_before;
  return free;
}

void ConditionSpace::clear_field(std::size_t index, std::vector<std::size_t>& point) const {
  point[index] = atom_count(fields_[index]) - 1;
  for (std::size_t part : fields_[index].parts) point[part] = 1;
}

// One lead of the region as atoms: from the box with the most values, each dimension's
// preferred atom; then every field the region lets be empty is emptied (left out of the example).
std::vector<std::size_t> ConditionSpace::example_point(const Region& region,
                                                       std::vector<bool>& left_out) const {
  const Box& best = example_box(region);
  std::vector<std::size_t> point(fields_.size());
  for (std::size_t d = 0; d < fields_.size(); ++d) {
    const std::vector<std::size_t> order = preference(fields_[d]);
    const auto chosen =
        std::find_if(order.begin(), order.end(), [&](std::size_t a) { return best[d].test(a); });
    point[d] = chosen == order.end() ? atom_count(fields_[d]) - 1 : *chosen;
  }
  left_out.assign(fields_.size(), false);
  for (std::size_t f = 0; f < fields_.size(); ++f) {
    if (fields_[f].dim != Dim::Value || !unconstrained(region, point, f)) continue;
    clear_field(f, point);
    left_out[f] = true;
  }
  return point;
}

// Whether a text value falls in the point's atoms of field `index` (its constant or prefix
// class, and which patterns it contains), compared as the evaluator compares.
bool ConditionSpace::text_value_fits(std::size_t index, const std::vector<std::size_t>& point,
                                     std::string_view value) const {
  const Field& field = fields_[index];
  std::size_t atom = atom_count(field) - 1;
  if (!value.empty()) {
    if (const auto constant = constant_atom(field, value)) {
      atom = *constant;
    } else {
      const std::string key = text_.key(value);
      std::size_t longest = 0;
      atom = field.values.size();
      for (std::size_t p = 0; p < field.prefix_keys.size(); ++p) {
        const std::string& prefix = field.prefix_keys[p];
        if (key.starts_with(prefix) && (atom == field.values.size() || prefix.size() > longest))
          atom = field.values.size() + 1 + p, longest = prefix.size();
      }
    }
  }
  if (atom != point[index]) return false;
  for (std::size_t part : field.parts) {
    const bool held = !value.empty() && text_.contains(value, fields_[part].pattern);
    if (held != (point[part] == 0)) return false;
  }
  return true;
}

// A value of a text field's "other" or prefix class holding the point's patterns: the prefix
// and the patterns joined by a separator none of them uses (so no pattern spans two), checked.
std::string ConditionSpace::text_value(std::size_t index,
                                       const std::vector<std::size_t>& point) const {
  const Field& field = fields_[index];
  std::vector<std::string> pieces;
  const std::size_t klass = point[index] - field.values.size();
  std::string prefix_key;
  if (klass > 0)
    pieces.push_back(field.prefixes[klass - 1]), prefix_key = field.prefix_keys[klass - 1];
  for (std::size_t part : field.parts) {
    if (point[part] != 0) continue;
    const std::string& key = fields_[part].pattern_key;
    const bool implied =
        prefix_key.find(key) != std::string::npos ||
        std::any_of(field.parts.begin(), field.parts.end(), [&](std::size_t other) {
          return other != part && point[other] == 0 &&
                 fields_[other].pattern_key.find(key) != std::string::npos &&
                 fields_[other].pattern_key != key;
        });
    if (!implied) pieces.push_back(fields_[part].pattern);
  }
  std::vector<std::string> candidates;
  for (std::string_view filler : {"Other", "Z", "9", "~"}) {
    if (pieces.empty()) {
      candidates.emplace_back(filler);
      for (int n = 2; n < 5; ++n) candidates.push_back(fmt::format("{} {}", filler, n));
    }
    for (std::string_view sep : {" ", " - ", "/", "_", "|", "~", "#", "^", "\x7f"}) {
      const std::string joined = fmt::format("{}", fmt::join(pieces, sep));
      if (!pieces.empty()) candidates.push_back(joined);
      candidates.push_back(
          fmt::format("{}{}{}", klass == 0 ? filler : "", klass == 0 ? sep : "",
                      klass == 0 ? joined : joined + std::string(sep) + std::string(filler)));
    }
  }
  for (const std::string& candidate : candidates) {
    if (text_value_fits(index, point, candidate)) return candidate;
  }
  return candidates.front();  // not reached: a separator in no pattern always fits
}

std::string ConditionSpace::value_at(std::size_t index,
                                     const std::vector<std::size_t>& point) const {
  const Field& field = fields_[index];
  const std::size_t atom = point[index];
  switch (field.kind) {
    case FieldValueKind::Bool:
      return atom == 0 ? "true" : "false";
    case FieldValueKind::Number:
    case FieldValueKind::Date:
      return number_at(field, atom);
    case FieldValueKind::Picklist: {
      if (atom < field.values.size()) return field.values[atom];
      std::vector<std::string> held;  // several values of a multi-select field
      for (std::size_t item : field.parts) {
        if (point[item] == 0)
          held.push_back(field.values[*constant_atom(field, fields_[item].pattern)]);
      }
      for (std::size_t v = 0; v < field.values.size() && held.size() < 2; ++v) {
        const bool named = std::any_of(
            field.parts.begin(), field.parts.end(),
            [&](std::size_t item) { return fields_[item].pattern_key == field.keys[v]; });
        if (!named) held.push_back(field.values[v]);
      }
      return fmt::format("{}", fmt::join(held, ";"));
    }
    default:
      return atom < field.values.size() ? field.values[atom] : text_value(index, point);
  }
}

std::vector<std::pair<std::string, std::string>> ConditionSpace::example_lead(
    const Region& region) const {
  std::vector<std::pair<std::string, std::string>> lead;
  if (region.empty()) return lead;
  std::vector<bool> left_out;
  const std::vector<std::size_t> point = example_point(region, left_out);
  for (std::size_t f = 0; f < fields_.size(); ++f) {
    if (fields_[f].dim != Dim::Value || left_out[f]) continue;
    if (point[f] == atom_count(fields_[f]) - 1) {  // the region needs it empty
      lead.emplace_back(fields_[f].name, "");
      continue;
    }
    lead.emplace_back(fields_[f].name, value_at(f, point));
  }
  return lead;
}

std::string ConditionSpace::example(const Region& region) const {
  if (region.empty()) return {};
  std::vector<std::string> parts;
  for (const auto& pair : example_lead(region)) {
    const std::string& name = pair.first;
    const std::string& value = pair.second;
    const auto field = std::find_if(fields_.begin(), fields_.end(),
                                    [&](const Field& f) { return f.name == name; });
    const bool quoted = field->kind == FieldValueKind::Text ||
                        field->kind == FieldValueKind::Unknown ||
                        field->kind == FieldValueKind::Picklist;
    if (value.empty())
      parts.push_back(name + " empty");
    else
      parts.push_back(quoted ? fmt::format("{} = \"{}\"", name, value)
                             : fmt::format("{} = {}", name, value));
  }
  if (parts.empty()) return "any lead";
  return fmt::format("{}", fmt::join(parts, " and "));
}

}  // namespace gtm::rules
