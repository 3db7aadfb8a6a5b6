// The expression evaluator for policies (`where`, `require`, message interpolation). Bare names
// are the subject entity's attributes (`name` and `kind` are its label and kind), `a.b` follows
// references (element-wise over lists), a root name that is a singleton kind (`settings`) reads
// that block, with schema defaults for what it does not set. Three-valued: anything unknown
// (an unresolved reference, a malformed literal) makes a comparison unknown, never false.
#pragma once

#include "compiler/base/text_hash.hpp"

#include <absl/container/flat_hash_map.h>

#include <array>
#include <memory>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>

#include "compiler/evaluation/value.hpp"
#include "compiler/semantics/model.hpp"

namespace re2 {
class RE2;
}

namespace gtm {

/// The functions policies may call, for validation and documentation.
bool is_policy_function(std::string_view name);
/// The names usable at the root of a policy expression besides attributes.
bool is_policy_builtin(std::string_view name);

class Evaluator {
 public:
  Evaluator(const Model& model, std::int64_t today);
  ~Evaluator();

  Value eval(const File& file, ExprId id, EntityId subject);
  /// The value of a dotted path such as `owner.left` or `settings.limits.max_sla`.
  Value path(std::string_view path, EntityId subject);
  std::int64_t today() const { return today_; }
  /// Whether an expression's value can differ between two entities of the same kind: it reads
  /// an attribute or the name. One that does not (`setting("naming", kind) != none`) has one
  /// value per kind.
  bool reads_subject(const File& file, ExprId id) const;

 private:
  /// How a reference's first name reads an entity of one kind: decided once per reference and
  /// kind, since a policy's few references are read for every entity of its kinds.
  struct RootPlan {
    enum class Reads : std::uint8_t { Name, Kind, Singleton, Attribute };
    Reads reads = Reads::Attribute;
    KindId singleton = kNoKind;     ///< Singleton: its kind
    std::uint32_t attr = kAnyAttr;  ///< Attribute: its index in the kind's schema, or kAnyAttr
  };
  RootPlan plan_root(std::string_view name, KindId kind) const;
  Value root(const RootPlan& plan, std::string_view name, EntityId subject);
  Value reference(const Expr& e, EntityId subject);
  /// Follows the rest of a path after its root (`.left`, `.limits.max_sla`, or nothing) from
  /// the root's value.
  Value follow(Value v, std::string_view rest);
  Value member(const Value& base, std::string_view name);
  Value attribute(EntityId entity, KindId kind, std::string_view name);
  /// Attribute `attr` of `entity` (kAnyAttr: one of any name, then `name` says which), else
  /// the schema's default.
  Value attribute_at(EntityId entity, KindId kind, std::uint32_t attr, std::string_view name);
  Value call(const File& file, const Expr& e, EntityId subject);
  /// `v` as its name when `other` is a text and `v` a reference: `owner == "marketing"`
  /// compares the owner's name, and `matches(owner, "...")` matches it.
  Value named(const Value& v, const Value& other) const;
  bool same(const Value& a, const Value& b) const;
  Value compare(CompareOp op, const Value& a, const Value& b);
  const re2::RE2* regex(std::string_view pattern);
  EntityId singleton(KindId kind);
  /// The singleton kind a root name names (`settings`), or kNoKind.
  KindId singleton_named(std::string_view name) const;

  const Model& model_;
  std::int64_t today_;
  /// Compiled once per pattern (RE2: linear time, no stack overflow on hostile patterns).
  std::unordered_map<std::string, std::unique_ptr<re2::RE2>, TextHash, std::equal_to<>> regexes_;
  std::unordered_map<KindId, EntityId> singletons_;
  /// Root plans by reference (policy expressions outlive the evaluator) and the subject's kind,
  /// direct-mapped: a policy run reads the same few references for entity after entity, and a
  /// slot taken by another reference is planned again (a hash map's look-up cost as much as
  /// planning).
  struct PlannedRoot {
    const Expr* reference = nullptr;
    KindId kind = kNoKind;
    std::size_t root_size = 0;  ///< the root name's length: up to the first dot
    RootPlan plan;
  };
  std::array<PlannedRoot, 64> root_plans_;
  /// The singleton kinds by name (`settings`): a root name is compared with these few instead
  /// of being looked up among all kinds (every attribute a policy reads is a root name).
  std::vector<std::pair<std::string_view, KindId>> singleton_kinds_;
  /// `setting(section, key)` results, by the section and key as written (views of source text,
  /// which outlives the evaluator).
  absl::flat_hash_map<std::pair<std::string_view, std::string_view>, Value> settings_;
};

/// True if `v` is the boolean true (unknown and everything else are not).
inline bool is_true(const Value& v) {
  return v.kind == Value::Kind::Bool && v.boolean;
}
inline bool is_false(const Value& v) {
  return v.kind == Value::Kind::Bool && !v.boolean;
}

}  // namespace gtm
