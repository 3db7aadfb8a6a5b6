// The parameters of the LSP messages the server handles, as typed structs read from JSON once,
// at the server's edge (nlohmann's from_json): handlers never index JSON. A required member that
// is missing or of the wrong type throws Json::exception, which the server answers with
// InvalidParams (a request) or logs (a notification). Positions are LSP uintegers: whatever else a
// client sends (negative, fractional, huge) is clamped, never converted out of range.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "cli/lsp/protocol.hpp"

namespace gtm::lsp {

struct Position {
  std::uint32_t line = 0, character = 0;  ///< character in UTF-16 code units
};

struct Range {
  Position start, end;
};

/// `initialize`: the workspace root, from workspaceFolders, rootUri or rootPath (in that order).
struct InitializeParams {
  std::optional<std::string> root;  ///< a path
};

struct DidOpenParams {
  std::string uri, text;
  std::int64_t version = 0;
};

struct ContentChange {
  std::optional<Range> range;  ///< none: the whole text
  std::string text;
};

struct DidChangeParams {
  std::string uri;
  std::optional<std::int64_t> version;
  std::vector<ContentChange> changes;
};

/// didClose, documentSymbol, formatting, semanticTokens/full.
struct DocumentParams {
  std::string uri;
};

/// hover, definition, completion, prepareRename.
struct PositionParams {
  std::string uri;
  Position position;
};

struct ReferenceParams : PositionParams {
  bool include_declaration = false;
};

struct RenameParams : PositionParams {
  std::string new_name;
};

struct CodeActionParams {
  std::string uri;
  Range range;
};

struct WorkspaceSymbolParams {
  std::string query;
};

void from_json(const Json& json, Position& out);
void from_json(const Json& json, Range& out);
void from_json(const Json& json, InitializeParams& out);
void from_json(const Json& json, DidOpenParams& out);
void from_json(const Json& json, ContentChange& out);
void from_json(const Json& json, DidChangeParams& out);
void from_json(const Json& json, DocumentParams& out);
void from_json(const Json& json, PositionParams& out);
void from_json(const Json& json, ReferenceParams& out);
void from_json(const Json& json, RenameParams& out);
void from_json(const Json& json, CodeActionParams& out);
void from_json(const Json& json, WorkspaceSymbolParams& out);

/// The byte offset of an LSP position, clamped to the file.
std::uint32_t offset_of(const SourceFile& file, Position position);

}  // namespace gtm::lsp
