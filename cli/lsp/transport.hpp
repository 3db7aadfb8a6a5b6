// JSON-RPC over a pair of file descriptors with LSP's `Content-Length` framing. Reading never
// blocks past a deadline, so the server can debounce re-checks between messages.
#pragma once

#include <chrono>
#include <optional>
#include <string>

namespace gtm::lsp {

class Transport {
 public:
  Transport(int in_fd, int out_fd) : in_(in_fd), out_(out_fd) {}

  enum class Status { Message, Timeout, Closed, Malformed };

  /// Waits for the next message until `deadline` (forever if nullopt); `body` is its JSON text.
  Status read(std::string& body, std::optional<std::chrono::steady_clock::time_point> deadline);
  void write(const std::string& body);

 private:
  bool fill(std::optional<std::chrono::steady_clock::time_point> deadline);
  std::optional<std::string> take_message(bool& malformed);

  int in_, out_;
  std::string buffer_;
  bool closed_ = false;
};

}  // namespace gtm::lsp
