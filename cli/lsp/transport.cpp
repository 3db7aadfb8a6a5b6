// Content-Length framing on raw file descriptors, with poll() for deadlines.
#include "cli/lsp/transport.hpp"

#include <poll.h>
#include <unistd.h>

#include <cerrno>
#include <cstdlib>

namespace gtm::lsp {

namespace {

constexpr std::size_t kMaxMessage = 256 * 1024 * 1024;

}  // namespace

bool Transport::fill(std::optional<std::chrono::steady_clock::time_point> deadline) {
  int timeout = -1;
  if (deadline) {
    const auto left = std::chrono::duration_cast<std::chrono::milliseconds>(
        *deadline - std::chrono::steady_clock::now());
    timeout = static_cast<int>(std::max<long>(0, left.count()));
  }
  pollfd descriptor{in_, POLLIN, 0};
  const int ready = poll(&descriptor, 1, timeout);
  if (ready == 0) return false;
  if (ready < 0 && errno == EINTR) return false;
  char chunk[65536];
  const ssize_t n = ::read(in_, chunk, sizeof chunk);
  if (n <= 0) {
    closed_ = true;
    return false;
  }
  buffer_.append(chunk, static_cast<std::size_t>(n));
  return true;
}

// A complete message from the buffer, if there is one. Headers other than Content-Length are
// accepted and ignored; a header block without a usable Content-Length is malformed and dropped.
std::optional<std::string> Transport::take_message(bool& malformed) {
  const std::size_t end = buffer_.find("\r\n\r\n");
  if (end == std::string::npos) return std::nullopt;
  std::size_t length = 0;
  bool has_length = false;
  std::size_t line = 0;
  while (line < end) {
    const std::size_t next = buffer_.find("\r\n", line);
    const std::string header = buffer_.substr(line, next - line);
    constexpr std::string_view kName = "content-length:";
    std::string lower;
    for (char c : header.substr(0, kName.size()))
      lower += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    if (lower == kName) {
      char* parsed_end = nullptr;
      const std::string value = header.substr(kName.size());
      length = std::strtoul(value.c_str(), &parsed_end, 10);
      has_length = parsed_end != value.c_str() && length <= kMaxMessage;
    }
    line = next + 2;
  }
  if (!has_length) {
    buffer_.erase(0, end + 4);
    malformed = true;
    return std::nullopt;
  }
  if (buffer_.size() < end + 4 + length) return std::nullopt;
  std::string body = buffer_.substr(end + 4, length);
  buffer_.erase(0, end + 4 + length);
  return body;
}

Transport::Status Transport::read(std::string& body,
                                  std::optional<std::chrono::steady_clock::time_point> deadline) {
  while (true) {
    bool malformed = false;
    if (auto message = take_message(malformed)) {
      body = std::move(*message);
      return Status::Message;
    }
    if (malformed) return Status::Malformed;
    if (closed_) return Status::Closed;
    if (!fill(deadline)) {
      if (closed_) return Status::Closed;
      if (deadline && std::chrono::steady_clock::now() >= *deadline) return Status::Timeout;
    }
  }
}

void Transport::write(const std::string& body) {
  const std::string message = "Content-Length: " + std::to_string(body.size()) + "\r\n\r\n" + body;
  std::size_t written = 0;
  while (written < message.size()) {
    const ssize_t n = ::write(out_, message.data() + written, message.size() - written);
    if (n <= 0) {
      if (errno == EINTR) continue;
      return;
    }
    written += static_cast<std::size_t>(n);
  }
}

}  // namespace gtm::lsp
