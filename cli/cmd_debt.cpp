// `gtmlint debt [--format markdown|json|csv]`: the debt backlog — `debt` and `workaround` blocks
// plus the open findings grouped by rule — prioritised by impact (lead capture, CRM sync and
// routing first), then risk, then effort, with blockers before what they block.
#include <fmt/format.h>
#include <fmt/ranges.h>

#include <algorithm>
#include <array>
#include <map>
#include <nlohmann/json.hpp>

#include "cli/commands.hpp"
#include "cli/load.hpp"
#include "cli/options.hpp"
#include "compiler/base/json_text.hpp"
#include "compiler/syntax/literals.hpp"
#include "rules/registry.hpp"

namespace gtm::cli {

namespace {

constexpr std::array<std::string_view, 7> kImpacts = {"lead_capture", "crm_sync",  "routing",
                                                      "attribution",  "reporting", "manual_cleanup",
                                                      "cosmetic"};
constexpr std::array<std::string_view, 3> kRisks = {"high", "medium", "low"};
constexpr std::array<std::string_view, 3> kEfforts = {"small", "medium", "large"};

template <std::size_t N>
std::size_t rank(const std::array<std::string_view, N>& order, std::string_view value) {
  return static_cast<std::size_t>(std::find(order.begin(), order.end(), value) - order.begin());
}

struct Item {
  std::string id;     ///< the entity name, for `blocks`
  std::string title;  ///< `debt duplicate_leads: symptom`
  std::string impact, risk, effort, owner, action, where;
  std::vector<std::string> blocks;
  std::string rule;                    ///< for a row of findings: their rule
  std::vector<std::string> where_all;  ///< for a row of findings: every location
};

// The impact of a rule's findings, by the category of the rule.
std::string_view impact_of(std::string_view category) {
  static const std::map<std::string_view, std::string_view> kByCategory = {
      {"handoffs", "lead_capture"}, {"nurture", "lead_capture"}, {"integration", "crm_sync"},
      {"automation", "crm_sync"},   {"routing", "routing"},      {"tracking", "attribution"},
      {"reporting", "reporting"},   {"data", "reporting"},       {"ownership", "manual_cleanup"},
      {"access", "manual_cleanup"}, {"naming", "cosmetic"},      {"compiler", "manual_cleanup"}};
  const auto it = kByCategory.find(category);
  return it == kByCategory.end() ? "manual_cleanup" : it->second;
}

std::string text(const Model& model, EntityId id, std::string_view attribute) {
  const Expr* e = model.attr_expr(id, attribute);
  if (!e) return {};
  const std::string_view source = model.file_of(id).source->text();
  return e->kind == ExprKind::String ? std::string(e->text)
                                     : std::string(source.substr(e->begin, e->end - e->begin));
}

std::string where(const Compilation& c, Span span) {
  const SourceFile& file = c.sources.file(span.file);
  return fmt::format("{}:{}", file.path(), file.line_column(span.begin).line);
}

Item debt_item(const Compilation& c, EntityId id) {
  const Model& model = c.model;
  Item item{std::string(model.display_name(id)),
            "",
            text(model, id, "impact"),
            text(model, id, "risk"),
            text(model, id, "effort"),
            text(model, id, "owner"),
            text(model, id, "action"),
            where(c, model.header_span(id)),
            {},
            {},
            {}};
  const std::string symptom = text(model, id, "symptom");
  item.title = fmt::format("debt `{}`{}", item.id, symptom.empty() ? "" : ": " + symptom);
  if (const Attribute* blocks = model.attr(id, "blocks")) {
    const File& file = model.file_of(id);
    for (ExprId b : file.children(file.exprs[blocks->value]))
      item.blocks.emplace_back(file.exprs[b].text);
  }
  return item;
}

Item workaround_item(const Compilation& c, EntityId id, std::int64_t today) {
  const Model& model = c.model;
  const Expr* review = model.attr_expr(id, "review_by");
  const bool dated = review && review->kind == ExprKind::Date && review->valid;
  const bool overdue = dated && review->integer < today;
  Item item{std::string(model.display_name(id)),
            "",
            "manual_cleanup",
            !dated || overdue ? "high" : "medium",
            "",
            text(model, id, "owner"),
            !dated ? "set a review date"
                   : fmt::format("review by {}{}", review->text, overdue ? " (overdue)" : ""),
            where(c, model.header_span(id)),
            {},
            {},
            {}};
  const std::string reason = text(model, id, "reason");
  item.title = fmt::format("workaround `{}`{}", item.id, reason.empty() ? "" : ": " + reason);
  return item;
}

// The top-level entity whose block holds a span, found by binary search over each file's blocks.
class Holders {
 public:
  explicit Holders(const Model& model) : model_(model), by_file_(model.files.size()) {
    for (EntityId id = 0; id < model.entities.size(); ++id) {
      if (model.entities[id].parent == kNoEntity && !model.entities[id].from_stdlib)
        by_file_[model.entities[id].file].push_back(id);
    }
  }
  EntityId of(Span span) const {
    const std::vector<EntityId>& ids = by_file_[span.file];
    const auto after =
        std::upper_bound(ids.begin(), ids.end(), span.begin,
                         [&](auto at, EntityId id) { return at < model_.block_of(id).begin; });
    if (after == ids.begin()) return kNoEntity;
    const EntityId id = *(after - 1);
    return span.end <= model_.block_of(id).end ? id : kNoEntity;
  }

 private:
  const Model& model_;
  std::vector<std::vector<EntityId>> by_file_;  ///< in source order
};

// A finding inside a routing changes who gets leads, whatever its rule's category (a departed
// rep who still receives leads is a routing problem, not manual cleanup).
std::string_view impact_at(const Model& model, EntityId holder, std::string_view category) {
  const std::string_view by_category = impact_of(category);
  if (holder == kNoEntity || model.kind_of(holder).name != "routing" || category == "compiler" ||
      category == "workarounds and debt") {
    return by_category;  // a waiver's or a value's form is not about who gets leads
  }
  return rank(kImpacts, "routing") < rank(kImpacts, by_category) ? "routing" : by_category;
}

// One item per rule and impact with open findings (the workaround and debt rules are the items
// above), with the owners of what holds them and every location.
std::vector<Item> finding_items(const Compilation& c) {
  const Holders holders(c.model);
  std::map<std::pair<std::string, std::string>, std::vector<const Diagnostic*>> by_rule;
  std::map<const Diagnostic*, EntityId> holder_of;
  for (const Diagnostic& d : c.diagnostics.items()) {
    if (!c.is_user_file(d.span.file) || d.rule.starts_with("workaround-") ||
        d.rule.starts_with("debt-"))
      continue;
    const RuleInfo* info = c.catalog.find(d.rule);
    const EntityId holder = holders.of(d.span);
    holder_of[&d] = holder;
    by_rule[{d.rule, std::string(impact_at(c.model, holder, info ? info->category : ""))}]
        .push_back(&d);
  }
  std::vector<Item> items;
  for (const auto& [key, found] : by_rule) {
    const auto& [rule, impact] = key;
    const RuleInfo* info = c.catalog.find(rule);
    const Severity worst =
        std::min_element(found.begin(), found.end(),
                         [](auto* a, auto* b) { return a->severity < b->severity; })[0]
            ->severity;
    Item item;
    item.id = rule;
    item.title = fmt::format("{} finding{} of `{}`: {}", found.size(), found.size() == 1 ? "" : "s",
                             rule, info ? info->summary : "");
    item.impact = impact;
    if (impact != impact_of(info ? info->category : "")) item.title += ", in routings";
    item.rule = rule;
    std::vector<std::string> owners;
    for (const Diagnostic* d : found) {
      const EntityId holder = holder_of.at(d);
      const std::string owner = holder == kNoEntity ? "" : text(c.model, holder, "owner");
      if (!owner.empty() && std::find(owners.begin(), owners.end(), owner) == owners.end())
        owners.push_back(owner);
      item.where_all.push_back(where(c, d->span));
    }
    item.owner = fmt::format("{}", fmt::join(owners, ", "));
    item.risk = worst == Severity::Error ? "high" : worst == Severity::Warning ? "medium" : "low";
    item.effort = found.size() <= 3 ? "small" : found.size() <= 10 ? "medium" : "large";
    item.action = found.front()->help.empty() ? fmt::format("see `gtmlint explain {}`", rule)
                                              : found.front()->help;
    item.where = fmt::format("{}", fmt::join(item.where_all, ", "));
    items.push_back(std::move(item));
  }
  return items;
}

void prioritise(std::vector<Item>& items) {
  std::stable_sort(items.begin(), items.end(), [](const Item& a, const Item& b) {
    return std::tuple(rank(kImpacts, a.impact), rank(kRisks, a.risk), rank(kEfforts, a.effort)) <
           std::tuple(rank(kImpacts, b.impact), rank(kRisks, b.risk), rank(kEfforts, b.effort));
  });
  // A blocker goes right before the first item it blocks, if it is not already earlier.
  for (bool moved = true; moved;) {
    moved = false;
    for (std::size_t i = 0; i < items.size() && !moved; ++i) {
      for (const std::string& blocked : items[i].blocks) {
        const auto it = std::find_if(items.begin(), items.begin() + static_cast<long>(i),
                                     [&](const Item& x) { return x.id == blocked; });
        if (it == items.begin() + static_cast<long>(i)) continue;
        Item blocker = std::move(items[i]);
        items.erase(items.begin() + static_cast<long>(i));
        items.insert(it, std::move(blocker));
        moved = true;
        break;
      }
    }
  }
}

std::string cell(std::string_view value) {
  std::string out;
  for (char c : value) out += c == '|' ? std::string("\\|") : std::string(1, c == '\n' ? ' ' : c);
  return out.empty() ? "—" : out;
}

std::string csv_cell(std::string_view value) {
  std::string out = "\"";
  for (char c : value) out += c == '"' ? std::string("\"\"") : std::string(1, c);
  return out + "\"";
}

std::string render(const std::vector<Item>& items, std::string_view format, std::int64_t today) {
  if (format == "json") {
    nlohmann::ordered_json list = nlohmann::ordered_json::array();
    for (std::size_t i = 0; i < items.size(); ++i) {
      const Item& it = items[i];
      list.push_back({{"priority", i + 1},
                      {"item", it.title},
                      {"impact", it.impact},
                      {"risk", it.risk},
                      {"effort", it.effort},
                      {"owner", it.owner},
                      {"action", it.action},
                      {"where", it.where},
                      {"blocks", it.blocks}});
      if (!it.rule.empty()) {
        list.back()["rule"] = it.rule;
        list.back()["locations"] = it.where_all;
      }
    }
    return json_text(nlohmann::ordered_json{{"date", format_date(today)}, {"items", list}}, 2) +
           "\n";
  }
  std::string out;
  if (format == "csv") {
    out = "priority,item,impact,risk,effort,owner,action,where\n";
    for (std::size_t i = 0; i < items.size(); ++i) {
      const Item& it = items[i];
      out += fmt::format("{},{},{},{},{},{},{},{}\n", i + 1, csv_cell(it.title), it.impact, it.risk,
                         it.effort, csv_cell(it.owner), csv_cell(it.action), csv_cell(it.where));
    }
    return out;
  }
  out = fmt::format("# GTM debt backlog, {}\n\n", format_date(today));
  out += "| # | Item | Impact | Risk | Effort | Owner | Next action | Where |\n";
  out += "|---|------|--------|------|--------|-------|-------------|-------|\n";
  for (std::size_t i = 0; i < items.size(); ++i) {
    const Item& it = items[i];
    std::string title = it.title;
    if (!it.blocks.empty()) title += fmt::format(" (blocks `{}`)", fmt::join(it.blocks, "`, `"));
    out += fmt::format("| {} | {} | {} | {} | {} | {} | {} | {} |\n", i + 1, cell(title),
                       cell(it.impact), cell(it.risk), cell(it.effort), cell(it.owner),
                       cell(it.action), cell(it.where));
  }
  return out;
}

}  // namespace

int run_debt(const std::vector<std::string>& args, Io& io) {
  std::string format = "markdown";
  WorkspaceOptions workspace;
  ArgReader reader(args);
  while (!reader.done()) {
    if (auto f = reader.value("--format"))
      format = *f;
    else if (!read_workspace_option(reader, workspace)) {
      io.err << fmt::format("gtmlint: unexpected `{}`; see `gtmlint help debt`\n",
                            reader.done() ? reader.missing_value() : reader.peek());
      return kExitFailure;
    }
  }
  if (format != "markdown" && format != "json" && format != "csv") {
    io.err << fmt::format("gtmlint: unknown debt format `{}`; use markdown, json or csv\n", format);
    return kExitFailure;
  }
  Compilation compilation;
  const auto today = check_current_workspace(workspace, compilation, io);
  if (!today) return kExitFailure;
  const Model& model = compilation.model;
  std::vector<Item> items;
  for (EntityId id = 0; id < model.entities.size(); ++id) {
    const Entity& entity = model.entities[id];
    if (entity.from_stdlib || entity.has_error || entity.parent != kNoEntity) continue;
    if (model.kind_of(id).name == "debt") items.push_back(debt_item(compilation, id));
    if (model.kind_of(id).name == "workaround")
      items.push_back(workaround_item(compilation, id, *today));
  }
  for (Item& item : finding_items(compilation)) items.push_back(std::move(item));
  prioritise(items);
  io.out << render(items, format, *today);
  return kExitClean;
}

}  // namespace gtm::cli
