// Stable fingerprints of findings.
#include "compiler/report/fingerprint.hpp"

#include <fmt/format.h>

#include <algorithm>

namespace gtm {

namespace {

std::uint64_t fnv1a(std::string_view text) {
  std::uint64_t hash = 14695981039346656037ull;
  for (unsigned char c : text) {
    hash ^= c;
    hash *= 1099511628211ull;
  }
  return hash;
}

}  // namespace

Fingerprinter::Fingerprinter(const Compilation& compilation, std::vector<std::string> stable_paths)
    : compilation_(compilation), stable_paths_(std::move(stable_paths)) {}

void Fingerprinter::index() const {
  extents_.resize(compilation_.files.size());
  const Model& model = compilation_.model;
  for (EntityId id = 0; id < model.entities.size(); ++id) {
    const Block& block = model.block_of(id);
    extents_[model.entities[id].file].push_back({block.begin, block.end, id});
  }
  for (auto& extents : extents_) {
    std::sort(extents.begin(), extents.end(), [](const Extent& a, const Extent& b) {
      return a.begin != b.begin ? a.begin < b.begin : a.end > b.end;
    });
  }
}

EntityId Fingerprinter::entity_at(Span span) const {
  if (extents_.empty()) index();
  if (span.file >= extents_.size()) return kNoEntity;
  const auto& extents = extents_[span.file];
  // Walking back from the last block that starts at or before the span, the first one that
  // contains it started last among those that do: it is the innermost.
  auto it =
      std::upper_bound(extents.begin(), extents.end(), span.begin,
                       [](std::uint32_t offset, const Extent& e) { return offset < e.begin; });
  while (it != extents.begin()) {
    --it;
    if (it->begin <= span.begin && span.end <= it->end) return it->entity;
  }
  return kNoEntity;
}

std::string Fingerprinter::entity_path(EntityId id) const {
  const Model& model = compilation_.model;
  std::string path;
  for (EntityId at = id; at != kNoEntity; at = model.entities[at].parent) {
    const std::string part = fmt::format("{} {}", model.kind_of(at).name, model.display_name(at));
    path = path.empty() ? part : part + " / " + path;
  }
  return path;
}

std::string Fingerprinter::fingerprint(const Diagnostic& d) const {
  const SourceFile& file = compilation_.sources.file(d.span.file);
  const EntityId entity = entity_at(d.span);
  std::string_view attribute;
  bool whole_value = false;
  if (entity != kNoEntity) {
    const Model& model = compilation_.model;
    const File& ast = model.file_of(entity);
    for (const AttrSlot& slot : model.slots_of(entity)) {
      const Attribute& a = ast.attributes[slot.attribute];
      const Expr& value = ast.exprs[a.value];
      if (a.name_begin <= d.span.begin && d.span.end <= value.end) {
        attribute = a.name;
        whole_value = d.span.begin == value.begin && d.span.end == value.end;
      }
    }
  }
  // A finding about an attribute's whole value is the same finding whatever the value becomes
  // (an SLA tightened from 3d to 2d but still over the limit is not new); the text tells apart
  // findings about parts of a value (two departed members of one list).
  std::string_view text = whole_value ? std::string_view()
                                      : file.text().substr(d.span.begin, d.span.end - d.span.begin);
  text = text.substr(0, 64);
  const std::string key =
      fmt::format("{}\n{}\n{}\n{}\n{}", d.rule, stable_paths_[d.span.file],
                  entity == kNoEntity ? "" : entity_path(entity), attribute, text);
  return fmt::format("{:016x}", fnv1a(key));
}

}  // namespace gtm
