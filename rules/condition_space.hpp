// Exact reasoning over conditions on the fields of one object (routing rules, nurture
// enrollments). Each field's values are split into "atoms" that every comparison in play treats
// alike: each picklist or boolean value; for numbers and dates the constants compared with and
// the open intervals between them; for text each constant, "any other value" and, for each
// `starts_with` prefix, "any other value that starts with it (and with no longer prefix)"; and,
// for every field, "empty". Each `contains` pattern of a text field and each value an `includes`
// names on a multi-select field is a dimension of its own (holds it, or not). A set of leads is a
// union of boxes (one set of atoms per dimension), so and, or and not are exact; `everything` is
// the leads that can exist (a value that equals "Retail" contains "tail"; one that contains
// "ENTERPRISE" contains "ENT"), so that every non-empty box has a lead, and an example can be read
// off it. Text is compared with the routing's system's semantics (rules/text_match.hpp), the same
// the lead evaluator uses. What cannot be read (a formula, another object's field) has bounds: the
// leads it surely matches and those it may match.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <unordered_map>
#include <utility>
#include <vector>

#include "compiler/semantics/conditions.hpp"
#include "compiler/semantics/model.hpp"
#include "rules/text_match.hpp"

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
  AtomSet united(const AtomSet& other) const;
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

/// The leads a condition matches: exactly (`maybe` empty), or between the leads it surely
/// matches and those it may match, with why (the first part gtmlint cannot read).
struct Bounds {
  Region sure;
  std::optional<Region> maybe;
  std::string why;
  bool exact() const { return !maybe; }
  const Region& upper() const { return maybe ? *maybe : sure; }
};

/// The fields one set of conditions compares, and their atoms.
class ConditionSpace {
 public:
  ConditionSpace(const Model& model, std::string_view object, TextCase mode);

  /// Lets conditions read the fields of another object whose records are the same people (a
  /// sync copies between them: nurtures on hubspot.contact and salesforce.lead). `same` pairs a
  /// field of either object with one it is kept equal to; other fields are independent. Call
  /// before `collect`.
  void link_object(std::string_view object, const std::vector<std::pair<EntityId, EntityId>>& same);

  /// Registers the fields and constants of a condition (call for all before `region`).
  void collect(const File& file, ExprId condition);
  /// The leads a condition matches; nullopt if it cannot be analysed exactly (an unresolved
  /// field, a value of the wrong type), in which case nothing should be concluded from it.
  std::optional<Region> region(const File& file, ExprId condition) const;

  /// The same for a condition of another version of the workspace (`gtmlint diff`): its fields
  /// are this space's fields of the same path, so that both versions' leads are comparable.
  void collect(const Model& model, const File& file, ExprId condition);
  std::optional<Region> region(const Model& model, const File& file, ExprId condition) const;
  /// The leads a condition surely and possibly matches.
  Bounds bounds(const File& file, ExprId condition) const;

  /// Every lead that can exist.
  const Region& everything() const;
  static Region intersect(const Region& a, const Region& b);
  static Region subtract(const Region& a, const Region& b);
  static bool is_empty(const Region& r) { return r.empty(); }
  bool contains(const Region& outer, const Region& inner) const {
    return subtract(inner, outer).empty();
  }

  /// The fields (by index) a condition compares.
  std::vector<bool> fields_read(const File& file, ExprId condition) const;
  static bool share_a_field(const std::vector<bool>& a, const std::vector<bool>& b);

  /// `country = "CA" and employees = 40 and industry empty`: one lead of the region, naming only
  /// the fields the region constrains (`everything` if none).
  std::string example(const Region& region) const;
  /// The same lead as field names and values, as `gtmlint route` takes them ("" for a field the
  /// region needs empty; "any other value" of a text becomes one concrete value no condition
  /// names).
  std::vector<std::pair<std::string, std::string>> example_lead(const Region& region) const;

 private:
  /// A dimension: a field's values (`Value`), or whether a text field contains one pattern
  /// (`Part`) or a multi-select field holds one value (`Item`): atoms 0 (yes) and 1 (no).
  enum class Dim { Value, Part, Item };
  struct Field {
    Dim dim = Dim::Value;
    std::size_t parent = 0;       ///< the Value dimension of a Part or Item
    EntityId entity = kNoEntity;  ///< in the space's own model (kNoEntity if only in another)
    std::string path;
    std::string name;  ///< as the conditions write it (the last path segment)
    FieldValueKind kind = FieldValueKind::Unknown;
    bool multi = false;               ///< a multi-select picklist
    std::vector<std::string> values;  ///< picklist values, or text constants (as first written)
    std::vector<std::string> keys;    ///< the same, as compared (rules/text_match.hpp)
    std::vector<std::string> prefixes, prefix_keys;  ///< text: `starts_with` patterns
    std::vector<std::size_t> parts;                  ///< the Part or Item dimensions of a Value
    std::string pattern, pattern_key;                ///< a Part's or Item's text
    std::vector<double> points;                      ///< numbers and dates: the sorted constants
  };

  void collect_in(const File& file, ExprId condition);
  std::optional<std::size_t> ensure_field(const File& file, ExprId reference);
  void add_constant(Field& field, std::string_view text);
  void add_prefix(std::size_t index, std::string_view text);
  std::size_t add_part(std::size_t index, std::string_view text, Dim dim);
  Bounds region_in(const File& file, ExprId condition) const;
  Bounds leaf(const File& file, ExprId condition) const;
  Bounds unknown(std::string why) const;
  Region from(std::size_t dim, const AtomSet& set) const;
  std::size_t atom_count(const Field& field) const;
  std::optional<std::size_t> field_index(const File& file, ExprId reference) const;
  /// `field OP value` for the operators other than `in` and `not in`.
  std::optional<AtomSet> comparison(const Field& field, CompareOp op, const Expr& value) const;
  std::optional<std::size_t> atom_of(const Field& field, const Expr& value) const;
  std::optional<std::size_t> constant_atom(const Field& field, std::string_view text) const;
  bool is_foreign_value(const Field& field, const Expr& value) const;
  Region realizable() const;
  Region local_boxes(std::size_t index) const;
  Region text_boxes(std::size_t index) const;
  Region multi_boxes(std::size_t index) const;
  const Box& example_box(const Region& region) const;
  bool in_space(std::string_view path) const;
  EntityId canonical(EntityId field) const;
  std::vector<std::size_t> example_point(const Region& region, std::vector<bool>& left_out) const;
  std::vector<std::size_t> preference(const Field& field) const;
  bool holds(const Region& region, const std::vector<std::size_t>& point) const;
  bool unconstrained(const Region& region, const std::vector<std::size_t>& point,
                     std::size_t index) const;
  void clear_field(std::size_t index, std::vector<std::size_t>& point) const;
  std::string value_at(std::size_t index, const std::vector<std::size_t>& point) const;
  std::string text_value(std::size_t index, const std::vector<std::size_t>& point) const;
  bool text_value_fits(std::size_t index, const std::vector<std::size_t>& point,
                       std::string_view value) const;
  std::string number_at(const Field& field, std::size_t atom) const;
  Box full_box() const;

  const Model& model_;
  /// The model whose file is being read: model_, or another version's during collect/region.
  mutable const Model* current_;
  std::string object_;
  std::vector<std::string> linked_objects_;  ///< link_object
  /// A field of a linked object (or of this one) -> the field it is kept equal to.
  std::unordered_map<EntityId, EntityId> same_as_;
  TextMatch text_;
  std::vector<Field> fields_;
  mutable std::optional<Region> everything_;  ///< realizable(), once collection is over
  /// No field constrains another (no patterns): leaves need no intersection with everything.
  mutable bool everything_is_every_box_ = false;
};

}  // namespace gtm::rules
