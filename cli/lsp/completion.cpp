// Completion: attribute names of the block's kind (with their docs), nested blocks, references
// of the right kind, enumeration and picklist values, rule ids in waivers and settings.
#include <fmt/format.h>

#include <algorithm>
#include <regex>

#include "cli/lsp/lookup.hpp"
#include "cli/lsp/session.hpp"
#include "compiler/semantics/conditions.hpp"
#include "compiler/semantics/resolve.hpp"
#include "rules/facts.hpp"

namespace gtm::lsp {

namespace {

namespace item_kind {
constexpr int kFunction = 3, kField = 5, kClass = 7, kProperty = 10, kValue = 12, kKeyword = 14,
              kReference = 18, kEnumMember = 20;
}

class Completer {
 public:
  Completer(const Session& session, FileId file, std::uint32_t offset)
      : session_(session), model_(session.compilation.model), file_(file), offset_(offset) {}

  Json items() {
    const SourceFile& source = session_.source(file_);
    const std::uint32_t line_start = source.line_start(source.line_column(offset_).line);
    const std::string prefix(source.text().substr(line_start, offset_ - line_start));
    const EntityId entity = entity_at(session_.compilation, file_, offset_);
    static const std::regex waiver(R"(\bwaiver\s+[\w-]*$)");
    static const std::regex member(R"(^\s*[A-Za-z_][\w-]*$|^\s*$)");
    static const std::regex comparison(R"(([\w.]+)\s*(==|!=|\bin|\bnot in)\s*\[?[^=\]]*$)");
    if (std::regex_search(prefix, waiver)) {
      rule_ids();
    } else if (auto last = last_assignment(prefix); last && entity != kNoEntity) {
      const std::string attribute = last->first;
      const std::string written = last->second;
      std::smatch c;
      if (std::regex_search(written, c, comparison)) {
        picklist_values(entity, c[1].str());
      } else if (const AttrSchema* attr = attr_of(entity, attribute)) {
        values_of_type(entity, attr->type);
      }
    } else if (std::regex_match(prefix, member)) {
      if (entity == kNoEntity)
        kinds();
      else
        members(entity);
    }
    return Json{{"isIncomplete", false}, {"items", std::move(items_)}};
  }

 private:
  static std::optional<std::pair<std::string, std::string>> last_assignment(
      const std::string& prefix) {
    static const std::regex assignment(R"((?:^|[\s{])([A-Za-z_][\w-]*)\s*=(?!=))");
    std::optional<std::pair<std::string, std::string>> last;
    for (std::sregex_iterator it(prefix.begin(), prefix.end(), assignment), end; it != end; ++it) {
      const auto& match = *it;
      last = std::make_pair(
          match[1].str(),
          prefix.substr(static_cast<std::size_t>(match.position(0) + match.length(0))));
    }
    return last;
  }

  const AttrSchema* attr_of(EntityId entity, std::string_view name) const {
    if (model_.entities[entity].kind == Schema::kUnknownKind) return nullptr;
    return model_.kind_of(entity).find_attr(name);
  }

  Json& add(std::string label, int kind, std::string detail, std::string doc = {},
            std::string insert = {}) {
    Json item{{"label", label}, {"kind", kind}, {"detail", std::move(detail)}};
    if (!doc.empty()) item["documentation"] = Json{{"kind", "markdown"}, {"value", std::move(doc)}};
    if (!insert.empty()) item["insertText"] = std::move(insert);
    items_.push_back(std::move(item));
    return items_.back();
  }

  // A person who has left is still offered (an edit may be about them), marked deprecated and
  // sorted after everyone else.
  void add_entity(EntityId id, const std::string& kind_name) {
    const std::string name(model_.entities[id].name);
    const Expr* left = rules::departure(model_, id, session_.today);
    Json& item = add(name, kind_name == "field" ? item_kind::kField : item_kind::kReference,
                     left ? fmt::format("{} (left on {})", kind_name, left->text) : kind_name);
    item["sortText"] = (left ? "1 " : "0 ") + name;
    if (left) item["tags"] = Json::array({kDeprecatedTag});
  }
  static constexpr int kDeprecatedTag = 1;  // CompletionItemTag.Deprecated

  void kinds() {
    for (const std::string& name : model_.schema.top_level_names()) {
      const KindSchema& kind = model_.schema.kind(model_.schema.find_top_level(name));
      add(name, item_kind::kClass, "kind", kind.doc);
    }
  }

  void rule_ids() {
    for (const RuleInfo& rule : session_.compilation.catalog.all()) {
      if (rule.id != "syntax") add(rule.id, item_kind::kKeyword, rule.category, rule.summary);
    }
  }

  void members(EntityId entity) {
    if (model_.entities[entity].kind == Schema::kUnknownKind) return;
    const KindSchema& kind = model_.kind_of(entity);
    if (kind.any_attr && kind.name == "rules") return rule_ids();
    if (kind.any_attr && kind.name == "naming") {
      for (const std::string& name : model_.schema.top_level_names())
        add(name, item_kind::kProperty, "kind");
      return;
    }
    for (const AttrSchema& attr : kind.attrs) {
      add(attr.name, item_kind::kProperty,
          describe_type(attr.type) + (attr.required ? " (required)" : ""), attr.doc,
          attr.name + " = ");
    }
    for (const std::string& nested : model_.schema.nested_names(model_.entities[entity].kind)) {
      add(nested, item_kind::kClass, "block");
    }
  }

  void entities_of(const std::vector<std::string>& kinds) {
    for (const std::string& kind_name : kinds) {
      for (EntityId id = 0; id < model_.entities.size(); ++id) {
        const Entity& e = model_.entities[id];
        if (e.from_stdlib || e.name.empty() || e.parent != kNoEntity) continue;
        if (kind_name == "object") continue;
        if (model_.kind_of(id).name != kind_name) continue;
        add_entity(id, kind_name);
      }
      if (kind_name == "object") {
        std::vector<std::string_view> objects;
        for (const auto& [object, field] : model_.objects) objects.push_back(object);
        std::sort(objects.begin(), objects.end());  // the map's order is arbitrary
        for (std::string_view object : objects) {
          add(std::string(object), item_kind::kReference, "object");
        }
      }
    }
  }

  // The vocabulary's field types: bare words, and calls with their arguments to fill in.
  void field_types() {
    for (const FieldTypeWord& word : model_.vocabulary->field_types) {
      const std::string name(word.name);
      switch (word.arguments) {
        case FieldTypeWord::Arguments::None:
          add(name, item_kind::kValue, "field type");
          break;
        case FieldTypeWord::Arguments::Values:
          add(name, item_kind::kFunction, name + "(\"A\", \"B\")", {}, name + "(\"\")");
          break;
        case FieldTypeWord::Arguments::Object:
          add(name, item_kind::kFunction, name + "(OBJECT)", {}, name + "()");
          break;
      }
    }
  }

  void fields_of_object(EntityId entity, std::string_view scope) {
    const std::string_view object = condition_object(model_, entity, scope);
    const NameTable* fields = model_.names.find("fields");
    if (object.empty() || !fields) return;
    std::vector<std::string_view> paths;
    fields->for_each([&](std::string_view path, EntityId) {
      if (is_field_of(path, object)) paths.push_back(path);
    });
    std::sort(paths.begin(), paths.end());  // the map's order is arbitrary
    for (std::string_view path : paths) {
      add(std::string(path.substr(object.size() + 1)), item_kind::kField, std::string(path));
    }
  }

  void values_of_type(EntityId entity, const Type& type) {
    switch (type.kind) {
      case TypeKind::Ref:
        return entities_of(type.names);
      case TypeKind::Enum:
        for (const std::string& v : type.names) add(v, item_kind::kEnumMember, "value");
        return;
      case TypeKind::Bool:
        add("true", item_kind::kValue, "bool");
        add("false", item_kind::kValue, "bool");
        return;
      case TypeKind::Condition:
        return fields_of_object(entity, type.scope);
      case TypeKind::Call:
        add(type.names[0], item_kind::kFunction, describe_type(type), {}, type.names[0] + "()");
        return;
      case TypeKind::FieldType:
        return field_types();
      case TypeKind::List:
      case TypeKind::Mapping:
        return values_of_type(entity, type.args[0]);
      case TypeKind::OneOf:
        for (const Type& alternative : type.args) values_of_type(entity, alternative);
        return;
      default:
        return;
    }
  }

  void picklist_values(EntityId entity, const std::string& field_name) {
    EntityId field = model_.find("fields", field_name);
    if (field == kNoEntity) {
      const std::string_view object = condition_object(model_, entity, "object");
      if (!object.empty()) field = model_.find("fields", std::string(object) + "." + field_name);
    }
    if (field == kNoEntity) return;
    for (std::string_view v : field_values(model_, field).picklist) {
      add(fmt::format("\"{}\"", v), item_kind::kEnumMember, field_name);
    }
  }

  const Session& session_;
  const Model& model_;
  FileId file_;
  std::uint32_t offset_;
  Json items_ = Json::array();
};

}  // namespace

Json completion(const Session& session, const PositionParams& params) {
  const auto file = session.file(params.uri);
  if (!file) return Json{{"isIncomplete", false}, {"items", Json::array()}};
  return Completer(session, *file, offset_of(session.source(*file), params.position)).items();
}

}  // namespace gtm::lsp
