// `gtmlint route --object salesforce.lead country=CA employees=40`: which routing rule takes a
// given lead, who is assigned, and why each earlier rule did not match.
#include <fmt/format.h>

#include <algorithm>
#include <charconv>
#include <map>

#include "cli/commands.hpp"
#include "cli/load.hpp"
#include "cli/options.hpp"
#include "compiler/conditions.hpp"
#include "compiler/literals.hpp"
#include "compiler/resolve.hpp"
#include "compiler/suggest.hpp"
#include "compiler/value.hpp"
#include "rules/facts.hpp"
#include "rules/registry.hpp"

namespace gtm::cli {

namespace {

// A lead: field name -> value as given on the command line.
using Lead = std::map<std::string, std::string, std::less<>>;

bool is_number(std::string_view text) {
  double number = 0;
  const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), number);
  return error == std::errc() && end == text.data() + text.size();
}

// Numbers, dates and booleans as given; text in quotes.
std::string shown(const std::string& value) {
  if (is_number(value) || parse_date(value) || value == "true" || value == "false") return value;
  return fmt::format("\"{}\"", value);
}

class LeadEvaluator {
 public:
  LeadEvaluator(const Model& model, const Lead& lead) : model_(model), lead_(lead) {}

  bool matches(const File& file, ExprId id) { return eval(file, id); }

  // The comparisons that made a condition false, with the lead's values.
  std::vector<std::string> reasons(const File& file, ExprId id) {
    std::vector<std::string> out;
    collect_reasons(file, id, out);
    return out;
  }

 private:
  std::string field_name(const File& file, ExprId ref) const {
    const EntityId field = model_.target(file.id, ref);
    const std::string_view path =
        field == kNoEntity ? file.exprs[ref].text : model_.entities[field].name;
    return std::string(path.substr(path.rfind('.') + 1));
  }

  const std::string* value_of(const File& file, ExprId ref) const {
    const auto it = lead_.find(field_name(file, ref));
    return it == lead_.end() ? nullptr : &it->second;
  }

  // -1, 0, 1 comparing the lead's value with a literal; nullopt if they cannot be compared.
  std::optional<int> order(const std::string& given, const Expr& literal) const {
    double a = 0, b = 0;
    if (literal.kind == ExprKind::Number) {
      const auto [end, error] = std::from_chars(given.data(), given.data() + given.size(), a);
      if (error != std::errc() || end != given.data() + given.size()) return std::nullopt;
      b = literal.number;
    } else if (literal.kind == ExprKind::Date) {
      const auto days = parse_date(given);
      if (!days) return std::nullopt;
      a = static_cast<double>(*days);
      b = static_cast<double>(literal.integer);
    } else if (literal.kind == ExprKind::Bool) {
      if (given != "true" && given != "false") return std::nullopt;
      return (given == "true") == literal.boolean ? 0 : 1;
    } else if (literal.kind == ExprKind::String) {
      return given == literal.text ? 0 : (given < literal.text ? -1 : 1);
    } else {
      return std::nullopt;
    }
    return a < b ? -1 : (a > b ? 1 : 0);
  }

  bool compare(const File& file, const Expr& e) const {
    const auto sides = file.children(e);
    const std::string* given = value_of(file, sides[0]);
    const Expr& rhs = file.exprs[sides[1]];
    const auto equals = [&](const Expr& literal) {
      if (literal.kind == ExprKind::None) return given == nullptr;
      return given && order(*given, literal) == 0;
    };
    switch (e.op) {
      case CompareOp::Eq:
        return equals(rhs);
      case CompareOp::Ne:
        return !equals(rhs);
      case CompareOp::In:
      case CompareOp::NotIn: {
        bool found = false;
        for (ExprId item : file.children(rhs)) found = found || equals(file.exprs[item]);
        return found == (e.op == CompareOp::In);
      }
      default:
        break;
    }
    if (!given) return false;  // an empty field is neither smaller nor larger
    const auto o = order(*given, rhs);
    if (!o) return false;
    return e.op == CompareOp::Lt   ? *o < 0
           : e.op == CompareOp::Le ? *o <= 0
           : e.op == CompareOp::Gt ? *o > 0
                                   : *o >= 0;
  }

  bool eval(const File& file, ExprId id) const {
    const Expr& e = file.exprs[id];
    const auto children = file.children(e);
    switch (e.kind) {
      case ExprKind::Bool:
        return e.boolean;
      case ExprKind::Paren:
        return eval(file, children[0]);
      case ExprKind::Not:
        return !eval(file, children[0]);
      case ExprKind::And:
        return eval(file, children[0]) && eval(file, children[1]);
      case ExprKind::Or:
        return eval(file, children[0]) || eval(file, children[1]);
      case ExprKind::Reference: {
        const std::string* given = value_of(file, id);
        return given && *given == "true";
      }
      case ExprKind::Compare:
        return compare(file, e);
      case ExprKind::Call:
        return text_test(file, e);
      default:
        return false;
    }
  }

  // starts_with, contains and includes (a multi-select value holds `A;B`); a formula is not
  // evaluated, so it never matches.
  bool text_test(const File& file, const Expr& e) const {
    const auto args = file.children(e);
    if (args.size() != 2) return false;
    const std::string* given = value_of(file, args[0]);
    const std::string_view wanted = file.exprs[args[1]].text;
    if (!given) return false;
    if (e.text == "starts_with") return std::string_view(*given).starts_with(wanted);
    if (e.text == "contains") return given->find(wanted) != std::string::npos;
    if (e.text != "includes") return false;
    std::string_view rest = *given;
    while (true) {
      const std::size_t end = std::min(rest.find(';'), rest.size());
      if (rest.substr(0, end) == wanted) return true;
      if (end == rest.size()) return false;
      rest.remove_prefix(end + 1);
    }
  }

  void collect_reasons(const File& file, ExprId id, std::vector<std::string>& out) const {
    const Expr& e = file.exprs[id];
    if (e.kind == ExprKind::And || e.kind == ExprKind::Or || e.kind == ExprKind::Paren) {
      for (ExprId child : file.children(e)) {
        if (!eval(file, child)) collect_reasons(file, child, out);
      }
      return;
    }
    const std::string written(file.source->text().substr(e.begin, e.end - e.begin));
    if (e.kind == ExprKind::Compare || e.kind == ExprKind::Reference) {
      const ExprId ref = e.kind == ExprKind::Compare ? file.children(e)[0] : id;
      const std::string* given = value_of(file, ref);
      const std::string name = field_name(file, ref);
      out.push_back(
          fmt::format("`{}` is false ({})", written,
                      given ? fmt::format("{} = {}", name, shown(*given)) : name + " is empty"));
    } else if (e.kind == ExprKind::Call && e.text == "formula") {
      out.push_back(fmt::format("`{}` is a formula gtmlint does not evaluate", written));
    } else {
      out.push_back(fmt::format("`{}` is false", written));
    }
  }

  const Model& model_;
  const Lead& lead_;
};

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
    parts.push_back(fmt::format("{} = {}", name, shown(value)));
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
                                         const std::string& value) {
  const FieldValues values = field_values(model, field);
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
      if (std::find(picklist.begin(), picklist.end(), value) != picklist.end()) return std::nullopt;
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
bool check_lead(const Model& model, std::string_view object, const Lead& lead, Io& io) {
  const std::vector<std::string_view> known = fields_of(model, object);
  for (const auto& [name, value] : lead) {
    if (std::find(known.begin(), known.end(), name) == known.end()) {
      const auto best = closest(name, known);
      io.err << fmt::format("gtmlint: `{}` has no field `{}`{}\n", object, name,
                            best ? fmt::format("; did you mean `{}`?", *best) : "");
      return false;
    }
    const EntityId field = model.find("fields", fmt::format("{}.{}", object, name));
    if (const auto problem = value_problem(model, field, name, value)) {
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

void route_one(const Model& model, EntityId routing, const Lead& lead, std::int64_t today, Io& io) {
  const File& file = model.file_of(routing);
  const LineColumn at = file.source->line_column(model.block_of(routing).begin);
  const bool live = rules::is_active(model, routing);
  io.out << fmt::format(
      "routing `{}` ({}:{}{}) for {}:\n", model.display_name(routing), file.source->path(), at.line,
      live ? "" : ", switched off: `active = false`, so not live", describe_lead(lead));
  const std::string_view would = live ? "" : "would be ";
  LeadEvaluator evaluator(model, lead);
  std::size_t number = 0;
  for (EntityId rule : model.children_of(routing)) {
    if (model.kind_of(rule).name != "rule") continue;
    ++number;
    const Attribute* when = model.attr(rule, "when");
    if (!when) continue;
    const File& rule_file = model.file_of(rule);
    if (evaluator.matches(rule_file, when->value)) {
      io.out << fmt::format("  {}. {}: matches\n", number, model.display_name(rule));
      const Attribute* assign = model.attr(rule, "assign");
      io.out << fmt::format(
          "{}assigned to {}\n", would,
          assign ? assignee_text(model, rule_file, assign->value, today) : "nobody");
      return;
    }
    const auto reasons = evaluator.reasons(rule_file, when->value);
    io.out << fmt::format("  {}. {}: no, {}\n", number, model.display_name(rule),
                          fmt::join(reasons, "; "));
  }
  const Attribute* fallback = model.attr(routing, "fallback");
  if (fallback) {
    io.out << fmt::format("no rule matches; the fallback {} it to {}\n",
                          live ? "assigns" : "would assign",
                          assignee_text(model, file, fallback->value, today));
  } else {
    io.out << fmt::format("no rule matches and there is no fallback: the lead {}not assigned\n",
                          live ? "is " : "would be ");
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
    if (!check_lead(model, object, options->lead, io)) return kExitFailure;
  }
  for (EntityId routing : shown.routings) route_one(model, routing, options->lead, *today, io);
  for (EntityId routing : shown.left_out) {
    io.out << fmt::format("routing `{}` is switched off (`active = false`); --all shows it\n",
                          model.display_name(routing));
  }
  return kExitClean;
}

}  // namespace gtm::cli
