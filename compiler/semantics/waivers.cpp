// Checking waivers and suppressing what they cover.
#include "compiler/semantics/waivers.hpp"

#include <cctype>

#include <fmt/format.h>

#include <algorithm>

#include "compiler/diagnostics/compiler_rules.hpp"
#include "compiler/semantics/resolve.hpp"
#include "compiler/semantics/settings.hpp"
#include "compiler/semantics/suggest.hpp"
#include "compiler/syntax/literals.hpp"

namespace gtm {

namespace {

struct ActiveWaiver {
  std::string_view rule;
  Span scope;  ///< the block the waiver sits in
  EntityId waiver = kNoEntity;
  bool used = false;
};

bool covers(const ActiveWaiver& waiver, const Diagnostic& d) {
  return d.rule == waiver.rule && d.span.file == waiver.scope.file &&
         d.span.begin >= waiver.scope.begin && d.span.end <= waiver.scope.end;
}

}  // namespace

bool is_placeholder_reason(std::string_view reason) {
  const std::size_t first = reason.find_first_not_of(" \t\r\n");
  if (first == std::string_view::npos) return true;
  reason.remove_prefix(first);
  std::string head;
  for (char c : reason.substr(0, 5))
    head += static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  const auto word = [&](std::string_view marker) {
    return head.starts_with(marker) &&
           (head.size() == marker.size() ||
            !std::isalnum(static_cast<unsigned char>(head[marker.size()])));
  };
  return word("TODO") || word("TBD") || word("FIXME") || word("XXX") ||
         reason.find_first_not_of(".?!- ") == std::string_view::npos;
}

void apply_waivers(const Model& model, const RuleCatalog& catalog, std::int64_t today,
                   Diagnostics& diagnostics) {
  const KindId waiver_kind = model.schema.find_top_level("waiver");
  if (waiver_kind == kNoKind) return;
  std::vector<ActiveWaiver> active;
  Diagnostics found;
  constexpr std::int64_t kMinutesPerDay = 24 * 60;
  const std::optional<std::int64_t> max_waiver = limit_minutes(model, "max_waiver");
  for (EntityId id = 0; id < model.entities.size(); ++id) {
    const Entity& waiver = model.entities[id];
    if (waiver.kind != waiver_kind || waiver.from_stdlib || waiver.parent == kNoEntity) continue;
    if (!catalog.find(waiver.name) || waiver.name == "syntax") {
      const Block& block = model.block_of(id);
      report_unresolved(found, {waiver.file, block.label_begin, block.label_end},
                        fmt::format("no rule named `{}` to waive", waiver.name),
                        closest(waiver.name, catalog.ids()));
      continue;
    }
    const Expr* until = model.attr_expr(id, "until");
    const Expr* reason = model.attr_expr(id, "reason");
    if (reason && reason->kind == ExprKind::String && is_placeholder_reason(reason->text)) {
      found
          .report(compiler_rule::kWaiverIncomplete, model.file_of(id).span_of(*reason),
                  fmt::format("waiver of `{}` has a placeholder for its reason; it suppresses "
                              "nothing until a person writes why the finding is accepted",
                              waiver.name))
          .help = "say why, and what happens next: `reason = \"Reassigning after Q4 close\"`";
      continue;
    }
    if (!until || !reason) {
      found
          .report(
              compiler_rule::kWaiverIncomplete, model.header_span(id),
              fmt::format("waiver of `{}` needs {}; it suppresses nothing until then", waiver.name,
                          !until && !reason ? "`until` and `reason`"
                          : !until          ? "an `until` date"
                                            : "a `reason`"))
          .help =
          "write `waiver RULE { until = YYYY-MM-DD  reason = \"why, and what happens next\" }`";
      continue;
    }
    if (until->kind != ExprKind::Date || !until->valid) continue;  // a type error, reported
    if (until->integer < today) {
      found
          .report(compiler_rule::kWaiverExpired, model.file_of(id).span_of(*until),
                  fmt::format("waiver of `{}` expired on {}; the findings it covered are reported "
                              "again",
                              waiver.name, format_date(until->integer)))
          .help = "fix the findings, or extend `until` with a reason that says what changed";
      continue;
    }
    if (max_waiver && (until->integer - today) * kMinutesPerDay > *max_waiver) {
      found
          .report(compiler_rule::kWaiverTooLong, model.file_of(id).span_of(*until),
                  fmt::format("waiver of `{}` runs until {}, more than {} from today", waiver.name,
                              format_date(until->integer), format_duration(*max_waiver)))
          .help =
          "waive for a shorter time and review it then, or raise `settings { limits { "
          "max_waiver = ... } }`";
    }
    const Block& parent = model.block_of(waiver.parent);
    active.push_back({waiver.name, {waiver.file, parent.begin, parent.end}, id});
  }
  auto& items = diagnostics.items();
  std::erase_if(items, [&](const Diagnostic& d) {
    bool covered = false;
    for (ActiveWaiver& waiver : active) {
      if (!covers(waiver, d)) continue;
      waiver.used = true;  // every waiver that covers it counts as used, not only the first
      covered = true;
    }
    return covered;
  });
  for (const ActiveWaiver& waiver : active) {
    if (waiver.used) continue;
    found
        .report(compiler_rule::kWaiverUnused, model.header_span(waiver.waiver),
                fmt::format("waiver of `{}` suppresses nothing: `{}` reports no finding in `{}`",
                            waiver.rule, waiver.rule,
                            model.display_name(model.entities[waiver.waiver].parent)))
        .help = "remove the waiver (the finding it was written for is gone)";
  }
  items.insert(items.end(), found.items().begin(), found.items().end());
}

}  // namespace gtm
