// `gtmlint fmt`: the canonical layout of a `.gtm` file, printed from its syntax tree and its
// comments (the inverse of the parser), and the check that a layout change kept the meaning.
//
// The style (docs/formatting.md): two-space indentation; one member per line; `=` aligned within
// a run of consecutive attributes; one blank line between top-level blocks, except that one-line
// blocks written on adjacent lines stay together; at most one blank line kept between members;
// a block is on one line when it holds no nested block and no comment and fits in 100 columns
// (whatever its layout in the input), and consecutive one-line blocks of one kind are aligned as
// a table (names, then the cells of attributes they share in order); a list is broken one item per
// line with a trailing comma when it does not fit, holds comments, or was written with a line break
// after `[`; strings, numbers and names as written; every comment kept in its place. Constructs
// with comments in unusual places (inside an expression, between a block's kind and its name) are
// kept exactly as written.
#pragma once

#include <string>

#include "compiler/syntax/ast.hpp"

namespace gtm {

constexpr std::size_t kFormatWidth = 100;

/// Formats a file that parsed without errors.
std::string format_file(const File& file);

/// True if two parsed files mean the same (same blocks, attributes and values, whatever the
/// layout) and carry the same comments in the same order.
bool same_meaning(const File& a, const File& b);

}  // namespace gtm
