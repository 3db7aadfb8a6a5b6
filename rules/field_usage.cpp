// sync-write-conflict, field-dead, field-ghost, field-deprecated-in-use: what the data-flow
// index says about each field.
#include <fmt/format.h>

#include <algorithm>

#include "rules/analyses.hpp"
#include "rules/data_flow.hpp"
#include "rules/facts.hpp"
#include "rules/rule_table.hpp"

namespace gtm::rules {

namespace {

std::vector<EntityId> distinct_users(const std::vector<FieldUse>& uses) {
  std::vector<EntityId> users;
  for (const FieldUse& use : uses) {
    if (std::find(users.begin(), users.end(), use.by) == users.end()) users.push_back(use.by);
  }
  return users;
}

const std::vector<FieldUse>* uses_of(const std::unordered_map<EntityId, std::vector<FieldUse>>& map,
                                     EntityId field) {
  const auto it = map.find(field);
  return it == map.end() ? nullptr : &it->second;
}

bool is_deprecated(const Model& model, EntityId field) {
  const Expr* deprecated = model.attr_expr(field, "deprecated");
  return deprecated && deprecated->kind == ExprKind::Bool && deprecated->boolean;
}

// A form that only creates records (`mode = create`) sets a first value and never overwrites one.
bool creates_only(const Model& model, EntityId writer) {
  const Expr* mode = model.attr_expr(writer, "mode");
  return mode && mode->kind == ExprKind::Reference && mode->text == "create";
}

std::string_view reference_text(const Expr* e) {
  return e && e->kind == ExprKind::Reference ? e->text : std::string_view();
}

// The system a writer's values of `field` come from: where an automation or form runs; for a
// sync, the system at the other end of the copy (a two-way sync writes its `from` system's field
// with the `to` system's value).
std::string_view system_of(const Model& model, EntityId writer, EntityId field) {
  if (!model.attr(writer, "from")) return reference_text(model.attr_expr(writer, "system"));
  const std::string_view from = reference_text(model.attr_expr(writer, "from"));
  const std::string_view to = reference_text(model.attr_expr(writer, "to"));
  const std::string_view path = model.entities[field].name;
  const bool into_from = !from.empty() && path.starts_with(from) && path.size() > from.size() &&
                         path[from.size()] == '.';
  return into_from ? to : from;
}

void write_conflict(const Model& model, EntityId field, const std::vector<FieldUse>& all_writes,
                    Diagnostics& diagnostics) {
  std::vector<FieldUse> writes;
  for (const FieldUse& write : all_writes) {
    if (!creates_only(model, write.by)) writes.push_back(write);
  }
  const std::vector<EntityId> writers = distinct_users(writes);
  if (writers.size() < 2 || model.attr(field, "source_of_truth")) return;
  std::vector<std::string> names;
  for (EntityId writer : writers) names.push_back(describe_entity(model, writer));
  Diagnostic& d = diagnostics.report(
      kSyncWriteConflict, model.header_span(field),
      fmt::format("field `{}` is written by {} writers and has no `source_of_truth`: {}",
                  model.display_name(field), writers.size(), fmt::join(names, ", ")));
  for (const FieldUse& write : writes) {
    d.notes.push_back({write.at, fmt::format("{} writes it", describe_entity(model, write.by))});
  }
  const std::string_view first = system_of(model, writers.front(), field);
  const bool one_system =
      !first.empty() && std::all_of(writers.begin(), writers.end(), [&](EntityId writer) {
        return system_of(model, writer, field) == first;
      });
  d.help = one_system
               ? fmt::format(
                     "every writer runs in `{}`, so `source_of_truth` cannot choose "
                     "between them: keep one writer, or make the others write only "
                     "when the field is empty",
                     first)
               : "declare whose value wins with `source_of_truth = SYSTEM`, or stop all but one "
                 "writer";
}

}  // namespace

void run_field_usage(const AnalysisContext& context, Diagnostics& diagnostics) {
  const Model& model = context.model;
  const DataFlow flow = build_data_flow(model);
  for (EntityId field = 0; field < model.entities.size(); ++field) {
    const Entity& entity = model.entities[field];
    if (entity.from_stdlib || entity.kind == Schema::kUnknownKind ||
        model.kind_of(field).name_space != "fields") {
      continue;
    }
    const auto* writes = uses_of(flow.writers, field);
    const auto* reads = uses_of(flow.readers, field);
    if (writes) write_conflict(model, field, *writes, diagnostics);
    if (writes && !reads && !is_deprecated(model, field)) {
      diagnostics
          .report(
              kFieldDead, model.header_span(field),
              fmt::format("field `{}` is written by {} but nothing reads it",
                          model.display_name(field), describe_entity(model, writes->front().by)))
          .help = "if nothing needs it, stop writing it and deprecate it";
    }
    if (reads && !writes) {
      diagnostics
          .report(kFieldGhost, model.header_span(field),
                  fmt::format("field `{}` is read by {} but nothing writes it",
                              model.display_name(field), describe_entity(model, reads->front().by)))
          .help = "model what fills it (a sync, a form, an automation), or stop reading it";
    }
    if (!is_deprecated(model, field)) continue;
    for (const auto* uses : {writes, reads}) {
      if (!uses) continue;
      for (const FieldUse& use : *uses) {
        if (!in_use(model, use.by)) continue;  // switched off: reads and writes nothing
        Diagnostic& d = diagnostics.report(
            kFieldDeprecatedInUse, use.at,
            fmt::format("{} uses field `{}`, which is deprecated", describe_entity(model, use.by),
                        model.display_name(field)));
        d.notes.push_back({model.header_span(field), "deprecated here"});
        d.help = "use its replacement, or remove the reference";
      }
    }
  }
}

}  // namespace gtm::rules
