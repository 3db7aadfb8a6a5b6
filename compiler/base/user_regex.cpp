// Compiling user-written regular expressions within their limits.
#include "compiler/base/user_regex.hpp"

#include <fmt/format.h>

#include "compiler/base/limits.hpp"

namespace gtm {

UserRegex compile_user_regex(std::string_view pattern) {
  if (pattern.size() > limits::kMaxRegexBytes) {
    return {nullptr, fmt::format("the regular expression is {} bytes long, over the limit of {}",
                                 pattern.size(), limits::kMaxRegexBytes)};
  }
  re2::RE2::Options options;
  options.set_log_errors(false);
  options.set_max_mem(limits::kMaxRegexMemory);
  auto regex =
      std::make_unique<re2::RE2>(re2::StringPiece(pattern.data(), pattern.size()), options);
  if (regex->ok()) return {std::move(regex), {}};
  if (regex->error_code() == re2::RE2::ErrorPatternTooLarge) {
    return {nullptr,
            "the regular expression is too large to compile (over 1 MB of RE2 program); "
            "simplify its repetitions"};
  }
  return {nullptr, fmt::format("invalid regular expression: {}", regex->error())};
}

}  // namespace gtm
