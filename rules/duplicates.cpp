// field-duplicate, automation-duplicate, tag-duplicate: things declared twice under different
// names.
#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <bit>
#include <cctype>
#include <cstdint>
#include <optional>
#include <unordered_map>

#include "compiler/base/parallel.hpp"
#include "compiler/semantics/suggest.hpp"
#include "rules/analyses.hpp"
#include "rules/facts.hpp"
#include "rules/rule_table.hpp"

namespace gtm::rules {

namespace {

// `LeadSource`, `lead_source__c` and `Lead-Source` all normalise to `leadsource`.
std::string normalise(std::string_view name) {
  if (name.size() > 3 && name.substr(name.size() - 3) == "__c") name.remove_suffix(3);
  return normalise_name(name);
}

std::vector<EntityId> entities_of(const Model& model, std::string_view kind) {
  std::vector<bool> named(model.schema.size(), false);  // kinds of that name, found once
  for (KindId id = 1; id < model.schema.size(); ++id)
    named[id] = model.schema.kind(id).name == kind;
  std::vector<EntityId> ids;
  for (EntityId id = 0; id < model.entities.size(); ++id) {
    const Entity& entity = model.entities[id];
    if (!entity.from_stdlib && !entity.has_error && named[entity.kind]) ids.push_back(id);
  }
  return ids;
}

// The attribute as written, whitespace aside, for comparing values.
std::string written(const Model& model, EntityId id, std::string_view attribute) {
  const Expr* e = model.attr_expr(id, attribute);
  if (!e) return {};
  if (e->kind == ExprKind::String) return std::string(e->text);
  std::string out;
  for (char c : model.file_of(id).source->text().substr(e->begin, e->end - e->begin)) {
    if (!std::isspace(static_cast<unsigned char>(c))) out += c;
  }
  return out;
}

std::vector<EntityId> targets(const Model& model, EntityId id, std::string_view attribute) {
  std::vector<EntityId> out;
  const Attribute* a = model.attr(id, attribute);
  if (!a) return out;
  const File& file = model.file_of(id);
  for (ExprId item : file.children(file.exprs[a->value])) {
    if (model.target(file.id, item) != kNoEntity) out.push_back(model.target(file.id, item));
  }
  return out;
}

void report(Diagnostics& diagnostics, const Model& model, const Rule& rule, EntityId later,
            EntityId first, std::string message, std::string help) {
  Diagnostic& d = diagnostics.report(rule, model.header_span(later), std::move(message));
  d.notes.push_back(
      {model.header_span(first), fmt::format("`{}` is declared here", model.display_name(first))});
  d.help = std::move(help);
}

// A hash of a field's object and normalised name (normalised_hash, so without building the
// name); equal hashes are confirmed with normalise itself.
std::uint64_t field_key(std::string_view path) {
  const std::size_t dot = path.rfind('.');
  std::string_view name = path.substr(dot + 1);
  if (name.size() > 3 && name.substr(name.size() - 3) == "__c") name.remove_suffix(3);
  const std::uint64_t object = hash_name(path.substr(0, dot));
  return (object * 1099511628211ull) ^ normalised_hash(name);
}

using KeyedField = std::pair<std::uint64_t, EntityId>;

// Sorts (key, field) pairs whose keys share their top bit: counted into buckets by the bits
// below it, in one pass that keeps their order, then each small bucket sorted. A comparison sort
// of half a million pairs was most of the rule's time.
void sort_keyed(std::vector<KeyedField>& keyed) {
  const std::size_t count = keyed.size();
  if (count < 4096) return std::sort(keyed.begin(), keyed.end());
  const int bits = std::min(static_cast<int>(std::bit_width(count)) - 3, 20);  // ~8 a bucket
  const int shift = 63 - bits;
  const std::uint64_t mask = (std::uint64_t{1} << bits) - 1;
  const auto bucket = [&](const KeyedField& pair) { return (pair.first >> shift) & mask; };
  std::vector<std::uint32_t> end(mask + 2, 0);
  for (const KeyedField& pair : keyed) ++end[bucket(pair) + 1];
  for (std::size_t b = 1; b < end.size(); ++b) end[b] += end[b - 1];
  std::vector<KeyedField> sorted(count);
  for (const KeyedField& pair : keyed) sorted[end[bucket(pair)]++] = pair;
  std::uint32_t begin = 0;
  for (std::size_t b = 0; b + 1 < end.size(); ++b) {  // end[b] is now where bucket b ends
    std::sort(sorted.begin() + begin, sorted.begin() + end[b]);
    begin = end[b];
  }
  keyed.swap(sorted);
}

void field_duplicates(const Model& model, Diagnostics& diagnostics) {
  // Sorting (key hash, field) pairs puts candidates side by side without a map of every field;
  // equal hashes are then confirmed on the names themselves.
  // The keys are computed on all cores: reading a million names is most of the work.
  const std::vector<EntityId> fields = entities_of(model, "field");
  std::vector<std::pair<std::uint64_t, EntityId>> keys(fields.size(), {0, kNoEntity});
  parallel_for_chunks(fields.size(), 16384,
                      [&](std::size_t begin, std::size_t end, std::size_t, std::size_t) {
                        for (std::size_t i = begin; i < end; ++i) {
                          const std::string_view path = model.entities[fields[i]].name;
                          if (path.find('.') != std::string_view::npos) {
                            keys[i] = {field_key(path), fields[i]};
                          }
                        }
                      });
  const auto same = [&](EntityId a, EntityId b) {
    const std::string_view x = model.entities[a].name, y = model.entities[b].name;
    const std::size_t dx = x.rfind('.'), dy = y.rfind('.');
    return x.substr(0, dx) == y.substr(0, dy) &&
           normalise(x.substr(dx + 1)) == normalise(y.substr(dy + 1));
  };
  // Equal keys share their top bit: the two halves are sorted and scanned apart, on two cores.
  std::array<std::vector<std::pair<std::uint64_t, EntityId>>, 2> halves;
  for (const auto& key : keys) {
    if (key.second != kNoEntity) halves[key.first >> 63].push_back(key);
  }
  std::array<std::vector<std::pair<EntityId, EntityId>>, 2> found_in;  // (later, first declared)
  parallel_for(2, worker_count(2, keys.size(), 65536), [&](std::size_t half, std::size_t) {
    std::vector<KeyedField>& sorted = halves[half];
    sort_keyed(sorted);
    for (std::size_t i = 0; i < sorted.size();) {
      std::size_t j = i + 1;
      while (j < sorted.size() && sorted[j].first == sorted[i].first) ++j;
      for (std::size_t k = i + 1; k < j; ++k) {  // ids ascend within a run: sorted[i] came first
        if (same(sorted[i].second, sorted[k].second)) {
          found_in[half].emplace_back(sorted[k].second, sorted[i].second);
        }
      }
      i = j;
    }
  });
  std::vector<std::pair<EntityId, EntityId>> found = std::move(found_in[0]);
  found.insert(found.end(), found_in[1].begin(), found_in[1].end());
  std::sort(found.begin(), found.end());  // report in declaration order
  for (const auto& [later, first] : found) {
    report(
        diagnostics, model, kFieldDuplicate, later, first,
        fmt::format("field `{}` looks like a duplicate of `{}`: their names differ only in case, "
                    "`_`, `-` or `__c`",
                    model.display_name(later), model.display_name(first)),
        "keep one field and migrate its readers and writers, or deprecate the other");
  }
}

// Indexes into the entities being scanned, earliest first: what a later entity is compared with.
using Earliest = std::unordered_map<std::string, std::size_t>;

// Records `index` under `key` unless an earlier entity holds it; returns the earlier one.
std::optional<std::size_t> claim(Earliest& earliest, std::string key, std::size_t index) {
  const auto [it, inserted] = earliest.emplace(std::move(key), index);
  return inserted ? std::nullopt : std::optional(it->second);
}

// Each automation is compared with the first earlier one on the same system and trigger that
// writes one of the same fields: hashed by (system, trigger, field), so linear, not pairwise.
void automation_duplicates(const Model& model, Diagnostics& diagnostics) {
  std::vector<EntityId> automations;
  for (EntityId id : entities_of(model, "automation")) {
    if (is_active(model, id) && model.attr(id, "trigger")) automations.push_back(id);
  }
  Earliest first_writer;
  for (std::size_t j = 0; j < automations.size(); ++j) {
    const EntityId b = automations[j];
    const std::string place = written(model, b, "system") + '\n' + written(model, b, "trigger");
    std::optional<std::size_t> first;
    for (EntityId field : targets(model, b, "writes")) {
      const auto earlier = claim(first_writer, place + '\n' + std::to_string(field), j);
      if (earlier && (!first || *earlier < *first)) first = earlier;
    }
    if (!first) continue;
    const EntityId a = automations[*first];
    const auto wa = targets(model, a, "writes");
    const auto wb = targets(model, b, "writes");
    const auto shared = std::find_first_of(wb.begin(), wb.end(), wa.begin(), wa.end());
    report(diagnostics, model, kAutomationDuplicate, b, a,
           fmt::format("automations `{}` and `{}` run on the same trigger in the same system and "
                       "both write `{}`",
                       model.display_name(a), model.display_name(b), model.display_name(*shared)),
           "merge them, or make one the single writer");
  }
}

// Each tag is compared with the first earlier one on the same system and event with the same
// normalised name or the same stated purpose, found through two hash tables.
void tag_duplicates(const Model& model, Diagnostics& diagnostics) {
  const std::vector<EntityId> tags = entities_of(model, "tag");
  Earliest by_name, by_purpose;
  for (std::size_t j = 0; j < tags.size(); ++j) {
    const EntityId b = tags[j];
    const std::string place = written(model, b, "system") + '\n' + written(model, b, "event");
    const std::string purpose = written(model, b, "purpose");
    const auto same_name = claim(by_name, place + '\n' + normalise(model.display_name(b)), j);
    const auto same_purpose =
        purpose.empty() ? std::nullopt : claim(by_purpose, place + '\n' + purpose, j);
    if (!same_name && !same_purpose) continue;
    const std::size_t first =
        std::min(same_name.value_or(tags.size()), same_purpose.value_or(tags.size()));
    const EntityId a = tags[first];
    report(diagnostics, model, kTagDuplicate, b, a,
           fmt::format("tags `{}` and `{}` fire on the same event in the same system {}",
                       model.display_name(a), model.display_name(b),
                       same_name == first ? "under the same name" : "for the same purpose"),
           "remove one: duplicate tags double-count conversions and slow pages");
  }
}

}  // namespace

void run_duplicates(const AnalysisContext& context, Diagnostics& diagnostics) {
  field_duplicates(context.model, diagnostics);
  automation_duplicates(context.model, diagnostics);
  tag_duplicates(context.model, diagnostics);
}

}  // namespace gtm::rules
