// `gtmlint route --object salesforce.lead country=CA employees=40`: which routing rule takes a
// given lead, who is assigned, and why each earlier rule did not match.
#include <fmt/format.h>

#include <algorithm>
#include <charconv>
#include <map>

#include "cli/commands.hpp"
#include "cli/load.hpp"
#include "cli/options.hpp"
#include "compiler/evaluation/value.hpp"
#include "compiler/semantics/conditions.hpp"
#include "compiler/semantics/resolve.hpp"
#include "compiler/semantics/suggest.hpp"
#include "compiler/syntax/literals.hpp"
#include "rules/facts.hpp"
#include "rules/lead_evaluator.hpp"
#include "rules/registry.hpp"

namespace gtm::cli {

namespace {

using rules::Lead;
using rules::shown_value;

using rules::is_number;

struct RouteOptions {
  std::string object;
  std::string routing;
  WorkspaceOptions workspace;
  bool all = false;  ///< switched-off routings too
  Lead lead;
};

std::optional<RouteOptions> parse_route_options(const std::vector<std::string>& args, Io& io) {
  RouteOptions options;
  ArgReader reader(args);
  while (!reader.done()) {
    if (auto object = reader.value("--object"))
      options.object = *object;
    else if (auto routing = reader.value("--routing"))
      options.routing = *routing;
    else if (read_workspace_option(reader, options.workspace))
      continue;
    else if (reader.flag("--all"))
      options.all = true;
    else if (!reader.missing_value().empty() || reader.peek().starts_with("-") ||
             reader.peek().find('=') == std::string::npos) {
      io.err << fmt::format(
          "gtmlint: unexpected `{}`; usage: gtmlint route --object OBJECT "
          "FIELD=VALUE...\n",
          reader.done() ? reader.missing_value() : reader.peek());
      return std::nullopt;
    } else {
      const std::string pair = reader.next();
      const std::size_t equals = pair.find('=');
      std::string value = pair.substr(equals + 1);
      if (value.size() >= 2 && value.front() == '"' && value.back() == '"')
        value = value.substr(1, value.size() - 2);
      options.lead[pair.substr(0, equals)] = value;
    }
  }
  return options;
}

std::string describe_lead(const Lead& lead) {
  std::vector<std::string> parts;
  for (const auto& [name, value] : lead)
    parts.push_back(fmt::format("{} = {}", name, shown_value(value)));
  return parts.empty() ? "an empty lead" : fmt::format("{}", fmt::join(parts, ", "));
}

std::vector<std::string_view> fields_of(const Model& model, std::string_view object) {
  std::vector<std::string_view> known;
  if (const NameTable* fields = model.names.find("fields")) {
    fields->for_each([&](std::string_view path, EntityId) {
      if (is_field_of(path, object)) known.push_back(path.substr(object.size() + 1));
    });
  }
  std::sort(known.begin(), known.end());  // the table's order is arbitrary
  return known;
}

// Why `value` cannot be a value of `field` (its type, its picklist), or nothing.
std::optional<std::string> value_problem(const Model& model, EntityId field, std::string_view name,
                                         const std::string& value, const rules::TextMatch& text) {
  const FieldValues values = field_values(model, field);
  if (value.empty()) return std::nullopt;  // `employees=`: the field is empty, as an example says
  switch (values.kind) {
    case FieldValueKind::Number:
      if (is_number(value)) return std::nullopt;
      return fmt::format("`{}` is a number field; `{}` is not a number (e.g. {}=40)", name, value,
                         name);
    case FieldValueKind::Date:
      if (parse_date(value)) return std::nullopt;
      return fmt::format("`{}` is a date field; write the date as YYYY-MM-DD, not `{}`", name,
                         value);
    case FieldValueKind::Bool:
      if (value == "true" || value == "false") return std::nullopt;
      return fmt::format("`{}` is a true/false field; `{}` is neither", name, value);
    case FieldValueKind::Picklist: {
      const auto& picklist = values.picklist;
      const auto known = [&](std::string_view one) {
        return std::any_of(picklist.begin(), picklist.end(),
                           [&](std::string_view v) { return text.equals(v, one); });
      };
      if (known(value)) return std::nullopt;
      if (values.multi) {  // `A;B`: each part one of the values
        for (std::string_view item : rules::multi_select_items(value)) {
          if (!known(item)) return value_problem(model, field, name, std::string(item), text);
        }
        return std::nullopt;
      }
      std::string problem = fmt::format("`{}` is not a value of `{}`", value, name);
      if (const auto best = closest_or_expansion(value, picklist))
        return problem + fmt::format("; did you mean `{}`?", *best);
      if (picklist.size() <= 12)
        return problem + fmt::format(" (its values: {})", fmt::join(picklist, ", "));
      return problem + fmt::format(" ({} values; `gtmlint export` lists them)", picklist.size());
    }
    default:
      return std::nullopt;
  }
}

// Every field named on the command line must be a field of the object, and every value one the
// field can hold: a lead no form could create is a question with no answer.
bool check_lead(const Model& model, std::string_view object, const Lead& lead,
                const rules::TextMatch& text, Io& io) {
  const std::vector<std::string_view> known = fields_of(model, object);
  for (const auto& [name, value] : lead) {
    if (std::find(known.begin(), known.end(), name) == known.end()) {
      const auto best = closest(name, known);
      io.err << fmt::format("gtmlint: `{}` has no field `{}`{}\n", object, name,
                            best ? fmt::format("; did you mean `{}`?", *best) : "");
      return false;
    }
    const EntityId field = model.find("fields", fmt::format("{}.{}", object, name));
    if (const auto problem = value_problem(model, field, name, value, text)) {
      io.err << "gtmlint: " << *problem << "\n";
      return false;
    }
  }
  return true;
}

// A person as `route` shows them: with the day they left, if they have.
std::string who(const Model& model, const Value& value, std::int64_t today) {
  std::string name = format_value(model, value);
  if (value.kind != Value::Kind::Entity) return name;
  if (const Expr* left = rules::departure(model, value.entity, today))
    name += fmt::format(" (left on {})", format_date(left->integer));
  return name;
}

// A queue's members, departures marked: `triage (queue: ana, marcus (left on 2026-09-30))`.
std::string with_queue_members(const Model& model, const Value& value, std::int64_t today) {
  std::string text = who(model, value, today);
  if (value.kind != Value::Kind::Entity || model.kind_of(value.entity).name != "queue") return text;
  const Attribute* members = model.attr(value.entity, "members");
  if (!members) return text;
  const Value list = value_of_expr(model, model.file_of(value.entity), members->value);
  std::vector<std::string> names;
  for (const Value& member : list.items) names.push_back(who(model, member, today));
  if (names.empty()) return text;
  return fmt::format("{} (queue: {})", text, fmt::join(names, ", "));
}

std::string assignee_text(const Model& model, const File& file, ExprId assign, std::int64_t today) {
  const Value value = value_of_expr(model, file, assign);
  if (value.kind != Value::Kind::Call) return with_queue_members(model, value, today);
  std::vector<std::string> members;
  for (const Value& member : value.items)
    members.push_back(with_queue_members(model, member, today));
  return fmt::format("{}: one of {}", format_value(model, value), fmt::join(members, ", "));
}

std::string assignment(const Model& model, const File& file, const Attribute* assign,
                       std::int64_t today) {
  if (!assign) return "nobody";
  const Expr& value = file.exprs[assign->value];
  if (value.kind == ExprKind::Reference && value.text == rules::kKeepOwner)
    return std::string(rules::kKeepOwner);
  return assignee_text(model, file, assign->value, today);
}

// What the routing does with a rule that took the lead.
std::string taken_text(std::string_view would, const std::string& assignee) {
  if (assignee == rules::kKeepOwner)
    return fmt::format("the lead {}keeps its owner (`keep_owner`)", would);
  return fmt::format("{}assigned to {}", would, assignee);
}

void route_one(const Model& model, EntityId routing, const Lead& lead, std::int64_t today, Io& io) {
  const File& file = model.file_of(routing);
  const LineColumn at = file.source->line_column(model.block_of(routing).begin);
  const bool live = rules::is_active(model, routing);
  io.out << fmt::format(
      "routing `{}` ({}:{}{}) for {}:\n", model.display_name(routing), file.source->path(), at.line,
      live ? "" : ", switched off: `active = false`, so not live", describe_lead(lead));
  const std::string_view would = live ? "" : "would be ";
  const std::string object(model.attr_expr(routing, "object")->text);
  const rules::LeadEvaluator evaluator(model, object, lead,
                                       rules::text_case_of(model, routing, object));
  std::vector<std::string> undecided;  // rules before the match that gtmlint cannot evaluate
  const auto unless = [&] {
    return undecided.empty() ? std::string()
                             : fmt::format(", unless {} matches first (not evaluated)",
                                           fmt::join(undecided, " or "));
  };
  std::size_t number = 0;
  for (EntityId rule : model.children_of(routing)) {
    if (model.kind_of(rule).name != "rule") continue;
    ++number;
    const Attribute* when = model.attr(rule, "when");
    if (!when) continue;
    const File& rule_file = model.file_of(rule);
    const rules::Truth verdict = evaluator.evaluate(rule_file, when->value);
    if (verdict == rules::Truth::True) {
      io.out << fmt::format("  {}. {}: matches\n", number, model.display_name(rule));
      io.out << taken_text(would, assignment(model, rule_file, model.attr(rule, "assign"), today))
             << unless() << "\n";
      return;
    }
    const auto reasons = evaluator.reasons(rule_file, when->value);
    const bool cannot_tell = verdict == rules::Truth::Unknown;
    if (cannot_tell)
      undecided.push_back(fmt::format("rule {} (`{}`)", number, model.display_name(rule)));
    io.out << fmt::format("  {}. {}: {}, {}\n", number, model.display_name(rule),
                          cannot_tell ? "cannot tell" : "no", fmt::join(reasons, "; "));
  }
  const Attribute* fallback = model.attr(routing, "fallback");
  if (fallback) {
    io.out << fmt::format("no rule matches; the fallback {} it to {}{}\n",
                          live ? "assigns" : "would assign",
                          assignee_text(model, file, fallback->value, today), unless());
  } else {
    io.out << fmt::format("no rule matches and there is no fallback: the lead {}not assigned{}\n",
                          live ? "is " : "would be ", unless());
  }
}

struct Shown {
  std::vector<EntityId> routings;
  std::vector<EntityId> left_out;  ///< switched off, not shown
};

// The live routings, and the switched-off ones with `--all` or by name (or when nothing else is
// there); a switched-off routing left out is named, so that nobody wonders where it went.
Shown routings_to_show(const Model& model, const std::vector<EntityId>& routings,
                       const RouteOptions& options) {
  Shown shown;
  for (EntityId routing : routings)
    (rules::is_active(model, routing) ? shown.routings : shown.left_out).push_back(routing);
  if (options.all || !options.routing.empty() || shown.routings.empty()) return {routings, {}};
  return shown;
}

}  // namespace

int run_route(const std::vector<std::string>& args, Io& io) {
  const auto options = parse_route_options(args, io);
  if (!options) return kExitFailure;
  Compilation compilation;
  const auto today = check_current_workspace(options->workspace, compilation, io);
  if (!today) return kExitFailure;
  const Model& model = compilation.model;
  std::vector<EntityId> routings;
  std::vector<std::string_view> objects, names;  // for a did-you-mean
  for (EntityId id = 0; id < model.entities.size(); ++id) {
    if (model.entities[id].from_stdlib || model.kind_of(id).name != "routing") continue;
    const Expr* object = model.attr_expr(id, "object");
    if (!object) continue;
    objects.push_back(object->text);
    names.push_back(model.display_name(id));
    if (!options->object.empty() && object->text != options->object) continue;
    if (!options->routing.empty() && model.display_name(id) != options->routing) continue;
    routings.push_back(id);
  }
  if (routings.empty()) {
    const auto object_hint =
        options->object.empty() ? std::nullopt : closest(options->object, objects);
    const auto name_hint =
        options->routing.empty() ? std::nullopt : closest(options->routing, names);
    const auto hint = object_hint ? object_hint : name_hint;
    io.err << fmt::format(
        "gtmlint: no routing{}{}{}\n",
        options->object.empty() ? "" : fmt::format(" of `{}`", options->object),
        options->routing.empty() ? "" : fmt::format(" named `{}`", options->routing),
        hint ? fmt::format("; did you mean `{}`?", *hint) : "");
    return kExitFailure;
  }
  const Shown shown = routings_to_show(model, routings, *options);
  for (EntityId routing : shown.routings) {
    const std::string object(model.attr_expr(routing, "object")->text);
    const rules::TextMatch text(rules::text_case_of(model, routing, object));
    if (!check_lead(model, object, options->lead, text, io)) return kExitFailure;
  }
  for (EntityId routing : shown.routings) route_one(model, routing, options->lead, *today, io);
  for (EntityId routing : shown.left_out) {
    io.out << fmt::format("routing `{}` is switched off (`active = false`); --all shows it\n",
                          model.display_name(routing));
  }
  return kExitClean;
}

}  // namespace gtm::cli
