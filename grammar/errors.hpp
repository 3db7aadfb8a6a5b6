// The message for every point where the grammar commits (`must<>`): what was expected there.
// `{name}` is the member or block name just read, `{op}` the operator just read, `{found}` the
// token found instead (appended as ", found X" when the message does not place it). A rule that can
// raise without a message fails to compile.
#pragma once

#include "grammar/file.hpp"

namespace gtm::grammar {

template <typename Rule>
inline constexpr const char* error_message = nullptr;

// clang-format off
template<> inline constexpr auto error_message< path_segment > = "expected a name after `.`";
template<> inline constexpr auto error_message< escape_code > = "unknown escape sequence; use \\\", \\\\, \\n, \\t or \\u{XXXX}";
template<> inline constexpr auto error_message< string_close > = "unterminated string";
template<> inline constexpr auto error_message< triple_body > = "unterminated `\"\"\"` string";
template<> inline constexpr auto error_message< triple_close > = "unterminated `\"\"\"` string";
template<> inline constexpr auto error_message< number_end > = "unexpected {found} after a number; durations are written 30m, 4h, 2d or 1w";
template<> inline constexpr auto error_message< list_close > = "expected `,` or `]` in list";
template<> inline constexpr auto error_message< call_close > = "expected `,` or `)` in argument list";
template<> inline constexpr auto error_message< paren_expr > = "expected an expression after `(`";
template<> inline constexpr auto error_message< paren_close > = "expected `)` to close `(`";
template<> inline constexpr auto error_message< mapping_target > = "expected a value after `->` or `<->`";
template<> inline constexpr auto error_message< compare_rhs > = "expected a value after `{op}`";
template<> inline constexpr auto error_message< not_operand > = "expected an expression after `not`";
template<> inline constexpr auto error_message< and_operand > = "expected an expression after `and`";
template<> inline constexpr auto error_message< or_operand > = "expected an expression after `or`";
template<> inline constexpr auto error_message< attribute_value > = "expected a value after `{name} =`";
template<> inline constexpr auto error_message< member_rest > = "expected `=` or `{` after `{name}`";
template<> inline constexpr auto error_message< block_close > = "expected an attribute, a nested block or `}` in `{block}`";
template<> inline constexpr auto error_message< top_block_rest > = "expected a name or `{` after `{name}`";
template<> inline constexpr auto error_message< top_block > = "expected a block such as `person dana { ... }`";
// clang-format on

}  // namespace gtm::grammar
