// How the language server exchanges JSON-RPC messages: the Transport interface (so the server can
// be driven in memory by tests), and FdTransport, over a pair of file descriptors with LSP's
// `Content-Length` framing. Reading never blocks past a deadline, so the server can debounce
// re-checks between messages.
#pragma once

#include <chrono>
#include <optional>
#include <string>

namespace gtm::lsp {

using Deadline = std::optional<std::chrono::steady_clock::time_point>;

class Transport {
 public:
  virtual ~Transport() = default;

  /// TooLarge: a message over limits::kMaxLspMessageBytes, skipped unread as its bytes arrive.
  enum class Status { Message, Timeout, Closed, Malformed, TooLarge };

  /// Waits for the next message until `deadline` (forever if nullopt); `body` is its JSON text.
  virtual Status read(std::string& body, Deadline deadline) = 0;
  /// Sends one message whose JSON text is `body`.
  virtual void write(const std::string& body) = 0;
};

class FdTransport final : public Transport {
 public:
  FdTransport(int in_fd, int out_fd) : in_(in_fd), out_(out_fd) {}

  Status read(std::string& body, Deadline deadline) override;
  void write(const std::string& body) override;

 private:
  bool fill(Deadline deadline);
  std::optional<std::string> take_message(Status& problem);

  int in_, out_;
  std::string buffer_;
  bool closed_ = false;
  std::size_t skip_ = 0;                    ///< bytes of a too-large message still to be discarded
  std::optional<std::size_t> body_length_;  ///< of the message whose header was read
};

}  // namespace gtm::lsp
