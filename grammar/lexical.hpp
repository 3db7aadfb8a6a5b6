// The tokens of the generic `.gtm` syntax (docs/design.md, "The language"): whitespace, comments,
// identifiers, keywords, strings, numbers, dates and durations. No actions here; see
// compiler/syntax/parse.cpp.
#pragma once

#include <tao/pegtl.hpp>
#include <tao/pegtl/contrib/analyze_traits.hpp>

#include "grammar/words.hpp"

namespace gtm::grammar {

using namespace tao::pegtl;

// clang-format off

// Whitespace and comments. CRLF is whitespace like LF; a BOM is stripped before parsing.
struct comment : seq< one< '#' >, star< not_one< '\n' > > > {};
struct blank : one< ' ', '\t', '\r', '\n' > {};
// `at` first: the comment rule has an action, and trying it where no `#` is (after nearly every
// token) would cost the action's bookkeeping each time.
struct ws : star< sor< plus< blank >, seq< at< one< '#' > >, comment > > > {};

// Identifiers: [A-Za-z_][A-Za-z0-9_-]*. A `-` that starts `->` ends the identifier instead.
struct ident_other : sor< alnum, one< '_' >, seq< one< '-' >, not_at< one< '>' > > > > {};
struct ident_char : sor< alnum, one< '_', '-' > > {};

template< typename Word > struct keyword : seq< Word, not_at< ident_other > > {};
struct kw_and : keyword< TAO_PEGTL_STRING( "and" ) > {};
struct kw_or : keyword< TAO_PEGTL_STRING( "or" ) > {};
struct kw_not : keyword< TAO_PEGTL_STRING( "not" ) > {};
struct kw_in : keyword< TAO_PEGTL_STRING( "in" ) > {};
struct kw_true : keyword< TAO_PEGTL_STRING( "true" ) > {};
struct kw_false : keyword< TAO_PEGTL_STRING( "false" ) > {};
struct kw_none : keyword< TAO_PEGTL_STRING( "none" ) > {};
// clang-format on

// An identifier that is not a reserved word. Matched by hand rather than as a rule of rules:
// names are most of a file, and trying each reserved word before each name and then the name
// one character class at a time was a fifth of all parsing.
struct ident {
  using rule_t = ident;
  using subs_t = empty_list;

  template <typename ParseInput>
  static bool match(ParseInput& in) {
    const char* begin = in.current();
    if (in.empty() || !is_ident_first(*begin)) return false;
    const char* end = ident_end(begin, in.end());
    const auto length = static_cast<std::size_t>(end - begin);
    if (is_reserved_word(std::string_view(begin, length))) return false;
    in.bump_in_this_line(length);
    return true;
  }
};

// clang-format off
struct path_dot : one< '.' > {};
struct path_segment : ident {};
struct path : seq< ident, star< path_dot, must< path_segment > > > {};

// Strings. `"..."` has escapes and ends on the same line; `"""..."""` is raw multi-line text.
struct string_open : one< '"' > {};
struct string_close : one< '"' > {};
struct escape_unicode : seq< one< 'u' >, one< '{' >, rep_min_max< 1, 6, xdigit >, one< '}' > > {};
struct escape_code : sor< one< '"', '\\', 'n', 't' >, escape_unicode > {};
struct escape : seq< one< '\\' >, must< escape_code > > {};
// clang-format on
// A run of one or more plain characters (not `"`, `\\` or a line ending), matched by hand: strings
// are most of a file's bytes.
struct string_run {
  using rule_t = string_run;
  using subs_t = empty_list;

  template <typename ParseInput>
  static bool match(ParseInput& in) {
    const char* end = string_run_end(in.current(), in.end());
    const auto length = static_cast<std::size_t>(end - in.current());
    in.bump_in_this_line(length);
    return length > 0;
  }
};
// clang-format off
struct plain_string : seq< string_open, star< sor< string_run, escape > >, must< string_close > > {};
struct triple_quote : TAO_PEGTL_STRING( "\"\"\"" ) {};
struct triple_close : triple_quote {};
struct triple_body : until< at< triple_quote >, any > {};
struct triple_string : seq< triple_quote, must< triple_body >, triple_close > {};
struct string_literal : sor< triple_string, plain_string > {};

// Numbers, dates and durations. A number glued to letters (`10x`) is an error, not two tokens.
struct number_end : not_at< sor< ident_char, one< '.' > > > {};
struct date_literal : seq< rep< 4, digit >, one< '-' >, rep< 2, digit >, one< '-' >, rep< 2, digit >, not_at< ident_char > > {};
// `10/01/2026`, `1.10.26`, `2026/10/01`: a date in another notation, read as one token so that it
// gets one error with its ISO form instead of a number and a stray `/`.
struct date_separator : one< '/', '.' > {};
struct foreign_date : seq< sor< seq< rep< 4, digit >, date_separator, rep_min_max< 1, 2, digit >, date_separator, rep_min_max< 1, 2, digit > >,
                                seq< rep_min_max< 1, 2, digit >, date_separator, rep_min_max< 1, 2, digit >, date_separator, sor< rep< 4, digit >, rep< 2, digit > > > >,
                           not_at< sor< ident_char, digit, date_separator > > > {};
struct duration_unit : one< 'm', 'h', 'd', 'w' > {};
struct duration_literal : seq< plus< digit >, duration_unit, not_at< ident_char > > {};
struct number_literal : seq< opt< one< '-' > >, plus< digit >, opt< one< '.' >, plus< digit > >, must< number_end > > {};

// clang-format on

}  // namespace gtm::grammar

// For grammar analysis (tests/unit/syntax/test_parse.cpp): an identifier consumes input.
template <typename Name>
struct tao::pegtl::analyze_traits<Name, gtm::grammar::ident> : analyze_any_traits<> {};
template <typename Name>
struct tao::pegtl::analyze_traits<Name, gtm::grammar::string_run> : analyze_any_traits<> {};
