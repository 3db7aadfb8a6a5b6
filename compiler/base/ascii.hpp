// ASCII case folding: names, identifiers and header fields compare without case in one way
// everywhere (a system's own text semantics, such as Salesforce's, live in rules/text_match).
#pragma once

#include <string>
#include <string_view>

namespace gtm {

constexpr char lower_ascii(char c) {
  return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c;
}

inline std::string lower_ascii(std::string_view text) {
  std::string out(text);
  for (char& c : out) c = lower_ascii(c);
  return out;
}

}  // namespace gtm
