// Atoms, boxes and regions of a condition space.
#include "rules/condition_space.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>

#include "compiler/literals.hpp"

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

AtomSet AtomSet::minus(const AtomSet& other) const {
  AtomSet out = *this;
  out.first_ &= ~other.first_;
  for (std::size_t i = 0; i < rest_.size(); ++i) out.rest_[i] &= ~other.rest_[i];
  return out;
}

ConditionSpace::ConditionSpace(const Model& model, std::string_view object)
    : model_(model), current_(&model), object_(object) {}

// Atom layout: picklist: values, then empty. Bool: true, false, empty. Text: constants, any
// other value, empty. Number and date with points p0 < ... < pk-1: below p0, p0, between p0 and
// p1, p1, ..., pk-1, above pk-1, empty.
std::size_t ConditionSpace::atom_count(const Field& field) const {
  switch (field.kind) {
    case FieldValueKind::Picklist:
      return field.values.size() + 1;
    case FieldValueKind::Bool:
      return 3;
    case FieldValueKind::Number:
    case FieldValueKind::Date:
      return 2 * field.points.size() + 2;
    default:
      return field.values.size() + 2;
  }
}

std::optional<std::size_t> ConditionSpace::field_index(const File& file, ExprId reference) const {
  const EntityId entity = current_->target(file.id, reference);
  if (entity == kNoEntity) return std::nullopt;
  if (current_ == &model_) {
    for (std::size_t i = 0; i < fields_.size(); ++i) {
      if (fields_[i].entity == entity) return i;
    }
  }
  // Another version's model: its fields are the same fields when their paths are.
  const std::string_view path = current_->entities[entity].name;
  for (std::size_t i = 0; i < fields_.size(); ++i) {
    if (fields_[i].path == path) return i;
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

}  // namespace

void ConditionSpace::collect(const File& file, ExprId condition) {
  collect(model_, file, condition);
}

void ConditionSpace::collect(const Model& model, const File& file, ExprId condition) {
  current_ = &model;
  collect_in(file, condition);
  current_ = &model_;
}

std::optional<Region> ConditionSpace::region(const File& file, ExprId condition) const {
  return region(model_, file, condition);
}

std::optional<Region> ConditionSpace::region(const Model& model, const File& file,
                                             ExprId condition) const {
  current_ = &model;
  auto found = region_in(file, condition);
  current_ = &model_;
  return found;
}

void ConditionSpace::collect_in(const File& file, ExprId condition) {
  const Expr& e = file.exprs[condition];
  ExprId reference = condition;
  if (e.kind == ExprKind::Compare) {
    reference = file.children(e)[0];
  } else if (e.kind != ExprKind::Reference) {
    for (ExprId child : file.children(e)) collect_in(file, child);
    return;
  }
  const EntityId entity = current_->target(file.id, reference);
  if (entity == kNoEntity) return;
  auto index = field_index(file, reference);
  if (!index) {
    Field field;
    field.entity = current_ == &model_ ? entity : kNoEntity;
    field.path = std::string(current_->entities[entity].name);
    field.name = field.path.substr(field.path.rfind('.') + 1);
    const FieldValues values = field_values(*current_, entity);
    field.kind = values.kind;
    fields_.push_back(std::move(field));
    index = fields_.size() - 1;
  }
  if (fields_[*index].entity == kNoEntity && current_ == &model_) fields_[*index].entity = entity;
  {
    // Each version's picklist values: a value one of them removed is still a value of leads.
    Field& field = fields_[*index];
    for (std::string_view v : field_values(*current_, entity).picklist) {
      if (std::find(field.values.begin(), field.values.end(), v) == field.values.end()) {
        field.values.emplace_back(v);
      }
    }
  }
  if (e.kind != ExprKind::Compare) return;
  Field& field = fields_[*index];
  for (const Expr* constant : constants(file, file.exprs[file.children(e)[1]])) {
    if (field.kind == FieldValueKind::Number || field.kind == FieldValueKind::Date) {
      if (auto point = numeric(*constant)) field.points.push_back(*point);
    } else if ((field.kind == FieldValueKind::Text || field.kind == FieldValueKind::Unknown) &&
               constant->kind == ExprKind::String) {
      if (std::find(field.values.begin(), field.values.end(), constant->text) ==
          field.values.end()) {
        field.values.emplace_back(constant->text);
      }
    }
  }
  std::sort(field.points.begin(), field.points.end());
  field.points.erase(std::unique(field.points.begin(), field.points.end()), field.points.end());
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
    default: {
      if (value.kind != ExprKind::String) return std::nullopt;
      const auto it = std::find(field.values.begin(), field.values.end(), value.text);
      if (it != field.values.end()) return static_cast<std::size_t>(it - field.values.begin());
      return std::nullopt;  // a picklist value the field does not have
    }
  }
}

// A picklist value the field does not have (reported as routing-unknown-value): no lead has it.
bool ConditionSpace::is_foreign_value(const Field& field, const Expr& value) {
  return field.kind == FieldValueKind::Picklist && value.kind == ExprKind::String &&
         std::find(field.values.begin(), field.values.end(), value.text) == field.values.end();
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
      return AtomSet(count, true).minus([&] {
        AtomSet one(count, false);
        one.set(*atom);
        return one;
      }());
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

Region ConditionSpace::everything() const {
  return {full_box()};
}

std::optional<Region> ConditionSpace::region_in(const File& file, ExprId condition) const {
  const Expr& e = file.exprs[condition];
  switch (e.kind) {
    case ExprKind::Bool:
      return e.boolean ? everything() : Region{};
    case ExprKind::Paren:
      return region_in(file, file.children(e)[0]);
    case ExprKind::Not: {
      auto inner = region_in(file, file.children(e)[0]);
      if (!inner) return std::nullopt;
      return subtract(everything(), *inner);
    }
    case ExprKind::And:
    case ExprKind::Or: {
      auto a = region_in(file, file.children(e)[0]);
      auto b = region_in(file, file.children(e)[1]);
      if (!a || !b) return std::nullopt;
      if (e.kind == ExprKind::And) return intersect(*a, *b);
      a->insert(a->end(), b->begin(), b->end());
      count_boxes(a->size());
      return a;
    }
    case ExprKind::Reference:
    case ExprKind::Compare: {
      const bool bare = e.kind == ExprKind::Reference;
      const auto index = field_index(file, bare ? condition : file.children(e)[0]);
      if (!index) return std::nullopt;
      const Field& field = fields_[*index];
      std::optional<AtomSet> set;
      if (bare) {
        if (field.kind != FieldValueKind::Bool) return std::nullopt;
        set = AtomSet(3, false);
        set->set(0);
      } else if (e.op == CompareOp::In || e.op == CompareOp::NotIn) {
        const Expr& list = file.exprs[file.children(e)[1]];
        if (list.kind != ExprKind::List) return std::nullopt;
        set = AtomSet(atom_count(field), false);
        for (ExprId item : file.children(list)) {
          if (is_foreign_value(field, file.exprs[item])) continue;  // matches no lead
          const auto atom = atom_of(field, file.exprs[item]);
          if (!atom) return std::nullopt;
          set->set(*atom);
        }
        if (e.op == CompareOp::NotIn) set = AtomSet(atom_count(field), true).minus(*set);
      } else {
        set = comparison(field, e.op, file.exprs[file.children(e)[1]]);
      }
      if (!set) return std::nullopt;
      Box box = full_box();
      box[*index] = *set;
      if (set->empty()) return Region{};
      return Region{box};
    }
    default:
      return std::nullopt;
  }
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
  diagnostics.report(Severity::Warning, "analysis-budget", at, message).help =
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

bool ConditionSpace::share_a_field(const Region& a, const Region& b) const {
  const auto constrained = [&](const Region& r, std::size_t f) {
    const AtomSet full(atom_count(fields_[f]), true);
    return std::any_of(r.begin(), r.end(), [&](const Box& box) { return !(box[f] == full); });
  };
  for (std::size_t f = 0; f < fields_.size(); ++f) {
    if (constrained(a, f) && constrained(b, f)) return true;
  }
  return false;
}

std::string ConditionSpace::atom_text(const Field& field, std::size_t atom) const {
  const std::size_t empty = atom_count(field) - 1;
  if (atom == empty) return field.name + " empty";
  const auto number = [&](double value) {
    if (field.kind == FieldValueKind::Date) return format_date(static_cast<std::int64_t>(value));
    return fmt::format("{}", value);
  };
  switch (field.kind) {
    case FieldValueKind::Bool:
      return fmt::format("{} = {}", field.name, atom == 0 ? "true" : "false");
    case FieldValueKind::Number:
    case FieldValueKind::Date: {
      const auto& p = field.points;
      const std::size_t i = atom / 2;
      if (atom % 2 == 1) return fmt::format("{} = {}", field.name, number(p[i]));
      if (p.empty()) return fmt::format("{} = {}", field.name, number(0));
      if (i == 0) return fmt::format("{} = {}", field.name, number(p[0] - 1));
      if (i == p.size()) return fmt::format("{} = {}", field.name, number(p.back() + 1));
      const double below = p[i - 1], above = p[i];
      return fmt::format("{} = {}", field.name,
                         number(above - below > 1 ? below + 1 : (below + above) / 2));
    }
    default:
      if (atom < field.values.size())
        return fmt::format("{} = \"{}\"", field.name, field.values[atom]);
      std::vector<std::string> quoted;
      for (const std::string& v : field.values) quoted.push_back(fmt::format("\"{}\"", v));
      return fmt::format("{} not in [{}]", field.name, fmt::join(quoted, ", "));
  }
}

// The order atoms are tried in for an example: for numbers and dates the constants themselves,
// then the values between and above them, then empty, and the values below the smallest last
// (`employees = -1` is rarely the lead anyone means); otherwise values first, empty last.
std::vector<std::size_t> ConditionSpace::preference(const Field& field) const {
  const std::size_t count = atom_count(field);
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
      const std::size_t empty = atom_count(fields_[f]) - 1;
      bool only_empty = true;
      for (std::size_t a = 0; a < empty; ++a) only_empty = only_empty && !box[f].test(a);
      empties += only_empty;
    }
    if (empties < best_empties) best = &box, best_empties = empties;
  }
  return *best;
}

std::vector<std::pair<std::size_t, std::size_t>> ConditionSpace::example_atoms(
    const Region& region) const {
  const Box& best = example_box(region);
  std::vector<std::pair<std::size_t, std::size_t>> atoms;  // field, atom
  for (std::size_t f = 0; f < best.size(); ++f) {
    const std::size_t count = atom_count(fields_[f]);
    if (best[f] == AtomSet(count, true)) continue;
    const std::vector<std::size_t> order = preference(fields_[f]);
    const auto chosen =
        std::find_if(order.begin(), order.end(), [&](std::size_t a) { return best[f].test(a); });
    atoms.emplace_back(f, chosen == order.end() ? count - 1 : *chosen);
  }
  return atoms;
}

std::string ConditionSpace::example(const Region& region) const {
  if (region.empty()) return {};
  std::vector<std::string> parts;
  for (const auto& [field, atom] : example_atoms(region)) {
    parts.push_back(atom_text(fields_[field], atom));
  }
  if (parts.empty()) return "any lead";
  return fmt::format("{}", fmt::join(parts, " and "));
}

std::vector<std::pair<std::string, std::string>> ConditionSpace::example_lead(
    const Region& region) const {
  std::vector<std::pair<std::string, std::string>> lead;
  if (region.empty()) return lead;
  for (const auto& [index, atom] : example_atoms(region)) {
    const Field& field = fields_[index];
    if (atom == atom_count(field) - 1) {  // the region needs it empty
      lead.emplace_back(field.name, "");
      continue;
    }
    if ((field.kind == FieldValueKind::Text || field.kind == FieldValueKind::Unknown ||
         field.kind == FieldValueKind::Picklist) &&
        atom >= field.values.size()) {
      // "Any other value": one value no condition names.
      std::string other = "Other";
      for (int n = 2;
           std::find(field.values.begin(), field.values.end(), other) != field.values.end(); ++n) {
        other = fmt::format("Other {}", n);
      }
      lead.emplace_back(field.name, other);
      continue;
    }
    const std::string text = atom_text(field, atom);
    std::string value = text.substr(text.find(" = ") + 3);
    if (value.size() >= 2 && value.front() == '"') value = value.substr(1, value.size() - 2);
    lead.emplace_back(field.name, value);
  }
  return lead;
}

}  // namespace gtm::rules
