// Wording and recovery for syntax errors, kept apart from the PEGTL instantiation: what the next
// token is ("found `sdr`"), the final message, and where parsing resumes after an error.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

namespace gtm {

/// The token that starts at `offset`: its length in bytes and how a message names it.
struct FoundToken {
  std::uint32_t length = 0;
  std::string description;  ///< "`sdr`", "a string", "end of file", "reserved word `in`"
  bool is_word_or_string = false;
};

FoundToken describe_token(std::string_view text, std::uint32_t offset);

/// True if the last character before `offset`, ignoring whitespace, is `,`, `[` or `(`.
bool follows_separator(std::string_view text, std::uint32_t offset);

/// Fills `{name}`, `{op}` and `{block}` in a grammar error message.
std::string fill_message(std::string_view message, std::string_view name, std::string_view op,
                         std::string_view block);

/// Where to resume after an error at `error_offset` in the block that starts at `block_start`,
/// with `open_blocks` unclosed `{`: after the `}` that closes them, or at the next line that
/// starts with a name in column 1 (most likely the next top-level block), whichever comes
/// first. Skips strings and comments.
std::uint32_t recovery_point(std::string_view text, std::uint32_t block_start,
                             std::uint32_t error_offset, std::size_t open_blocks);

}  // namespace gtm
