// The printer behind `gtmlint fmt`: syntax tree + comments -> canonical text (see formatter.hpp
// for the style). Comments are placed by position: those before an element are printed on their
// own lines above it, one on the line where an element ends is kept at the end of that line.
#include "compiler/formatter.hpp"

#include <algorithm>
#include <optional>

namespace gtm {

namespace {

constexpr std::size_t kIndent = 2;

class Printer {
 public:
  explicit Printer(const File& file) : file_(file), text_(file.source->text()) {}

  std::string print() {
    print_top_level();
    return std::move(out_);
  }

 private:
  enum class Last { Nothing, Comment, OneLineBlock, Block };

  // ---- source facts -------------------------------------------------------------------------

  bool has_comment_in(std::uint32_t begin, std::uint32_t end) const {
    return std::any_of(file_.comments.begin(), file_.comments.end(),
                       [&](const Comment& c) { return c.begin >= begin && c.begin < end; });
  }
  bool blank_line_between(std::uint32_t from, std::uint32_t to) const {
    bool line_had_text = true;  // the line of `from` has the previous element on it
    for (std::uint32_t i = from; i < to && i < text_.size(); ++i) {
      const char c = text_[i];
      if (c == '\n') {
        if (!line_had_text) return true;
        line_had_text = false;
      } else if (c != ' ' && c != '\t' && c != '\r') {
        line_had_text = true;
      }
    }
    return false;
  }
  std::uint32_t end_of_line(std::uint32_t offset) const {
    const std::size_t newline = text_.find('\n', offset);
    return newline == std::string_view::npos ? static_cast<std::uint32_t>(text_.size())
                                             : static_cast<std::uint32_t>(newline);
  }
  bool same_line(std::uint32_t from, std::uint32_t to) const {
    return text_.substr(from, to - from).find('\n') == std::string_view::npos;
  }
  std::string_view source(std::uint32_t begin, std::uint32_t end) const {
    return text_.substr(begin, end - begin);
  }
  std::string_view comment_text(const Comment& c) const { return source(c.begin, c.end); }
  const Comment* next_comment() const {
    return next_comment_ < file_.comments.size() ? &file_.comments[next_comment_] : nullptr;
  }

  // ---- output -------------------------------------------------------------------------------

  void indent(std::size_t depth) { out_.append(depth * kIndent, ' '); }
  std::size_t column() const {
    const std::size_t newline = out_.rfind('\n');
    return newline == std::string::npos ? out_.size() : out_.size() - newline - 1;
  }
  // Prints the comment that starts on the line where `end` is, if any; returns its end or `end`.
  std::uint32_t trailing_comment(std::uint32_t end) {
    const Comment* c = next_comment();
    if (!c || c->begin < end || !same_line(end, c->begin)) return end;
    out_ += "  ";
    out_ += comment_text(*c);
    ++next_comment_;
    return c->end;
  }
  // Own-line comments before `offset`, at `depth`; keeps one blank line where there was one.
  std::uint32_t leading_comments(std::uint32_t offset, std::size_t depth, std::uint32_t last_end,
                                 bool blank_allowed) {
    while (const Comment* c = next_comment()) {
      if (c->begin >= offset) break;
      if (blank_allowed && blank_line_between(last_end, c->begin)) out_ += '\n';
      indent(depth);
      out_ += comment_text(*c);
      out_ += '\n';
      ++next_comment_;
      last_end = c->end;
      blank_allowed = true;
    }
    return last_end;
  }

  // ---- top level ----------------------------------------------------------------------------

  // Own-line comments at top level before `offset`: a blank line after a multi-line block, and
  // elsewhere only where the source had one.
  void top_level_comments(std::uint32_t offset, Last& last, std::uint32_t& last_end) {
    while (const Comment* c = next_comment()) {
      if (c->begin >= offset) break;
      if (last == Last::Block ||
          (last != Last::Nothing && blank_line_between(last_end, c->begin))) {
        out_ += '\n';
      }
      out_ += comment_text(*c);
      out_ += '\n';
      ++next_comment_;
      last = Last::Comment;
      last_end = c->end;
    }
  }

  void print_top_level() {
    Last last = Last::Nothing;
    std::uint32_t last_end = 0;
    for (BlockId id : file_.top_level) {
      const Block& b = file_.blocks[id];
      top_level_comments(b.begin, last, last_end);
      const std::optional<std::string> one_line = one_line_form(b, 0);
      if (last != Last::Nothing &&
          (last == Last::Block || (last == Last::OneLineBlock && !one_line) ||
           blank_line_between(last_end, b.begin))) {
        out_ += '\n';
      }
      if (one_line)
        out_ += *one_line;
      else
        print_block(b, 0);
      last_end = trailing_comment(b.end);
      out_ += '\n';
      last = one_line ? Last::OneLineBlock : Last::Block;
    }
    top_level_comments(~std::uint32_t{0}, last, last_end);
  }

  // ---- blocks -------------------------------------------------------------------------------

  // A header with comments inside is kept as written; if it ends in a comment, `{` must go on
  // the next line (`header_ends_in_comment`).
  std::string header(const Block& b) const {
    if (has_comment_in(b.kind_begin, b.open_brace)) {
      std::string_view written = source(b.kind_begin, b.open_brace);
      while (!written.empty() &&
             std::string_view(" \t\r\n").find(written.back()) != std::string_view::npos) {
        written.remove_suffix(1);
      }
      return std::string(written);
    }
    std::string out(b.kind);
    if (b.label_kind != LabelKind::None) {
      out += ' ';
      out += source(b.label_begin, b.label_end);
    }
    return out;
  }

  // `kind name { a = 1  b = 2 }` if the block was written on one line, holds no comments, and
  // fits at `depth`; nullopt otherwise.
  std::optional<std::string> one_line_form(const Block& b, std::size_t depth) const {
    if (!same_line(b.begin, b.end) || has_comment_in(b.begin, b.end)) return std::nullopt;
    std::string out = header(b) + " {";
    const auto members = file_.members_of(b);
    for (std::size_t i = 0; i < members.size(); ++i) {
      out += i == 0 ? " " : "  ";
      if (members[i].is_block) {
        auto nested = one_line_form(file_.blocks[members[i].index], depth + 1);
        if (!nested) return std::nullopt;
        out += *nested;
      } else {
        const Attribute& a = file_.attributes[members[i].index];
        out += std::string(a.name) + " = " + inline_expr(a.value);
      }
    }
    out += members.empty() ? "}" : " }";
    if (depth * kIndent + out.size() > kFormatWidth) return std::nullopt;
    return out;
  }

  std::uint32_t member_begin(const Member& m) const {
    return m.is_block ? file_.blocks[m.index].begin : file_.attributes[m.index].name_begin;
  }
  std::uint32_t member_end(const Member& m) const {
    return m.is_block ? file_.blocks[m.index].end
                      : file_.exprs[file_.attributes[m.index].value].end;
  }

  // The width `=` is aligned to for each member: the longest name in its run of consecutive
  // attributes (a blank line, a comment or a nested block ends a run); 0 for blocks.
  std::vector<std::size_t> alignment(std::span<const Member> members) const {
    std::vector<std::size_t> widths(members.size(), 0);
    std::size_t run_start = 0;
    const auto close_run = [&](std::size_t end) {
      std::size_t width = 0;
      for (std::size_t i = run_start; i < end; ++i) {
        width = std::max(width, file_.attributes[members[i].index].name.size());
      }
      for (std::size_t i = run_start; i < end; ++i) widths[i] = width;
    };
    for (std::size_t i = 0; i < members.size(); ++i) {
      const bool continues =
          i > run_start && !members[i].is_block && !members[i - 1].is_block &&
          !verbatim(file_.attributes[members[i].index]) &&
          !verbatim(file_.attributes[members[i - 1].index]) &&
          !blank_line_between(member_end(members[i - 1]), member_begin(members[i])) &&
          !has_comment_in(end_of_line(member_end(members[i - 1])), member_begin(members[i]));
      if (!continues) {
        close_run(i);
        run_start = members[i].is_block ? i + 1 : i;
      }
    }
    close_run(members.size());
    for (std::size_t i = 0; i < members.size(); ++i) {
      if (members[i].is_block) widths[i] = 0;
    }
    return widths;
  }

  bool header_ends_in_comment(const Block& b) const {
    const std::string written = header(b);
    const auto end = b.kind_begin + static_cast<std::uint32_t>(written.size());
    return std::any_of(file_.comments.begin(), file_.comments.end(),
                       [&](const Comment& c) { return c.end == end && c.begin >= b.kind_begin; });
  }

  void print_block(const Block& b, std::size_t depth) {
    out_ += header(b);
    if (header_ends_in_comment(b)) {
      out_ += '\n';
      indent(depth);
      out_ += '{';
    } else {
      out_ += " {";
    }
    while (next_comment() && next_comment()->begin < b.open_brace)
      ++next_comment_;  // in the header
    std::uint32_t last_end = trailing_comment(b.open_brace + 1);
    out_ += '\n';
    const auto members = file_.members_of(b);
    const auto widths = alignment(members);
    bool first = true;
    for (std::size_t i = 0; i < members.size(); ++i) {
      const std::uint32_t begin = member_begin(members[i]);
      const bool had_comments = next_comment() && next_comment()->begin < begin;
      last_end = leading_comments(begin, depth + 1, last_end, !first);
      if ((!first || had_comments) && blank_line_between(last_end, begin)) out_ += '\n';
      indent(depth + 1);
      if (members[i].is_block) {
        const Block& nested = file_.blocks[members[i].index];
        if (auto one_line = one_line_form(nested, depth + 1))
          out_ += *one_line;
        else
          print_block(nested, depth + 1);
      } else {
        print_attribute(file_.attributes[members[i].index], depth + 1, widths[i]);
      }
      last_end = trailing_comment(member_end(members[i]));
      out_ += '\n';
      first = false;
    }
    leading_comments(b.end, depth + 1, last_end, !first);
    indent(depth);
    out_ += '}';
  }

  // ---- attributes and expressions -----------------------------------------------------------

  // An attribute with a comment inside its value (other than between the items of a list) is
  // kept exactly as written, so that the comment stays where it is.
  bool verbatim(const Attribute& a) const {
    const Expr& value = file_.exprs[a.value];
    if (!has_comment_in(a.name_begin, value.end)) return false;
    if (value.kind != ExprKind::List || has_comment_in(a.name_begin, value.begin)) return true;
    for (ExprId item : file_.children(value)) {
      const Expr& e = file_.exprs[item];
      if (has_comment_in(e.begin, e.end)) return true;
    }
    return false;
  }

  void print_attribute(const Attribute& a, std::size_t depth, std::size_t width) {
    if (verbatim(a)) {
      const Expr& value = file_.exprs[a.value];
      out_ += source(a.name_begin, value.end);
      while (next_comment() && next_comment()->begin < value.end) ++next_comment_;
      return;
    }
    out_ += a.name;
    if (width > a.name.size()) out_.append(width - a.name.size(), ' ');
    out_ += " = ";
    print_value(a.value, depth);
  }

  bool list_must_break(const Expr& list) const {
    if (file_.children(list).empty()) return has_comment_in(list.begin, list.end);
    const Expr& first = file_.exprs[file_.children(list)[0]];
    return has_comment_in(list.begin, list.end) || !same_line(list.begin, first.begin) ||
           column() + inline_expr_of(list).size() > kFormatWidth;
  }

  void print_value(ExprId id, std::size_t depth) {
    const Expr& e = file_.exprs[id];
    if (e.kind != ExprKind::List || !list_must_break(e)) {
      out_ += inline_expr(id);
      return;
    }
    out_ += '[';
    // A comment on the `[` line belongs there only if it comes before the first item.
    const Expr& first = file_.exprs[file_.children(e)[0]];
    std::uint32_t last_end = e.begin + 1;
    if (next_comment() && next_comment()->begin < first.begin)
      last_end = trailing_comment(e.begin + 1);
    out_ += '\n';
    for (ExprId item_id : file_.children(e)) {
      const Expr& item = file_.exprs[item_id];
      last_end = leading_comments(item.begin, depth + 1, last_end, true);
      indent(depth + 1);
      print_value(item_id, depth + 1);
      out_ += ',';
      // A comment after the item's comma is on the item's line too.
      const std::size_t comma = text_.find(',', item.end);
      const std::uint32_t after =
          comma != std::string_view::npos && same_line(item.end, static_cast<std::uint32_t>(comma))
              ? static_cast<std::uint32_t>(comma + 1)
              : item.end;
      last_end = trailing_comment(after);
      out_ += '\n';
    }
    leading_comments(e.end, depth + 1, last_end, true);
    indent(depth);
    out_ += ']';
  }

  std::string inline_expr(ExprId id) const { return inline_expr_of(file_.exprs[id]); }

  std::string joined(const Expr& e, std::string_view separator) const {
    std::string out;
    const auto children = file_.children(e);
    for (std::size_t i = 0; i < children.size(); ++i) {
      if (i > 0) out += separator;
      out += inline_expr(children[i]);
    }
    return out;
  }

  std::string inline_expr_of(const Expr& e) const {
    switch (e.kind) {
      case ExprKind::Call:
        return std::string(e.text) + "(" + joined(e, ", ") + ")";
      case ExprKind::List:
        return "[" + joined(e, ", ") + "]";
      case ExprKind::Paren:
        return "(" + joined(e, "") + ")";
      case ExprKind::Not:
        return "not " + joined(e, "");
      case ExprKind::And:
        return joined(e, " and ");
      case ExprKind::Or:
        return joined(e, " or ");
      case ExprKind::Mapping:
        return joined(e, " -> ");
      case ExprKind::Compare:
        return joined(e, " " + std::string(compare_op_text(e.op)) + " ");
      default:
        return std::string(source(e.begin, e.end));  // literals and names as written
    }
  }

  const File& file_;
  std::string_view text_;
  std::string out_;
  std::size_t next_comment_ = 0;
};

// CRLF files stay CRLF and a byte-order mark stays: those are the author's, not layout.
std::string restore_encoding(const SourceFile& source, std::string text) {
  const std::string_view original = source.text();
  const std::size_t newline = original.find('\n');
  if (newline != std::string_view::npos && newline > 0 && original[newline - 1] == '\r') {
    std::string crlf;
    for (char c : text) {
      if (c == '\n') crlf += '\r';
      crlf += c;
    }
    text = std::move(crlf);
  }
  return source.had_bom() ? "\xEF\xBB\xBF" + text : text;
}

}  // namespace

std::string format_file(const File& file) {
  return restore_encoding(*file.source, Printer(file).print());
}

}  // namespace gtm
