// Workspace root discovery and file listing.
#include "compiler/syntax/workspace.hpp"

#include <algorithm>
#include <cerrno>
#include <cstdio>
#include <cstring>

namespace gtm {

bool is_skipped_folder(std::string_view name) {
  return name == ".git" || name == "node_modules" || name.starts_with("build") ||
         (name.starts_with('.') && name != "." && name != "..");
}

fs::path find_workspace_root(const fs::path& start) {
  std::error_code ec;
  fs::path dir = fs::absolute(start, ec);
  if (fs::is_regular_file(dir, ec)) dir = dir.parent_path();
  std::optional<fs::path> git_top;
  for (fs::path at = dir;; at = at.parent_path()) {
    if (fs::exists(at / "gtmlint.gtm", ec)) return at;
    if (!git_top && fs::exists(at / ".git", ec)) git_top = at;
    if (at == at.parent_path()) break;
  }
  return git_top.value_or(dir);
}

bool is_within(const fs::path& path, const fs::path& scope) {
  const auto [scope_end, path_it] =
      std::mismatch(scope.begin(), scope.end(), path.begin(), path.end());
  return scope_end == scope.end();
}

namespace {

void add_workspace_file(const fs::directory_entry& entry, const fs::path& canonical_root,
                        std::vector<fs::path>& files, std::vector<SkippedFile>* skipped) {
  std::error_code ec;
  if (!entry.is_symlink(ec)) {
    if (entry.is_regular_file(ec)) files.push_back(entry.path());
    return;
  }
  const fs::path target = fs::canonical(entry.path(), ec);
  if (ec) {
    if (skipped) skipped->push_back({entry.path(), "the link cannot be followed: " + ec.message()});
  } else if (!is_within(target, canonical_root)) {
    if (skipped) {
      skipped->push_back({entry.path(), "the link leads outside the workspace, to `" +
                                            target.string() + "`; it is not followed"});
    }
  } else if (fs::is_regular_file(target, ec)) {
    files.push_back(entry.path());
  }
}

}  // namespace

std::vector<fs::path> list_workspace_files(const fs::path& root, std::vector<SkippedFile>* skipped,
                                           std::vector<fs::path>* nested_roots) {
  std::vector<fs::path> files;
  std::error_code ec;
  const fs::path canonical_root = fs::weakly_canonical(fs::absolute(root), ec);
  auto it =
      fs::recursive_directory_iterator(root, fs::directory_options::skip_permission_denied, ec);
  for (; !ec && it != fs::recursive_directory_iterator(); it.increment(ec)) {
    const bool directory = it->is_directory(ec) && !it->is_symlink(ec);
    if (directory && is_skipped_folder(it->path().filename().string())) {
      it.disable_recursion_pending();
    } else if (directory && nested_roots && fs::exists(it->path() / "gtmlint.gtm", ec)) {
      nested_roots->push_back(it->path());
      it.disable_recursion_pending();
    } else if (it->path().extension() == ".gtm" && !is_test_case(it->path().string())) {
      add_workspace_file(*it, canonical_root, files, skipped);
    }
  }
  std::sort(files.begin(), files.end());
  if (nested_roots) std::sort(nested_roots->begin(), nested_roots->end());
  if (skipped) {
    std::sort(skipped->begin(), skipped->end(),
              [](const SkippedFile& a, const SkippedFile& b) { return a.path < b.path; });
  }
  return files;
}

// Reads at most `max_bytes` bytes: a caller with a size limit passes one more than the limit, to
// learn that a file is over it without reading a file of any size into memory.
std::optional<std::string> read_file(const fs::path& path, std::string* error,
                                     std::size_t max_bytes) {
  std::FILE* file = std::fopen(path.c_str(), "rb");
  if (!file) {
    if (error) *error = std::strerror(errno);
    return std::nullopt;
  }
  // Straight into the string: the whole file in one read when its size is known, then on in
  // steps for what that missed (a file still growing, pipes, /proc).
  std::string bytes;
  std::error_code ec;
  const auto size = fs::file_size(path, ec);
  std::size_t step = ec ? std::size_t{1} << 16 : std::min<std::uintmax_t>(size, max_bytes) + 1;
  for (std::size_t used = 0;;) {
    const std::size_t want = std::min(step, max_bytes - used);
    if (want == 0) break;
    bytes.resize(used + want);
    const std::size_t n = std::fread(bytes.data() + used, 1, want, file);
    used += n;
    bytes.resize(used);
    if (n < want) break;
    step = std::size_t{1} << 16;
  }
  const bool failed = std::ferror(file);
  std::fclose(file);
  if (failed) {
    if (error) *error = "read error";
    return std::nullopt;
  }
  return bytes;
}

std::string display_path(const fs::path& path) {
  // Lexically: resolving links here would show a link by its target.
  std::error_code ec;
  const fs::path base = fs::current_path(ec);
  const fs::path relative =
      path.is_absolute() && !ec ? path.lexically_proximate(base) : path.lexically_normal();
  // `./campaigns.gtm` is shown as the user would type it: `campaigns.gtm`.
  return (relative.empty() ? path : relative).generic_string();
}

}  // namespace gtm
