// Conversions between the compiler's values and LSP's JSON: positions in UTF-16 code units,
// ranges, diagnostics (notes become relatedInformation), and the JSON-RPC error codes.
#pragma once

#include <nlohmann/json.hpp>

#include "compiler/compilation.hpp"

namespace gtm::lsp {

using Json = nlohmann::json;

namespace error_code {
constexpr int kParseError = -32700;
constexpr int kInvalidRequest = -32600;
constexpr int kMethodNotFound = -32601;
constexpr int kInvalidParams = -32602;
constexpr int kServerNotInitialized = -32002;
constexpr int kRequestFailed = -32803;
constexpr int kRequestCancelled = -32800;
}  // namespace error_code

Json position_json(const SourceFile& file, std::uint32_t offset);
Json range_json(const SourceFile& file, std::uint32_t begin, std::uint32_t end);

/// `file://...` of a compilation's file (its path is absolute in the language server).
std::string uri_of(const Compilation& compilation, FileId file);
Json location_json(const Compilation& compilation, Span span);
Json diagnostic_json(const Compilation& compilation, const Diagnostic& d);

}  // namespace gtm::lsp
