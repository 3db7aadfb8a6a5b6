// What to write instead of a value of the wrong form: `"2026-10-01"` for a date -> drop the
// quotes; `48` for a duration -> `48h`; `"4 hours"` -> `4h`; `"yes"` for a bool -> `true`. The
// type checker adds the hint to its `type-mismatch` message and offers the replacement as a fix.
#pragma once

#include <optional>
#include <string>

#include "compiler/semantics/types.hpp"
#include "compiler/syntax/ast.hpp"

namespace gtm {

struct ValueHint {
  std::string advice;       ///< appended to the message after "; "
  std::string replacement;  ///< the value to write
};

/// The hint for `found` where a value of `expected` (a date, duration, number or bool) was
/// wanted, if its text says what was meant.
std::optional<ValueHint> wrong_form_hint(TypeKind expected, const Expr& found);

}  // namespace gtm
