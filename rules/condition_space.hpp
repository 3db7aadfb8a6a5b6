// Exact reasoning over conditions on the fields of one object (routing rules, nurture
// enrollments). Each field's values are split into "atoms" that every comparison in play treats
// alike: each picklist or boolean value; for numbers and dates the constants compared with and
// the open intervals between them; for text each constant and "any other value"; and, for every
// field, "empty". A set of leads is a union of boxes (one set of atoms per field), so and, or and
// not are exact, and an example lead can be read off any non-empty box.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "compiler/conditions.hpp"
#include "compiler/model.hpp"

namespace gtm::rules {

/// A set of atoms of one field. The first 64 atoms live inline (nearly every field has fewer),
/// so that copying the many boxes of a large region allocates nothing per field.
class AtomSet {
 public:
  AtomSet() = default;
  AtomSet(std::size_t atoms, bool full);
  void set(std::size_t atom) { word(atom / 64) |= std::uint64_t{1} << (atom % 64); }
  bool test(std::size_t atom) const { return (word(atom / 64) >> (atom % 64)) & 1; }
  bool empty() const;
  bool operator==(const AtomSet&) const = default;
  AtomSet operator&(const AtomSet& other) const;
  AtomSet minus(const AtomSet& other) const;
  bool contains(const AtomSet& other) const { return other.minus(*this).empty(); }

 private:
  std::uint64_t& word(std::size_t i) { return i == 0 ? first_ : rest_[i - 1]; }
  std::uint64_t word(std::size_t i) const { return i == 0 ? first_ : rest_[i - 1]; }

  std::uint64_t first_ = 0;
  std::vector<std::uint64_t> rest_;  ///< words past the first, for fields of over 64 atoms
};

using Box = std::vector<AtomSet>;  ///< one AtomSet per field of the space
using Region = std::vector<Box>;   ///< a union of boxes

/// The analysis budget: no region may hold more boxes than this. Conditions can combine into
/// exponentially many boxes (each rule on its own pair of fields, say); past the budget an
/// operation throws RegionTooLarge and the analysis reports `analysis-budget` instead of taking
/// unbounded time and memory (docs/limits.md).
constexpr std::size_t kMaxRegionBoxes = 20000;
/// And all region operations of one analysis together make at most this many boxes, so that
/// many conditions each just within the limit cannot add up to minutes.
constexpr std::size_t kMaxBoxesPerAnalysis = 500000;
struct RegionTooLarge {
  bool whole_analysis = false;  ///< the analysis' budget is spent, not this region's
};

/// Starts the budget of one analysis (routing, nurture-suppression) on this thread.
void start_region_budget();

/// Reports `analysis-budget` for `what` (e.g. "routing `inbound`"), naming the checks skipped.
void report_analysis_budget(Diagnostics& diagnostics, Span at, std::string_view what,
                            std::string_view unchecked, const RegionTooLarge& why);

/// The fields one set of conditions compares, and their atoms.
class ConditionSpace {
 public:
  ConditionSpace(const Model& model, std::string_view object);

  /// Registers the fields and constants of a condition (call for all before `region`).
  void collect(const File& file, ExprId condition);
  /// The leads a condition matches; nullopt if it cannot be analysed exactly (an unresolved
  /// field, a value of the wrong type), in which case nothing should be concluded from it.
  std::optional<Region> region(const File& file, ExprId condition) const;

  /// The same for a condition of another version of the workspace (`gtmlint diff`): its fields
  /// are this space's fields of the same path, so that both versions' leads are comparable.
  void collect(const Model& model, const File& file, ExprId condition);
  std::optional<Region> region(const Model& model, const File& file, ExprId condition) const;

  Region everything() const;
  static Region intersect(const Region& a, const Region& b);
  static Region subtract(const Region& a, const Region& b);
  static bool is_empty(const Region& r) { return r.empty(); }
  bool contains(const Region& outer, const Region& inner) const {
    return subtract(inner, outer).empty();
  }

  /// Whether two regions constrain at least one field in common.
  bool share_a_field(const Region& a, const Region& b) const;

  /// `country = "CA" and employees = 40 and industry empty`: one lead of the region, naming only
  /// the fields the region constrains (`everything` if none).
  std::string example(const Region& region) const;
  /// The same lead as field names and values, as `gtmlint route` takes them ("" for a field the
  /// region needs empty; "any other value" of a text becomes one concrete value no condition
  /// names).
  std::vector<std::pair<std::string, std::string>> example_lead(const Region& region) const;

 private:
  struct Field {
    EntityId entity = kNoEntity;  ///< in the space's own model (kNoEntity if only in another)
    std::string path;
    std::string name;  ///< as the conditions write it (the last path segment)
    FieldValueKind kind = FieldValueKind::Unknown;
    std::vector<std::string> values;  ///< picklist values, or text constants
    std::vector<double> points;       ///< numbers and dates: the sorted constants
  };

  void collect_in(const File& file, ExprId condition);
  std::optional<Region> region_in(const File& file, ExprId condition) const;
  std::size_t atom_count(const Field& field) const;
  std::optional<std::size_t> field_index(const File& file, ExprId reference) const;
  /// `field OP value` for the operators other than `in` and `not in`.
  std::optional<AtomSet> comparison(const Field& field, CompareOp op, const Expr& value) const;
  std::optional<std::size_t> atom_of(const Field& field, const Expr& value) const;
  static bool is_foreign_value(const Field& field, const Expr& value);
  std::string atom_text(const Field& field, std::size_t atom) const;
  const Box& example_box(const Region& region) const;
  /// The atom an example takes for each field its box constrains.
  std::vector<std::pair<std::size_t, std::size_t>> example_atoms(const Region& region) const;
  std::vector<std::size_t> preference(const Field& field) const;
  Box full_box() const;

  const Model& model_;
  /// The model whose file is being read: model_, or another version's during collect/region.
  mutable const Model* current_;
  std::string object_;
  std::vector<Field> fields_;
};

}  // namespace gtm::rules
