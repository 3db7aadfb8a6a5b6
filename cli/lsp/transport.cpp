// Content-Length framing on raw file descriptors, with poll() for deadlines.
#include "cli/lsp/transport.hpp"

#include <poll.h>
#include <unistd.h>

#include <cctype>
#include <cerrno>
#include <charconv>
#include <cstdlib>

#include "compiler/base/ascii.hpp"
#include "compiler/base/limits.hpp"

namespace gtm::lsp {

namespace {

// The value of the Content-Length header of a header block, if it has a valid one.
std::optional<std::size_t> content_length(std::string_view headers) {
  constexpr std::string_view kName = "content-length:";
  std::optional<std::size_t> length;
  while (!headers.empty()) {
    const std::size_t next = std::min(headers.find("\r\n"), headers.size());
    const std::string_view header = headers.substr(0, next);
    headers.remove_prefix(std::min(next + 2, headers.size()));
    if (header.size() < kName.size()) continue;
    bool matches = true;
    for (std::size_t i = 0; i < kName.size(); ++i) {
      matches &= lower_ascii(header[i]) == kName[i];
    }
    if (!matches) continue;
    std::string_view value = header.substr(kName.size());
    while (!value.empty() && value.front() == ' ') value.remove_prefix(1);
    std::size_t parsed = 0;
    const auto [end, error] = std::from_chars(value.data(), value.data() + value.size(), parsed);
    if (error != std::errc() || end == value.data()) return std::nullopt;
    length = parsed;
  }
  return length;
}

}  // namespace

bool FdTransport::fill(Deadline deadline) {
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
// accepted and ignored; a header block without a usable Content-Length is malformed and dropped;
// the body of a message over the size limit is discarded as it arrives, never held.
std::optional<std::string> FdTransport::take_message(Status& problem) {
  if (skip_ > 0) {
    const std::size_t n = std::min(skip_, buffer_.size());
    buffer_.erase(0, n);
    skip_ -= n;
    if (skip_ > 0) return std::nullopt;
  }
  if (!body_length_) {
    const std::size_t end = buffer_.find("\r\n\r\n");
    if (end == std::string::npos) return std::nullopt;
    const std::optional<std::size_t> length =
        content_length(std::string_view(buffer_).substr(0, end));
    buffer_.erase(0, end + 4);
    if (!length) {
      problem = Status::Malformed;
      return std::nullopt;
    }
    if (*length > limits::kMaxLspMessageBytes) {
      skip_ = *length;
      problem = Status::TooLarge;
      return std::nullopt;
    }
    body_length_ = *length;
  }
  if (buffer_.size() < *body_length_) return std::nullopt;
  std::string body = buffer_.substr(0, *body_length_);
  buffer_.erase(0, *body_length_);
  body_length_.reset();
  return body;
}

Transport::Status FdTransport::read(std::string& body, Deadline deadline) {
  while (true) {
    Status problem = Status::Message;
    if (auto message = take_message(problem)) {
      body = std::move(*message);
      return Status::Message;
    }
    if (problem != Status::Message) return problem;
    if (closed_) return Status::Closed;
    if (!fill(deadline)) {
      if (closed_) return Status::Closed;
      if (deadline && std::chrono::steady_clock::now() >= *deadline) return Status::Timeout;
    }
  }
}

void FdTransport::write(const std::string& body) {
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
