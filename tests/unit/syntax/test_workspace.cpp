// Workspace root discovery and file listing.
#include <catch2/catch.hpp>

#include <fstream>

#include "compiler/syntax/workspace.hpp"

using namespace gtm;

namespace {

struct TempTree {
  fs::path root;
  TempTree() {
    char dir_template[] = "/tmp/gtmlint-ws-XXXXXX";
    root = fs::canonical(mkdtemp(dir_template));
  }
  ~TempTree() { fs::remove_all(root); }
  void touch(const std::string& relative) const {
    fs::create_directories((root / relative).parent_path());
    std::ofstream(root / relative) << "";
  }
};

}  // namespace

TEST_CASE("the root is the nearest folder with gtmlint.gtm, else the git top, else the start") {
  TempTree tree;
  tree.touch("repo/.git/HEAD");
  tree.touch("repo/config/gtmlint.gtm");
  tree.touch("repo/config/sub/people.gtm");
  tree.touch("repo/other/x.gtm");
  CHECK(find_workspace_root(tree.root / "repo/config/sub") == tree.root / "repo/config");
  CHECK(find_workspace_root(tree.root / "repo/config/sub/people.gtm") == tree.root / "repo/config");
  CHECK(find_workspace_root(tree.root / "repo/other") == tree.root / "repo");
  tree.touch("loose/a.gtm");
  CHECK(find_workspace_root(tree.root / "loose") == tree.root / "loose");
}

TEST_CASE("every .gtm file, sorted, except in .git, build, node_modules and hidden folders") {
  TempTree tree;
  for (const char* file : {"b.gtm", "a/c.gtm", "a/notes.txt", ".git/x.gtm", "build/y.gtm",
                           "build-asan/z.gtm", "node_modules/pkg/w.gtm", ".cache/v.gtm"}) {
    tree.touch(file);
  }
  const auto files = list_workspace_files(tree.root);
  REQUIRE(files.size() == 2);
  CHECK(files[0] == tree.root / "a/c.gtm");
  CHECK(files[1] == tree.root / "b.gtm");
}
