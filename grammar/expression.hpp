// Expressions (docs/design.md, "The language"): or < and < not < comparison < mapping (`->`, `<->`)
// < primary. Every rule starts at a token and stops after its last token; callers place `ws`
// between.
#pragma once

#include "grammar/lexical.hpp"

namespace gtm::grammar {

// clang-format off

struct expr;

// Each operand after an operator is its own rule so that its error message can name the operator.
struct list_open : one< '[' > {};
struct list_item : seq< expr > {};
struct list_comma : one< ',' > {};
struct list_close : one< ']' > {};
struct list_items : opt< list_item, star< ws, list_comma, ws, list_item >, opt< ws, list_comma > > {};
struct list : seq< list_open, ws, list_items, ws, must< list_close > > {};

struct call_open : one< '(' > {};
struct call_arg : seq< expr > {};
struct call_close : one< ')' > {};
struct call_args : opt< call_arg, star< ws, list_comma, ws, call_arg >, opt< ws, list_comma > > {};
struct call_tail : seq< call_open, ws, call_args, ws, must< call_close > > {};
struct reference : path {};
struct path_or_call : seq< reference, opt< ws, call_tail > > {};

struct paren_open : one< '(' > {};
struct paren_expr : seq< expr > {};
struct paren_close : one< ')' > {};
struct paren : seq< paren_open, ws, must< paren_expr >, ws, must< paren_close > > {};

struct literal_true : kw_true {};
struct literal_false : kw_false {};
struct literal_none : kw_none {};

struct primary : sor< string_literal, date_literal, foreign_date, duration_literal, number_literal, list, paren,
                      literal_true, literal_false, literal_none, path_or_call > {};

struct mapping_both_ways : TAO_PEGTL_STRING( "<->" ) {};
struct mapping_one_way : TAO_PEGTL_STRING( "->" ) {};
struct mapping_arrow : sor< mapping_both_ways, mapping_one_way > {};
struct mapping_target : primary {};
struct mapping_tail : seq< ws, mapping_arrow, ws, must< mapping_target > > {};
struct mapping : seq< primary, opt< mapping_tail > > {};

struct op_eq : TAO_PEGTL_STRING( "==" ) {};
struct op_ne : TAO_PEGTL_STRING( "!=" ) {};
struct op_le : TAO_PEGTL_STRING( "<=" ) {};
struct op_ge : TAO_PEGTL_STRING( ">=" ) {};
struct op_lt : one< '<' > {};
struct op_gt : one< '>' > {};
struct op_in : kw_in {};
struct op_not_in : seq< kw_not, ws, kw_in > {};
struct compare_op : sor< op_eq, op_ne, op_le, op_ge, op_lt, op_gt, op_in, op_not_in > {};
struct compare_rhs : mapping {};
struct compare_tail : seq< ws, compare_op, ws, must< compare_rhs > > {};
struct compare : seq< mapping, opt< compare_tail > > {};

struct not_expr;
struct not_operand : seq< not_expr > {};
struct not_prefix : seq< kw_not, ws, must< not_operand > > {};
struct not_expr : sor< not_prefix, compare > {};

struct and_operand : not_expr {};
struct and_tail : seq< ws, kw_and, ws, must< and_operand > > {};
struct and_expr : seq< not_expr, star< and_tail > > {};

struct or_operand : and_expr {};
struct or_tail : seq< ws, kw_or, ws, must< or_operand > > {};
struct expr : seq< and_expr, star< or_tail > > {};

// clang-format on

}  // namespace gtm::grammar
