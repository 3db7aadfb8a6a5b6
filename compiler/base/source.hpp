// Source files and spans: the text of one `.gtm` file, its line table, and conversions between
// byte offsets (what the compiler stores) and lines/columns (what people and editors see).
#pragma once

#include <cstdint>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace gtm {

using FileId = std::uint32_t;

/// A half-open byte range [begin, end) in one file.
struct Span {
  FileId file = 0;
  std::uint32_t begin = 0;
  std::uint32_t end = 0;

  friend bool operator==(const Span&, const Span&) = default;
};

/// 1-based line and column; the column counts characters (Unicode code points), not bytes.
struct LineColumn {
  std::uint32_t line = 1;
  std::uint32_t column = 1;
};

class SourceFile {
 public:
  /// Takes the file's bytes; a UTF-8 byte-order mark is dropped (and remembered). Bytes over
  /// limits::kMaxFileBytes are not kept: the file is then empty and `too_large()`.
  SourceFile(std::string path, std::string bytes);

  const std::string& path() const { return path_; }
  std::string_view text() const { return text_; }
  bool had_bom() const { return had_bom_; }
  bool too_large() const { return too_large_; }
  std::uint32_t line_count() const { return static_cast<std::uint32_t>(lines().size()); }
  /// Finds where the lines start, if not done yet (safe from any thread). Every method that
  /// needs lines does so itself; a check calls it on the threads that parse the files, so that
  /// reporting finds it done.
  void index_lines() const { lines(); }

  LineColumn line_column(std::uint32_t offset) const;
  /// The text of a 1-based line without its line ending.
  std::string_view line_text(std::uint32_t line) const;
  std::uint32_t line_start(std::uint32_t line) const { return lines()[line - 1]; }
  /// The byte offset of a 1-based line and character column, clamped to the line.
  std::uint32_t offset_of(LineColumn position) const;

  /// UTF-16 code units from the start of the line to `offset` (LSP positions).
  std::uint32_t utf16_column(std::uint32_t offset) const;
  /// The byte offset of a 0-based line and UTF-16 character (LSP positions), clamped.
  std::uint32_t offset_of_utf16(std::uint32_t line0, std::uint32_t character) const;

 private:
  const std::vector<std::uint32_t>& lines() const;

  std::string path_;
  std::string text_;
  mutable std::once_flag lines_indexed_;
  mutable std::vector<std::uint32_t> line_starts_;  ///< once lines_indexed_
  bool had_bom_ = false;
  bool too_large_ = false;
};

/// The offset of the first byte that does not begin a valid UTF-8 sequence (overlong forms,
/// surrogates and code points past U+10FFFF included), if any.
std::optional<std::uint32_t> first_invalid_utf8(std::string_view text);

/// Every file of one compilation, addressed by FileId. Files never move once added.
class SourceSet {
 public:
  FileId add(std::string path, std::string bytes);
  const SourceFile& file(FileId id) const { return *files_[id]; }
  std::size_t size() const { return files_.size(); }

 private:
  std::vector<std::unique_ptr<SourceFile>> files_;
};

/// Number of code points in a UTF-8 string (continuation bytes are not counted).
std::uint32_t count_characters(std::string_view utf8);

}  // namespace gtm
