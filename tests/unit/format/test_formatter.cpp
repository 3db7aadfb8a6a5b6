// Property test: every .gtm file in the repository (tests, examples, stdlib) formats to text
// that parses to the same tree with the same comments, and formatting that text changes nothing.
#include <catch2/catch.hpp>

#include <algorithm>
#include <filesystem>

#include "compiler/format/formatter.hpp"
#include "compiler/syntax/parse.hpp"
#include "compiler/syntax/workspace.hpp"
#include "tests/parsed.hpp"

namespace fs = std::filesystem;
using namespace gtm;

namespace {

using testing::Parsed;

std::vector<fs::path> repository_gtm_files() {
  std::vector<fs::path> files;
  for (const char* folder : {"examples", "stdlib", "tests", "docs"}) {
    const fs::path root = fs::path(GTM_SOURCE_DIR) / folder;
    if (!fs::exists(root)) continue;
    for (const auto& entry : fs::recursive_directory_iterator(root)) {
      if (entry.path().extension() == ".gtm" &&
          entry.path().string().find("node_modules") == std::string::npos) {
        files.push_back(entry.path());
      }
    }
  }
  return files;
}

}  // namespace

TEST_CASE(
    "formatting every .gtm file of the repository keeps meaning and comments, and is stable") {
  std::size_t formatted = 0;
  for (const fs::path& path : repository_gtm_files()) {
    INFO(path.string());
    std::string error;
    const Parsed before(*read_file(path, &error), path.string());
    if (!before.diagnostics.items().empty()) continue;  // syntax-error cases are not formatted
    const std::string once = format_file(before.file);
    const Parsed after(once, path.string());
    REQUIRE(after.diagnostics.items().empty());
    CHECK(after.file.comments.size() == before.file.comments.size());
    CHECK(same_meaning(before.file, after.file));
    CHECK(format_file(after.file) == once);
    ++formatted;
  }
  CHECK(formatted > 100);
}

TEST_CASE("same_meaning notices a changed value, a lost comment and a reordered member") {
  const Parsed base("x { a = 1  b = [c, d] } # note\n");
  CHECK(same_meaning(base.file, Parsed("x {\n  a = 1\n  b = [c, d]\n}  # note\n").file));
  CHECK_FALSE(same_meaning(base.file, Parsed("x { a = 2  b = [c, d] } # note\n").file));
  CHECK_FALSE(same_meaning(base.file, Parsed("x { a = 1  b = [c, d] }\n").file));
  CHECK_FALSE(same_meaning(base.file, Parsed("x { b = [c, d]  a = 1 } # note\n").file));
  CHECK_FALSE(same_meaning(base.file, Parsed("x { a = 1  b = [d, c] } # note\n").file));
}

namespace {

// The same file with a line break before every attribute and closing brace that does not start
// its line: the same content, laid out otherwise (no blank line is made, no comment moves off
// its element).
std::string broken_into_lines(const File& file) {
  const std::string_view text = file.source->text();
  std::vector<std::uint32_t> breaks;
  const auto first_on_line = [&](std::uint32_t offset) {
    const std::size_t line_start = text.rfind('\n', offset == 0 ? 0 : offset - 1);
    const std::size_t from = line_start == std::string_view::npos ? 0 : line_start + 1;
    return text.substr(from, offset - from).find_first_not_of(" \t\r") == std::string_view::npos;
  };
  for (const Attribute& a : file.attributes) {
    if (!first_on_line(a.name_begin)) breaks.push_back(a.name_begin);
  }
  for (const Block& b : file.blocks) {
    if (b.end > 0 && !first_on_line(b.end - 1)) breaks.push_back(b.end - 1);
  }
  std::sort(breaks.begin(), breaks.end());
  std::string out;
  std::uint32_t at = 0;
  for (std::uint32_t offset : breaks) {
    out += text.substr(at, offset - at);
    out += '\n';
    at = offset;
  }
  out += text.substr(at);
  return out;
}

bool has_comments_inside_blocks(const File& file) {
  return std::any_of(file.comments.begin(), file.comments.end(), [&](const Comment& c) {
    return std::any_of(file.blocks.begin(), file.blocks.end(),
                       [&](const Block& b) { return c.begin > b.begin && c.begin < b.end; });
  });
}

}  // namespace

TEST_CASE("the layout fmt prints does not depend on where the input broke its lines") {
  std::size_t compared = 0;
  for (const fs::path& path : repository_gtm_files()) {
    std::string error;
    const Parsed original(*read_file(path, &error), path.string());
    if (!original.diagnostics.items().empty() || has_comments_inside_blocks(original.file))
      continue;
    const std::string relaid = broken_into_lines(original.file);
    INFO(path.string() << "\n" << relaid);
    const Parsed other(relaid, path.string());
    REQUIRE(other.diagnostics.items().empty());
    CHECK(format_file(other.file) == format_file(original.file));
    ++compared;
  }
  CHECK(compared > 50);
}

TEST_CASE(
    "one-line blocks of one kind are aligned as a table, and a row that cannot be one splits") {
  const Parsed rows(
      "person ana { name = \"Ana\"  team = sdr }\n"
      "person benjamin {\n  name = \"Benjamin\"\n  team = ae\n}\n"
      "person cy { name = \"Cy\" }\n");
  CHECK(format_file(rows.file) ==
        "person ana      { name = \"Ana\"       team = sdr }\n"
        "person benjamin { name = \"Benjamin\"  team = ae }\n"
        "person cy       { name = \"Cy\" }\n");
  // Cells are aligned only while the rows name the same attributes in the same order.
  const Parsed mixed("person ana { name = \"Ana\"  team = sdr }\nperson benjamin { team = ae }\n");
  CHECK(format_file(mixed.file) ==
        "person ana      { name = \"Ana\"  team = sdr }\nperson benjamin { team = ae }\n");
  // A blank line or another kind ends the table.
  const Parsed two(
      "person a { name = \"A\" }\n\nperson bbb { name = \"B\" }\nteam t { lead = a }\n");
  CHECK(format_file(two.file) ==
        "person a { name = \"A\" }\n\nperson bbb { name = \"B\" }\nteam t { lead = a }\n");
  // Rows that would pass the width once aligned are left unaligned.
  const std::string long_value(60, 'x');
  const std::string long_header = "person b" + std::string(25, 'b');
  const Parsed wide("person a { name = \"" + long_value + "\"  team = t }\n" + long_header +
                    " { name = \"B\" }\n");
  CHECK(format_file(wide.file) == "person a { name = \"" + long_value + "\"  team = t }\n" +
                                      long_header + " { name = \"B\" }\n");
}
