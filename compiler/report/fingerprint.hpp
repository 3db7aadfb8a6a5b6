// Fingerprints: what a finding is about, in a form that survives unrelated edits (no line
// numbers): its rule, file, the chain of blocks that contain it, the attribute, and the text it
// points at (none when it points at the attribute's whole value, so that changing the value
// without fixing the finding keeps it the same finding). Used by baselines and by SARIF's
// partialFingerprints.
#pragma once

#include <string>
#include <vector>

#include "compiler/compilation.hpp"

namespace gtm {

class Fingerprinter {
 public:
  /// `stable_paths[file]` names each file the same way wherever gtmlint runs (repo-relative).
  Fingerprinter(const Compilation& compilation, std::vector<std::string> stable_paths);

  /// 16 hex digits.
  std::string fingerprint(const Diagnostic& d) const;
  /// The innermost entity whose block contains `span`, or kNoEntity.
  EntityId entity_at(Span span) const;
  /// `routing inbound / rule smb` for messages and baseline files.
  std::string entity_path(EntityId id) const;

 private:
  struct Extent {
    std::uint32_t begin, end;
    EntityId entity;
  };
  void index() const;

  const Compilation& compilation_;
  std::vector<std::string> stable_paths_;
  /// Per file, sorted by begin; built on first use, so an unused Fingerprinter costs nothing.
  mutable std::vector<std::vector<Extent>> extents_;
};

}  // namespace gtm
