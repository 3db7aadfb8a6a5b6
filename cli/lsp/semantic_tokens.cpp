// Semantic tokens: block kinds as keywords, attribute names as properties, and every name (where
// it is declared and where it is used) by the kind of what it names, so that an editor colours a
// person, a team, a system and a field apart; people who have left carry `deprecated`.
#include <algorithm>

#include "cli/lsp/session.hpp"
#include "rules/facts.hpp"

namespace gtm::lsp {

namespace {

// The legend, announced in `initialize`; the order is the protocol's numbering.
enum TokenType : int {
  kKeyword,
  kProperty,
  kVariable,
  kClass,
  kNamespace,
  kStruct,
  kType,
  kEnumMember
};
enum TokenModifier : int { kDeclaration = 1, kDeprecated = 2 };

struct Token {
  std::uint32_t begin, end;
  int type, modifiers;
};

int type_of_kind(std::string_view kind) {
  if (kind == "person") return kVariable;
  if (kind == "team" || kind == "queue") return kClass;
  if (kind == "system") return kNamespace;
  if (kind == "field") return kStruct;
  if (kind == "waiver") return kEnumMember;  // its label is a rule id
  return kType;
}

class Tokens {
 public:
  Tokens(const Session& session, FileId file)
      : session_(session), model_(session.compilation.model), file_(file) {}

  Json data() {
    collect();
    std::sort(tokens_.begin(), tokens_.end(),
              [](const Token& a, const Token& b) { return a.begin < b.begin; });
    return encode();
  }

 private:
  void add_name(std::uint32_t begin, std::uint32_t end, EntityId entity, int modifiers) {
    if (entity == kNoEntity || model_.entities[entity].kind == Schema::kUnknownKind) return;
    if (rules::departure(model_, entity, session_.today)) modifiers |= kDeprecated;
    tokens_.push_back({begin, end, type_of_kind(model_.kind_of(entity).name), modifiers});
  }

  void collect() {
    const File& file = *model_.files[file_];
    for (EntityId id = 0; id < model_.entities.size(); ++id) {
      if (model_.entities[id].file != file_) continue;
      const Block& block = model_.block_of(id);
      tokens_.push_back({block.kind_begin, block.kind_end, kKeyword, 0});
      if (block.label_kind != LabelKind::None)
        add_name(block.label_begin, block.label_end, id, kDeclaration);
      for (const AttrSlot& slot : model_.slots_of(id)) {
        const Attribute& a = file.attributes[slot.attribute];
        tokens_.push_back({a.name_begin, a.name_end(), kProperty, 0});
      }
    }
    const auto& targets = model_.targets[file_];
    for (ExprId e = 0; e < targets.size(); ++e) {
      if (targets[e] != kNoEntity) add_name(file.exprs[e].begin, file.exprs[e].end, targets[e], 0);
    }
  }

  // Five numbers per token, each position relative to the previous token (LSP 3.17).
  Json encode() const {
    const SourceFile& source = session_.source(file_);
    Json data = Json::array();
    std::uint32_t previous_line = 0, previous_character = 0, last_end = 0;
    for (const Token& token : tokens_) {
      if (token.begin < last_end || token.end <= token.begin) continue;  // overlapping: skip
      const LineColumn at = source.line_column(token.begin);
      if (source.line_column(token.end).line != at.line) continue;  // tokens are one line each
      const std::uint32_t line = at.line - 1;
      const std::uint32_t character = source.utf16_column(token.begin);
      const std::uint32_t length = source.utf16_column(token.end) - character;
      const std::uint32_t delta_character =
          line == previous_line ? character - previous_character : character;
      for (const std::uint32_t n : {line - previous_line, delta_character, length})
        data.push_back(n);
      data.push_back(token.type);
      data.push_back(token.modifiers);
      previous_line = line;
      previous_character = character;
      last_end = token.end;
    }
    return data;
  }

  const Session& session_;
  const Model& model_;
  FileId file_;
  std::vector<Token> tokens_;
};

}  // namespace

Json semantic_tokens_legend() {
  return Json{{"tokenTypes", Json::array({"keyword", "property", "variable", "class", "namespace",
                                          "struct", "type", "enumMember"})},
              {"tokenModifiers", Json::array({"declaration", "deprecated"})}};
}

Json semantic_tokens(const Session& session, const DocumentParams& params) {
  const auto file = session.file(params.uri);
  if (!file) return Json{{"data", Json::array()}};
  return Json{{"data", Tokens(session, *file).data()}};
}

}  // namespace gtm::lsp
