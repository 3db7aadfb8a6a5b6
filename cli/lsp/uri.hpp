// file:// URIs <-> paths (percent-encoding as VS Code and Neovim send them).
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace gtm::lsp {

std::optional<std::string> path_from_uri(std::string_view uri);
std::string uri_from_path(std::string_view path);

}  // namespace gtm::lsp
