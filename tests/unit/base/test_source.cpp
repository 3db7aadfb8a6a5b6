// Line tables, character columns, UTF-16 columns, CRLF and BOM handling.
#include <catch2/catch.hpp>

#include "compiler/base/source.hpp"

using gtm::first_invalid_utf8;
using gtm::LineColumn;
using gtm::SourceFile;

TEST_CASE("line and column of offsets, counting characters") {
  const SourceFile file("a.gtm", "ab\nxé z\n\nlast");
  CHECK(file.line_count() == 4);
  CHECK(file.line_column(0).line == 1);
  CHECK(file.line_column(1).column == 2);
  CHECK(file.line_column(3).line == 2);
  CHECK(file.line_column(3).column == 1);
  // `é` is two bytes but one character: the space after it is column 3.
  CHECK(file.line_column(6).column == 3);
  CHECK(file.line_column(9).line == 3);
  CHECK(file.line_column(10).line == 4);
  CHECK(file.line_column(14).column == 5);  // end of file
}

TEST_CASE("line text drops CR and LF") {
  const SourceFile file("a.gtm", "one\r\ntwo\r\n");
  CHECK(file.line_text(1) == "one");
  CHECK(file.line_text(2) == "two");
  CHECK(file.line_text(3).empty());
  CHECK(file.line_text(7).empty());
}

TEST_CASE("a byte-order mark is dropped and remembered") {
  const SourceFile file("a.gtm", "\xEF\xBB\xBFperson x {}");
  CHECK(file.had_bom());
  CHECK(file.text() == "person x {}");
  CHECK(file.line_column(0).column == 1);
}

TEST_CASE("offset_of inverts line_column") {
  const SourceFile file("a.gtm", "ab\nxé z\n");
  for (std::uint32_t offset : {0u, 1u, 3u, 4u, 6u, 7u}) {
    CHECK(file.offset_of(file.line_column(offset)) == offset);
  }
  CHECK(file.offset_of(LineColumn{2, 99}) == 8);  // clamped to the end of the line
}

TEST_CASE("UTF-16 columns count surrogate pairs twice") {
  const SourceFile file("a.gtm", "x = \"😀é\" y\n");
  // `😀` is 4 bytes and 2 UTF-16 units, `é` 2 bytes and 1 unit.
  CHECK(file.utf16_column(5) == 5);
  CHECK(file.utf16_column(9) == 7);
  CHECK(file.utf16_column(11) == 8);
  CHECK(file.offset_of_utf16(0, 7) == 9);
  CHECK(file.offset_of_utf16(0, 8) == 11);
  CHECK(file.offset_of_utf16(5, 0) == file.text().size());
}

TEST_CASE("count_characters ignores continuation bytes") {
  CHECK(gtm::count_characters("") == 0);
  CHECK(gtm::count_characters("abc") == 3);
  CHECK(gtm::count_characters("é😀") == 2);
}

TEST_CASE("the first invalid UTF-8 byte is found wherever it is") {
  CHECK_FALSE(first_invalid_utf8("plain ascii text, longer than eight bytes").has_value());
  CHECK_FALSE(
      first_invalid_utf8("caf\xC3\xA9 \xE2\x82\xAC \xF0\x9F\x98\x80 and more ascii").has_value());
  for (std::size_t at = 0; at < 70; ++at) {  // ASCII is skipped 32 and 8 bytes at a time
    std::string text(72, 'a');
    text[at] = '\xFF';
    CHECK(first_invalid_utf8(text) == at);
    text[at] = '\xC3';  // valid after a two-byte character that starts anywhere
    text[at + 1] = '\xA9';
    CHECK_FALSE(first_invalid_utf8(text).has_value());
  }
  CHECK(first_invalid_utf8("abcdefgh\xC3") == 8u);              // cut short at the end
  CHECK(first_invalid_utf8("abcdefgh\xC0\x80") == 8u);          // overlong
  CHECK(first_invalid_utf8("abcdefgh\xED\xA0\x80") == 8u);      // a surrogate
  CHECK(first_invalid_utf8("abcdefgh\xF4\x90\x80\x80") == 8u);  // past U+10FFFF
  CHECK(first_invalid_utf8("abcdefgh\xE2\x82") == 8u);          // missing a byte
}
