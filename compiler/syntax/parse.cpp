// Text -> syntax tree: the PEGTL actions that fill a ParseBuilder, the control that turns a
// grammar commit point into a located message, and the block-by-block recovery loop.
#include "compiler/syntax/parse.hpp"

#include <fmt/format.h>

#include <algorithm>

#include "compiler/base/limits.hpp"
#include "compiler/diagnostics/compiler_rules.hpp"
#include "compiler/syntax/literals.hpp"
#include "compiler/syntax/parse_builder.hpp"
#include "compiler/syntax/syntax_error.hpp"
#include "grammar/grammar.hpp"

namespace gtm {

namespace pegtl = tao::pegtl;
namespace g = grammar;

namespace {

/// Thrown by the control at a commit point; caught once per top-level block.
struct SyntaxError {
  std::uint32_t offset;
  const char* message;
  const std::type_info* rule;
};

template <typename Rule>
struct Control : pegtl::normal<Rule> {
  static constexpr bool kCountsDepth =
      std::is_same_v<Rule, g::expr> || std::is_same_v<Rule, g::block_body>;
  // A commit point reports the token where the rule began, not where it gave up.
  static constexpr bool kIsCommitPoint = g::error_message<Rule> != nullptr;

  template <typename Input>
  static void start(const Input& in, ParseBuilder& b) {
    if constexpr (kIsCommitPoint) b.commit_starts.push_back(b.offset(in.current()));
    if constexpr (kCountsDepth) {
      if (++b.depth > limits::kMaxNesting) {
        throw SyntaxError{b.offset(in.current()), "nesting is too deep (the limit is 64 levels)",
                          &typeid(Rule)};
      }
    }
  }
  template <typename Input>
  static void success(const Input&, ParseBuilder& b) {
    if constexpr (kIsCommitPoint) b.commit_starts.pop_back();
    if constexpr (kCountsDepth) --b.depth;
  }
  template <typename Input>
  static void failure(const Input&, ParseBuilder& b) {
    if constexpr (kIsCommitPoint) {
      b.failed_commit_start = b.commit_starts.back();
      b.commit_starts.pop_back();
    }
    if constexpr (kCountsDepth) --b.depth;
  }
  template <typename Input>
  [[noreturn]] static void raise(const Input&, ParseBuilder& b) {
    static_assert(kIsCommitPoint, "every commit point needs a message");
    throw SyntaxError{b.failed_commit_start, g::error_message<Rule>, &typeid(Rule)};
  }
};

template <typename Rule>
struct Action : pegtl::nothing<Rule> {};

template <typename In>
std::uint32_t begin_of(const In& in, const ParseBuilder& b) {
  return b.offset(in.begin());
}
template <typename In>
std::uint32_t end_of(const In& in, const ParseBuilder& b) {
  return b.offset(in.end());
}

Expr leaf(ExprKind kind, std::uint32_t begin, std::uint32_t end, std::string_view text) {
  Expr e;
  e.kind = kind;
  e.begin = begin;
  e.end = end;
  e.text = text;
  return e;
}

// ---- tokens ---------------------------------------------------------------------------------

template <>
struct Action<g::comment> {
  template <typename In>
  static void apply(const In& in, ParseBuilder& b) {
    const std::uint32_t begin = begin_of(in, b);
    if (begin < b.last_comment_end) return;  // re-matched after backtracking
    std::uint32_t end = end_of(in, b);
    // Line-ending bytes are not part of the comment, however many CRs precede the LF.
    while (end > begin && (b.base[end - 1] == '\r' || b.base[end - 1] == '\n')) --end;
    b.file.comments.push_back({begin, end});
    b.last_comment_end = end_of(in, b);
  }
};

template <>
struct Action<g::string_open> {
  template <typename In>
  static void apply(const In& in, ParseBuilder& b) {
    b.string_begin = begin_of(in, b);
  }
};
template <>
struct Action<g::triple_quote> : Action<g::string_open> {};

void check_string_length(Expr& e, ParseBuilder& b) {
  if (e.text.size() <= limits::kMaxStringBytes) return;
  e.valid = false;
  b.diagnostics.report(compiler_rule::kLimit, b.file.span(e.begin, e.end),
                       fmt::format("string of {} bytes is over the limit of {} bytes",
                                   e.text.size(), limits::kMaxStringBytes));
}

template <>
struct Action<g::plain_string> {
  template <typename In>
  static void apply(const In& in, ParseBuilder& b) {
    const std::string_view body = in.string_view().substr(1, in.size() - 2);
    Expr e = leaf(ExprKind::String, begin_of(in, b), end_of(in, b), body);
    check_string_length(e, b);
    if (body.find('\\') != std::string_view::npos) {
      std::string problem;
      if (auto decoded = decode_string(body, &problem)) {
        e.text = b.file.strings.emplace_front(std::move(*decoded));
      } else {
        e.valid = false;
        b.diagnostics.report(compiler_rule::kSyntax, b.file.span(e.begin, e.end), problem);
      }
    }
    b.push(e);
  }
};

template <>
struct Action<g::triple_string> {
  template <typename In>
  static void apply(const In& in, ParseBuilder& b) {
    std::string_view body = in.string_view().substr(3, in.size() - 6);
    if (body.starts_with("\r\n")) body.remove_prefix(2);
    if (body.starts_with('\n')) body.remove_prefix(1);
    Expr e = leaf(ExprKind::String, begin_of(in, b), end_of(in, b), body);
    check_string_length(e, b);
    if (body.find('\r') != std::string_view::npos) {
      std::string normalised;
      for (char c : body) {
        if (c != '\r') normalised += c;
      }
      e.text = b.file.strings.emplace_front(std::move(normalised));
    }
    b.push(e);
  }
};

template <>
struct Action<g::date_literal> {
  template <typename In>
  static void apply(const In& in, ParseBuilder& b) {
    Expr e = leaf(ExprKind::Date, begin_of(in, b), end_of(in, b), in.string_view());
    if (auto problem = date_problem(e.text)) {
      e.valid = false;
      b.diagnostics.report(compiler_rule::kSyntax, b.file.span(e.begin, e.end),
                           fmt::format("invalid date {}: {}", e.text, *problem));
    } else {
      e.integer = *parse_date(e.text);
    }
    b.push(e);
  }
};

template <>
struct Action<g::foreign_date> {
  template <typename In>
  static void apply(const In& in, ParseBuilder& b) {
    Expr e = leaf(ExprKind::Date, begin_of(in, b), end_of(in, b), in.string_view());
    e.valid = false;
    const Span span = b.file.span(e.begin, e.end);
    const auto reading = read_foreign_date(e.text);
    if (!reading) {
      b.diagnostics.report(compiler_rule::kSyntax, span,
                           fmt::format("`{}` is not a date; dates are written YYYY-MM-DD", e.text));
    } else {
      Diagnostic& d = b.diagnostics.report(
          compiler_rule::kSyntax, span,
          fmt::format("dates are written YYYY-MM-DD: `{}`{}", reading->iso,
                      reading->other_reading ? fmt::format(" (or `{}` {})", *reading->other_reading,
                                                           reading->other_reading_when)
                                             : std::string()));
      if (!reading->other_reading)
        d.fix = Fix{span, reading->iso, fmt::format("write `{}`", reading->iso)};
    }
    b.push(e);
  }
};

template <>
struct Action<g::duration_literal> {
  template <typename In>
  static void apply(const In& in, ParseBuilder& b) {
    Expr e = leaf(ExprKind::Duration, begin_of(in, b), end_of(in, b), in.string_view());
    if (auto minutes = parse_duration(e.text)) {
      e.integer = *minutes;
    } else {
      e.valid = false;
      b.diagnostics.report(compiler_rule::kSyntax, b.file.span(e.begin, e.end),
                           fmt::format("duration {} is too large", e.text));
    }
    b.push(e);
  }
};

template <>
struct Action<g::number_literal> {
  template <typename In>
  static void apply(const In& in, ParseBuilder& b) {
    Expr e = leaf(ExprKind::Number, begin_of(in, b), end_of(in, b), in.string_view());
    e.number = std::strtod(std::string(e.text).c_str(), nullptr);
    b.push(e);
  }
};

template <bool Value>
struct BoolAction {
  template <typename In>
  static void apply(const In& in, ParseBuilder& b) {
    Expr e = leaf(ExprKind::Bool, begin_of(in, b), end_of(in, b), in.string_view());
    e.boolean = Value;
    b.push(e);
  }
};
template <>
struct Action<g::literal_true> : BoolAction<true> {};
template <>
struct Action<g::literal_false> : BoolAction<false> {};

template <>
struct Action<g::literal_none> {
  template <typename In>
  static void apply(const In& in, ParseBuilder& b) {
    b.push(leaf(ExprKind::None, begin_of(in, b), end_of(in, b), in.string_view()));
  }
};

template <>
struct Action<g::reference> {
  template <typename In>
  static void apply(const In& in, ParseBuilder& b) {
    b.push(leaf(ExprKind::Reference, begin_of(in, b), end_of(in, b), in.string_view()));
  }
};

// ---- composite expressions ------------------------------------------------------------------

template <>
struct Action<g::list_open> {
  static void apply0(ParseBuilder& b) { b.marks.push_back(b.operands.size()); }
};
template <>
struct Action<g::call_open> : Action<g::list_open> {};

template <>
struct Action<g::list> {
  template <typename In>
  static void apply(const In& in, ParseBuilder& b) {
    const std::size_t count = b.operands.size() - b.marks.back();
    b.marks.pop_back();
    b.reduce(ExprKind::List, count, begin_of(in, b), end_of(in, b));
    if (count > limits::kMaxListItems) {
      b.diagnostics.report(compiler_rule::kLimit, b.file.span(begin_of(in, b), begin_of(in, b) + 1),
                           fmt::format("list of {} items is over the limit of {} items", count,
                                       limits::kMaxListItems));
    }
  }
};

template <>
struct Action<g::call_tail> {
  template <typename In>
  static void apply(const In& in, ParseBuilder& b) {
    const std::size_t count = b.operands.size() - b.marks.back();
    b.marks.pop_back();
    const Expr callee = b.top(count);
    // Move the arguments down over the callee, then rebuild the node as a call.
    b.file.expr_children.insert(b.file.expr_children.end(),
                                b.operands.end() - static_cast<long>(count), b.operands.end());
    b.operands.resize(b.operands.size() - count - 1);
    Expr call = leaf(ExprKind::Call, callee.begin, end_of(in, b), callee.text);
    call.first_child = static_cast<std::uint32_t>(b.file.expr_children.size() - count);
    call.child_count = static_cast<std::uint32_t>(count);
    if (callee.text.find('.') != std::string_view::npos) {
      call.valid = false;
      b.diagnostics.report(compiler_rule::kSyntax, b.file.span(callee.begin, callee.end),
                           fmt::format("function name `{}` cannot be a dotted path", callee.text));
    }
    b.push(call);
  }
};

template <>
struct Action<g::paren> {
  template <typename In>
  static void apply(const In& in, ParseBuilder& b) {
    b.reduce(ExprKind::Paren, 1, begin_of(in, b), end_of(in, b));
  }
};

// A binary node spans from its left operand to its right operand.
template <ExprKind Kind>
struct BinaryAction {
  static void apply0(ParseBuilder& b) {
    const std::uint32_t begin = b.top(1).begin;
    const std::uint32_t end = b.top(0).end;
    b.reduce(Kind, 2, begin, end);
  }
};
template <>
struct Action<g::mapping_one_way> {
  static void apply0(ParseBuilder& b) { b.arrows.push_back(false); }
};
template <>
struct Action<g::mapping_both_ways> {
  static void apply0(ParseBuilder& b) { b.arrows.push_back(true); }
};
template <>
struct Action<g::mapping_tail> {
  static void apply0(ParseBuilder& b) {
    BinaryAction<ExprKind::Mapping>::apply0(b);
    b.file.exprs[b.operands.back()].boolean = b.arrows.back();
    b.arrows.pop_back();
  }
};
template <>
struct Action<g::and_tail> : BinaryAction<ExprKind::And> {};
template <>
struct Action<g::or_tail> : BinaryAction<ExprKind::Or> {};

template <CompareOp Op>
struct CompareOpAction {
  template <typename In>
  static void apply(const In& in, ParseBuilder& b) {
    b.ops.push_back(Op);
    b.last_op = in.string_view();
  }
};
template <>
struct Action<g::op_eq> : CompareOpAction<CompareOp::Eq> {};
template <>
struct Action<g::op_ne> : CompareOpAction<CompareOp::Ne> {};
template <>
struct Action<g::op_lt> : CompareOpAction<CompareOp::Lt> {};
template <>
struct Action<g::op_le> : CompareOpAction<CompareOp::Le> {};
template <>
struct Action<g::op_gt> : CompareOpAction<CompareOp::Gt> {};
template <>
struct Action<g::op_ge> : CompareOpAction<CompareOp::Ge> {};
template <>
struct Action<g::op_in> : CompareOpAction<CompareOp::In> {};
template <>
struct Action<g::op_not_in> : CompareOpAction<CompareOp::NotIn> {};

template <>
struct Action<g::compare_tail> {
  static void apply0(ParseBuilder& b) {
    BinaryAction<ExprKind::Compare>::apply0(b);
    b.file.exprs[b.operands.back()].op = b.ops.back();
    b.ops.pop_back();
  }
};

template <>
struct Action<g::not_prefix> {
  template <typename In>
  static void apply(const In& in, ParseBuilder& b) {
    b.reduce(ExprKind::Not, 1, begin_of(in, b), end_of(in, b));
  }
};

// ---- blocks and attributes ------------------------------------------------------------------

template <>
struct Action<g::member_name> {
  template <typename In>
  static void apply(const In& in, ParseBuilder& b) {
    b.set_name(in.string_view(), begin_of(in, b));
    b.note_indentation(begin_of(in, b));
  }
};
template <>
struct Action<g::block_kind> : Action<g::member_name> {};

template <>
struct Action<g::label> {
  template <typename In>
  static void apply(const In& in, ParseBuilder& b) {
    b.label_begin = begin_of(in, b);
    b.label_end = end_of(in, b);
    if (in.string_view().starts_with('"')) {
      b.label_kind = LabelKind::String;
      b.label = b.file.exprs[b.pop()].text;  // the string action pushed it as an operand
    } else {
      b.label_kind = LabelKind::Path;
      b.label = in.string_view();
    }
  }
};

template <>
struct Action<g::block_open> {
  template <typename In>
  static void apply(const In& in, ParseBuilder& b) {
    b.open_block(begin_of(in, b));
  }
};

template <>
struct Action<g::block_close> {
  template <typename In>
  static void apply(const In& in, ParseBuilder& b) {
    b.close_block(end_of(in, b));
  }
};

template <>
struct Action<g::attribute_value> {
  static void apply0(ParseBuilder& b) {
    Attribute attribute;
    attribute.name = b.name;
    attribute.name_begin = b.name_begin;
    attribute.value = b.pop();
    b.file.attributes.push_back(attribute);
    b.attach({false, static_cast<AttributeId>(b.file.attributes.size() - 1)});
  }
};

// ---- errors and recovery --------------------------------------------------------------------

std::string block_title(const ParseBuilder& b) {
  if (b.frames.empty()) return std::string(b.name);
  const Block& block = b.file.blocks[b.frames.back().block];
  if (block.label_kind == LabelKind::None) return std::string(block.kind);
  return fmt::format("{} {}", block.kind, block.label);
}

// Turns a commit-point failure into one diagnostic pointing at the offending token.
void report(const SyntaxError& error, const ParseBuilder& b, std::string_view text) {
  const FoundToken found = describe_token(text, error.offset);
  Span span = b.file.span(error.offset, error.offset + found.length);
  std::string message = fill_message(error.message, b.name, b.last_op, block_title(b));
  const auto& rule = *error.rule;
  if (rule == typeid(g::string_close)) {
    span = b.file.span(b.string_begin, error.offset);
  } else if (rule == typeid(g::triple_body) || rule == typeid(g::triple_close)) {
    span = b.file.span(b.string_begin, b.string_begin + 3);
  } else if (rule == typeid(g::escape_code)) {
    span = b.file.span(error.offset - 1, error.offset + std::min<std::uint32_t>(found.length, 1));
  } else if (rule == typeid(g::block_close) && found.length == 0 && !b.frames.empty()) {
    const Block& block = b.file.blocks[b.frames.back().block];
    span = b.file.span(block.open_brace, block.open_brace + 1);
    message =
        fmt::format("unclosed `{{` of `{}`: expected `}}` before end of file", block_title(b));
  } else if (rule == typeid(g::list_close) && follows_separator(text, error.offset)) {
    message = fmt::format("expected a list item or `]`, found {}", found.description);
  } else if (rule == typeid(g::call_close) && follows_separator(text, error.offset)) {
    message = fmt::format("expected an argument or `)`, found {}", found.description);
  } else if ((rule == typeid(g::member_rest) || rule == typeid(g::top_block_rest)) &&
             b.label_kind != LabelKind::None && b.label_begin >= error.offset &&
             b.label_end < text.size() && (text[b.label_end] == ' ' || text[b.label_end] == '\t')) {
    // `person carla name = ...`: the name was read, the brace after it is missing.
    std::uint32_t after = b.label_end;
    while (after < text.size() && (text[after] == ' ' || text[after] == '\t')) ++after;
    const FoundToken next = describe_token(text, after);
    if (rule == typeid(g::top_block_rest) || next.is_word_or_string) {
      span = b.file.span(after, after + next.length);
      message =
          fmt::format("expected `{{` after `{} {}`, found {}", b.name,
                      text.substr(b.label_begin, b.label_end - b.label_begin), next.description);
    } else {  // `team sdr` on a line of its own: an attribute without `=`
      message = fmt::format("expected `=` after `{}`, found {}", b.name, found.description);
    }
  } else if (rule == typeid(g::member_rest) && found.is_word_or_string) {
    message = fmt::format("expected `=` after `{}`, found {}", b.name, found.description);
  } else if (message.find("{found}") != std::string::npos) {
    message.replace(message.find("{found}"), 7, found.description);
  } else if (message.starts_with("expected")) {
    message += fmt::format(", found {}", found.description);
  }
  b.diagnostics.report(compiler_rule::kSyntax, span, std::move(message));
}

// Whether a block ending at `end` is followed only by blanks and comments up to the end of the
// file or a line that starts a top-level block (a name in the first column).
bool ends_before_next_block(std::string_view text, std::uint32_t end) {
  std::uint32_t i = end;
  while (i < text.size()) {
    if (text[i] == '#') {
      while (i < text.size() && text[i] != '\n') ++i;
    } else if (text[i] == ' ' || text[i] == '\t' || text[i] == '\r' || text[i] == '\n') {
      ++i;
    } else {
      break;
    }
  }
  if (i == text.size()) return true;
  return (i == 0 || text[i - 1] == '\n') && grammar::is_ident_first(text[i]);
}

// The one diagnostic for a nested block whose `}` is missing, at its `{`.
void report_unclosed(const ParseBuilder& b, std::string_view text) {
  const ParseBuilder::Unclosed& unclosed = *b.forced;
  const Block* block = nullptr;
  for (const Block& candidate : b.file.blocks) {
    if (candidate.open_brace == unclosed.open_brace) block = &candidate;
  }
  const std::string title = block->label_kind == LabelKind::None
                                ? std::string(block->kind)
                                : fmt::format("{} {}", block->kind, block->label);
  // The member's line as written, to say where the `}` goes.
  std::string_view line = text.substr(unclosed.member_begin);
  line = line.substr(0, std::min(line.find_first_of("\r\n"), std::size_t{40}));
  while (!line.empty() && (line.back() == ' ' || line.back() == '\t')) line.remove_suffix(1);
  Diagnostic& d = b.diagnostics.report(
      compiler_rule::kSyntax, b.file.span(unclosed.open_brace, unclosed.open_brace + 1),
      fmt::format("unclosed `{{` of `{}`: expected `}}` before `{}`", title, line));
  d.help = fmt::format("add `}}` above `{}`: it is indented like `{}`, so it is not inside it",
                       line, title);
}

// A file that is not text gets one diagnostic instead of a syntax error per stray byte: over
// the size limit or holding a NUL byte, it is not parsed (false); invalid UTF-8 is reported at
// its first byte and the file is parsed all the same (strings keep the bytes as written).
bool check_encoding(const SourceFile& source, FileId id, Diagnostics& diagnostics) {
  const std::string_view text = source.text();
  const std::uint32_t bom = source.had_bom() ? 3 : 0;
  if (source.too_large()) {
    diagnostics.report(compiler_rule::kLimit, Span{id, 0, 0},
                       fmt::format("the file is over the limit of {} bytes; it was not checked",
                                   limits::kMaxFileBytes));
    return false;
  }
  if (const std::size_t nul = text.find('\0'); nul != std::string_view::npos) {
    const auto at = static_cast<std::uint32_t>(nul);
    diagnostics.report(
        compiler_rule::kEncoding, Span{id, at, at + 1},
        fmt::format("binary file: a NUL byte at byte {}; it was not checked", at + bom));
    return false;
  }
  if (const auto bad = first_invalid_utf8(text)) {
    diagnostics
        .report(compiler_rule::kEncoding, Span{id, *bad, *bad + 1},
                fmt::format("invalid UTF-8: byte 0x{:02X} at byte {} does not begin a valid "
                            "sequence",
                            static_cast<unsigned char>(text[*bad]), *bad + bom))
        .help = "save the file as UTF-8";
  }
  return true;
}

}  // namespace

File parse_file(const SourceFile& source, FileId id, Diagnostics& diagnostics) {
  File file;
  file.id = id;
  file.source = &source;
  if (!check_encoding(source, id, diagnostics)) return file;
  const std::string_view text = source.text();
  // Typical densities of .gtm text (a field of four attributes takes about 130 bytes), so that
  // the vectors rarely grow: growing copies them through fresh memory. Denser text makes them
  // double once; sparser text leaves part of the reservation unused.
  file.exprs.reserve(text.size() / 24);
  file.expr_children.reserve(text.size() / 64);
  file.attributes.reserve(text.size() / 32);
  file.members.reserve(text.size() / 32);
  file.blocks.reserve(text.size() / 96);
  ParseBuilder builder(file, diagnostics, text.data());
  const auto size = static_cast<std::uint32_t>(text.size());
  std::uint32_t position = 0;
  std::size_t syntax_errors = 0;
  bool retried = false;  // the block at `position` was parsed again (see below)
  while (true) {
    pegtl::memory_input<pegtl::tracking_mode::lazy> gap(text.data() + position, text.end(), "");
    pegtl::parse<g::ws, Action, Control>(gap, builder);
    position = builder.offset(gap.current());
    if (position >= size) break;
    builder.name = {};
    builder.unclosed.reset();
    const ParseBuilder::Mark start = builder.mark();
    const std::size_t reported = diagnostics.items().size();
    pegtl::memory_input<pegtl::tracking_mode::lazy> in(text.data() + position, text.end(), "");
    try {
      pegtl::parse<g::top_block_start, Action, Control>(in, builder);
      if (builder.forced && !ends_before_next_block(text, builder.offset(in.current()))) {
        builder.rewind(start);  // closing there explains nothing: parse it as written
        diagnostics.items().resize(reported);
        builder.forced.reset();
        continue;
      }
      position = builder.offset(in.current());
      if (builder.forced) report_unclosed(builder, text);
      builder.forced.reset();
      retried = false;
    } catch (const SyntaxError& error) {
      // A nested block left open (`rule a {` with no `}`, the next member indented like it) makes
      // its parent swallow what follows and fail far below, often several times. If indentation
      // named such a block, the top-level block is parsed again with it closed before that
      // member; if that parses, the one diagnostic is at the unclosed `{`. Otherwise the block
      // is parsed once more as written and its first error reported as usual.
      if (!retried && builder.unclosed) {
        builder.rewind(start);
        diagnostics.items().resize(reported);
        builder.forced = builder.unclosed;
        retried = true;
        continue;
      }
      if (builder.forced) {
        builder.rewind(start);
        diagnostics.items().resize(reported);
        builder.forced.reset();
        continue;
      }
      retried = false;
      if (++syntax_errors > limits::kMaxSyntaxErrors) {
        diagnostics.report(compiler_rule::kLimit, file.span(error.offset, error.offset),
                           fmt::format("over {} syntax errors in this file; the rest of it was not "
                                       "checked",
                                       limits::kMaxSyntaxErrors));
        builder.abandon(error.offset, false);
        break;
      }
      report(error, builder, text);
      const std::size_t open_blocks = builder.frames.size();
      builder.abandon(error.offset, !builder.name.empty() && builder.name_begin == position);
      const std::uint32_t resume = recovery_point(text, position, error.offset, open_blocks);
      position = std::max(resume, position + 1);
    }
  }
  return file;
}

}  // namespace gtm
