// Formatting one text the way `gtmlint fmt` does, for the commands that write .gtm files.
#pragma once

#include <string>

#include "cli/cli.hpp"

namespace gtm::cli {

enum class Outcome { Unchanged, Changed, Failed };

struct Formatted {
  Outcome outcome = Outcome::Unchanged;
  std::string text;
};

/// Parses and formats one text; syntax errors are reported to `io.err` (and nothing is
/// formatted), and so is a formatting that would change the meaning, lose a comment, or not be
/// stable.
Formatted format_text(const std::string& path, std::string text, Io& io);

}  // namespace gtm::cli
