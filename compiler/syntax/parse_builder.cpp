// Opening, closing and abandoning blocks while the parser builds the tree.
#include "compiler/syntax/parse_builder.hpp"

#include "compiler/base/name_map.hpp"

namespace gtm {

void ParseBuilder::open_block(std::uint32_t brace) {
  Block block;
  block.kind = name;
  block.kind_begin = name_begin;
  block.kind_end = name_end;
  block.label_kind = label_kind;
  block.label = label;
  block.label_hash = label_kind == LabelKind::None ? 0 : hash_name(label);
  block.label_begin = label_begin;
  block.label_end = label_end;
  block.begin = name_begin;
  block.open_brace = brace;
  file.blocks.push_back(block);
  frames.push_back({static_cast<BlockId>(file.blocks.size() - 1), member_stack.size()});
}

void ParseBuilder::attach(Member member) {
  if (frames.empty()) {
    file.top_level.push_back(member.index);
  } else {
    member_stack.push_back(member);
  }
}

void ParseBuilder::close_block(std::uint32_t end) {
  const Frame frame = frames.back();
  frames.pop_back();
  Block& block = file.blocks[frame.block];
  block.end = end;
  block.first_member = static_cast<std::uint32_t>(file.members.size());
  block.member_count = static_cast<std::uint32_t>(member_stack.size() - frame.first_member);
  file.members.insert(file.members.end(),
                      member_stack.begin() + static_cast<long>(frame.first_member),
                      member_stack.end());
  member_stack.resize(frame.first_member);
  attach({true, frame.block});
}

void ParseBuilder::abandon(std::uint32_t error_offset, bool header_read) {
  if (frames.empty() && header_read) {
    // The error came before `{`: keep the header so that the block's name still resolves.
    open_block(name_end);
  }
  while (!frames.empty()) {
    file.blocks[frames.back().block].has_error = true;
    close_block(error_offset);
  }
  operands.clear();
  commit_starts.clear();
  marks.clear();
  ops.clear();
  arrows.clear();
  depth = 0;
}

namespace {

// The column of the first character of the line holding `offset` that is not a blank.
std::uint32_t indentation_of_line(const char* base, std::uint32_t offset) {
  std::uint32_t start = offset;
  while (start > 0 && base[start - 1] != '\n') --start;
  std::uint32_t first = start;
  while (base[first] == ' ' || base[first] == '\t') ++first;
  return first - start;
}

bool starts_line(const char* base, std::uint32_t offset) {
  while (offset > 0 && (base[offset - 1] == ' ' || base[offset - 1] == '\t')) --offset;
  return offset == 0 || base[offset - 1] == '\n';
}

}  // namespace

void ParseBuilder::note_indentation(std::uint32_t member_begin) {
  if (frames.size() < 2 || unclosed || forced || !starts_line(base, member_begin)) return;
  const Block& innermost = file.blocks[frames.back().block];
  if (indentation_of_line(base, member_begin) > indentation_of_line(base, innermost.kind_begin)) {
    return;
  }
  unclosed = Unclosed{innermost.open_brace, member_begin};
}

ParseBuilder::Mark ParseBuilder::mark() const {
  return {file.blocks.size(),    file.attributes.size(),    file.members.size(),
          file.exprs.size(),     file.expr_children.size(), file.comments.size(),
          file.top_level.size(), last_comment_end};
}

void ParseBuilder::rewind(const Mark& mark) {
  frames.clear();
  member_stack.clear();
  operands.clear();
  commit_starts.clear();
  marks.clear();
  ops.clear();
  arrows.clear();
  depth = 0;
  file.blocks.resize(mark.blocks);
  file.attributes.resize(mark.attributes);
  file.members.resize(mark.members);
  file.exprs.resize(mark.exprs);
  file.expr_children.resize(mark.expr_children);
  file.comments.resize(mark.comments);
  file.top_level.resize(mark.top_level);
  last_comment_end = mark.last_comment_end;
}

}  // namespace gtm
