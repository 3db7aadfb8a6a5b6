// sync-broad-scope: an API scope that grants everything of its kind. A scope is read as words
// separated by `.`, `_`, `:`, `/`, `-` or spaces; it is broad when one word is `*`, `full`,
// `admin` or `all` (`full_access`, `api:admin`, `crm.objects.all.read`), not when a word only
// contains one (`calls.write`, `install`). Each broad scope is reported where it is written.
#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <span>
#include <string>
#include <string_view>

#include "compiler/base/ascii.hpp"
#include "rules/analyses.hpp"
#include "rules/facts.hpp"
#include "rules/rule_table.hpp"

namespace gtm::rules {

namespace {

constexpr std::array<std::string_view, 4> kBroadWords = {"*", "full", "admin", "all"};
constexpr std::string_view kSeparators = "._:/- ";

// The word of a scope that makes it broad, or empty.
std::string_view broad_word(std::string_view scope) {
  std::size_t start = 0;
  while (start <= scope.size()) {
    const std::size_t end = std::min(scope.find_first_of(kSeparators, start), scope.size());
    const std::string_view word = scope.substr(start, end - start);
    const std::string lower = lower_ascii(word);
    if (std::find(kBroadWords.begin(), kBroadWords.end(), lower) != kBroadWords.end()) return word;
    start = end + 1;
  }
  return {};
}

void check_sync(const Model& model, EntityId sync, Diagnostics& diagnostics) {
  const File& file = model.file_of(sync);
  for (ExprId item : items_of(model, sync, "scopes")) {
    const Expr& scope = file.exprs[item];
    if (scope.kind != ExprKind::String) continue;
    const std::string_view word = broad_word(scope.text);
    if (word.empty()) continue;
    diagnostics
        .report(kSyncBroadScope, file.span_of(scope),
                fmt::format("sync `{}` holds the broad scope \"{}\"{}", model.display_name(sync),
                            scope.text,
                            word.size() == scope.text.size() ? "" : fmt::format(" (`{}`)", word)))
        .help = "grant only the objects and operations it syncs";
  }
}

}  // namespace

void run_sync_broad_scope(const AnalysisContext& context, Diagnostics& diagnostics) {
  const Model& model = context.model;
  const KindId sync = model.schema.find_top_level("sync");
  if (sync == kNoKind) return;
  for (EntityId id = 0; id < model.entities.size(); ++id) {
    const Entity& entity = model.entities[id];
    if (entity.kind == sync && !entity.from_stdlib && !entity.has_error) {
      check_sync(model, id, diagnostics);
    }
  }
}

}  // namespace gtm::rules
