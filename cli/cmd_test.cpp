// `gtmlint test`: runs a team's policy test cases (`NAME.test.gtm`, in the format of
// cli/test_case.hpp) against the workspace's own policies, like `opa test`. Each case is a small
// workspace of its own: its files plus the workspace's `policy`, `schema` and `settings` blocks,
// checked with the workspace's policies and the compiler's rules selected (unless the case's
// `# ARGS:` selects otherwise), so a policy that stops firing, or fires where it must not, fails.
#include <fmt/format.h>
#include <unistd.h>

#include <algorithm>

#include "cli/commands.hpp"
#include "cli/load.hpp"
#include "cli/options.hpp"
#include "cli/test_case.hpp"
#include "compiler/syntax/workspace.hpp"

namespace gtm::cli {

namespace {

constexpr std::string_view kShared = "_workspace_policies.gtm";

// The workspace's policy, schema and settings blocks, as they are written.
std::string shared_blocks(const Compilation& c) {
  std::string out;
  for (FileId id = c.first_user_file; id < c.files.size(); ++id) {
    const File& file = c.files[id];
    const std::string_view text = file.source->text();
    for (BlockId block_id : file.top_level) {
      const Block& block = file.blocks[block_id];
      if (block.kind != "policy" && block.kind != "schema" && block.kind != "settings") continue;
      out += fmt::format("{}\n", text.substr(block.begin, block.end - block.begin));
    }
  }
  return out;
}

// `--select compiler,ID,...` over the workspace's own policies; empty when it has none.
std::vector<std::string> default_selection(const Compilation& c) {
  std::string ids = "compiler";
  for (const Policy& policy : c.policies) {
    if (!c.model.entities[policy.entity].from_stdlib) ids += "," + policy.id;
  }
  if (ids == "compiler") return {};
  return {"--select", ids};
}

std::vector<fs::path> find_cases(const std::vector<fs::path>& paths) {
  std::vector<fs::path> cases;
  std::error_code ec;
  for (const fs::path& path : paths) {
    if (!fs::is_directory(path, ec)) {
      cases.push_back(path);
      continue;
    }
    auto it =
        fs::recursive_directory_iterator(path, fs::directory_options::skip_permission_denied, ec);
    for (; !ec && it != fs::recursive_directory_iterator(); it.increment(ec)) {
      if (it->is_directory(ec) && is_skipped_folder(it->path().filename().string())) {
        it.disable_recursion_pending();
      } else if (it->is_regular_file(ec) && is_test_case(it->path().string())) {
        cases.push_back(it->path());
      }
    }
  }
  std::sort(cases.begin(), cases.end());
  return cases;
}

// Runs one case; prints PASS or FAIL with what differs. Returns whether it passed.
bool run_case(const fs::path& path, const std::string& shared,
              const std::vector<std::string>& selection, Io& io) {
  std::string error;
  const auto text = read_file(path, &error);
  if (!text) {
    io.out << fmt::format("FAIL {}: cannot read it: {}\n", display_path(path), error);
    return false;
  }
  // Named without `.test`, so that the check of the case reads it as a workspace file.
  std::string name = path.filename().string();
  name.replace(name.size() - std::string_view(".test.gtm").size(), std::string::npos, ".gtm");
  TestCase c = read_test_case(*text, name);
  const bool selects = std::any_of(c.args.begin(), c.args.end(), [](const std::string& a) {
    return a == "--select" || a == "--ignore";
  });
  if (!selects) c.args.insert(c.args.end(), selection.begin(), selection.end());
  if (!shared.empty()) c.files.emplace_back(std::string(kShared), shared);
  char dir_template[] = "/tmp/gtmlint-test-XXXXXX";
  const char* made = mkdtemp(dir_template);
  if (!made) {
    io.out << fmt::format("FAIL {}: cannot make a temporary folder\n", display_path(path));
    return false;
  }
  const fs::path dir = made;
  write_test_case(c, dir);
  const std::vector<std::string> problems = run_check_case(c, dir);
  fs::remove_all(dir);
  io.out << fmt::format("{} {}\n", problems.empty() ? "PASS" : "FAIL", display_path(path));
  for (const std::string& problem : problems) io.out << "    " << problem << "\n";
  return problems.empty();
}

}  // namespace

// Errors inside the workspace's policy, schema and settings blocks, printed where they are
// written: every case would otherwise report them at a copy the user cannot open.
bool report_shared_errors(const Compilation& c, Io& io) {
  bool any = false;
  for (const Diagnostic& d : c.diagnostics.items()) {
    if (d.severity != Severity::Error || !c.is_user_file(d.span.file)) continue;
    const File& file = c.files[d.span.file];
    const bool in_shared =
        std::any_of(file.top_level.begin(), file.top_level.end(), [&](BlockId id) {
          const Block& block = file.blocks[id];
          return (block.kind == "policy" || block.kind == "schema" || block.kind == "settings") &&
                 d.span.begin >= block.begin && d.span.end <= block.end;
        });
    if (!in_shared) continue;
    const SourceFile& source = c.sources.file(d.span.file);
    const LineColumn at = source.line_column(d.span.begin);
    io.err << fmt::format("{}:{}:{}: error[{}]: {}\n", display_path(source.path()), at.line,
                          at.column, d.rule, d.message);
    any = true;
  }
  if (any) io.err << "gtmlint: the workspace's policies have errors; fix them before testing\n";
  return any;
}

int run_test(const std::vector<std::string>& args, Io& io) {
  WorkspaceOptions workspace;
  std::vector<fs::path> paths;
  ArgReader reader(args);
  while (!reader.done()) {
    if (read_workspace_option(reader, workspace)) continue;
    if (reader.peek().starts_with("-")) {
      io.err << fmt::format("gtmlint: unexpected `{}`; see `gtmlint help test`\n", reader.peek());
      return kExitFailure;
    }
    paths.emplace_back(reader.next());
  }
  Compilation compilation;
  if (!check_current_workspace(workspace, compilation, io)) return kExitFailure;
  if (paths.empty()) paths.emplace_back(compilation.workspace_root);
  const std::vector<fs::path> cases = find_cases(paths);
  if (cases.empty()) {
    io.err << "gtmlint: no test cases (files named NAME.test.gtm) found; see `gtmlint help test`\n";
    return kExitFailure;
  }
  if (report_shared_errors(compilation, io)) return kExitFailure;
  const std::string shared = shared_blocks(compilation);
  const std::vector<std::string> selection = default_selection(compilation);
  std::size_t failed = 0;
  for (const fs::path& path : cases) failed += !run_case(path, shared, selection, io);
  io.out << fmt::format("gtmlint: {} case{}, {} passed, {} failed\n", cases.size(),
                        cases.size() == 1 ? "" : "s", cases.size() - failed, failed);
  return failed == 0 ? kExitClean : kExitFindings;
}

}  // namespace gtm::cli
