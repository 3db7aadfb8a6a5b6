// Regular expressions written by users (naming patterns, `matches(...)`), compiled with RE2
// within the limits of compiler/base/limits.hpp: RE2 never backtracks, so matching is linear in the
// text, and the pattern's size and compiled memory are capped.
#pragma once

#include <re2/re2.h>

#include <memory>
#include <string>
#include <string_view>

namespace gtm {

struct UserRegex {
  std::unique_ptr<re2::RE2> regex;  ///< null when the pattern was refused
  std::string error;                ///< why, for a diagnostic
};

UserRegex compile_user_regex(std::string_view pattern);

}  // namespace gtm
