// Entities of the two versions matched by kind and name, then compared section by section.
#include "rules/model_diff.hpp"

#include <fmt/format.h>

#include <absl/container/flat_hash_map.h>
#include <absl/container/flat_hash_set.h>

#include <algorithm>
#include <tuple>

#include "compiler/syntax/literals.hpp"
#include "rules/facts.hpp"

namespace gtm::rules {

std::string_view section_name(ChangeSection section) {
  switch (section) {
    case ChangeSection::Routing:
      return "routing";
    case ChangeSection::People:
      return "people";
    case ChangeSection::Handoffs:
      return "handoffs";
    case ChangeSection::Automation:
      return "automation";
    case ChangeSection::Fields:
      return "fields";
  }
  return "";
}

namespace {

// The user's top-level entities of one kind, by name, in declaration order.
std::vector<std::pair<std::string_view, EntityId>> entities_of(const Model& model,
                                                               std::string_view kind) {
  const KindId wanted = model.schema.find_top_level(kind);
  std::vector<std::pair<std::string_view, EntityId>> found;
  if (wanted == kNoKind) return found;
  for (EntityId id = 0; id < model.entities.size(); ++id) {
    const Entity& e = model.entities[id];
    if (e.kind != wanted || e.from_stdlib || e.parent != kNoEntity || e.name.empty()) continue;
    found.emplace_back(e.name, id);
  }
  return found;
}

// An entity's block as written.
std::string_view block_text(const Model& model, EntityId id) {
  const Block& block = model.block_of(id);
  return model.file_of(id).source->text().substr(block.begin, block.end - block.begin);
}

// An attribute's value as written, with runs of blanks made one space.
std::string value_text(const Model& model, EntityId id, std::string_view attribute) {
  const Attribute* a = model.attr(id, attribute);
  if (!a) return {};
  const File& file = model.file_of(id);
  const Expr& value = file.exprs[a->value];
  const std::string_view raw = file.source->text().substr(value.begin, value.end - value.begin);
  std::string out;
  for (char c : raw) {
    const bool blank = c == ' ' || c == '\t' || c == '\n' || c == '\r';
    if (blank && (out.empty() || out.back() == ' ')) continue;
    out += blank ? ' ' : c;
  }
  while (!out.empty() && out.back() == ' ') out.pop_back();
  return out;
}

// What a value means, for telling a change from a rewrite: list items and round-robin members
// in any order, durations in minutes (`4h` is `240m`), the rest as written.
std::string meaning(const File& file, ExprId id) {
  const Expr& e = file.exprs[id];
  if (e.kind == ExprKind::Duration && e.valid) return fmt::format("{}m", e.integer);
  if (e.kind != ExprKind::List && e.kind != ExprKind::Call) {
    return std::string(file.source->text().substr(e.begin, e.end - e.begin));
  }
  std::vector<std::string> items;
  for (ExprId child : file.children(e)) items.push_back(meaning(file, child));
  if (e.kind == ExprKind::List || e.text == "round_robin") std::sort(items.begin(), items.end());
  return fmt::format("{}({})", e.kind == ExprKind::List ? "" : e.text, fmt::join(items, ","));
}

std::string meaning_of(const Model& model, EntityId id, std::string_view attribute) {
  const Attribute* a = model.attr(id, attribute);
  return a ? meaning(model.file_of(id), a->value) : std::string();
}

std::vector<std::string_view> attribute_names(const Model& model, EntityId id) {
  std::vector<std::string_view> names;
  const File& file = model.file_of(id);
  for (const AttrSlot& slot : model.slots_of(id))
    names.push_back(file.attributes[slot.attribute].name);
  return names;
}

class Comparison {
 public:
  Comparison(const Model& before, const Model& now, std::int64_t today)
      : before_(before), now_(now), today_(today) {}

  std::vector<ChangeItem> run() {
    compare_kind("routing", ChangeSection::Routing,
                 [&](EntityId b, EntityId n, const std::string& s) { routing(b, n, s); });
    compare_kind("person", ChangeSection::People,
                 [&](EntityId b, EntityId n, const std::string& s) { person(b, n, s); });
    name_holders();
    for (std::string_view kind : {"team", "queue"}) {
      compare_kind(kind, ChangeSection::People, [&](EntityId b, EntityId n, const std::string& s) {
        attributes(ChangeSection::People, b, n, s);
      });
    }
    for (std::string_view kind : {"handoff"}) {
      compare_kind(kind, ChangeSection::Handoffs,
                   [&](EntityId b, EntityId n, const std::string& s) {
                     attributes(ChangeSection::Handoffs, b, n, s);
                   });
    }
    for (std::string_view kind : {"automation", "nurture", "sync"}) {
      compare_kind(kind, ChangeSection::Automation,
                   [&](EntityId b, EntityId n, const std::string& s) {
                     attributes(ChangeSection::Automation, b, n, s);
                   });
    }
    compare_kind("field", ChangeSection::Fields,
                 [&](EntityId b, EntityId n, const std::string& s) { field(b, n, s); });
    return std::move(items_);
  }

 private:
  ChangeItem& add(ChangeSection section, std::string subject, std::string text) {
    ChangeItem& item = items_.emplace_back();
    item.section = section;
    item.subject = std::move(subject);
    item.text = std::move(text);
    return item;
  }

  static void moved_to(ChangeItem& item, std::string from, std::string to) {
    item.reassigned = true;
    item.unassigned = to == "nobody";
    item.from = std::move(from);
    item.to = std::move(to);
  }

  // Entities of `kind` added, removed, and (through `both`) present in both versions.
  template <typename Both>
  void compare_kind(std::string_view kind, ChangeSection section, const Both& both) {
    const auto old_entities = entities_of(before_, kind);
    const absl::flat_hash_map<std::string_view, EntityId> old_by_name(old_entities.begin(),
                                                                      old_entities.end());
    absl::flat_hash_set<std::string_view> seen;
    for (const auto& [name, id] : entities_of(now_, kind)) {
      const std::string subject = fmt::format("{} `{}`", kind, name);
      seen.insert(name);
      const auto it = old_by_name.find(name);
      if (it == old_by_name.end()) {
        add(section, subject, kind == "person" ? "joined" : "added");
      } else if (kind == "routing" || block_text(before_, it->second) != block_text(now_, id)) {
        // A routing's leads also depend on its fields' picklists; anything else on its own text.
        both(it->second, id, subject);
      }
    }
    for (const auto& [name, id] : old_entities) {
      if (seen.count(name)) continue;
      if (kind == "routing" && is_active(before_, id)) {
        moved_to(add(section, fmt::format("{} `{}`", kind, name),
                     "removed: the leads it routed are no longer assigned by it"),
                 "", "nobody");
      } else {
        add(section, fmt::format("{} `{}`", kind, name), "removed");
      }
    }
  }

  // The region of leads, exactly: the rule that took them before and the one that takes them now.
  static std::string which_leads(const Reassignment& r) {
    const auto took = [](const std::string& rule) {
      return rule == "fallback" ? std::string("no rule took") : fmt::format("rule `{}` took", rule);
    };
    const auto takes = [](const std::string& rule) {
      return rule == "fallback" ? std::string("no rule takes now")
                                : fmt::format("rule `{}` takes now", rule);
    };
    if (r.rule_before == r.rule_now) {
      return r.rule_now == "fallback"
                 ? "leads no rule took or takes (the fallback's)"
                 : fmt::format("leads rule `{}` took and still takes", r.rule_now);
    }
    return fmt::format("leads {} and {}", took(r.rule_before), takes(r.rule_now));
  }

  bool switched(EntityId b, EntityId n, ChangeSection section, const std::string& subject) {
    const bool was = is_active(before_, b), is = is_active(now_, n);
    if (was != is) add(section, subject, is ? "switched on" : "switched off");
    return was && is;
  }

  void routing(EntityId b, EntityId n, const std::string& subject) {
    if (is_active(before_, b) && !is_active(now_, n)) {
      moved_to(add(ChangeSection::Routing, subject,
                   "switched off: the leads it routed are no longer assigned by it"),
               "", "nobody");
      return;
    }
    if (!switched(b, n, ChangeSection::Routing, subject)) return;
    if (value_text(before_, b, "object") != value_text(now_, n, "object")) {
      add(ChangeSection::Routing, subject,
          fmt::format("object: {} -> {}; its leads are other records now",
                      value_text(before_, b, "object"), value_text(now_, n, "object")));
      return;
    }
    const RoutingDiff diff = diff_routing(before_, b, now_, n);
    if (diff.undecided) {
      add(ChangeSection::Routing, subject, fmt::format("not compared: {}", *diff.undecided))
          .undecided = true;
    }
    for (const Reassignment& r : diff.reassigned) {
      ChangeItem& item =
          add(ChangeSection::Routing, subject,
              fmt::format("{}: {} -> {}{}; e.g. {}", which_leads(r), r.from, r.to,
                          r.to == "nobody" ? " (unassigned)" : "", describe_lead(r.example)));
      item.example = r.example;
      moved_to(item, r.from, r.to);
    }
    for (const std::string& rule : diff.shadowed) {
      add(ChangeSection::Routing, subject, fmt::format("rule `{}` can no longer fire", rule));
    }
    for (const std::string& rule : diff.unshadowed) {
      add(ChangeSection::Routing, subject, fmt::format("rule `{}` can fire again", rule));
    }
  }

  void person(EntityId b, EntityId n, const std::string& subject) {
    const Expr* was = departure(before_, b, today_);
    const Expr* is = departure(now_, n, today_);
    if (is && !was) {
      add(ChangeSection::People, subject, fmt::format("left on {}", format_date(is->integer)));
      departed_.emplace(n, items_.size() - 1);
    } else if (was && !is) {
      add(ChangeSection::People, subject, "no longer marked as left");
    }
    for (std::string_view attribute : {"team", "email"}) {
      const std::string old_value = value_text(before_, b, attribute);
      const std::string new_value = value_text(now_, n, attribute);
      if (old_value != new_value && !old_value.empty() && !new_value.empty()) {
        add(ChangeSection::People, subject,
            fmt::format("{}: {} -> {}", attribute, old_value, new_value));
      }
    }
  }

  // Adds to each departure what still names the person (`routing inbound / rule emea`), found
  // in one pass over the new version however many people left.
  void name_holders() {
    if (departed_.empty()) return;
    absl::flat_hash_map<EntityId, std::vector<Holder>> holders;
    for (EntityId id = 0; id < now_.entities.size(); ++id) {
      if (now_.entities[id].from_stdlib) continue;
      absl::flat_hash_set<EntityId> named;
      const File& file = now_.file_of(id);
      const auto visit = [&](const auto& self, ExprId e) -> void {
        const EntityId target = now_.target(file.id, e);
        if (target != kNoEntity && departed_.count(target)) named.insert(target);
        for (ExprId child : file.children(file.exprs[e])) self(self, child);
      };
      for (const AttrSlot& slot : now_.slots_of(id))
        visit(visit, file.attributes[slot.attribute].value);
      for (const EntityId person : named)
        holders[person].push_back({std::string(now_.kind_of(id).name), path_of(id)});
    }
    for (const auto& [person, item] : departed_) {
      const auto it = holders.find(person);
      if (it == holders.end()) continue;
      items_[item].text += "; still named by " + holders_text(it->second);
    }
  }

  struct Holder {
    std::string kind;
    std::string path;
    bool operator<(const Holder& other) const {
      return std::tie(kind, path) < std::tie(other.kind, other.path);
    }
  };

  // Names every holder while there are few of a kind; a kind with many (an owner of a hundred
  // fields) is counted, with the first few named, so the line stays readable.
  static std::string holders_text(std::vector<Holder>& holders) {
    constexpr std::size_t kNamedPerKind = 3;
    std::sort(holders.begin(), holders.end());
    std::vector<std::string> parts;
    for (std::size_t start = 0; start < holders.size();) {
      std::size_t end = start;
      while (end < holders.size() && holders[end].kind == holders[start].kind) ++end;
      const std::size_t count = end - start;
      const std::size_t named = count > kNamedPerKind + 1 ? kNamedPerKind : count;
      for (std::size_t i = start; i < start + named; ++i) parts.push_back(holders[i].path);
      if (named < count)
        parts.push_back(fmt::format("{} more {}", count - named, plural(holders[start].kind)));
      start = end;
    }
    return fmt::format("{}", fmt::join(parts, ", "));
  }

  static std::string plural(std::string_view kind) {
    if (kind == "person") return "people";
    if (!kind.empty() && kind.back() == 's') return std::string(kind) + "es";
    if (!kind.empty() && kind.back() == 'y')
      return std::string(kind.substr(0, kind.size() - 1)) + "ies";
    return std::string(kind) + "s";
  }

  std::string path_of(EntityId id) const {
    std::string path;
    for (EntityId at = id; at != kNoEntity; at = now_.entities[at].parent) {
      const std::string part = fmt::format("{} `{}`", now_.kind_of(at).name, now_.display_name(at));
      path = path.empty() ? part : part + " / " + path;
    }
    return path;
  }

  void attributes(ChangeSection section, EntityId b, EntityId n, const std::string& subject) {
    switched(b, n, section, subject);
    std::vector<std::string_view> names = attribute_names(now_, n);
    for (std::string_view name : attribute_names(before_, b)) {
      if (std::find(names.begin(), names.end(), name) == names.end()) names.push_back(name);
    }
    for (std::string_view name : names) {
      if (name == "active") continue;
      if (meaning_of(before_, b, name) == meaning_of(now_, n, name)) continue;
      const std::string old_value = value_text(before_, b, name);
      const std::string new_value = value_text(now_, n, name);
      if (old_value.empty()) {
        add(section, subject, fmt::format("{} added: {}", name, new_value));
      } else if (new_value.empty()) {
        add(section, subject, fmt::format("{} removed (was {})", name, old_value));
      } else {
        add(section, subject, fmt::format("{}: {} -> {}", name, old_value, new_value));
      }
    }
  }

  void field(EntityId b, EntityId n, const std::string& subject) {
    const bool was_deprecated = value_text(before_, b, "deprecated") == "true";
    const bool is_deprecated = value_text(now_, n, "deprecated") == "true";
    if (was_deprecated != is_deprecated) {
      add(ChangeSection::Fields, subject, is_deprecated ? "deprecated" : "no longer deprecated");
    }
    const std::string old_owner = value_text(before_, b, "owner");
    const std::string new_owner = value_text(now_, n, "owner");
    if (old_owner != new_owner) {
      add(ChangeSection::Fields, subject,
          fmt::format("owner: {} -> {}", old_owner.empty() ? "none" : old_owner,
                      new_owner.empty() ? "none" : new_owner));
    }
    picklist(b, n, subject);
  }

  static std::vector<std::string> picklist_values(const Model& model, EntityId id) {
    std::vector<std::string> values;
    const Expr* type = model.attr_expr(id, "type");
    if (!type || type->kind != ExprKind::Call) return values;
    const File& file = model.file_of(id);
    for (ExprId item : file.children(*type)) values.emplace_back(file.exprs[item].text);
    return values;
  }

  void picklist(EntityId b, EntityId n, const std::string& subject) {
    const std::vector<std::string> old_values = picklist_values(before_, b);
    const std::vector<std::string> new_values = picklist_values(now_, n);
    const auto missing = [](const std::vector<std::string>& from,
                            const std::vector<std::string>& in) {
      std::vector<std::string> out;
      for (const std::string& v : from) {
        if (std::find(in.begin(), in.end(), v) == in.end()) out.push_back(v);
      }
      return out;
    };
    for (const std::string& value : missing(new_values, old_values)) {
      add(ChangeSection::Fields, subject, fmt::format("picklist value \"{}\" added", value));
    }
    for (const std::string& value : missing(old_values, new_values)) {
      const std::vector<std::string> users = rules_comparing(n, value);
      add(ChangeSection::Fields, subject,
          users.empty() ? fmt::format("picklist value \"{}\" removed", value)
                        : fmt::format("picklist value \"{}\" removed; still compared with by {}",
                                      value, fmt::join(users, ", ")));
    }
  }

  // Routing rules of the new version whose conditions compare `field` with `value`.
  std::vector<std::string> rules_comparing(EntityId field, std::string_view value) const {
    std::vector<std::string> users;
    for (EntityId id = 0; id < now_.entities.size(); ++id) {
      if (now_.entities[id].from_stdlib || now_.kind_of(id).name != "rule") continue;
      const Attribute* when = now_.attr(id, "when");
      if (!when) continue;
      const File& file = now_.file_of(id);
      bool compares = false;
      const auto visit = [&](const auto& self, ExprId e) -> void {
        const Expr& expr = file.exprs[e];
        if (expr.kind == ExprKind::Compare &&
            now_.target(file.id, file.children(expr)[0]) == field) {
          const Expr& rhs = file.exprs[file.children(expr)[1]];
          if (rhs.kind == ExprKind::String && rhs.text == value) compares = true;
          for (ExprId item : file.children(rhs)) compares |= file.exprs[item].text == value;
        }
        for (ExprId child : file.children(expr)) self(self, child);
      };
      visit(visit, when->value);
      if (compares) {
        const EntityId routing = now_.entities[id].parent;
        users.push_back(fmt::format("routing `{}` / rule `{}`", now_.display_name(routing),
                                    now_.display_name(id)));
      }
    }
    return users;
  }

  const Model& before_;
  const Model& now_;
  std::int64_t today_;
  std::vector<ChangeItem> items_;
  absl::flat_hash_map<EntityId, std::size_t> departed_;  ///< person -> their item
};

}  // namespace

std::vector<ChangeItem> compare_models(const Model& before, const Model& now, std::int64_t today) {
  return Comparison(before, now, today).run();
}

}  // namespace gtm::rules
