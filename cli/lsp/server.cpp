// The language server's loop, lifecycle, documents, re-checking and publishing.
#include "cli/lsp/server.hpp"

#include "compiler/base/json_text.hpp"

#include <fmt/format.h>

#include <algorithm>

#include "cli/lsp/session.hpp"
#include "cli/lsp/uri.hpp"
#include "cli/options.hpp"
#include "compiler/base/limits.hpp"
#include "compiler/syntax/workspace.hpp"
#include "rules/registry.hpp"

namespace gtm::lsp {

namespace {

// How long after the last edit the workspace is re-checked. Everything a client has already sent
// is read before a re-check (see run), so a burst of changes is checked once anyway; the pause
// only lets changes written back to back reach the pipe. It counts in the time a user waits for
// diagnostics, so it is kept short (a person types a character every 100 ms or so).
constexpr std::chrono::milliseconds kDebounce{3};

Json capabilities() {
  return Json{
      {"positionEncoding", "utf-16"},
      {"textDocumentSync",
       {{"openClose", true}, {"change", 2}, {"save", {{"includeText", false}}}}},
      {"hoverProvider", true},
      {"definitionProvider", true},
      {"referencesProvider", true},
      {"renameProvider", {{"prepareProvider", true}}},
      {"completionProvider", {{"triggerCharacters", Json::array({".", "=", " ", "\""})}}},
      {"documentSymbolProvider", true},
      {"workspaceSymbolProvider", true},
      {"documentFormattingProvider", true},
      {"codeActionProvider", {{"codeActionKinds", Json::array({"quickfix"})}}},
      {"semanticTokensProvider", {{"legend", semantic_tokens_legend()}, {"full", true}}},
  };
}

// The method and parameters of a message; empty when missing or of the wrong type, so that a
// malformed message from a client gets an error reply instead of stopping the server.
std::string method_of(const Json& message) {
  const auto it = message.find("method");
  return it != message.end() && it->is_string() ? it->get<std::string>() : std::string();
}

Json params_of(const Json& message) {
  const auto it = message.find("params");
  return it != message.end() && it->is_object() ? *it : Json::object();
}

}  // namespace

int Server::run() {
  while (true) {
    // Take in everything already sent (without waiting) before handling the oldest message, so
    // that a cancellation reaches a request still in the queue; with nothing queued, wait for a
    // message or for the pending re-check.
    std::string body;
    const auto deadline =
        queue_.empty() ? recheck_at_ : std::optional(std::chrono::steady_clock::now());
    const auto status = transport_.read(body, deadline);
    if (status == Transport::Status::Malformed) {
      reply_error(nullptr, error_code::kParseError, "malformed message header");
      continue;
    }
    if (status == Transport::Status::TooLarge) {
      reply_error(
          nullptr, error_code::kParseError,
          fmt::format("message over the limit of {} bytes; ignored", limits::kMaxLspMessageBytes));
      continue;
    }
    if (status == Transport::Status::Message) {
      enqueue(body);
      continue;
    }
    if (!queue_.empty()) {
      Json message = std::move(queue_.front());
      queue_.erase(queue_.begin());
      handle(message);
      if (method_of(message) == "exit") return shutdown_ ? 0 : 1;
      continue;
    }
    if (status == Transport::Status::Closed) return shutdown_ ? 0 : 1;
    if (recheck_at_ && std::chrono::steady_clock::now() >= *recheck_at_) {
      recheck();
      publish();
    }
  }
}

void Server::enqueue(const std::string& body) {
  Json message = Json::parse(body, nullptr, false);
  if (message.is_discarded() || !message.is_object()) {
    reply_error(nullptr, error_code::kParseError, "the message is not a JSON object");
    return;
  }
  // A cancellation of a request still waiting in the queue answers it at once; a request
  // already answered needs nothing.
  if (method_of(message) == "$/cancelRequest") {
    const Json id = params_of(message).value("id", Json());
    const auto it = std::find_if(queue_.begin(), queue_.end(),
                                 [&](const Json& m) { return m.contains("id") && m["id"] == id; });
    if (it != queue_.end()) {
      reply_error(id, error_code::kRequestCancelled, "cancelled");
      queue_.erase(it);
    }
    return;
  }
  queue_.push_back(std::move(message));
}

void Server::handle(const Json& message) {
  const std::string method = method_of(message);
  const Json params = params_of(message);
  if (message.contains("id")) {
    if (method.empty()) return;  // a response to something we never send
    try {
      handle_request(message["id"], method, params);
    } catch (const Json::exception& e) {  // e.g. `initialize` with parameters of wrong types
      reply_error(message["id"], error_code::kInvalidParams,
                  fmt::format("invalid parameters: {}", e.what()));
    }
  } else {
    handle_notification(method, params);
  }
}

void Server::handle_request(const Json& id, const std::string& method, const Json& params) {
  if (method == "initialize") {
    initialize(params.get<InitializeParams>());
    reply(id, Json{{"capabilities", capabilities()},
                   {"serverInfo", {{"name", "gtmlint"}, {"version", GTM_VERSION}}}});
    return;
  }
  if (!initialized_) return reply_error(id, error_code::kServerNotInitialized, "not initialized");
  if (method == "shutdown") {
    shutdown_ = true;
    return reply(id, nullptr);
  }
  if (recheck_at_) {  // answer from the text as it is now
    recheck();
    publish();
  }
  try {
    Json result = answer(method, params);
    if (result.is_discarded()) {
      return reply_error(id, error_code::kMethodNotFound, fmt::format("no method `{}`", method));
    }
    reply(id, std::move(result));
  } catch (const RequestFailed& failure) {
    reply_error(id, error_code::kRequestFailed, failure.message);
  } catch (const Json::exception& e) {
    reply_error(id, error_code::kInvalidParams, fmt::format("invalid parameters: {}", e.what()));
  }
}

Json Server::answer(const std::string& method, const Json& params) {
  const Session session{*compilation_, files_by_uri_, today_};
  if (method == "textDocument/hover") return hover(session, params.get<PositionParams>());
  if (method == "textDocument/definition") return definition(session, params.get<PositionParams>());
  if (method == "textDocument/references")
    return references(session, params.get<ReferenceParams>());
  if (method == "textDocument/prepareRename")
    return prepare_rename(session, params.get<PositionParams>());
  if (method == "textDocument/rename") return rename(session, params.get<RenameParams>());
  if (method == "textDocument/documentSymbol")
    return document_symbols(session, params.get<DocumentParams>());
  if (method == "workspace/symbol")
    return workspace_symbols(session, params.get<WorkspaceSymbolParams>());
  if (method == "textDocument/completion") return completion(session, params.get<PositionParams>());
  if (method == "textDocument/formatting") return formatting(session, params.get<DocumentParams>());
  if (method == "textDocument/codeAction")
    return code_actions(session, params.get<CodeActionParams>());
  if (method == "textDocument/semanticTokens/full")
    return semantic_tokens(session, params.get<DocumentParams>());
  return Json(Json::value_t::discarded);
}

void Server::handle_notification(const std::string& method, const Json& params) {
  try {
    if (method == "initialized" || method == "exit") return;
    if (!initialized_) return;
    if (method == "textDocument/didOpen")
      did_open(params.get<DidOpenParams>());
    else if (method == "textDocument/didChange")
      did_change(params.get<DidChangeParams>());
    else if (method == "textDocument/didClose")
      did_close(params.get<DocumentParams>());
    else if (method == "textDocument/didSave" || method == "workspace/didChangeWatchedFiles") {
      load_disk_files();
      changed(std::chrono::milliseconds(0));
    }
  } catch (const Json::exception& e) {
    notify("window/logMessage",
           {{"type", 1}, {"message", fmt::format("gtmlint: ignored `{}`: {}", method, e.what())}});
  }
}

void Server::reply(const Json& id, Json result) {
  transport_.write(json_text(Json{{"jsonrpc", "2.0"}, {"id", id}, {"result", std::move(result)}}));
}

void Server::reply_error(const Json& id, int code, const std::string& message) {
  transport_.write(json_text(
      Json{{"jsonrpc", "2.0"}, {"id", id}, {"error", {{"code", code}, {"message", message}}}}));
}

void Server::notify(const std::string& method, Json params) {
  transport_.write(
      json_text(Json{{"jsonrpc", "2.0"}, {"method", method}, {"params", std::move(params)}}));
}

void Server::initialize(const InitializeParams& params) {
  root_ = params.root.value_or("");
  initialized_ = true;
  load_disk_files();
  // The heap a check of this workspace needs, in 2 MiB pages, once: every re-check reuses it.
  if (options_.reserve_heap_for_sources) {
    std::size_t bytes = 0;
    for (const auto& [path, text] : disk_) bytes += text.size();
    options_.reserve_heap_for_sources(bytes);
  }
  recheck();
  publish();
}

void Server::load_disk_files() {
  disk_.clear();
  if (root_.empty() || !options_.read_disk) return;
  std::vector<fs::path> nested_roots;  // other workspaces, checked by their own server
  for (const fs::path& file :
       list_workspace_files(find_workspace_root(root_), nullptr, &nested_roots)) {
    std::string error;
    if (auto text = read_file(file, &error, limits::kMaxFileBytes + 1))
      disk_[fs::absolute(file).lexically_normal().string()] = std::move(*text);
  }
}

void Server::did_open(const DidOpenParams& params) {
  const auto path = path_from_uri(params.uri);
  if (!path) return;
  if (root_.empty()) {  // no workspace folder: the file's own workspace
    root_ = find_workspace_root(fs::path(*path).parent_path()).string();
    load_disk_files();
  }
  open_[*path] = {params.text, params.version};
  changed(std::chrono::milliseconds(0));
}

void Server::did_change(const DidChangeParams& params) {
  const auto path = path_from_uri(params.uri);
  if (!path || !open_.count(*path)) return;
  Document& document = open_[*path];
  for (const ContentChange& change : params.changes) {
    if (!change.range) {
      document.text = change.text;
      continue;
    }
    const SourceFile current("", document.text);
    const std::uint32_t begin = offset_of(current, change.range->start);
    const std::uint32_t end = offset_of(current, change.range->end);
    // SourceFile drops a byte-order mark: offsets are after it.
    const std::size_t bom = current.had_bom() ? 3 : 0;
    document.text.replace(begin + bom, std::max(begin, end) - begin, change.text);
  }
  document.version = params.version.value_or(document.version + 1);
  changed(kDebounce);
}

void Server::did_close(const DocumentParams& params) {
  const auto path = path_from_uri(params.uri);
  if (path) open_.erase(*path);
  changed(std::chrono::milliseconds(0));
}

void Server::changed(std::chrono::milliseconds delay) {
  recheck_at_ = std::chrono::steady_clock::now() + delay;
}

void Server::recheck() {
  recheck_at_.reset();
  std::string error;
  today_ = cli::resolve_today(std::nullopt, &error).value_or(0);
  auto compilation = std::make_unique<Compilation>();
  if (!root_.empty()) compilation->workspace_root = find_workspace_root(root_).string();
  std::map<std::string, const std::string*> texts;
  for (const auto& [path, text] : disk_) texts[path] = &text;
  for (const auto& [path, document] : open_) texts[path] = &document.text;
  files_by_uri_.clear();
  std::vector<SourceText> sources;
  for (const auto& [path, text] : texts) {
    files_by_uri_[uri_from_path(path)] =
        static_cast<FileId>(compilation->files.size() + sources.size());
    sources.push_back({path, *text, ""});
  }
  add_sources(*compilation, std::move(sources));  // parsed on all cores
  analyse(*compilation, rules::compile_options(today_));
  compilation_ = std::move(compilation);
}

void Server::publish() {
  std::map<std::string, Json> current;
  for (const auto& [uri, id] : files_by_uri_) current[uri] = Json::array();
  for (const Diagnostic& d : compilation_->diagnostics.items()) {
    if (!compilation_->is_user_file(d.span.file)) continue;
    current[uri_of(*compilation_, d.span.file)].push_back(diagnostic_json(*compilation_, d));
  }
  for (const auto& [uri, sent] : published_) {
    if (!current.count(uri)) current[uri] = Json::array();  // a file that left the workspace
  }
  for (auto& [uri, diagnostics] : current) {
    const auto it = published_.find(uri);
    if (it != published_.end() && it->second == diagnostics) continue;
    if (it == published_.end() && diagnostics.empty()) continue;
    notify("textDocument/publishDiagnostics", {{"uri", uri}, {"diagnostics", diagnostics}});
    published_[uri] = std::move(diagnostics);
  }
}

}  // namespace gtm::lsp
