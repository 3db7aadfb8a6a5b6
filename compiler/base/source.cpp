// Line tables and offset <-> line/column conversion for source files.
#include "compiler/base/source.hpp"

#include <algorithm>
#include <cstring>

#include "compiler/base/limits.hpp"

namespace gtm {

namespace {

bool is_continuation_byte(char c) {
  return (static_cast<unsigned char>(c) & 0xC0) == 0x80;
}

// Length in bytes of the UTF-8 sequence that starts with `lead` (1 for invalid lead bytes).
std::uint32_t sequence_length(char lead) {
  const auto byte = static_cast<unsigned char>(lead);
  if (byte >= 0xF0) return 4;
  if (byte >= 0xE0) return 3;
  if (byte >= 0xC0) return 2;
  return 1;
}

}  // namespace

std::uint32_t count_characters(std::string_view utf8) {
  return static_cast<std::uint32_t>(
      std::count_if(utf8.begin(), utf8.end(), [](char c) { return !is_continuation_byte(c); }));
}

std::optional<std::uint32_t> first_invalid_utf8(std::string_view text) {
  const auto* bytes = reinterpret_cast<const unsigned char*>(text.data());
  const std::size_t size = text.size();
  constexpr std::uint64_t kHighBits = 0x8080808080808080u;
  for (std::size_t i = 0; i < size;) {
    if (i + 32 <= size) {  // ASCII 32 bytes at a time: nearly all of a .gtm file
      std::uint64_t words[4];
      std::memcpy(words, bytes + i, sizeof words);
      if (((words[0] | words[1] | words[2] | words[3]) & kHighBits) == 0) {
        i += 32;
        continue;
      }
    }
    if (i + 8 <= size) {
      std::uint64_t word = 0;
      std::memcpy(&word, bytes + i, 8);
      if ((word & kHighBits) == 0) {
        i += 8;
        continue;
      }
    }
    const unsigned char lead = bytes[i];
    if (lead < 0x80) {
      ++i;
      continue;
    }
    // The valid ranges of the second byte depend on the lead byte (RFC 3629, section 4).
    std::size_t length = 0;
    unsigned char low = 0x80, high = 0xBF;
    if (lead >= 0xC2 && lead <= 0xDF) {
      length = 2;
    } else if (lead >= 0xE0 && lead <= 0xEF) {
      length = 3;
      if (lead == 0xE0) low = 0xA0;
      if (lead == 0xED) high = 0x9F;
    } else if (lead >= 0xF0 && lead <= 0xF4) {
      length = 4;
      if (lead == 0xF0) low = 0x90;
      if (lead == 0xF4) high = 0x8F;
    } else {
      return static_cast<std::uint32_t>(i);
    }
    if (i + length > size || bytes[i + 1] < low || bytes[i + 1] > high) {
      return static_cast<std::uint32_t>(i);
    }
    for (std::size_t k = 2; k < length; ++k) {
      if (!is_continuation_byte(static_cast<char>(bytes[i + k]))) {
        return static_cast<std::uint32_t>(i);
      }
    }
    i += length;
  }
  return std::nullopt;
}

SourceFile::SourceFile(std::string path, std::string bytes) : path_(std::move(path)) {
  if (bytes.size() > limits::kMaxFileBytes) {
    too_large_ = true;
    bytes.clear();
  }
  constexpr std::string_view kBom = "\xEF\xBB\xBF";
  if (std::string_view(bytes).starts_with(kBom)) {
    had_bom_ = true;
    bytes.erase(0, kBom.size());
  }
  text_ = std::move(bytes);
}

const std::vector<std::uint32_t>& SourceFile::lines() const {
  std::call_once(lines_indexed_, [this] {
    line_starts_.push_back(0);
    const std::string_view text = text_;
    for (std::size_t at = text.find('\n'); at != std::string_view::npos;
         at = text.find('\n', at + 1)) {
      line_starts_.push_back(static_cast<std::uint32_t>(at + 1));
    }
  });
  return line_starts_;
}

LineColumn SourceFile::line_column(std::uint32_t offset) const {
  offset = std::min<std::uint32_t>(offset, static_cast<std::uint32_t>(text_.size()));
  const std::vector<std::uint32_t>& starts = lines();
  const auto it = std::upper_bound(starts.begin(), starts.end(), offset);
  const auto line = static_cast<std::uint32_t>(it - starts.begin());
  const std::uint32_t start = starts[line - 1];
  return {line, 1 + count_characters(std::string_view(text_).substr(start, offset - start))};
}

std::string_view SourceFile::line_text(std::uint32_t line) const {
  const std::vector<std::uint32_t>& starts = lines();
  if (line == 0 || line > starts.size()) return {};
  const std::uint32_t start = starts[line - 1];
  std::uint32_t end =
      line < starts.size() ? starts[line] - 1 : static_cast<std::uint32_t>(text_.size());
  if (end > start && text_[end - 1] == '\r') --end;
  return std::string_view(text_).substr(start, end - start);
}

std::uint32_t SourceFile::offset_of(LineColumn position) const {
  if (position.line == 0) return 0;
  const std::vector<std::uint32_t>& starts = lines();
  if (position.line > starts.size()) return static_cast<std::uint32_t>(text_.size());
  const std::uint32_t start = starts[position.line - 1];
  const std::string_view line = line_text(position.line);
  std::uint32_t offset = 0;
  for (std::uint32_t column = 1; column < position.column && offset < line.size(); ++column) {
    offset += sequence_length(line[offset]);
  }
  return start + std::min<std::uint32_t>(offset, static_cast<std::uint32_t>(line.size()));
}

std::uint32_t SourceFile::utf16_column(std::uint32_t offset) const {
  const LineColumn position = line_column(offset);
  const std::uint32_t start = lines()[position.line - 1];
  std::uint32_t units = 0;
  for (std::uint32_t i = start; i < offset && i < text_.size(); i += sequence_length(text_[i])) {
    units += sequence_length(text_[i]) == 4 ? 2 : 1;
  }
  return units;
}

std::uint32_t SourceFile::offset_of_utf16(std::uint32_t line0, std::uint32_t character) const {
  const std::vector<std::uint32_t>& starts = lines();
  if (line0 >= starts.size()) return static_cast<std::uint32_t>(text_.size());
  const std::uint32_t start = starts[line0];
  const std::string_view line = line_text(line0 + 1);
  std::uint32_t offset = 0;
  std::uint32_t units = 0;
  while (offset < line.size() && units < character) {
    const std::uint32_t length = sequence_length(line[offset]);
    units += length == 4 ? 2 : 1;
    offset += length;
  }
  return start + std::min<std::uint32_t>(offset, static_cast<std::uint32_t>(line.size()));
}

FileId SourceSet::add(std::string path, std::string bytes) {
  files_.push_back(std::make_unique<SourceFile>(std::move(path), std::move(bytes)));
  return static_cast<FileId>(files_.size() - 1);
}

}  // namespace gtm
