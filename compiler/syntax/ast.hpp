// The syntax tree of one `.gtm` file, stored flat: blocks, attributes and expressions live in
// vectors owned by the File and refer to each other by index. Text is viewed, not copied, from
// the SourceFile (which must outlive the File); decoded strings live in File::strings.
#pragma once

#include <cstdint>
#include <forward_list>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "compiler/base/source.hpp"

namespace gtm {

using ExprId = std::uint32_t;
using BlockId = std::uint32_t;
using AttributeId = std::uint32_t;

enum class ExprKind : std::uint8_t {
  String,
  Number,
  Date,
  Duration,
  Bool,
  None,
  Reference,  ///< a name or dotted path: `dana`, `salesforce.lead.status`
  Call,       ///< `round_robin(ana, ben)`, `slack("#sdr")`
  List,
  Paren,
  Not,
  And,
  Or,
  Compare,
  Mapping,  ///< `a -> b`, or `a <-> b` (both ways)
};

enum class CompareOp : std::uint8_t { Eq, Ne, Lt, Le, Gt, Ge, In, NotIn };

std::string_view compare_op_text(CompareOp op);

/// Whether two attribute or kind names are the same. Names are short and mostly differ in
/// their first letter, so that is compared before the call to memcmp (attribute look-ups by
/// name run for every attribute of every entity).
inline bool same_name(std::string_view a, std::string_view b) {
  return a.size() == b.size() && (a.empty() || (a[0] == b[0] && a == b));
}

/// Whether expressions of a kind have children (the others carry a literal or a name).
constexpr bool has_children(ExprKind kind) {
  return kind >= ExprKind::Call;  // Call, List, Paren, Not, And, Or, Compare, Mapping
}

struct Expr {
  ExprKind kind = ExprKind::None;
  CompareOp op = CompareOp::Eq;  ///< for Compare
  bool valid = true;             ///< false for a literal already reported (e.g. 2026-13-45)
  bool boolean = false;          ///< for Bool; for Mapping: written `<->` (both ways)
  std::uint32_t begin = 0, end = 0;
  /// String: decoded value; Reference: the path as written; Call: the function name;
  /// Number, Date, Duration: the literal as written.
  std::string_view text;
  // One of these, by kind: a file holds millions of expressions, and 16 bytes fewer each is
  // memory a large check does not touch.
  union {
    std::int64_t integer = 0;  ///< Date: days since 1970-01-01; Duration: minutes
    double number;             ///< Number
    struct {
      std::uint32_t first_child,
          child_count;  ///< Call, List, Paren, Not, And, Or, Compare, Mapping
    };                  ///< into File::expr_children
  };
};
static_assert(sizeof(Expr) == 40);

struct Attribute {
  std::string_view name;  ///< as written: it ends where the source's text of it ends
  std::uint32_t name_begin = 0;
  ExprId value = 0;

  std::uint32_t name_end() const { return name_begin + static_cast<std::uint32_t>(name.size()); }
};
static_assert(sizeof(Attribute) == 24);  // millions of them: 24 bytes, not 32

enum class LabelKind : std::uint8_t { None, Path, String };

struct Member {
  bool is_block = false;
  std::uint32_t index = 0;  ///< BlockId or AttributeId
};

// Fields ordered so that no padding falls between them (a block per field of a workspace).
struct Block {
  std::string_view kind;
  std::string_view label;      ///< the path as written, or the decoded string
  std::size_t label_hash = 0;  ///< hash_name(label), computed while the text is in the cache
  std::uint32_t kind_begin = 0, kind_end = 0;
  std::uint32_t label_begin = 0, label_end = 0;
  std::uint32_t begin = 0, end = 0;  ///< from the kind to the closing brace
  std::uint32_t open_brace = 0;
  std::uint32_t first_member = 0, member_count = 0;  ///< into File::members
  LabelKind label_kind = LabelKind::None;
  bool has_error = false;  ///< a syntax error cut this block short; its members may be incomplete
};
static_assert(sizeof(Block) == 80);

struct Comment {
  std::uint32_t begin = 0, end = 0;  ///< from `#` to the end of the line (line ending excluded)
};

struct File {
  FileId id = 0;
  const SourceFile* source = nullptr;
  std::vector<BlockId> top_level;
  std::vector<Block> blocks;
  std::vector<Attribute> attributes;
  std::vector<Member> members;
  std::vector<Expr> exprs;
  std::vector<ExprId> expr_children;
  std::vector<Comment> comments;
  /// Storage for decoded string values; a forward_list keeps addresses stable and moves cheaply.
  std::forward_list<std::string> strings;

  File() = default;
  File(const File&) = delete;  // expressions view into `strings`: a copy would dangle
  File& operator=(const File&) = delete;
  File(File&&) noexcept = default;
  File& operator=(File&&) noexcept = default;

  Span span(std::uint32_t begin, std::uint32_t end) const { return {id, begin, end}; }
  Span span_of(const Expr& e) const { return {id, e.begin, e.end}; }
  Span span_of(const Attribute& a) const { return {id, a.name_begin, a.name_end()}; }
  std::span<const Member> members_of(const Block& b) const {
    return {members.data() + b.first_member, b.member_count};
  }
  /// A leaf's children are empty (its payload shares their place in Expr).
  std::span<const ExprId> children(const Expr& e) const {
    if (!has_children(e.kind)) return {};
    return {expr_children.data() + e.first_child, e.child_count};
  }
};

}  // namespace gtm
