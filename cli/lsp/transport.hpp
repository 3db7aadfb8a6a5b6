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

  /// TooLarge: a message over limits::kMaxLspMessageBytes, skipped unread as its bytes arrive.
  enum class Status { Message, Timeout, Closed, Malformed, TooLarge };

  /// Waits for the next message until `deadline` (forever if nullopt); `body` is its JSON text.
  Status read(std::string& body, std::optional<std::chrono::steady_clock::time_point> deadline);
  void write(const std::string& body);

 private:
  bool fill(std::optional<std::chrono::steady_clock::time_point> deadline);
  std::optional<std::string> take_message(Status& problem);

  int in_, out_;
  std::string buffer_;
  bool closed_ = false;
  std::size_t skip_ = 0;                    ///< bytes of a too-large message still to be discarded
  std::optional<std::size_t> body_length_;  ///< of the message whose header was read
};

}  // namespace gtm::lsp
