// Atomic file replacement: temporary file + fsync + rename.
#include "cli/atomic_write.hpp"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>

#include <fmt/format.h>

namespace gtm::cli {

bool write_file_atomically(const fs::path& path, std::string_view content, std::string* error) {
  const fs::path directory = path.has_parent_path() ? path.parent_path() : fs::path(".");
  std::string temporary =
      (directory / fmt::format(".{}.gtmlint-XXXXXX", path.filename().string())).string();
  const int fd = mkstemp(temporary.data());
  if (fd < 0) {
    *error = std::strerror(errno);
    return false;
  }
  struct stat existing {};
  const mode_t mode = stat(path.c_str(), &existing) == 0 ? existing.st_mode & 07777 : 0644;
  bool ok = fchmod(fd, mode) == 0;
  for (std::size_t written = 0; ok && written < content.size();) {
    const ssize_t n = write(fd, content.data() + written, content.size() - written);
    ok = n > 0;
    if (ok) written += static_cast<std::size_t>(n);
  }
  ok = ok && fsync(fd) == 0;
  if (!ok) *error = std::strerror(errno);
  close(fd);
  if (ok && std::rename(temporary.c_str(), path.c_str()) != 0) {
    *error = std::strerror(errno);
    ok = false;
  }
  if (!ok) unlink(temporary.c_str());
  return ok;
}

}  // namespace gtm::cli
