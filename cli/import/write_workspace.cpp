// Writing the imported model as .gtm text.
#include "cli/import/write_workspace.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <cctype>
#include <set>

#include "cli/import/criteria.hpp"
#include "cli/import/names.hpp"
#include "rules/facts.hpp"

namespace gtm::sfdx {

namespace {

// Standard value sets and the standard picklist fields that use them.
struct StandardPicklist {
  std::string_view value_set, object, field;
};
constexpr std::array<StandardPicklist, 14> kStandardPicklists = {{
    {"LeadStatus", "Lead", "Status"},
    {"LeadSource", "Lead", "LeadSource"},
    {"LeadSource", "Contact", "LeadSource"},
    {"LeadSource", "Opportunity", "LeadSource"},
    {"Industry", "Lead", "Industry"},
    {"Industry", "Account", "Industry"},
    {"AccountType", "Account", "Type"},
    {"AccountRating", "Account", "Rating"},
    {"OpportunityStage", "Opportunity", "StageName"},
    {"OpportunityType", "Opportunity", "Type"},
    {"CaseStatus", "Case", "Status"},
    {"CaseOrigin", "Case", "Origin"},
    {"CasePriority", "Case", "Priority"},
    {"Salutation", "Lead", "Salutation"},
}};

// Types of common standard fields, which DX projects hold no file for unless customised.
struct StandardField {
  std::string_view field, type;
};
constexpr std::array<StandardField, 16> kStandardFields = {{
    {"AnnualRevenue", "currency"},
    {"NumberOfEmployees", "number"},
    {"Email", "email"},
    {"Phone", "phone"},
    {"MobilePhone", "phone"},
    {"Website", "url"},
    {"CreatedDate", "datetime"},
    {"LastModifiedDate", "datetime"},
    {"CloseDate", "date"},
    {"Amount", "currency"},
    {"Probability", "percent"},
    {"IsConverted", "bool"},
    {"IsClosed", "bool"},
    {"IsWon", "bool"},
    {"HasOptedOutOfEmail", "bool"},
    {"DoNotCall", "bool"},
}};

// The usual type of a standard field, `text` if it is not in the table.
std::string standard_type(std::string_view name) {
  for (const StandardField& standard : kStandardFields) {
    if (standard.field == name) return std::string(standard.type);
  }
  return "text";
}

std::string simple_type(std::string_view salesforce_type) {
  static const std::map<std::string_view, std::string_view> kTypes = {
      {"Text", "text"},         {"TextArea", "text"},      {"LongTextArea", "text"},
      {"Html", "text"},         {"EncryptedText", "text"}, {"AutoNumber", "text"},
      {"Number", "number"},     {"Summary", "number"},     {"Currency", "currency"},
      {"Percent", "percent"},   {"Checkbox", "bool"},      {"Date", "date"},
      {"DateTime", "datetime"}, {"Email", "email"},        {"Phone", "phone"},
      {"Url", "url"},
  };
  const auto it = kTypes.find(salesforce_type);
  return it == kTypes.end() ? std::string() : std::string(it->second);
}

// One field as it will be written.
struct OutField {
  std::string object, name, type;  ///< type as .gtm (`picklist("A")`, `text`, ...)
  std::string kind;                ///< the type word conditions need (`picklist`, `number`, ...)
  std::vector<std::string> attributes;  ///< `name = value` lines after the type
};

class Writer {
 public:
  Writer(Project& project, std::string system) : project_(project), system_(std::move(system)) {
    claim(system_);
  }

  ImportedWorkspace run() {
    add_queues();
    add_fields();
    add_standard_picklists();
    add_routings();
    add_lifecycle();
    add_automations();
    write_system();
    write_fields();
    write_stubs();
    return std::move(out_);
  }

 private:
  // A name not yet taken in the shared top-level namespace.
  std::string claim(const std::string& wanted) {
    std::string name = identifier(wanted);
    for (int n = 2; taken_.count(name); ++n) name = identifier(wanted) + "_" + std::to_string(n);
    taken_.insert(name);
    return name;
  }

  std::string object_path(std::string_view object) const {
    return fmt::format("{}.{}", system_, identifier(object));
  }

  OutField* find_field(std::string_view object, std::string_view name) {
    const auto it = field_index_.find(lower_ascii(object) + "." + lower_ascii(name));
    return it == field_index_.end() ? nullptr : &fields_[it->second];
  }

  // The field, declared on first use: a standard field Salesforce projects hold no file for.
  OutField& ensure_field(std::string_view object, std::string_view name) {
    if (OutField* field = find_field(object, name)) return *field;
    const std::string type = standard_type(name);
    out_.fields_without_file.push_back(fmt::format("{}.{}", object, name));
    return add_field({std::string(object), std::string(name), type, type, {}});
  }

  OutField& add_field(OutField field) {
    field_index_[lower_ascii(field.object) + "." + lower_ascii(field.name)] = fields_.size();
    fields_.push_back(std::move(field));
    return fields_.back();
  }

  std::string person(const std::string& username) {
    auto [it, inserted] = people_.emplace(username, std::string());
    if (inserted) it->second = claim(username.substr(0, username.find('@')));
    return it->second;
  }

  std::string team(const std::string& group) {
    auto [it, inserted] = teams_.emplace(group, std::string());
    if (inserted) it->second = claim(group);
    return it->second;
  }

  std::string queue(const std::string& name) {
    auto [it, inserted] = queues_.emplace(name, std::string());
    if (inserted) {
      it->second = claim(name);
      queue_stubs_.push_back(name);
    }
    return it->second;
  }

  void add_queues() {
    std::string text = "# Queues imported from Salesforce.\n";
    for (const Queue& q : project_.queues) {
      const std::string id = claim(q.name);
      queues_[q.name] = id;
      std::vector<std::string> members;
      for (const std::string& user : q.users) members.push_back(person(user));
      text += fmt::format("\nqueue {} {{\n  system = {}\n  api_name = {}\n", id, system_,
                          quoted(q.name));
      if (!q.email.empty()) text += fmt::format("  email = {}\n", quoted(q.email));
      if (!members.empty()) text += fmt::format("  members = [{}]\n", fmt::join(members, ", "));
      text += "}\n";
      ++out_.counts.queues;
    }
    if (!project_.queues.empty()) queues_text_ = text;
  }

  // The .gtm type of an imported field, noting what cannot be kept.
  std::pair<std::string, std::string> field_type(const Field& f) {
    if (f.type == "Picklist" || f.type == "MultiselectPicklist") {
      std::vector<std::string> values = f.values;
      if (values.empty() && !f.value_set.empty()) {
        const auto it = project_.value_sets.find(f.value_set);
        if (it != project_.value_sets.end()) values = it->second;
      }
      std::vector<std::string> unique;
      for (const std::string& v : values) {
        if (std::find(unique.begin(), unique.end(), v) == unique.end()) unique.push_back(v);
      }
      if (unique.empty()) {
        project_.not_mapped.push_back(
            fmt::format("field {}.{}: its picklist values are not in the project (value set `{}`); "
                        "imported as text",
                        f.object, f.name, f.value_set));
        return {"text", "text"};
      }
      std::vector<std::string> literals;
      for (const std::string& v : unique) literals.push_back(quoted(v));
      const std::string word = f.type == "Picklist" ? "picklist" : "multipicklist";
      return {fmt::format("{}({})", word, fmt::join(literals, ", ")), "picklist"};
    }
    if (f.type == "Lookup" || f.type == "MasterDetail") {
      lookups_.push_back({f.object, f.name, f.reference_to});
      return {"text", "text"};  // made a lookup once every object is known (write_fields)
    }
    if (f.type.empty()) {  // a standard field: its type comes from a value set or the table
      const std::string type = standard_type(f.name);
      return {type, type};
    }
    std::string type = simple_type(f.type);
    if (type.empty()) {
      project_.not_mapped.push_back(
          fmt::format("field {}.{}: type {} has no gtmlint equivalent; imported as text", f.object,
                      f.name, f.type));
      type = "text";
    }
    return {type, type};
  }

  void add_fields() {
    for (const Field& f : project_.fields) {
      auto [type, kind] = field_type(f);
      OutField field{f.object, f.name, type, kind, {}};
      const auto attribute = [&](std::string_view name, const std::string& value) {
        if (!value.empty()) field.attributes.push_back(fmt::format("{} = {}", name, value));
      };
      attribute("label", f.label.empty() ? "" : quoted(f.label));
      attribute("description", f.description.empty() ? "" : quoted(f.description));
      attribute("help", f.help.empty() ? "" : quoted(f.help));
      if (!f.owner_user.empty()) attribute("owner", person(f.owner_user));
      if (f.owner_user.empty() && !f.owner_group.empty()) attribute("owner", team(f.owner_group));
      if (f.business_status == "DeprecateCandidate" || f.business_status == "Hidden") {
        attribute("deprecated", "true");
      }
      attribute("classification", f.classification.empty() ? "" : quoted(f.classification));
      if (!f.compliance.empty()) {
        std::vector<std::string> groups;
        for (const std::string& g : f.compliance) groups.push_back(quoted(g));
        attribute("compliance", fmt::format("[{}]", fmt::join(groups, ", ")));
        const bool personal = std::any_of(f.compliance.begin(), f.compliance.end(), [](auto& g) {
          return g == "PII" || g == "GDPR" || g == "CCPA" || g == "HIPAA";
        });
        if (personal) attribute("pii", "true");
      }
      if (identifier(f.name) != f.name) attribute("api_name", quoted(f.name));
      if (find_field(f.object, f.name)) {
        project_.not_mapped.push_back(
            fmt::format("field {}.{}: declared twice; the first file is kept", f.object, f.name));
        continue;
      }
      add_field(std::move(field));
    }
  }

  // Standard picklist fields get the values of their standard value set.
  void add_standard_picklists() {
    for (const StandardPicklist& standard : kStandardPicklists) {
      const auto set = project_.value_sets.find(std::string(standard.value_set));
      if (set == project_.value_sets.end()) continue;
      const bool object_known = std::any_of(fields_.begin(), fields_.end(), [&](auto& f) {
        return lower_ascii(f.object) == lower_ascii(standard.object);
      });
      const bool routed =
          std::any_of(project_.assignment_rules.begin(), project_.assignment_rules.end(),
                      [&](const AssignmentRule& r) {
                        return lower_ascii(r.object) == lower_ascii(standard.object);
                      });
      if (!object_known && !routed && standard.object != "Lead") continue;
      Field f;
      f.object = std::string(standard.object);
      f.name = std::string(standard.field);
      f.type = "Picklist";
      f.values = set->second;
      auto [type, kind] = field_type(f);
      if (OutField* existing = find_field(f.object, f.name)) {
        if (existing->kind == "text") {  // a customised standard field without its values
          existing->type = type;
          existing->kind = kind;
        }
        continue;
      }
      add_field({f.object, f.name, type, kind, {}});
    }
  }

  // An entry with criteria and no assignee takes the record and leaves its owner as it is.
  std::string assignee(const RuleEntry& entry) {
    if (entry.assigned_to.empty()) return std::string(rules::kKeepOwner);
    if (entry.assigned_to_type == "Queue") return queue(entry.assigned_to);
    return person(entry.assigned_to);
  }

  void add_routings() {
    std::string text = "# Assignment rules imported from Salesforce, one routing each.\n";
    for (const AssignmentRule& rule : project_.assignment_rules) {
      const std::string id = claim(rule.object + "_" + rule.name);
      text +=
          fmt::format("\nrouting {} {{\n  object = {}\n  active = {}\n  api_name = {}\n", id,
                      object_path(rule.object), rule.active ? "true" : "false", quoted(rule.name));
      const auto kind_of = [&](const std::string& field) {
        return ensure_field(rule.object, field).kind;
      };
      std::string rules, fallback;
      for (std::size_t i = 0; i < rule.entries.size(); ++i) {
        const RuleEntry& entry = rule.entries[i];
        const std::string where = fmt::format("routing {} (assignment rule {} of {}) entry {}", id,
                                              rule.name, rule.object, i + 1);
        const Condition condition = entry_condition(entry, rule.object, kind_of);
        if (!condition.problem.empty()) {
          project_.not_mapped.push_back(
              fmt::format("{}: {}; kept as formula(...), which the analyses treat as unknown",
                          where, condition.problem));
        }
        if (condition.catch_all && i + 1 == rule.entries.size() && !entry.assigned_to.empty()) {
          fallback = assignee(entry);
          continue;
        }
        rules += fmt::format("  rule entry_{} {{\n    when = {}\n    assign = {}\n  }}\n", i + 1,
                             condition.text, assignee(entry));
        ++out_.counts.rules;
      }
      if (!fallback.empty()) text += fmt::format("  fallback = {}\n", fallback);
      text += rules + "}\n";
      ++out_.counts.routings;
    }
    if (!project_.assignment_rules.empty()) out_.files["routing.gtm"] = text;
  }

  void add_lifecycle() {
    const auto set = project_.value_sets.find("LeadStatus");
    if (set == project_.value_sets.end()) return;
    std::vector<std::string> stages;
    for (const std::string& v : set->second) stages.push_back(quoted(v));
    out_.files["lifecycle.gtm"] = fmt::format(
        "# The lead lifecycle: Salesforce's LeadStatus values, in order.\n\n"
        "lifecycle {} {{\n  object = {}\n  stages = [{}]\n}}\n",
        claim("LeadStatus"), object_path("Lead"), fmt::join(stages, ", "));
    ++out_.counts.lifecycles;
  }

  void add_automations() {
    std::string text = "# Flows and workflow rules imported from Salesforce.\n";
    for (const Automation& a : project_.automations) {
      text += fmt::format("\nautomation {} {{\n  system = {}\n  api_name = {}\n", claim(a.name),
                          system_, quoted(a.name));
      if (!a.description.empty())
        text += fmt::format("  description = {}\n", quoted(a.description));
      text += fmt::format("  trigger = {}\n", quoted(a.trigger));
      if (!a.active) text += "  active = false\n";
      std::vector<std::string> writes;
      for (const std::string& field : a.writes) {
        if (a.object.empty() || field.empty()) continue;
        const OutField& f = ensure_field(a.object, field);
        const std::string path = fmt::format("{}.{}", object_path(f.object), identifier(f.name));
        if (std::find(writes.begin(), writes.end(), path) == writes.end()) writes.push_back(path);
      }
      if (!writes.empty()) text += fmt::format("  writes = [{}]\n", fmt::join(writes, ", "));
      if (!a.fault_target.empty()) {
        text += fmt::format("  on_error = fault_path({})\n", quoted(a.fault_target));
      }
      text += "}\n";
      ++out_.counts.automations;
    }
    if (!project_.automations.empty()) out_.files["automations.gtm"] = text;
  }

  void write_system() {
    std::string text = fmt::format(
        "# The Salesforce org this workspace was imported from.\n\n"
        "system {} {{\n  kind = crm\n  vendor = \"Salesforce\"\n}}\n",
        system_);
    if (!queues_text_.empty()) out_.files["queues.gtm"] = queues_text_;
    for (const std::string& name : queue_stubs_) {
      out_.files["queues.gtm"] += fmt::format(
          "\n# Named by an assignment rule; not in the project's queues.\nqueue {} {{\n  system = "
          "{}\n  api_name = {}\n}}\n",
          queues_.at(name), system_, quoted(name));
      ++out_.counts.queues;
    }
    out_.files["system.gtm"] = text;
    out_.files["gtmlint.gtm"] =
        "# The root of a gtmlint workspace imported from Salesforce DX by `gtmlint import sfdx`.\n"
        "# Add what Salesforce does not hold: owners, teams, handoffs, workarounds.\n";
  }

  void write_fields() {
    std::set<std::string> objects;
    for (const OutField& f : fields_) objects.insert(lower_ascii(f.object));
    for (const auto& [object, name, target] : lookups_) {
      OutField* field = find_field(object, name);
      if (field && objects.count(lower_ascii(target))) {
        field->type = fmt::format("lookup({})", object_path(target));
      } else if (field) {
        project_.not_mapped.push_back(fmt::format(
            "field {}.{}: a lookup to {}, which has no fields in the project; imported as text",
            object, name, target.empty() ? "an unnamed object" : target));
      }
    }
    std::map<std::string, std::vector<const OutField*>> by_object;
    for (const OutField& f : fields_) by_object[f.object].push_back(&f);
    for (const auto& [object, fields] : by_object) {
      std::string text = fmt::format("# Fields of the Salesforce object {}.\n", object);
      for (const OutField* f : fields) {
        text += fmt::format("\nfield {}.{} {{\n  type = {}\n", object_path(object),
                            identifier(f->name), f->type);
        for (const std::string& attribute : f->attributes) text += "  " + attribute + "\n";
        text += "}\n";
        ++out_.counts.fields;
      }
      out_.files["objects/" + identifier(object) + ".gtm"] = text;
      ++out_.counts.objects;
    }
  }

  void write_stubs() {
    if (people_.empty() && teams_.empty()) return;
    std::string text =
        "# People and groups that Salesforce names (field owners, queue members, assignees).\n"
        "# Stubs: give each a real name, a team, and `left` when they leave.\n";
    for (const auto& [username, id] : people_) {
      text += fmt::format("\nperson {} {{\n  name = {}\n", id, quoted(username));
      if (username.find('@') != std::string::npos && username.find('.') != std::string::npos) {
        text += fmt::format("  email = {}\n", quoted(username));
      }
      text += "}\n";
      ++out_.counts.people;
    }
    for (const auto& [group, id] : teams_) {
      text += fmt::format("\nteam {} {{\n}}\n", id);
      ++out_.counts.teams;
    }
    out_.files["people.gtm"] = text;
  }

  struct Lookup {
    std::string object, name, target;
  };

  Project& project_;
  std::string system_;
  ImportedWorkspace out_;
  std::set<std::string> taken_;
  std::vector<OutField> fields_;
  std::map<std::string, std::size_t> field_index_;  ///< "object.field" in lower case
  std::map<std::string, std::string> people_, teams_, queues_;
  std::vector<std::string> queue_stubs_;
  std::vector<Lookup> lookups_;
  std::string queues_text_;
};

}  // namespace

ImportedWorkspace write_workspace(Project& project, const std::string& system) {
  return Writer(project, system).run();
}

}  // namespace gtm::sfdx
