// Files embedded in the binary at build time: the stdlib (schemas and standard policies, in
// .gtm) and the explain pages of rules/ analyses. Each keeps a virtual path for diagnostics.
#pragma once

#include <span>
#include <string_view>

namespace gtm {

struct EmbeddedFile {
  std::string_view path;
  std::string_view text;
};

/// `<stdlib>/schema/people.gtm`, ... in a fixed order (schemas before policies).
std::span<const EmbeddedFile> stdlib_files();

/// `<explain>/owner-departed.md`, ...: one page per rules/ analysis id.
std::span<const EmbeddedFile> explain_pages();

}  // namespace gtm
