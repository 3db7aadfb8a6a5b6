// A transparent hash, so that maps keyed by std::string can be searched with a string_view
// without building a string for each look-up.
#pragma once

#include <functional>
#include <string_view>

namespace gtm {

struct TextHash {
  using is_transparent = void;
  std::size_t operator()(std::string_view text) const {
    return std::hash<std::string_view>{}(text);
  }
};

}  // namespace gtm
