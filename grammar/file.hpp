// Blocks and attributes (docs/design.md, "The language"). A file is parsed one top-level block at a
// time by compiler/syntax/parse.cpp, which recovers from an error by skipping to the next block.
#pragma once

#include "grammar/expression.hpp"
#include "grammar/lookahead.hpp"

namespace gtm::grammar {

// clang-format off

struct member;

// clang-format on
// Where the parser closes a nested block whose `}` is missing: matches nothing, and only at the
// one place the parser's state names (compiler/syntax/parse.cpp re-parses a block that failed
// with the block its indentation says is unclosed closed before the member that is indented
// like its header). Parsed without a state (grammar analysis, tests) it never matches.
struct forced_close {
  using rule_t = forced_close;
  using subs_t = empty_list;

  template <apply_mode, rewind_mode, template <typename...> class, template <typename...> class,
            typename ParseInput, typename... States>
  static bool match(ParseInput& in, States&... states) {
    if constexpr (sizeof...(States) == 1) {
      return (states.closes_here(in.current()) && ...);
    } else {
      return false;
    }
  }
};
// clang-format off

struct label : sor< string_literal, path > {};
struct block_open : one< '{' > {};
struct block_close : sor< one< '}' >, forced_close > {};
struct members : star< member, ws > {};
struct block_body : seq< block_open, ws, members, must< block_close > > {};

struct attribute_eq : one< '=' > {};

// Most values are one token: `owner = dana`, `label = "Lead status"`, `sla = 4h`. The whole
// expression grammar would still try a call, a mapping, a comparison and `and`/`or` after it,
// each after its own whitespace (much of the parser's time), so one token with nothing
// after it that could continue an expression is matched directly, after a look-ahead written by
// hand (grammar/lookahead.hpp: well-formed tokens only, no actions, no commit points). Anything
// else (a malformed token, a triple-quoted string, an operator after the token) goes through the
// expression grammar, which builds the same tree for one token.
// clang-format on
struct single_token_ahead {
  using rule_t = single_token_ahead;
  using subs_t = empty_list;

  template <typename ParseInput>
  static bool match(ParseInput& in) {
    return lookahead::single_token_ahead(in.current(), in.end());
  }
};
// clang-format off
struct single_token : sor< plain_string, reference, date_literal, duration_literal, number_literal,
                           literal_true, literal_false, literal_none > {};
struct single_token_value : seq< single_token_ahead, single_token > {};
// The expression grammar as `expr` is, but not counted as a nesting level of its own (the
// attribute's value is the first level).
struct attribute_value : sor< single_token_value, seq< and_expr, star< or_tail > > > {};
struct attribute_rest : seq< attribute_eq, ws, must< attribute_value > > {};
struct nested_block_rest : seq< opt< label, ws >, block_body > {};

// After a member's name comes `=` (an attribute) or an optional label and `{` (a nested block).
struct member_name : ident {};
struct member_rest : sor< attribute_rest, nested_block_rest > {};
struct member : seq< not_at< forced_close >, member_name, ws, must< member_rest > > {};

// A top-level block: KIND [NAME] { ... }.
struct block_kind : ident {};
struct top_block_rest : seq< opt< label, ws >, block_body > {};
struct top_block : seq< block_kind, ws, must< top_block_rest > > {};

// What may start a top-level block; anything else at top level is reported and skipped.
struct top_block_start : must< top_block > {};

// clang-format on

}  // namespace gtm::grammar

// For grammar analysis (tests/unit/syntax/test_parse.cpp): the look-ahead consumes nothing.
template <typename Name>
struct tao::pegtl::analyze_traits<Name, gtm::grammar::single_token_ahead> : analyze_opt_traits<> {};
template <typename Name>
struct tao::pegtl::analyze_traits<Name, gtm::grammar::forced_close> : analyze_opt_traits<> {};
