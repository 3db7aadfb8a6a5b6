// Reading the LSP messages' parameters.
#include "cli/lsp/messages.hpp"

#include <algorithm>

#include "cli/lsp/uri.hpp"

namespace gtm::lsp {

namespace {

// A position's `line` or `character` (LSP's uinteger): anything else a client sends (a negative,
// fractional or huge number, a string) is read as 0 or clamped, never converted out of range.
std::uint32_t uinteger_at(const Json& object, const char* key) {
  const auto found = object.find(key);
  if (found == object.end() || !found->is_number()) return 0;
  if (found->is_number_unsigned()) {
    return static_cast<std::uint32_t>(
        std::min<std::uint64_t>(found->get<std::uint64_t>(), UINT32_MAX));
  }
  if (found->is_number_integer()) {
    const std::int64_t value = found->get<std::int64_t>();
    return static_cast<std::uint32_t>(std::clamp<std::int64_t>(value, 0, UINT32_MAX));
  }
  const double value = found->get<double>();
  if (!(value > 0)) return 0;  // negative or NaN
  return value >= static_cast<double>(UINT32_MAX) ? UINT32_MAX : static_cast<std::uint32_t>(value);
}

std::string document_uri(const Json& params) {
  return params.at("textDocument").at("uri").get<std::string>();
}

}  // namespace

void from_json(const Json& json, Position& out) {
  if (!json.is_object()) return void(out = {});
  out = {uinteger_at(json, "line"), uinteger_at(json, "character")};
}

void from_json(const Json& json, Range& out) {
  out = {json.at("start").get<Position>(), json.at("end").get<Position>()};
}

void from_json(const Json& json, InitializeParams& out) {
  out.root.reset();
  const auto folders = json.find("workspaceFolders");
  if (folders != json.end() && folders->is_array() && !folders->empty()) {
    out.root = path_from_uri((*folders)[0].value("uri", ""));
  } else if (json.contains("rootUri") && json["rootUri"].is_string()) {
    out.root = path_from_uri(json["rootUri"].get<std::string>());
  } else if (json.contains("rootPath") && json["rootPath"].is_string()) {
    out.root = json["rootPath"].get<std::string>();
  }
}

void from_json(const Json& json, DidOpenParams& out) {
  const Json& document = json.at("textDocument");
  out.uri = document.at("uri").get<std::string>();
  out.text = document.at("text").get<std::string>();
  out.version = document.value("version", std::int64_t{0});
}

void from_json(const Json& json, ContentChange& out) {
  out.range.reset();
  if (json.contains("range")) out.range = json["range"].get<Range>();
  out.text = json.at("text").get<std::string>();
}

void from_json(const Json& json, DidChangeParams& out) {
  out.uri = document_uri(json);
  const Json& document = json["textDocument"];
  out.version.reset();
  if (document.contains("version") && document["version"].is_number_integer()) {
    out.version = document["version"].get<std::int64_t>();
  }
  out.changes = json.at("contentChanges").get<std::vector<ContentChange>>();
}

void from_json(const Json& json, DocumentParams& out) {
  out.uri = document_uri(json);
}

void from_json(const Json& json, PositionParams& out) {
  out.uri = document_uri(json);
  out.position = json.at("position").get<Position>();
}

void from_json(const Json& json, ReferenceParams& out) {
  from_json(json, static_cast<PositionParams&>(out));
  out.include_declaration =
      json.value("context", Json::object()).value("includeDeclaration", false);
}

void from_json(const Json& json, RenameParams& out) {
  from_json(json, static_cast<PositionParams&>(out));
  out.new_name = json.at("newName").get<std::string>();
}

void from_json(const Json& json, CodeActionParams& out) {
  out.uri = document_uri(json);
  out.range = json.at("range").get<Range>();
}

void from_json(const Json& json, WorkspaceSymbolParams& out) {
  out.query = json.value("query", "");
}

std::uint32_t offset_of(const SourceFile& file, Position position) {
  return file.offset_of_utf16(position.line, position.character);
}

}  // namespace gtm::lsp
