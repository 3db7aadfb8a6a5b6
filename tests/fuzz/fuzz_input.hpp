// Shared by the fuzz targets: the fuzz input seen as a multi-file workspace. A line
// `# --- NAME` starts another file, the convention of the golden cases, so they seed the corpus.
#pragma once

#include <fmt/format.h>

#include <string>
#include <string_view>
#include <vector>

#include "compiler/compilation.hpp"

namespace gtm::fuzz {

inline std::vector<SourceText> split_workspace(std::string_view input) {
  std::vector<SourceText> files{{"main.gtm", "", ""}};
  constexpr std::string_view kMarker = "# --- ";
  while (!input.empty()) {
    const std::size_t end = input.find('\n');
    const std::string_view line =
        input.substr(0, end == std::string_view::npos ? input.size() : end + 1);
    input.remove_prefix(line.size());
    if (line.starts_with(kMarker) && files.size() < 64) {
      files.push_back({fmt::format("f{}.gtm", files.size()), "", ""});
    } else {
      files.back().text += line;
    }
  }
  return files;
}

inline std::string_view as_text(const std::uint8_t* data, std::size_t size) {
  return {reinterpret_cast<const char*>(data), size};
}

}  // namespace gtm::fuzz
