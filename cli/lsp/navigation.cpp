// hover, definition, references, rename, document and workspace symbols, formatting.
#include <fmt/format.h>

#include <algorithm>
#include <cctype>
#include <filesystem>

#include "cli/lsp/lookup.hpp"
#include "cli/lsp/session.hpp"
#include "compiler/base/ascii.hpp"
#include "compiler/evaluation/value.hpp"
#include "compiler/format/formatter.hpp"
#include "compiler/semantics/suggest.hpp"
#include "compiler/syntax/parse.hpp"
#include "grammar/words.hpp"
#include "rules/facts.hpp"

namespace gtm::lsp {

namespace {

Target target_of(const Session& session, const PositionParams& params) {
  const auto file = session.file(params.uri);
  if (!file) return {};
  return target_at(session.compilation, *file, offset_of(session.source(*file), params.position));
}

Json markdown(std::string text) {
  return Json{{"kind", "markdown"}, {"value", std::move(text)}};
}

// `fields/salesforce_lead.gtm:12`: the path relative to the workspace root, as the user sees
// it in the editor's explorer (the stdlib keeps its virtual path).
std::string where(const Session& session, EntityId entity) {
  const Model& model = session.compilation.model;
  const SourceFile& file = *model.file_of(entity).source;
  std::string path = file.path();
  const std::string& root = session.compilation.workspace_root;
  if (!root.empty() && session.compilation.is_user_file(model.entities[entity].file)) {
    const std::filesystem::path relative = std::filesystem::path(path).lexically_relative(root);
    if (!relative.empty() && *relative.begin() != "..") path = relative.generic_string();
  }
  return fmt::format("{}:{}", path, file.line_column(model.block_of(entity).begin).line);
}

// A summary of an entity: kind and name, its main attributes, whether the person has left.
std::string entity_summary(const Session& session, EntityId entity) {
  const Model& model = session.compilation.model;
  std::string out =
      fmt::format("**{}** `{}`", model.kind_of(entity).name, model.display_name(entity));
  for (std::string_view attribute :
       {"name", "kind", "type", "team", "role", "owner", "description", "object"}) {
    const Attribute* a = model.attr(entity, attribute);
    if (!a) continue;
    const Value v = value_of_expr(model, model.file_of(entity), a->value);
    const std::string shown = v.kind == Value::Kind::Call || v.kind == Value::Kind::List
                                  ? std::string(model.file_of(entity).source->text().substr(
                                        model.file_of(entity).exprs[a->value].begin,
                                        model.file_of(entity).exprs[a->value].end -
                                            model.file_of(entity).exprs[a->value].begin))
                                  : format_value(model, v);
    out += fmt::format("\n- {}: {}", attribute, shown);
  }
  if (const Expr* left = rules::departure(model, entity, session.today)) {
    out += fmt::format("\n\n**Left on {}**: references to them are reported.", left->text);
  } else if (const Expr* leaves = rules::future_departure(model, entity, session.today)) {
    out += fmt::format("\n\nLeaves on {}.", leaves->text);
  }
  out += fmt::format("\n\nDeclared in {}", where(session, entity));
  return out;
}

std::string attribute_doc(const Session& session, EntityId entity, std::string_view name) {
  const KindSchema& kind = session.compilation.model.kind_of(entity);
  const AttrSchema* attr = kind.find_attr(name);
  if (!attr) return fmt::format("`{}` is not an attribute of `{}`", name, kind.name);
  return fmt::format("**{}** — {}{}\n\n{}", name, describe_type(attr->type),
                     attr->required ? " (required)" : "", attr->doc);
}

// A kind's documentation: what it is, and its attributes (required ones marked) and nested
// blocks, as the schema declares them.
std::string kind_doc(const Model& model, KindId id) {
  const KindSchema& kind = model.schema.kind(id);
  std::string out = fmt::format("**{}**\n\n{}", kind.name,
                                kind.doc.empty() ? "(no `doc` in its schema)" : kind.doc);
  std::vector<std::string> attributes;
  for (const AttrSchema& attr : kind.attrs) {
    attributes.push_back(fmt::format("`{}`{}", attr.name, attr.required ? " (required)" : ""));
  }
  if (!attributes.empty()) out += fmt::format("\n\nAttributes: {}", fmt::join(attributes, ", "));
  const auto nested = model.schema.nested_names(id);
  if (!nested.empty()) out += fmt::format("\n\nBlocks inside: `{}`", fmt::join(nested, "`, `"));
  return out;
}

// Hover on a block's kind keyword; an unknown kind says so, with the closest kind.
std::string block_kind_doc(const Session& session, EntityId entity, std::string_view written) {
  const Model& model = session.compilation.model;
  if (model.entities[entity].kind != Schema::kUnknownKind)
    return kind_doc(model, model.entities[entity].kind);
  const std::vector<std::string> names = model.schema.top_level_names();
  const auto best = closest(written, std::vector<std::string_view>(names.begin(), names.end()));
  return fmt::format("`{}` is not a kind{}", written,
                     best ? fmt::format("; did you mean `{}`?", *best) : "");
}

std::string rule_doc(const Session& session, std::string_view id) {
  const RuleInfo* rule = session.compilation.catalog.find(id);
  if (!rule) return fmt::format("no rule named `{}`", id);
  return fmt::format("**{}** ({}, {} by default)\n\n{}\n\n{}", rule->id, rule->category,
                     severity_name(rule->severity), rule->summary, rule->explain);
}

bool is_field(const Model& model, EntityId entity) {
  return model.entities[entity].kind != Schema::kUnknownKind &&
         model.kind_of(entity).name_space == "fields";
}

bool renameable(const Session& session, EntityId entity) {
  const Model& model = session.compilation.model;
  if (entity == kNoEntity || model.entities[entity].from_stdlib ||
      model.entities[entity].parent != kNoEntity ||
      model.entities[entity].kind == Schema::kUnknownKind) {
    return false;
  }
  if (is_field(model, entity)) return true;  // `salesforce.lead.country`: its last part
  const KindSchema& kind = model.kind_of(entity);
  return kind.label == LabelRule::Name && kind.name_space == "entities" &&
         model.entities[entity].name.find('.') == std::string_view::npos &&
         model.block_of(entity).label_kind == LabelKind::Path;
}

// A field keeps its system and object: the new name is its last part (`region`), or the whole
// path with the same system and object. Returns the new full path.
std::string new_field_path(const Session& session, EntityId field, const std::string& name) {
  const std::string_view path = session.compilation.model.entities[field].name;
  const std::string_view object = path.substr(0, path.rfind('.'));
  std::string last = name;
  if (name.find('.') != std::string::npos) {
    if (name.substr(0, name.rfind('.')) != object) {
      throw RequestFailed{
          fmt::format("a field keeps its object: `{}` is not in `{}`", name, object)};
    }
    last = name.substr(name.rfind('.') + 1);
  }
  if (!grammar::is_name(last)) throw RequestFailed{fmt::format("`{}` is not a valid name", last)};
  const std::string renamed = fmt::format("{}.{}", object, last);
  const EntityId existing = session.compilation.model.find("fields", renamed);
  if (existing != kNoEntity && existing != field) {
    throw RequestFailed{
        fmt::format("`{}` is already a field ({})", renamed, where(session, existing))};
  }
  return renamed;
}

// What replaces one written name of a renamed field: a full path becomes the new path, a bare
// name in a condition (`country`) the new last part.
std::string renamed_text(std::string_view written, const std::string& new_path) {
  const std::string last = new_path.substr(new_path.rfind('.') + 1);
  return written.find('.') == std::string_view::npos ? last : new_path;
}

void check_new_name(const Session& session, EntityId entity, const std::string& name) {
  if (!grammar::is_name(name)) {
    throw RequestFailed{fmt::format("`{}` is not a valid name", name)};
  }
  const Model& model = session.compilation.model;
  const EntityId existing = model.find("entities", name);
  if (existing != kNoEntity && existing != entity) {
    throw RequestFailed{fmt::format("`{}` is already the name of {} `{}` ({})", name,
                                    model.kind_of(existing).name, name, where(session, existing))};
  }
  // A system that names fields (`salesforce.lead.x`) would need its fields renamed too.
  for (const auto& [object, field] : model.objects) {
    if (object.text.substr(0, object.text.find('.')) == model.entities[entity].name) {
      throw RequestFailed{
          fmt::format("`{}` names fields (such as `{}`); renaming it is not supported",
                      model.entities[entity].name, model.display_name(field))};
    }
  }
}

int symbol_kind(const Model& model, EntityId id) {
  if (model.kind_of(id).name_space == "fields") return 8;  // Field
  if (model.entities[id].parent != kNoEntity) return 6;    // Method: rules, metrics, waivers
  return 5;                                                // Class
}

Json document_symbol(const Session& session, EntityId id) {
  const Model& model = session.compilation.model;
  const SourceFile& file = *model.file_of(id).source;
  const Block& block = model.block_of(id);
  const Span name = block.label_kind == LabelKind::None ? Span{0, block.kind_begin, block.kind_end}
                                                        : declaration_span(model, id);
  Json children = Json::array();
  for (EntityId child : model.children_of(id)) children.push_back(document_symbol(session, child));
  return Json{{"name", std::string(model.display_name(id))},
              {"detail", model.kind_of(id).name},
              {"kind", symbol_kind(model, id)},
              {"range", range_json(file, block.begin, block.end)},
              {"selectionRange", range_json(file, name.begin, name.end)},
              {"children", std::move(children)}};
}

}  // namespace

Json hover(const Session& session, const PositionParams& params) {
  const Target target = target_of(session, params);
  std::string text;
  switch (target.kind) {
    case Target::Kind::Nothing:
      return nullptr;
    case Target::Kind::Reference:
      if (target.entity != kNoEntity) {
        text = entity_summary(session, target.entity);
      } else if (const KindId kind = session.compilation.model.schema.find_top_level(target.text);
                 kind != kNoKind) {
        text = kind_doc(session.compilation.model, kind);  // `for = team`, `ref(team)`
      } else {
        return nullptr;
      }
      break;
    case Target::Kind::Declaration:
      text = entity_summary(session, target.entity);
      break;
    case Target::Kind::AttributeName:
      text = attribute_doc(session, target.entity, target.text);
      break;
    case Target::Kind::BlockKind:
      text = block_kind_doc(session, target.entity, target.text);
      break;
    case Target::Kind::WaiverRule:
      text = rule_doc(session, target.text);
      break;
  }
  const SourceFile& file = session.source(target.span.file);
  return Json{{"contents", markdown(std::move(text))},
              {"range", range_json(file, target.span.begin, target.span.end)}};
}

Json definition(const Session& session, const PositionParams& params) {
  const Target target = target_of(session, params);
  if ((target.kind != Target::Kind::Reference && target.kind != Target::Kind::Declaration) ||
      target.entity == kNoEntity || session.compilation.model.entities[target.entity].from_stdlib) {
    return nullptr;
  }
  const Model& model = session.compilation.model;
  const Span at = model.block_of(target.entity).label_kind == LabelKind::None
                      ? model.header_span(target.entity)
                      : declaration_span(model, target.entity);
  return location_json(session.compilation, at);
}

Json references(const Session& session, const ReferenceParams& params) {
  const Target target = target_of(session, params);
  if ((target.kind != Target::Kind::Reference && target.kind != Target::Kind::Declaration) ||
      target.entity == kNoEntity) {
    return Json::array();
  }
  Json out = Json::array();
  if (params.include_declaration &&
      !session.compilation.model.entities[target.entity].from_stdlib) {
    out.push_back(location_json(session.compilation,
                                declaration_span(session.compilation.model, target.entity)));
  }
  for (const Span& span : references_to(session.compilation, target.entity)) {
    out.push_back(location_json(session.compilation, span));
  }
  return out;
}

Json prepare_rename(const Session& session, const PositionParams& params) {
  const Target target = target_of(session, params);
  if ((target.kind != Target::Kind::Reference && target.kind != Target::Kind::Declaration) ||
      !renameable(session, target.entity)) {
    throw RequestFailed{
        "only the names of people, teams, systems, fields and other named blocks can be renamed"};
  }
  const SourceFile& file = session.source(target.span.file);
  return Json{{"range", range_json(file, target.span.begin, target.span.end)},
              {"placeholder", std::string(target.text)}};
}

Json rename(const Session& session, const RenameParams& params) {
  const Target target = target_of(session, params);
  if ((target.kind != Target::Kind::Reference && target.kind != Target::Kind::Declaration) ||
      !renameable(session, target.entity)) {
    throw RequestFailed{
        "only the names of people, teams, systems, fields and other named blocks can be renamed"};
  }
  const std::string& name = params.new_name;
  const bool field = is_field(session.compilation.model, target.entity);
  const std::string new_path = field ? new_field_path(session, target.entity, name) : name;
  if (!field) check_new_name(session, target.entity, name);
  std::vector<Span> spans = references_to(session.compilation, target.entity);
  spans.push_back(declaration_span(session.compilation.model, target.entity));
  Json changes = Json::object();
  for (const Span& span : spans) {
    const SourceFile& file = session.source(span.file);
    const std::string_view written = file.text().substr(span.begin, span.end - span.begin);
    changes[uri_of(session.compilation, span.file)].push_back(
        {{"range", range_json(file, span.begin, span.end)},
         {"newText", field ? renamed_text(written, new_path) : name}});
  }
  return Json{{"changes", std::move(changes)}};
}

Json document_symbols(const Session& session, const DocumentParams& params) {
  const auto file = session.file(params.uri);
  Json out = Json::array();
  if (!file) return out;
  const Model& model = session.compilation.model;
  for (EntityId id = 0; id < model.entities.size(); ++id) {
    if (model.entities[id].file == *file && model.entities[id].parent == kNoEntity) {
      out.push_back(document_symbol(session, id));
    }
  }
  return out;
}

Json workspace_symbols(const Session& session, const WorkspaceSymbolParams& params) {
  const std::string query = lower_ascii(params.query);
  const Model& model = session.compilation.model;
  Json out = Json::array();
  for (EntityId id = 0; id < model.entities.size() && out.size() < 500; ++id) {
    const Entity& entity = model.entities[id];
    if (entity.from_stdlib || entity.name.empty() || entity.kind == Schema::kUnknownKind) continue;
    if (lower_ascii(entity.name).find(query) == std::string::npos) continue;
    out.push_back({{"name", std::string(entity.name)},
                   {"kind", symbol_kind(model, id)},
                   {"containerName", model.kind_of(id).name},
                   {"location", location_json(session.compilation, declaration_span(model, id))}});
  }
  return out;
}

Json formatting(const Session& session, const DocumentParams& params) {
  const auto file = session.file(params.uri);
  if (!file) return nullptr;
  const SourceFile& source = session.source(*file);
  const File& parsed = *session.compilation.model.files[*file];
  const bool has_errors =
      std::any_of(session.compilation.diagnostics.items().begin(),
                  session.compilation.diagnostics.items().end(),
                  [&](const Diagnostic& d) { return d.span.file == *file && d.rule == "syntax"; });
  if (has_errors) return nullptr;  // never reformat text that does not parse
  std::string formatted = format_file(parsed);
  if (source.had_bom()) formatted.erase(0, 3);  // the editor's text has no BOM in it
  if (formatted == source.text()) return Json::array();
  const auto end = static_cast<std::uint32_t>(source.text().size());
  return Json::array({{{"range", range_json(source, 0, end)}, {"newText", formatted}}});
}

}  // namespace gtm::lsp
