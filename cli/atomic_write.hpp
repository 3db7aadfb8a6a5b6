// Writing a file so that readers see the old or the new content, never a half-written one:
// write a temporary file beside it, then rename it over the target (keeping its permissions).
#pragma once

#include <string>
#include <string_view>

#include "compiler/syntax/workspace.hpp"

namespace gtm::cli {

bool write_file_atomically(const fs::path& path, std::string_view content, std::string* error);

}  // namespace gtm::cli
