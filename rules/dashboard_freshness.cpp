// dashboard-freshness: a dashboard that says how old its numbers may be (`freshness = 1h`) and
// reads a field or a system that a sync fills less often than that (a daily intent sync behind
// an hourly SDR dashboard), only when someone starts it (`schedule = manual`), or on a schedule
// that states no cadence. The sync that writes each source is the one judged: a field through
// the syncs that write it, a system through the syncs into it.
#include <fmt/format.h>

#include <algorithm>
#include <vector>

#include "compiler/syntax/literals.hpp"
#include "rules/analyses.hpp"
#include "rules/data_flow.hpp"
#include "rules/facts.hpp"
#include "rules/rule_table.hpp"

namespace gtm::rules {

namespace {

bool is_sync(const Model& model, EntityId id) {
  return model.kind_of(id).name == "sync";
}

// The syncs that fill a dashboard's source: those writing a field, or those into a system.
std::vector<EntityId> syncs_filling(const Model& model, const DataFlow& flow, EntityId source) {
  std::vector<EntityId> syncs;
  const auto add = [&](EntityId sync) {
    if (std::find(syncs.begin(), syncs.end(), sync) == syncs.end()) syncs.push_back(sync);
  };
  if (const auto it = flow.writers.find(source); it != flow.writers.end()) {
    for (const FieldUse& write : it->second) {
      if (is_sync(model, write.by)) add(write.by);
    }
    return syncs;
  }
  if (model.kind_of(source).name != "system") return syncs;
  for (EntityId id = 0; id < model.entities.size(); ++id) {
    if (!model.entities[id].from_stdlib && is_sync(model, id) &&
        attr_target(model, id, "to") == source)
      add(id);
  }
  return syncs;
}

// Why data through a sync can be older than `freshness` minutes (a clause about the sync), or
// empty when it cannot.
std::string why_stale(const SyncInterval& interval, std::int64_t freshness) {
  switch (interval.kind) {
    case SyncInterval::Kind::Minutes:
      if (interval.minutes <= freshness) return {};
      return fmt::format("which runs {}", interval.written == format_duration(interval.minutes)
                                              ? fmt::format("every {}", interval.written)
                                              : fmt::format("{} (every {})", interval.written,
                                                            format_duration(interval.minutes)));
    case SyncInterval::Kind::Rejected:
      return {};  // reported where it is written; a second finding would add nothing
    case SyncInterval::Kind::Manual:
      return "which runs only when someone starts it";
    case SyncInterval::Kind::Unstated:
      return interval.written.empty()
                 ? "which states no schedule"
                 : fmt::format("whose schedule {} states no cadence to compare", interval.written);
  }
  return {};
}

void check_dashboard(const Model& model, const DataFlow& flow, EntityId dashboard,
                     Diagnostics& diagnostics) {
  const Expr* freshness = model.attr_expr(dashboard, "freshness");
  if (!freshness || freshness->kind != ExprKind::Duration || !freshness->valid) return;
  const File& file = model.file_of(dashboard);
  for (ExprId item : items_of(model, dashboard, "sources")) {
    const EntityId source = model.target(file.id, item);
    if (source == kNoEntity) continue;
    for (EntityId sync : syncs_filling(model, flow, source)) {
      const SyncInterval interval = sync_interval(model, sync);
      const std::string why = why_stale(interval, freshness->integer);
      if (why.empty()) continue;
      Diagnostic& d = diagnostics.report(
          kDashboardFreshness, file.span_of(file.exprs[item]),
          fmt::format("dashboard `{}` must be at most {} old, but `{}` comes through sync `{}`, {}",
                      model.display_name(dashboard), freshness->text, model.display_name(source),
                      model.display_name(sync), why));
      const Attribute* schedule = model.attr(sync, "schedule");
      d.notes.push_back(
          {schedule ? model.file_of(sync).span_of(model.file_of(sync).exprs[schedule->value])
                    : model.header_span(sync),
           schedule ? "the sync's schedule" : "the sync"});
      d.help = interval.kind == SyncInterval::Kind::Unstated
                   ? "state how often the sync runs (`schedule = 15m`, `hourly`, `daily`, ...)"
                   : fmt::format(
                         "run the sync at least every {}, or relax the dashboard's "
                         "`freshness`",
                         freshness->text);
    }
  }
}

}  // namespace

void run_dashboard_freshness(const AnalysisContext& context, Diagnostics& diagnostics) {
  const Model& model = context.model;
  const KindId dashboard = model.schema.find_top_level("dashboard");
  if (dashboard == kNoKind) return;
  std::vector<EntityId> dashboards;  // those that say how fresh they must be
  for (EntityId id = 0; id < model.entities.size(); ++id) {
    const Entity& entity = model.entities[id];
    if (entity.kind == dashboard && !entity.from_stdlib && !entity.has_error &&
        model.attr(id, "freshness")) {
      dashboards.push_back(id);
    }
  }
  if (dashboards.empty()) return;  // the data-flow index is not built for nothing
  const DataFlow flow = build_data_flow(model);
  for (EntityId id : dashboards) check_dashboard(model, flow, id, diagnostics);
}

}  // namespace gtm::rules
