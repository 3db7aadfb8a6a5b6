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
struct attribute_value : expr {};
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
