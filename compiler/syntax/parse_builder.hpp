// The state the PEGTL actions of compiler/syntax/parse.cpp build the flat syntax tree with: an
// operand stack for expressions and a frame stack for open blocks.
#pragma once

#include <optional>
#include <string_view>
#include <vector>

#include "compiler/diagnostics/diagnostic.hpp"
#include "compiler/syntax/ast.hpp"

namespace gtm {

struct ParseBuilder {
  ParseBuilder(File& file, Diagnostics& diagnostics, const char* base)
      : file(file), diagnostics(diagnostics), base(base) {}

  /// An open block; its members so far are `member_stack[first_member..]` (one shared stack, so
  /// that opening a block allocates nothing).
  struct Frame {
    BlockId block = 0;
    std::size_t first_member = 0;
  };

  File& file;
  Diagnostics& diagnostics;
  const char* base;  ///< start of the file's text; offsets are relative to it

  std::vector<ExprId> operands;
  std::vector<std::size_t> marks;  ///< operand-stack heights where a list or call began
  std::vector<CompareOp> ops;
  std::vector<bool> arrows;  ///< per open mapping: whether it was written `<->`
  std::vector<Frame> frames;
  std::vector<Member> member_stack;

  // The member or block header read so far, for the next `{` or `=` and for error messages.
  std::string_view name;
  std::uint32_t name_begin = 0, name_end = 0;
  LabelKind label_kind = LabelKind::None;
  std::string_view label;
  std::uint32_t label_begin = 0, label_end = 0;

  std::string_view last_op;                  ///< the comparison operator just read
  std::uint32_t string_begin = 0;            ///< where the string being read began
  std::uint32_t last_comment_end = 0;        ///< comments are recorded once even if re-matched
  int depth = 0;                             ///< nesting of expressions and blocks
  std::vector<std::uint32_t> commit_starts;  ///< where each open commit-point rule began
  std::uint32_t failed_commit_start = 0;     ///< where the commit point that failed began

  std::uint32_t offset(const char* p) const { return static_cast<std::uint32_t>(p - base); }

  ExprId push(const Expr& e) {
    file.exprs.push_back(e);
    const auto id = static_cast<ExprId>(file.exprs.size() - 1);
    operands.push_back(id);
    return id;
  }
  ExprId pop() {
    const ExprId id = operands.back();
    operands.pop_back();
    return id;
  }
  /// Replaces the top `count` operands by one node of `kind` that owns them as children.
  Expr& reduce(ExprKind kind, std::size_t count, std::uint32_t begin, std::uint32_t end) {
    Expr node;
    node.kind = kind;
    node.begin = begin;
    node.end = end;
    node.first_child = static_cast<std::uint32_t>(file.expr_children.size());
    node.child_count = static_cast<std::uint32_t>(count);
    file.expr_children.insert(file.expr_children.end(), operands.end() - static_cast<long>(count),
                              operands.end());
    operands.resize(operands.size() - count);
    return file.exprs[push(node)];
  }
  const Expr& top(std::size_t from_top = 0) const {
    return file.exprs[operands[operands.size() - 1 - from_top]];
  }

  void set_name(std::string_view text, std::uint32_t begin) {
    name = text;
    name_begin = begin;
    name_end = begin + static_cast<std::uint32_t>(text.size());
    label_kind = LabelKind::None;
    label = {};
  }

  /// A nested block that a member's indentation says was left open: the member (at
  /// `member_begin`) is indented no deeper than the block's header. Recorded once per top-level
  /// block; used only if that block then fails to parse.
  struct Unclosed {
    std::uint32_t open_brace = 0;
    std::uint32_t member_begin = 0;
  };
  std::optional<Unclosed> unclosed;  ///< seen in the top-level block being parsed
  std::optional<Unclosed> forced;    ///< the re-parse closes this block before its member
  /// Whether the grammar's `forced_close` matches at `p`.
  bool closes_here(const char* p) const {
    return forced && offset(p) == forced->member_begin && !frames.empty() &&
           file.blocks[frames.back().block].open_brace == forced->open_brace;
  }
  /// After a member's name: records `unclosed` if the member is dedented in a nested block.
  void note_indentation(std::uint32_t member_begin);

  /// The sizes of everything parsed so far, to go back to when a block is parsed again.
  struct Mark {
    std::size_t blocks, attributes, members, exprs, expr_children, comments, top_level;
    std::uint32_t last_comment_end;
  };
  Mark mark() const;
  /// Forgets everything parsed after `mark`, and any open block and expression state.
  void rewind(const Mark& mark);

  void open_block(std::uint32_t brace);
  void close_block(std::uint32_t end);
  /// After a syntax error: closes every open block as `has_error` and clears expression state.
  void abandon(std::uint32_t error_offset, bool header_read);
  /// Adds a member to the innermost open block, or a block to the top level.
  void attach(Member member);
};

}  // namespace gtm
