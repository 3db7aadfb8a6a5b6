// Test helper: a text parsed on its own, keeping the source alive beside the syntax tree.
#pragma once

#include <string>

#include "compiler/syntax/parse.hpp"

namespace gtm::testing {

struct Parsed {
  SourceFile source;
  Diagnostics diagnostics;
  File file;
  explicit Parsed(std::string text, const std::string& path = "t.gtm")
      : source(path, std::move(text)) {
    file = parse_file(source, 0, diagnostics);
  }
};

}  // namespace gtm::testing
