// Quick fixes: a diagnostic's own fix (did-you-mean, quotes, brackets), the attributes a policy
// or the schema requires as a skeleton, and a waiver until 30 days from today.
#include <fmt/format.h>

#include <algorithm>

#include "cli/lsp/lookup.hpp"
#include "cli/lsp/session.hpp"
#include "compiler/evaluation/evaluate.hpp"
#include "compiler/syntax/literals.hpp"

namespace gtm::lsp {

namespace {

class Actions {
 public:
  explicit Actions(const Session& session) : session_(session), model_(session.compilation.model) {}

  void for_diagnostic(const Diagnostic& d) {
    if (d.fix) {
      add(d.fix->title, d, {{d.fix->span, d.fix->replacement}}, true);
    }
    const EntityId entity = owner_of(d.span);
    if (entity == kNoEntity) return;
    const std::vector<std::string> missing = missing_attributes(d, entity);
    if (!missing.empty()) add_skeleton(d, entity, missing);
    // A compiler error (a syntax error, a name that resolves to nothing) is fixed, not waived.
    const RuleInfo* rule = session_.compilation.catalog.find(d.rule);
    if (rule && rule->category != "compiler") add_waiver(d, entity);
  }

  Json result() { return std::move(actions_); }

 private:
  struct Edit {
    Span span;
    std::string text;
  };

  void add(const std::string& title, const Diagnostic& d, const std::vector<Edit>& edits,
           bool preferred = false) {
    Json changes = Json::object();
    for (const Edit& edit : edits) {
      const SourceFile& file = session_.source(edit.span.file);
      changes[uri_of(session_.compilation, edit.span.file)].push_back(
          {{"range", range_json(file, edit.span.begin, edit.span.end)}, {"newText", edit.text}});
    }
    Json action{{"title", title},
                {"kind", "quickfix"},
                {"diagnostics", Json::array({diagnostic_json(session_.compilation, d)})},
                {"edit", {{"changes", std::move(changes)}}}};
    if (preferred) action["isPreferred"] = true;
    actions_.push_back(std::move(action));
  }

  // The innermost non-waiver entity whose block holds the finding.
  EntityId owner_of(Span span) const {
    EntityId entity = entity_at(session_.compilation, span.file, span.begin);
    while (entity != kNoEntity && model_.kind_of(entity).name == "waiver")
      entity = model_.entities[entity].parent;
    return entity;
  }

  // For a policy: the attributes its `require` reads that the entity does not set; for
  // missing-attribute: the required attributes it does not set.
  std::vector<std::string> missing_attributes(const Diagnostic& d, EntityId entity) const {
    std::vector<std::string> names;
    const KindSchema& kind = model_.kind_of(entity);
    const auto consider = [&](std::string_view name) {
      if (kind.attr_index(name) >= 0 && !model_.attr(entity, name) &&
          std::find(names.begin(), names.end(), name) == names.end()) {
        names.emplace_back(name);
      }
    };
    if (d.rule == "missing-attribute") {
      for (const AttrSchema& attr : kind.attrs) {
        if (attr.required) consider(attr.name);
      }
      return names;
    }
    const auto policy =
        std::find_if(session_.compilation.policies.begin(), session_.compilation.policies.end(),
                     [&](const Policy& p) { return p.id == d.rule; });
    if (policy == session_.compilation.policies.end()) return names;
    const File& file = model_.file_of(policy->entity);
    collect_roots(file, policy->require, consider);
    return names;
  }

  template <typename F>
  static void collect_roots(const File& file, ExprId id, F& consider) {
    const Expr& e = file.exprs[id];
    if (e.kind == ExprKind::Reference) consider(e.text.substr(0, e.text.find('.')));
    for (ExprId child : file.children(e)) collect_roots(file, child, consider);
  }

  std::string placeholder(const Type& type) const {
    switch (type.kind) {
      case TypeKind::Number:
        return "0";
      case TypeKind::Bool:
        return "true";
      case TypeKind::Date:
        return format_date(session_.today + 30);
      case TypeKind::Duration:
        return "4h";
      case TypeKind::List:
        return "[]";
      case TypeKind::Enum:
        return type.names.front();
      case TypeKind::Condition:
        return "true";
      case TypeKind::FieldType:
        return "text";
      case TypeKind::Call:
        return type.names.front() + "(\"\")";
      case TypeKind::OneOf:
        return placeholder(type.args.front());
      case TypeKind::Ref:
        for (EntityId id = 0; id < model_.entities.size(); ++id) {
          const Entity& e = model_.entities[id];
          if (!e.from_stdlib && e.parent == kNoEntity &&
              model_.kind_of(id).name == type.names.front()) {
            return std::string(e.name);
          }
        }
        return "TODO";
      default:
        return "\"TODO\"";
    }
  }

  // Lines inserted before the block's closing brace, indented one level deeper than it.
  Edit insertion(EntityId entity, const std::vector<std::string>& lines) const {
    const Block& block = model_.block_of(entity);
    const SourceFile& source = session_.source(file_of(entity));
    const std::uint32_t brace = block.end - 1;
    const std::uint32_t line_start = source.line_start(source.line_column(brace).line);
    const std::string_view before = source.text().substr(line_start, brace - line_start);
    const bool brace_alone = before.find_first_not_of(" \t") == std::string_view::npos;
    std::string text;
    if (brace_alone) {
      for (const std::string& line : lines) text += std::string(before) + "  " + line + "\n";
      return {{file_of(entity), line_start, line_start}, text};
    }
    for (const std::string& line : lines) text += "  " + line;
    return {{file_of(entity), brace, brace}, text + " "};
  }

  FileId file_of(EntityId entity) const { return model_.entities[entity].file; }

  void add_skeleton(const Diagnostic& d, EntityId entity, const std::vector<std::string>& missing) {
    std::vector<std::string> lines;
    for (const std::string& name : missing) {
      lines.push_back(
          fmt::format("{} = {}", name, placeholder(model_.kind_of(entity).find_attr(name)->type)));
    }
    add(fmt::format("Add `{}`", fmt::join(missing, "`, `")), d, {insertion(entity, lines)});
  }

  void add_waiver(const Diagnostic& d, EntityId entity) {
    const std::string line =
        // The placeholder reason is itself flagged (is_placeholder_reason) until replaced.
        fmt::format("waiver {} {{ until = {}  reason = \"TODO: why this is accepted for now\" }}",
                    d.rule, format_date(session_.today + 30));
    add(fmt::format("Waive `{}` here for 30 days", d.rule), d, {insertion(entity, {line})});
  }

  const Session& session_;
  const Model& model_;
  Json actions_ = Json::array();
};

}  // namespace

Json code_actions(const Session& session, const CodeActionParams& params) {
  const auto file = session.file(params.uri);
  if (!file) return Json::array();
  const SourceFile& source = session.source(*file);
  const std::uint32_t begin = offset_of(source, params.range.start);
  const std::uint32_t end = offset_of(source, params.range.end);
  Actions actions(session);
  for (const Diagnostic& d : session.compilation.diagnostics.items()) {
    if (d.span.file == *file && d.span.begin <= end && begin <= d.span.end)
      actions.for_diagnostic(d);
  }
  return actions.result();
}

}  // namespace gtm::lsp
