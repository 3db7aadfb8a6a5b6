// Workspace root discovery and file listing.
#include "compiler/workspace.hpp"

#include <algorithm>
#include <cerrno>
#include <cstdio>
#include <cstring>

namespace gtm {

namespace {

bool is_skipped_directory(const fs::path& dir) {
  const std::string name = dir.filename().string();
  return name == ".git" || name == "node_modules" || name.starts_with("build") ||
         (name.starts_with('.') && name != "." && name != "..");
}

}  // namespace

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

std::vector<fs::path> list_workspace_files(const fs::path& root) {
  std::vector<fs::path> files;
  std::error_code ec;
  auto it =
      fs::recursive_directory_iterator(root, fs::directory_options::skip_permission_denied, ec);
  for (; !ec && it != fs::recursive_directory_iterator(); it.increment(ec)) {
    if (it->is_directory(ec) && is_skipped_directory(it->path())) {
      it.disable_recursion_pending();
    } else if (it->is_regular_file(ec) && it->path().extension() == ".gtm") {
      files.push_back(it->path());
    }
  }
  std::sort(files.begin(), files.end());
  return files;
}

std::optional<std::string> read_file(const fs::path& path, std::string* error) {
  std::FILE* file = std::fopen(path.c_str(), "rb");
  if (!file) {
    if (error) *error = std::strerror(errno);
    return std::nullopt;
  }
  std::string bytes;
  char chunk[1 << 16];
  // One read of the whole file when its size is known, chunks otherwise (pipes, /proc).
  std::error_code ec;
  const auto size = fs::file_size(path, ec);
  if (!ec) bytes.reserve(size);
  for (std::size_t n; (n = std::fread(chunk, 1, sizeof chunk, file)) > 0;) bytes.append(chunk, n);
  const bool failed = std::ferror(file);
  std::fclose(file);
  if (failed) {
    if (error) *error = "read error";
    return std::nullopt;
  }
  return bytes;
}

std::string display_path(const fs::path& path) {
  std::error_code ec;
  const fs::path relative = fs::proximate(path, ec);
  return (ec ? path : relative).generic_string();
}

}  // namespace gtm
