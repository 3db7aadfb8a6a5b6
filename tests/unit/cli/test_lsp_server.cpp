// The language server driven in memory through the Transport interface: messages in, messages
// out, no file descriptors.
#include <catch2/catch.hpp>

#include <nlohmann/json.hpp>

#include <deque>
#include <string>
#include <thread>
#include <vector>

#include "cli/lsp/server.hpp"
#include "cli/lsp/transport.hpp"

using namespace gtm;
using Json = nlohmann::json;

namespace {

// Hands the server the scripted messages, then reports the stream closed; keeps what it writes.
// Like a client that waits for diagnostics, it holds back the messages after `pause` until the
// server's debounced re-check has published them.
class ScriptedTransport final : public lsp::Transport {
 public:
  ScriptedTransport(std::vector<Json> before, std::vector<Json> after) {
    for (const Json& message : before) incoming_.push_back(message.dump());
    pause_ = incoming_.size();
    for (const Json& message : after) incoming_.push_back(message.dump());
  }

  Status read(std::string& body, lsp::Deadline deadline) override {
    if (incoming_.empty()) return Status::Closed;
    if (delivered_ == pause_ && !published_ && deadline) {
      std::this_thread::sleep_until(*deadline);
      return Status::Timeout;
    }
    body = std::move(incoming_.front());
    incoming_.pop_front();
    ++delivered_;
    return Status::Message;
  }

  void write(const std::string& body) override {
    written.push_back(Json::parse(body));
    published_ |= written.back().value("method", "") == "textDocument/publishDiagnostics";
  }

  std::vector<Json> written;

 private:
  std::deque<std::string> incoming_;
  std::size_t pause_ = 0, delivered_ = 0;
  bool published_ = false;
};

Json request(int id, const std::string& method, Json params) {
  return {{"jsonrpc", "2.0"}, {"id", id}, {"method", method}, {"params", std::move(params)}};
}

Json notification(const std::string& method, Json params) {
  return {{"jsonrpc", "2.0"}, {"method", method}, {"params", std::move(params)}};
}

}  // namespace

TEST_CASE(
    "the language server runs over any Transport: initialize then diagnostics then shutdown") {
  const std::string uri = "file:///nowhere/people.gtm";
  ScriptedTransport transport(
      {
          request(1, "initialize", {{"capabilities", Json::object()}}),
          notification("initialized", Json::object()),
          notification("textDocument/didOpen",
                       {{"textDocument",
                         {{"uri", uri},
                          {"languageId", "gtm"},
                          {"version", 1},
                          {"text", "person dana { name = \"Dana\"  team = nobody }\n"}}}}),
      },
      {
          request(2, "shutdown", nullptr),
          notification("exit", nullptr),
      });
  const int status =
      lsp::Server(transport, lsp::ServerOptions{.read_disk = false, .reserve_heap_for_sources = {}})
          .run();
  CHECK(status == 0);
  bool initialized = false, shut_down = false, unresolved_reported = false;
  for (const Json& message : transport.written) {
    if (message.value("id", 0) == 1) initialized = message["result"].contains("capabilities");
    if (message.value("id", 0) == 2) shut_down = message.contains("result");
    if (message.value("method", "") != "textDocument/publishDiagnostics") continue;
    if (message["params"]["uri"] != uri) continue;
    for (const Json& diagnostic : message["params"]["diagnostics"]) {
      unresolved_reported |= diagnostic.value("code", "") == "unresolved-reference";
    }
  }
  CHECK(initialized);
  CHECK(shut_down);
  CHECK(unresolved_reported);
}
