// What a request handler sees: the latest compilation of the workspace (open buffers overriding
// the disk), the mapping from URIs to its files, and today's date.
#pragma once

#include <map>
#include <optional>
#include <string>

#include "cli/lsp/messages.hpp"
#include "cli/lsp/protocol.hpp"
#include "compiler/compilation.hpp"

namespace gtm::lsp {

struct Session {
  const Compilation& compilation;
  const std::map<std::string, FileId>& files_by_uri;
  std::int64_t today;

  std::optional<FileId> file(const std::string& uri) const {
    const auto it = files_by_uri.find(uri);
    return it == files_by_uri.end() ? std::nullopt : std::optional<FileId>(it->second);
  }
  const SourceFile& source(FileId id) const { return compilation.sources.file(id); }
};

/// Thrown by a handler for a request it cannot answer (e.g. a rename to a name in use); the
/// server replies with RequestFailed and the message.
struct RequestFailed {
  std::string message;
};

// The handlers of the LSP requests, one group per file.
Json hover(const Session& session, const PositionParams& params);
Json definition(const Session& session, const PositionParams& params);
Json references(const Session& session, const ReferenceParams& params);
Json prepare_rename(const Session& session, const PositionParams& params);
Json rename(const Session& session, const RenameParams& params);
Json document_symbols(const Session& session, const DocumentParams& params);
Json workspace_symbols(const Session& session, const WorkspaceSymbolParams& params);
Json completion(const Session& session, const PositionParams& params);
Json formatting(const Session& session, const DocumentParams& params);
Json code_actions(const Session& session, const CodeActionParams& params);
Json semantic_tokens(const Session& session, const DocumentParams& params);
/// The token types and modifiers `semantic_tokens` numbers by, for `initialize`.
Json semantic_tokens_legend();

}  // namespace gtm::lsp
