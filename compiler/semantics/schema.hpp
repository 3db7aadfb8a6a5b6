// The schema: every entity kind, its attributes and their types, and which blocks may nest in
// it. Built from `schema` blocks (stdlib/ first, then the user's, which may add attributes to
// existing kinds or add kinds). The compiler knows no kind by name; it only reads this.
#pragma once

#include "compiler/base/text_hash.hpp"

#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "compiler/diagnostics/diagnostic.hpp"
#include "compiler/semantics/types.hpp"
#include "compiler/syntax/ast.hpp"

namespace gtm {

using KindId = std::uint32_t;
constexpr KindId kNoKind = ~KindId{0};

/// Where an expression of the schema sits, for defaults and for go-to-definition.
struct ExprRef {
  const File* file = nullptr;
  ExprId expr = 0;
};

struct AttrSchema {
  std::string name;
  Type type;
  bool required = false;
  std::string doc;
  std::optional<ExprRef> default_value;
  Span declared;
};

/// How blocks of a kind are named.
enum class LabelRule { Name, Path, None };

struct KindSchema {
  std::string name;
  std::string doc;
  LabelRule label = LabelRule::Name;
  std::size_t path_segments = 0;        ///< LabelRule::Path: how many dotted segments
  std::string path_root;                ///< LabelRule::Path: the kind the first segment names
  std::string name_space = "entities";  ///< kinds sharing a namespace cannot share a name
  bool singleton = false;               ///< at most one per workspace (e.g. `settings`)
  /// `member_of = object`: its path without the last segment names an object (a field
  /// `salesforce.lead.status` is a member of `salesforce.lead`); `object` references and the
  /// bare names of a condition over an object resolve among the members.
  bool object_member = false;
  bool nested_anywhere = false;  ///< may appear inside any block (e.g. `waiver`)
  KindId parent = kNoKind;       ///< for a kind declared inside another (`rule` in `routing`)
  std::vector<AttrSchema> attrs;
  std::optional<AttrSchema> any_attr;  ///< attributes of any name (e.g. `settings.rules`)
  std::vector<KindId> nested;
  Span declared;

  const AttrSchema* find_attr(std::string_view attr) const;
  int attr_index(std::string_view attr) const;
};

class Schema {
 public:
  /// Kind 0 is the placeholder for blocks of an unknown kind: present, but never checked.
  Schema();
  static constexpr KindId kUnknownKind = 0;

  KindId find_top_level(std::string_view name) const;
  /// A kind that may appear inside a block of `parent`: declared in it, or nested anywhere.
  KindId find_nested(KindId parent, std::string_view name) const;
  const KindSchema& kind(KindId id) const { return kinds_[id]; }
  KindSchema& kind(KindId id) { return kinds_[id]; }
  std::size_t size() const { return kinds_.size(); }
  std::vector<std::string> top_level_names() const;
  std::vector<std::string> nested_names(KindId parent) const;
  /// The namespaces of the kinds whose entities are members of objects, each once.
  std::span<const std::string> member_namespaces() const { return member_namespaces_; }

  /// Reads every `schema` block of `file` into the schema; problems go to `diagnostics`.
  void load(const File& file, Diagnostics& diagnostics);

 private:
  KindId add_kind(std::string name, KindId parent);
  void load_kind(const File& file, const Block& block, KindId kind, Diagnostics& diagnostics);
  void check_member_of(const File& file, const Block& block, KindId kind, Diagnostics& diagnostics);
  void load_attr(const File& file, const Block& block, KindSchema& kind, bool any_name,
                 Diagnostics& diagnostics);

  std::vector<KindSchema> kinds_;
  std::vector<std::string> member_namespaces_;
  std::unordered_map<std::string, KindId, TextHash, std::equal_to<>> top_level_;
};

}  // namespace gtm
