// Salesforce names as gtmlint identifiers and literals. API names are kept where they are valid
// identifiers (they nearly always are); anything else becomes `_`, and the original is kept in
// an `api_name` attribute, so the mapping can be reversed.
#pragma once

#include <string>
#include <string_view>

#include "compiler/base/ascii.hpp"

namespace gtm::sfdx {

/// A valid identifier for `name`: letters, digits and `_` kept, other characters `_`, a leading
/// digit prefixed with `_`, and a reserved word (and, or, not, in, true, false, none) suffixed.
std::string identifier(std::string_view name);

/// `text` as a .gtm string literal, quoted and escaped.
std::string quoted(std::string_view text);

}  // namespace gtm::sfdx
