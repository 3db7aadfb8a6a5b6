// JSON documents as text. Messages quote the user's text, which may hold invalid UTF-8 (reported
// as `encoding`); nlohmann::json throws on that by default, so every document is written with
// such bytes replaced by U+FFFD instead.
#pragma once

#include <string>

namespace gtm {

template <typename Json>
std::string json_text(const Json& document, int indent = -1) {
  return document.dump(indent, ' ', false, Json::error_handler_t::replace);
}

}  // namespace gtm
