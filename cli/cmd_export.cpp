// `gtmlint export [--output FILE]`: the resolved model as JSON (docs/export-format.md): every
// entity with its attributes (references resolved to kind and name), nested blocks, and derived
// facts — team members and each field's writers and readers.
#include <fmt/format.h>

#include <algorithm>
#include <map>
#include <nlohmann/json.hpp>

#include "cli/atomic_write.hpp"
#include "cli/commands.hpp"
#include "cli/load.hpp"
#include "cli/options.hpp"
#include "compiler/base/json_text.hpp"
#include "rules/data_flow.hpp"
#include "rules/registry.hpp"

namespace gtm::cli {

namespace {

using Json = nlohmann::ordered_json;

class Exporter {
 public:
  explicit Exporter(const Compilation& compilation)
      : model_(compilation.model), paths_(repository_paths(compilation)) {}

  Json document() const {
    Json entities = Json::array();
    for (EntityId id = 0; id < model_.entities.size(); ++id) {
      const Entity& entity = model_.entities[id];
      if (!entity.from_stdlib && entity.parent == kNoEntity &&
          entity.kind != Schema::kUnknownKind) {
        entities.push_back(entity_json(id));
      }
    }
    return Json{{"tool", "gtmlint"},
                {"version", GTM_VERSION},
                {"format", 1},
                {"entities", std::move(entities)},
                {"derived", derived()}};
  }

 private:
  Json reference(EntityId id) const {
    return Json{{"ref", std::string(model_.display_name(id))}, {"kind", model_.kind_of(id).name}};
  }

  Json value(const File& file, ExprId id) const {
    const Expr& e = file.exprs[id];
    const std::string_view written = file.source->text().substr(e.begin, e.end - e.begin);
    // A literal check rejected (`10/01/2026`, `2026-13-45`) is no date: say so, as written.
    if (!e.valid) return Json{{"invalid", std::string(written)}};
    switch (e.kind) {
      case ExprKind::String:
        return std::string(e.text);
      case ExprKind::Number:
        return e.number;
      case ExprKind::Bool:
        return e.boolean;
      case ExprKind::None:
        return nullptr;
      case ExprKind::Date:
        return Json{{"date", std::string(e.text)}};
      case ExprKind::Duration:
        return Json{{"duration", std::string(e.text)}, {"minutes", e.integer}};
      case ExprKind::Reference: {
        const EntityId target = model_.target(file.id, id);
        return target == kNoEntity ? Json(std::string(e.text)) : reference(target);
      }
      case ExprKind::List: {
        Json items = Json::array();
        for (ExprId child : file.children(e)) items.push_back(value(file, child));
        return items;
      }
      case ExprKind::Call: {
        Json args = Json::array();
        for (ExprId child : file.children(e)) args.push_back(value(file, child));
        return Json{{"call", std::string(e.text)}, {"args", std::move(args)}};
      }
      case ExprKind::Mapping: {
        Json mapping{{"from", value(file, file.children(e)[0])},
                     {"to", value(file, file.children(e)[1])}};
        if (e.boolean) mapping["both_ways"] = true;
        return mapping;
      }
      default:
        return Json{{"condition", std::string(written)}};
    }
  }

  Json entity_json(EntityId id) const {
    const Entity& entity = model_.entities[id];
    const File& file = model_.file_of(id);
    const LineColumn at = file.source->line_column(model_.block_of(id).begin);
    Json out{{"kind", model_.kind_of(id).name}};
    if (!entity.name.empty()) out["name"] = std::string(entity.name);
    out["file"] = paths_[entity.file];
    out["line"] = at.line;
    Json attributes = Json::object();
    for (const AttrSlot& slot : model_.slots_of(id)) {
      const Attribute& a = file.attributes[slot.attribute];
      attributes[std::string(a.name)] = value(file, a.value);
    }
    out["attributes"] = std::move(attributes);
    Json children = Json::array();
    for (EntityId child : model_.children_of(id)) children.push_back(entity_json(child));
    if (!children.empty()) out["blocks"] = std::move(children);
    return out;
  }

  Json uses(const std::unordered_map<EntityId, std::vector<rules::FieldUse>>& map) const {
    std::map<std::string, std::vector<std::string>> by_field;
    for (const auto& [field, list] : map) {
      auto& names = by_field[std::string(model_.display_name(field))];
      for (const rules::FieldUse& use : list) {
        const std::string name = rules::describe_entity(model_, use.by);
        if (std::find(names.begin(), names.end(), name) == names.end()) names.push_back(name);
      }
    }
    Json out = Json::object();
    for (auto& [field, names] : by_field) out[field] = names;
    return out;
  }

  Json derived() const {
    std::map<std::string, std::vector<std::string>> members;
    for (EntityId id = 0; id < model_.entities.size(); ++id) {
      if (model_.entities[id].from_stdlib || model_.kind_of(id).name != "person") continue;
      const Attribute* team = model_.attr(id, "team");
      if (!team) continue;
      const EntityId t = model_.target(model_.entities[id].file, team->value);
      if (t != kNoEntity)
        members[std::string(model_.display_name(t))].emplace_back(model_.display_name(id));
    }
    Json team_members = Json::object();
    for (auto& [team, people] : members) team_members[team] = people;
    const rules::DataFlow flow = rules::build_data_flow(model_);
    return Json{{"team_members", std::move(team_members)},
                {"field_writers", uses(flow.writers)},
                {"field_readers", uses(flow.readers)}};
  }

  const Model& model_;
  std::vector<std::string> paths_;
};

}  // namespace

int run_export(const std::vector<std::string>& args, Io& io) {
  std::optional<std::string> output;
  WorkspaceOptions workspace;
  ArgReader reader(args);
  while (!reader.done()) {
    if (auto file = reader.value("--output"))
      output = *file;
    else if (!read_workspace_option(reader, workspace)) {
      io.err << fmt::format("gtmlint: unexpected `{}`; see `gtmlint help export`\n",
                            reader.done() ? reader.missing_value() : reader.peek());
      return kExitFailure;
    }
  }
  Compilation compilation;
  std::vector<bool> reported;
  if (!load_workspace({}, workspace, compilation, reported, io)) return kExitFailure;
  analyse(compilation, rules::compile_options(0));
  const std::string text = json_text(Exporter(compilation).document(), 2) + "\n";
  if (!output) {
    io.out << text;
    return kExitClean;
  }
  std::string error;
  if (!write_file_atomically(*output, text, &error)) {
    io.err << fmt::format("gtmlint: cannot write `{}`: {}\n", *output, error);
    return kExitFailure;
  }
  return kExitClean;
}

}  // namespace gtm::cli
