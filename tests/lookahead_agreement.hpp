// The differential check of grammar/lookahead.hpp against the PEGTL grammar, shared by the unit
// test (on generated values) and the `lookahead` fuzz target (on any bytes): wherever the
// hand-written look-ahead says "one token", the expression grammar (which the parser's fast path
// skips) must read exactly that token, and the fast path's own token rule must end there too.
#pragma once

#include <tao/pegtl.hpp>

#include "grammar/grammar.hpp"
#include "grammar/lookahead.hpp"

namespace gtm::testing {

enum class LookaheadAgreement {
  NotOneToken,  ///< the look-ahead said no: the parser takes the full grammar
  Agrees,       ///< one token, and both grammars read exactly it
  TokenRuleDiffers,
  ExpressionDiffers,
};

inline LookaheadAgreement check_lookahead(const char* begin, const char* end) {
  namespace pegtl = tao::pegtl;
  if (!grammar::lookahead::single_token_ahead(begin, end)) return LookaheadAgreement::NotOneToken;
  const char* token_end = grammar::lookahead::token_end(begin, end);
  pegtl::memory_input token_input(begin, end, "value");
  if (!pegtl::parse<grammar::single_token>(token_input) || token_input.current() != token_end) {
    return LookaheadAgreement::TokenRuleDiffers;
  }
  pegtl::memory_input expr_input(begin, end, "value");
  bool parsed = false;
  try {
    parsed = pegtl::parse<grammar::expr>(expr_input);
  } catch (const pegtl::parse_error&) {
    parsed = false;
  }
  return parsed && expr_input.current() == token_end ? LookaheadAgreement::Agrees
                                                     : LookaheadAgreement::ExpressionDiffers;
}

}  // namespace gtm::testing
