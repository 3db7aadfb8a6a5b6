// git ls-tree / ls-files for the listing, one `git cat-file --batch` for the contents.
#include "cli/git_tree.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <set>
#include <string_view>

#include "cli/process.hpp"
#include "compiler/syntax/workspace.hpp"

namespace gtm::cli {

namespace {

// NUL-separated records, as git's -z options print them.
std::vector<std::string_view> split_nul(std::string_view text) {
  std::vector<std::string_view> parts;
  while (!text.empty()) {
    const std::size_t end = text.find('\0');
    parts.push_back(text.substr(0, end));
    if (end == std::string_view::npos) break;
    text.remove_prefix(end + 1);
  }
  return parts;
}

struct Listed {
  std::string path;
  std::string blob;
};

// `MODE TYPE ID\tPATH` (ls-tree) or `MODE ID STAGE\tPATH` (ls-files -s): regular files only
// (links and submodules are not configuration), and only the merged stage of the index.
std::optional<Listed> parse_listing(std::string_view record, bool index) {
  const std::size_t tab = record.find('\t');
  if (tab == std::string_view::npos) return std::nullopt;
  const std::string_view head = record.substr(0, tab);
  const std::string_view mode = head.substr(0, head.find(' '));
  if (mode != "100644" && mode != "100755") return std::nullopt;
  const std::size_t first = head.find(' ');
  const std::size_t second = head.find(' ', first + 1);
  if (first == std::string_view::npos || second == std::string_view::npos) return std::nullopt;
  std::string_view blob = head.substr(first + 1, second - first - 1);
  if (index) {
    if (head.substr(second + 1) != "0") return std::nullopt;
  } else {
    if (blob != "blob") return std::nullopt;
    blob = head.substr(second + 1);
  }
  return Listed{std::string(record.substr(tab + 1)), std::string(blob)};
}

// The folders of `path` below the workspace root, e.g. `a/b` for `a/b/c.gtm`.
std::vector<std::string_view> folders_of(std::string_view relative) {
  std::vector<std::string_view> folders;
  for (std::size_t slash = relative.find('/'); slash != std::string_view::npos;
       slash = relative.find('/', slash + 1)) {
    folders.push_back(relative.substr(0, slash));
  }
  return folders;
}

// The listing narrowed to the workspace at `prefix`, as list_workspace_files narrows a folder.
std::vector<Listed> in_workspace(std::vector<Listed> listed, const std::string& prefix) {
  const std::string root = prefix.empty() ? "" : prefix + "/";
  std::set<std::string_view> nested;
  for (const Listed& file : listed) {
    if (!file.path.starts_with(root)) continue;
    const std::string_view relative = std::string_view(file.path).substr(root.size());
    if (relative.ends_with("/gtmlint.gtm")) {
      nested.insert(relative.substr(0, relative.size() - std::string_view("/gtmlint.gtm").size()));
    }
  }
  std::vector<Listed> kept;
  for (Listed& file : listed) {
    if (!file.path.starts_with(root) || !file.path.ends_with(".gtm") || is_test_case(file.path))
      continue;
    const std::string_view relative = std::string_view(file.path).substr(root.size());
    const auto folders = folders_of(relative);
    const bool outside = std::any_of(folders.begin(), folders.end(), [&](std::string_view f) {
      const std::size_t slash = f.rfind('/');
      const std::string_view name = slash == std::string_view::npos ? f : f.substr(slash + 1);
      return nested.count(f) > 0 || is_skipped_folder(name);
    });
    if (!outside) kept.push_back(std::move(file));
  }
  std::sort(kept.begin(), kept.end(),
            [](const Listed& a, const Listed& b) { return a.path < b.path; });
  return kept;
}

// `ID blob SIZE\nBYTES\n` per object, in the order asked.
std::optional<std::vector<std::string>> parse_batch(std::string_view output, std::size_t count) {
  std::vector<std::string> texts;
  while (texts.size() < count) {
    const std::size_t newline = output.find('\n');
    if (newline == std::string_view::npos) return std::nullopt;
    const std::string_view header = output.substr(0, newline);
    const std::size_t space = header.rfind(' ');
    if (space == std::string_view::npos || header.ends_with(" missing")) return std::nullopt;
    std::size_t size = 0;
    for (char c : header.substr(space + 1)) size = size * 10 + static_cast<std::size_t>(c - '0');
    output.remove_prefix(newline + 1);
    if (output.size() < size + 1) return std::nullopt;
    texts.emplace_back(output.substr(0, size));
    output.remove_prefix(size + 1);
  }
  return texts;
}

}  // namespace

std::optional<std::string> GitRepository::git(const std::vector<std::string>& args,
                                              std::string* error, const std::string& input) const {
  std::vector<std::string> argv = {"git", "--no-optional-locks", "-c", "core.quotepath=off"};
  argv.insert(argv.end(), args.begin(), args.end());
  auto result = run_process(argv, top_, input, error);
  if (!result) return std::nullopt;
  if (result->status != 0) {
    std::string message = result->err;
    while (!message.empty() && message.back() == '\n') message.pop_back();
    if (error) *error = message.empty() ? fmt::format("`git {}` failed", args[0]) : message;
    return std::nullopt;
  }
  return std::move(result->out);
}

std::optional<GitRepository> GitRepository::open(const std::filesystem::path& inside,
                                                 std::string* error) {
  std::error_code ec;
  std::filesystem::path folder = std::filesystem::absolute(inside, ec);
  if (!std::filesystem::is_directory(folder, ec)) folder = folder.parent_path();
  const GitRepository probe(folder);
  auto top = probe.git({"rev-parse", "--show-toplevel"}, error);
  if (!top) return std::nullopt;
  while (!top->empty() && top->back() == '\n') top->pop_back();
  return GitRepository(*top);
}

std::optional<GitVersion> GitRepository::version_at(const std::string& ref,
                                                    std::string* error) const {
  if (ref.empty() || ref.starts_with('-')) {
    if (error) *error = fmt::format("`{}` is not a git revision", ref);
    return std::nullopt;
  }
  std::string ignored;
  auto tree = git({"rev-parse", "--verify", "--quiet", ref + "^{tree}"}, &ignored);
  if (tree) {
    while (!tree->empty() && tree->back() == '\n') tree->pop_back();
    return GitVersion{false, *tree};
  }
  if (ref == "HEAD" && !git({"rev-parse", "--verify", "--quiet", "HEAD"}, &ignored)) {
    return GitVersion{false, ""};  // no commit yet
  }
  if (error)
    *error = fmt::format("`{}` names no commit of the repository at `{}`", ref, top_.string());
  return std::nullopt;
}

std::optional<std::vector<GitFile>> GitRepository::workspace_files(const GitVersion& version,
                                                                   const std::string& prefix,
                                                                   std::string* error,
                                                                   const KnownText& known) const {
  if (!version.index && version.tree.empty()) return std::vector<GitFile>{};
  std::vector<std::string> args =
      version.index ? std::vector<std::string>{"ls-files", "-s", "-z", "--full-name"}
                    : std::vector<std::string>{"ls-tree", "-r", "-z", "--full-tree", version.tree};
  if (!prefix.empty()) args.insert(args.end(), {"--", prefix});
  const auto listing = git(args, error);
  if (!listing) return std::nullopt;
  std::vector<Listed> listed;
  for (std::string_view record : split_nul(*listing)) {
    if (auto file = parse_listing(record, version.index)) listed.push_back(std::move(*file));
  }
  listed = in_workspace(std::move(listed), prefix);
  std::vector<GitFile> files(listed.size());
  std::vector<std::size_t> asked;  // files whose text git must give
  std::string request;
  for (std::size_t i = 0; i < listed.size(); ++i) {
    files[i].path = std::move(listed[i].path);
    auto text = known ? known(files[i].path) : std::nullopt;
    if (text) {
      files[i].text = std::move(*text);
    } else {
      asked.push_back(i);
      request += listed[i].blob + "\n";
    }
  }
  if (asked.empty()) return files;
  const auto contents = git({"cat-file", "--batch"}, error, request);
  if (!contents) return std::nullopt;
  auto texts = parse_batch(*contents, asked.size());
  if (!texts) {
    if (error) *error = "cannot read the output of `git cat-file --batch`";
    return std::nullopt;
  }
  for (std::size_t i = 0; i < asked.size(); ++i) files[asked[i]].text = std::move((*texts)[i]);
  return files;
}

std::optional<std::set<std::string>> GitRepository::unstaged(std::string* error) const {
  const auto output = git({"diff", "-z", "--name-only", "--no-ext-diff", "--"}, error);
  if (!output) return std::nullopt;
  std::set<std::string> paths;
  for (std::string_view path : split_nul(*output)) paths.emplace(path);
  return paths;
}

std::optional<TreeChanges> GitRepository::changes_since(const std::string& ref, bool index,
                                                        std::string* error) const {
  std::vector<std::string> args = {"diff", "-z", "-M", "--name-status", "--no-ext-diff"};
  if (index) args.push_back("--cached");
  args.insert(args.end(), {ref, "--"});
  const auto output = git(args, error);
  if (!output) return std::nullopt;
  TreeChanges changes;
  const auto parts = split_nul(*output);
  for (std::size_t i = 0; i < parts.size();) {
    const std::string_view status = parts[i];
    const bool two_paths = status.starts_with('R') || status.starts_with('C');
    if (i + 1 < parts.size()) changes.differs.emplace(parts[i + 1]);
    if (status.starts_with('R') && i + 2 < parts.size()) {
      changes.renamed[std::string(parts[i + 2])] = std::string(parts[i + 1]);
    }
    i += two_paths ? 3 : 2;
  }
  return changes;
}

}  // namespace gtm::cli
