// Blocks and attributes (DESIGN section 3). A file is parsed one top-level block at a time by
// compiler/parse.cpp, which recovers from an error by skipping to the next block.
#pragma once

#include "grammar/expression.hpp"

namespace gtm::grammar {

// clang-format off

struct member;

struct label : sor< string_literal, path > {};
struct block_open : one< '{' > {};
struct block_close : one< '}' > {};
struct members : star< member, ws > {};
struct block_body : seq< block_open, ws, members, must< block_close > > {};

struct attribute_eq : one< '=' > {};

// Most values are one token: `owner = dana`, `label = "Lead status"`, `sla = 4h`. The whole
// expression grammar would still try a call, a mapping, a comparison and `and`/`or` after it,
// each after its own whitespace (a third of a check's parsing time), so one token with nothing
// after it that could continue an expression is matched directly. The look-ahead scans only
// well-formed tokens, without actions or commit points; then the token is matched once more
// with its action. Anything else (a malformed token, a triple-quoted string, an operator after
// the token) goes through the expression grammar, which builds the same tree for one token.
struct scan_string : seq< one< '"' >, star< string_char >, one< '"' > > {};
struct scan_number : seq< opt< one< '-' > >, plus< digit >, opt< one< '.' >, plus< digit > >, number_end > {};
struct scan_path : seq< ident, star< path_dot, ident > > {};
// Strings and names first: they are most values (the alternatives cannot match the same text).
struct scan_token : sor< scan_string, scan_path, date_literal, duration_literal, scan_number,
                         kw_true, kw_false, kw_none > {};
struct continues_expr : sor< one< '(', '=', '!', '<', '>', '"' >, mapping_arrow, kw_in, kw_not,
                             kw_and, kw_or > {};
struct single_token : sor< plain_string, reference, date_literal, duration_literal, number_literal,
                           literal_true, literal_false, literal_none > {};
struct single_token_value : seq< at< scan_token, ws, not_at< continues_expr > >, single_token > {};
// The expression grammar as `expr` is, but not counted as a nesting level of its own (the
// attribute's value is the first level).
struct attribute_value : sor< single_token_value, seq< and_expr, star< or_tail > > > {};
struct attribute_rest : seq< attribute_eq, ws, must< attribute_value > > {};
struct nested_block_rest : seq< opt< label, ws >, block_body > {};

// After a member's name comes `=` (an attribute) or an optional label and `{` (a nested block).
struct member_name : ident {};
struct member_rest : sor< attribute_rest, nested_block_rest > {};
struct member : seq< member_name, ws, must< member_rest > > {};

// A top-level block: KIND [NAME] { ... }.
struct block_kind : ident {};
struct top_block_rest : seq< opt< label, ws >, block_body > {};
struct top_block : seq< block_kind, ws, must< top_block_rest > > {};

// What may start a top-level block; anything else at top level is reported and skipped.
struct top_block_start : must< top_block > {};

// clang-format on

}  // namespace gtm::grammar
