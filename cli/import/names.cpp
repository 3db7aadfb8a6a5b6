// Identifiers and string literals for imported names.
#include "cli/import/names.hpp"

#include <cctype>

#include "grammar/words.hpp"

namespace gtm::sfdx {

std::string identifier(std::string_view name) {
  std::string out;
  for (char c : name) {
    const auto byte = static_cast<unsigned char>(c);
    out += std::isalnum(byte) || c == '_' ? c : '_';
  }
  if (out.empty() || std::isdigit(static_cast<unsigned char>(out[0]))) out = "_" + out;
  if (grammar::is_reserved_word(out)) out += '_';
  return out;
}

std::string quoted(std::string_view text) {
  std::string out = "\"";
  for (char c : text) {
    switch (c) {
      case '"':
        out += "\\\"";
        break;
      case '\\':
        out += "\\\\";
        break;
      case '\n':
        out += "\\n";
        break;
      case '\t':
        out += "\\t";
        break;
      case '\r':
        break;
      default:
        out += c;
    }
  }
  return out + "\"";
}

}  // namespace gtm::sfdx
