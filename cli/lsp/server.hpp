// `gtmlint lsp`: the language server. It keeps the workspace (every .gtm file under the root,
// open buffers overriding the disk), re-checks it a short moment after edits stop, publishes
// diagnostics for every file whose findings changed, and answers requests from the latest check.
#pragma once

#include <chrono>
#include <cstddef>
#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "cli/lsp/messages.hpp"
#include "cli/lsp/protocol.hpp"
#include "cli/lsp/transport.hpp"
#include "compiler/compilation.hpp"

namespace gtm::lsp {

struct ServerOptions {
  /// Read the workspace's files from disk; off only for the fuzzer, whose workspace is the open
  /// buffers alone (it must not scan whatever directory a fuzzed URI names).
  bool read_disk = true;
  /// Called once the workspace's size is known, when the user opted in (cli::Io).
  std::function<void(std::size_t source_bytes)> reserve_heap_for_sources;
};

class Server {
 public:
  explicit Server(Transport& transport, ServerOptions options = {})
      : transport_(transport), options_(options) {}

  /// Serves until `exit`; returns the process exit status (0 after `shutdown`, else 1).
  int run();

 private:
  void enqueue(const std::string& body);
  void handle(const Json& message);
  void handle_request(const Json& id, const std::string& method, const Json& params);
  void handle_notification(const std::string& method, const Json& params);
  Json answer(const std::string& method, const Json& params);

  void reply(const Json& id, Json result);
  void reply_error(const Json& id, int code, const std::string& message);
  void notify(const std::string& method, Json params);

  void initialize(const InitializeParams& params);
  void load_disk_files();
  void did_open(const DidOpenParams& params);
  void did_change(const DidChangeParams& params);
  void did_close(const DocumentParams& params);
  void changed(std::chrono::milliseconds delay);

  void recheck();
  void publish();

  Transport& transport_;
  ServerOptions options_;
  bool initialized_ = false;
  bool shutdown_ = false;
  std::string root_;
  std::map<std::string, std::string> disk_;  ///< path -> text, for files not open
  struct Document {
    std::string text;
    long version = 0;
  };
  std::map<std::string, Document> open_;  ///< path -> buffer
  std::unique_ptr<Compilation> compilation_;
  std::map<std::string, FileId> files_by_uri_;
  std::map<std::string, Json> published_;  ///< uri -> the diagnostics last sent
  std::int64_t today_ = 0;
  std::optional<std::chrono::steady_clock::time_point> recheck_at_;
  std::vector<Json> queue_;  ///< messages read but not yet handled (for cancellation)
};

}  // namespace gtm::lsp
