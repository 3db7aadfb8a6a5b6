// `overrides = [other_rule]` on a routing rule: the rule is meant to take leads that a later rule
// of the routing also matches ("strategic accounts first"), so routing-overlap leaves that pair
// alone without an expiring waiver. An override that names no later rule of the routing, or a
// rule it never overlaps, is reported (routing-override-unused), so overrides cannot go stale.
#pragma once

#include <cstddef>
#include <string_view>
#include <vector>

#include "compiler/diagnostics/diagnostic.hpp"
#include "compiler/semantics/model.hpp"

namespace gtm::rules {

class RuleOverrides {
 public:
  /// Reads the `overrides` of `rules` (the routing's rules, in order).
  RuleOverrides(const Model& model, const std::vector<EntityId>& rules);

  /// Whether rule `earlier` declares that it overrides rule `later` (indices into the rules).
  bool overrides(std::size_t earlier, std::size_t later) const;
  /// Whether some earlier rule overrides rule `later`.
  bool is_overridden(std::size_t later) const;
  /// The pair overlaps, as routing-overlap would report it: the override is used.
  void mark_used(std::size_t earlier, std::size_t later);
  /// Every override that names no later rule, or was never used. `decided` is false when the
  /// routing's overlaps could not all be decided: unused overrides are then not reported.
  void report(bool decided, Diagnostics& diagnostics) const;

 private:
  struct Entry {
    std::size_t rule = 0;    ///< the rule that declares it
    std::size_t target = 0;  ///< the rule it names, or kNone
    Span span;
    std::string_view written;
    bool used = false;
  };
  static constexpr std::size_t kNone = ~std::size_t{0};

  const Model& model_;
  const std::vector<EntityId>& rules_;
  std::vector<Entry> entries_;
};

}  // namespace gtm::rules
