// The printer behind `gtmlint fmt`: syntax tree + comments -> canonical text (see formatter.hpp
// for the style). Comments are placed by position: those before an element are printed on their
// own lines above it, one on the line where an element ends is kept at the end of that line.
#include "compiler/format/formatter.hpp"

#include <algorithm>
#include <optional>

#include <fmt/format.h>

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
  // A comment at or after `next` (the next element, begun on the same line) is that element's.
  std::uint32_t trailing_comment(std::uint32_t end, std::uint32_t next = ~std::uint32_t{0}) {
    const Comment* c = next_comment();
    if (!c || c->begin < end || c->begin >= next || !same_line(end, c->begin)) return end;
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
    std::vector<const Block*> blocks;
    for (BlockId id : file_.top_level) blocks.push_back(&file_.blocks[id]);
    const std::vector<std::optional<std::string>> one_lines = one_line_forms(blocks, 0);
    for (std::size_t i = 0; i < blocks.size(); ++i) {
      const Block& b = *blocks[i];
      const std::uint32_t next = i + 1 < blocks.size() ? blocks[i + 1]->begin : ~std::uint32_t{0};
      top_level_comments(b.begin, last, last_end);
      const std::optional<std::string>& one_line = one_lines[i];
      if (last != Last::Nothing &&
          (last == Last::Block || (last == Last::OneLineBlock && !one_line) ||
           blank_line_between(last_end, b.begin))) {
        out_ += '\n';
      }
      if (one_line)
        out_ += *one_line;
      else
        print_block(b, 0);
      last_end = trailing_comment(b.end, next);
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

  // ---- one-line blocks and tables of them ---------------------------------------------------

  // A block as one line, in cells: `kind name`, then `a = 1`, `b = 2`.
  struct Row {
    std::string_view kind;
    std::string header;
    std::vector<std::string_view> names;  ///< the attribute of each cell
    std::vector<std::string> cells;
  };

  // The row of a block that holds no nested block, no comment, no blank line between members and
  // no value spanning lines (raw text); nullopt otherwise. Decided by content, never by where
  // the input broke its lines.
  std::optional<Row> one_line_row(const Block& b) const {
    if (has_comment_in(b.begin, b.end)) return std::nullopt;
    Row row{b.kind, header(b), {}, {}};
    const auto members = file_.members_of(b);
    for (std::size_t i = 0; i < members.size(); ++i) {
      const Member& member = members[i];
      if (member.is_block) return std::nullopt;
      // A blank line between members groups them, as a comment would: the author's, kept.
      if (i > 0 && blank_line_between(member_end(members[i - 1]), member_begin(member)))
        return std::nullopt;
      const Attribute& a = file_.attributes[member.index];
      std::string cell = std::string(a.name) + " = " + inline_expr(a.value);
      if (cell.find('\n') != std::string::npos) return std::nullopt;
      row.names.push_back(a.name);
      row.cells.push_back(std::move(cell));
    }
    return row;
  }

  // `widths[0]` pads the header, `widths[j + 1]` cell j (no cell is padded at the row's end).
  static std::string render_row(const Row& row, const std::vector<std::size_t>& widths) {
    const auto padded = [&](std::string text, std::size_t column, bool last) {
      if (!last && column < widths.size() && widths[column] > text.size())
        text.append(widths[column] - text.size(), ' ');
      return text;
    };
    std::string out = padded(row.header, 0, false);
    if (row.cells.empty()) return out + " {}";
    out += " { ";
    for (std::size_t j = 0; j < row.cells.size(); ++j) {
      if (j > 0) out += "  ";
      out += padded(row.cells[j], j + 1, j + 1 == row.cells.size());
    }
    return out + " }";
  }

  // The column widths of a table: the header, then each cell position whose attribute is the
  // same in every row that has it (alignment stops at the first position where rows differ).
  static std::vector<std::size_t> table_widths(std::span<const Row> rows) {
    std::vector<std::size_t> widths{0};
    for (const Row& row : rows) widths[0] = std::max(widths[0], row.header.size());
    for (std::size_t j = 0;; ++j) {
      std::optional<std::string_view> name;
      std::size_t width = 0;
      bool shared = true, any = false;
      for (const Row& row : rows) {
        if (j >= row.cells.size()) continue;
        any = true;
        shared = shared && (!name || *name == row.names[j]);
        name = row.names[j];
        width = std::max(width, row.cells[j].size());
      }
      if (!any || !shared) return widths;
      widths.push_back(width);
    }
  }

  // Each block's one-line text, or nullopt where it must be expanded: a block that cannot be a
  // row or does not fit at `depth`; rows of one kind with nothing between them (`breaks_run`
  // says where a blank line or a comment stands) are aligned as a table; a row that would not
  // fit aligned stays an unaligned one-liner beside it.
  template <typename BreaksRun>
  std::vector<std::optional<std::string>> one_line_forms(const std::vector<const Block*>& blocks,
                                                         std::size_t depth,
                                                         const BreaksRun& breaks_run) const {
    const std::size_t room = kFormatWidth - std::min(kFormatWidth, depth * kIndent);
    std::vector<std::optional<Row>> rows;
    for (const Block* b : blocks) {
      auto row = one_line_row(*b);
      if (row && render_row(*row, {}).size() > room) row.reset();
      rows.push_back(std::move(row));
    }
    std::vector<std::optional<std::string>> lines(blocks.size());
    for (std::size_t start = 0; start < blocks.size();) {
      std::size_t end = start + 1;
      while (rows[start] && end < blocks.size() && rows[end] &&
             rows[end]->kind == rows[start]->kind && !breaks_run(end)) {
        ++end;
      }
      if (rows[start]) align_run(rows, start, end, room, lines);
      start = end;
    }
    return lines;
  }

  std::vector<std::optional<std::string>> one_line_forms(const std::vector<const Block*>& blocks,
                                                         std::size_t depth) const {
    return one_line_forms(blocks, depth, [&](std::size_t i) {
      const Block& before = *blocks[i - 1];
      return blank_line_between(before.end, blocks[i]->begin) ||
             has_comment_in(end_of_line(before.end), blocks[i]->begin);
    });
  }

  static void align_run(const std::vector<std::optional<Row>>& rows, std::size_t start,
                        std::size_t end, std::size_t room,
                        std::vector<std::optional<std::string>>& lines) {
    // A row too wide for the table (one person with a long `left` date, say) stays a one-liner
    // of its own, and the table is made of the others: changing one row rewrites that row only.
    std::vector<Row> table;
    std::vector<bool> in_table(end - start, true);
    std::vector<std::size_t> widths =
        end - start > 1 ? table_widths(rows_of(rows, start, end)) : std::vector<std::size_t>{};
    for (std::size_t i = start; i < end; ++i) {
      in_table[i - start] = render_row(*rows[i], widths).size() <= room;
      if (in_table[i - start]) table.push_back(*rows[i]);
    }
    widths = table.size() > 1 ? table_widths(table) : std::vector<std::size_t>{};
    for (std::size_t i = start; i < end; ++i) {
      lines[i] = render_row(*rows[i], in_table[i - start] ? widths : std::vector<std::size_t>{});
    }
  }

  static std::vector<Row> rows_of(const std::vector<std::optional<Row>>& rows, std::size_t start,
                                  std::size_t end) {
    std::vector<Row> run;
    for (std::size_t i = start; i < end; ++i) run.push_back(*rows[i]);
    return run;
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

  // The one-line forms of a block's nested blocks (indexed like `members`); an attribute between
  // two blocks ends their run.
  std::vector<std::optional<std::string>> nested_one_line_forms(std::span<const Member> members,
                                                                std::size_t depth) const {
    std::vector<const Block*> blocks;
    std::vector<std::size_t> member_index;
    for (std::size_t i = 0; i < members.size(); ++i) {
      if (!members[i].is_block) continue;
      blocks.push_back(&file_.blocks[members[i].index]);
      member_index.push_back(i);
    }
    const auto forms = one_line_forms(blocks, depth, [&](std::size_t k) {
      const Block& before = *blocks[k - 1];
      return member_index[k] != member_index[k - 1] + 1 ||
             blank_line_between(before.end, blocks[k]->begin) ||
             has_comment_in(end_of_line(before.end), blocks[k]->begin);
    });
    std::vector<std::optional<std::string>> out(members.size());
    for (std::size_t k = 0; k < blocks.size(); ++k) out[member_index[k]] = forms[k];
    return out;
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
    const auto members = file_.members_of(b);
    // A comment on the `{` line belongs there only if it comes before the first member (one
    // inside the first attribute's value is that attribute's, printed with it).
    std::uint32_t last_end = b.open_brace + 1;
    if (members.empty() || (next_comment() && next_comment()->begin < member_begin(members[0])))
      last_end = trailing_comment(b.open_brace + 1);
    out_ += '\n';
    const auto widths = alignment(members);
    const auto one_lines = nested_one_line_forms(members, depth + 1);
    bool first = true;
    for (std::size_t i = 0; i < members.size(); ++i) {
      const std::uint32_t begin = member_begin(members[i]);
      const bool had_comments = next_comment() && next_comment()->begin < begin;
      last_end = leading_comments(begin, depth + 1, last_end, !first);
      if ((!first || had_comments) && blank_line_between(last_end, begin)) out_ += '\n';
      indent(depth + 1);
      if (members[i].is_block) {
        if (one_lines[i])
          out_ += *one_lines[i];
        else
          print_block(file_.blocks[members[i].index], depth + 1);
      } else {
        print_attribute(file_.attributes[members[i].index], depth + 1, widths[i]);
      }
      last_end = trailing_comment(member_end(members[i]),
                                  i + 1 < members.size() ? member_begin(members[i + 1]) : b.end);
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
    const auto items = file_.children(e);
    for (std::size_t k = 0; k < items.size(); ++k) {
      const ExprId item_id = items[k];
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
      last_end =
          trailing_comment(after, k + 1 < items.size() ? file_.exprs[items[k + 1]].begin : e.end);
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
        return fmt::format("[{}]", joined(e, ", "));
      case ExprKind::Paren:
        return fmt::format("({})", joined(e, ""));
      case ExprKind::Not:
        return "not " + joined(e, "");
      case ExprKind::And:
        return joined(e, " and ");
      case ExprKind::Or:
        return joined(e, " or ");
      case ExprKind::Mapping:
        return joined(e, e.boolean ? " <-> " : " -> ");
      case ExprKind::Compare:
        return joined(e, fmt::format(" {} ", compare_op_text(e.op)));
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
