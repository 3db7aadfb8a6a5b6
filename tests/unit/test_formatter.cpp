// Property test: every .gtm file in the repository (tests, examples, stdlib) formats to text
// that parses to the same tree with the same comments, and formatting that text changes nothing.
#include <catch2/catch.hpp>

#include <filesystem>

#include "compiler/formatter.hpp"
#include "compiler/parse.hpp"
#include "compiler/workspace.hpp"
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
