// The compiler's own diagnostics and their explanations; the rule catalogue.
#include "compiler/diagnostics/rule_info.hpp"

#include <algorithm>

namespace gtm {

namespace {

RuleInfo compiler_rule(std::string id, std::string summary, std::string explain) {
  return RuleInfo{std::move(id),      "compiler",         Severity::Error,
                  std::move(summary), std::move(explain), "compiler"};
}

std::vector<RuleInfo> make_compiler_rules() {
  return {
      compiler_rule("syntax", "the text does not follow the .gtm syntax",
                    "A file is a sequence of blocks `KIND [NAME] { ... }` holding attributes "
                    "`name = value` and nested blocks. The error says what was expected and what "
                    "was found; parsing resumes at the next block, so one typo gives one "
                    "diagnostic.\n\nFails:\n\n    person ana { team sdr }\n\nPasses:\n\n"
                    "    person ana { team = sdr }\n"),
      compiler_rule("encoding", "a file is UTF-8 text",
                    "A .gtm file must be UTF-8 text. A file holding a NUL byte is taken for a "
                    "binary file and not checked; invalid UTF-8 is reported at its first byte "
                    "(with the byte's value and its offset in the file) and the file is checked "
                    "all the same. A UTF-8 byte-order mark is accepted.\n\nFails: a file saved "
                    "as Latin-1 with `name = \"Zo\xEB\"`.\n\nPasses: the same file saved as "
                    "UTF-8.\n"),
      compiler_rule("file-skipped", "every .gtm file of the workspace can be read",
                    "A .gtm file under the workspace root that cannot be read is reported rather "
                    "than left out silently: it vanished or became unreadable while gtmlint ran, "
                    "or it is a symbolic link that dangles, loops, or leads outside the workspace "
                    "root. gtmlint never follows a link out of the root (a pull request must not "
                    "make it read other files on the machine) and never follows links to "
                    "directories.\n\nFails:\n\n    people.gtm -> /etc/passwd\n\nPasses: "
                    "the file itself, or a link to a file inside the workspace.\n"),
      compiler_rule("limit", "the input stays within gtmlint's resource limits",
                    "gtmlint checks untrusted input (pull requests from forks, half-typed buffers) "
                    "and turns anything that could exhaust time or memory into this diagnostic: a "
                    "file over 16 MiB, a string over 64 KiB, a list over 10,000 items, more than "
                    "100 syntax errors in one file. Nesting deeper than 64 levels is a syntax "
                    "error. docs/limits.md lists every limit.\n\nFails:\n\n"
                    "    field f { description = \"... 70,000 characters ...\" }\n"),
      compiler_rule("unknown-kind", "a block's kind is not declared by any schema",
                    "Every block's kind must be declared by a `schema` block (the standard kinds "
                    "live in the stdlib; add your own with `schema KIND { ... }`). Nested blocks "
                    "must be declared inside their parent's schema, or be a `waiver`.\n\nFails:\n\n"
                    "    persn dana { name = \"Dana\" }\n\nPasses:\n\n"
                    "    person dana { name = \"Dana\" }\n"),
      compiler_rule("unknown-attribute", "an attribute is not declared for its block's kind",
                    "Attributes must be declared in the kind's schema, so that a typo such as "
                    "`ownr` is caught instead of silently ignored. Add attributes of your own with "
                    "`schema KIND { attr NAME { type = ... } }`.\n\nFails:\n\n"
                    "    system salesforce { kind = crm  ownr = dana }\n\nPasses:\n\n"
                    "    system salesforce { kind = crm  owner = dana }\n"),
      compiler_rule("missing-attribute", "a required attribute is not set",
                    "The schema marks some attributes `required = true`: without them the entity "
                    "means nothing (a field without a type, a routing without an object).\n\n"
                    "Fails:\n\n    field salesforce.lead.status { owner = dana }\n\nPasses:\n\n"
                    "    field salesforce.lead.status { type = text  owner = dana }\n"),
      compiler_rule("duplicate-name", "two entities share a name in one namespace",
                    "All top-level names share one namespace (a person and a system cannot both be "
                    "`dana`), fields are named by their full path, and sibling blocks of one kind "
                    "need distinct names. Both places are shown: the finding is at the declaration "
                    "that comes later (files in path order, then by position) and references "
                    "resolve to the first; with `check --against`, at the declaration the change "
                    "added.\n\nFails:\n\n"
                    "    person dana { name = \"Dana\" }\n    system dana { kind = crm }\n"),
      compiler_rule("duplicate-attribute", "an attribute is set twice in one block",
                    "The second value would silently win; say it once.\n\nFails:\n\n"
                    "    person dana { team = sdr  team = revops }\n"),
      compiler_rule("unresolved-reference", "a name refers to nothing of the expected kind",
                    "References are checked across the whole workspace. When a close name exists "
                    "it is suggested, with a fix.\n\nFails:\n\n    team sdr { lead = dnaa }\n\n"
                    "Passes:\n\n    team sdr { lead = dana }\n"),
      compiler_rule(
          "type-mismatch", "a value has the wrong type for its attribute",
          "Each attribute has a type in its schema: a date, a duration, a reference to a "
          "person or team, a list, a condition over an object's fields, ...\n\nFails:\n\n"
          "    handoff h { sla = \"4 hours\" }\n\nPasses:\n\n    handoff h { sla = 4h }\n"),
      compiler_rule("invalid-value", "a value of the right type is not allowed",
                    "Dates must exist, enumerations take one of their values, picklist comparisons "
                    "must use a value of the picklist, patterns must be valid regular expressions."
                    "\n\nFails:\n\n    system hubspot { kind = crmm }\n\nPasses:\n\n"
                    "    system hubspot { kind = crm }\n"),
      RuleInfo{
          "waiver-incomplete", "workarounds and debt", Severity::Error,
          "a waiver lacks `until` or `reason`",
          "A waiver suppresses one rule inside its block until a date, for a stated reason. "
          "Without both it would be silent debt, so it suppresses nothing and is reported. A "
          "placeholder is no reason: an empty text, `TODO ...`, `TBD`, `FIXME`, `XXX` or `...` "
          "(the editor's quick fix inserts `TODO: ...`, so the waiver stays flagged until a "
          "person says why)."
          "\n\nFails:\n\n    waiver owner-departed { reason = \"later\" }\n\nPasses:\n\n"
          "    waiver owner-departed { until = 2026-12-15  reason = \"Reassigning after Q4\" }\n",
          "compiler"},
      RuleInfo{
          "waiver-expired", "workarounds and debt", Severity::Error,
          "a waiver's `until` date has passed",
          "An expired waiver stops suppressing its rule (so the finding is reported again) "
          "and says so. A waiver is valid through its `until` date.\n\nFails (on "
          "2027-01-01):\n\n    waiver owner-departed { until = 2026-12-15  reason = \"Q4\" }\n",
          "compiler"},
  };
}

}  // namespace

std::span<const RuleInfo> compiler_rules() {
  static const std::vector<RuleInfo> rules = make_compiler_rules();
  return rules;
}

const RuleInfo* RuleCatalog::find(std::string_view id) const {
  const auto it = std::find_if(rules_.begin(), rules_.end(),
                               [&](const RuleInfo& rule) { return rule.id == id; });
  return it == rules_.end() ? nullptr : &*it;
}

namespace {

// `workarounds and debt` as a selector may be written `workarounds-and-debt` or `..._and_...`.
bool same_category(std::string_view category, std::string_view selector) {
  if (category.size() != selector.size()) return false;
  for (std::size_t i = 0; i < category.size(); ++i) {
    const char c = category[i], s = selector[i];
    if (c != s && !(c == ' ' && (s == '-' || s == '_'))) return false;
  }
  return true;
}

// `routing` and `routing-` are prefixes of `routing-gap`; `routing-g` is not (a part of a word).
bool id_prefix(std::string_view id, std::string_view selector) {
  if (selector.empty() || !id.starts_with(selector) || id.size() == selector.size()) return false;
  return selector.back() == '-' || id[selector.size()] == '-';
}

}  // namespace

std::vector<std::string_view> RuleCatalog::matching(std::string_view selector) const {
  std::vector<std::string_view> ids;
  for (const RuleInfo& rule : rules_) {
    if (rule.id == selector || same_category(rule.category, selector) ||
        id_prefix(rule.id, selector)) {
      ids.push_back(rule.id);
    }
  }
  return ids;
}

std::vector<std::string_view> RuleCatalog::selectors() const {
  std::vector<std::string_view> out = ids();
  for (const RuleInfo& rule : rules_) {
    if (std::find(out.begin(), out.end(), rule.category) == out.end()) out.push_back(rule.category);
  }
  return out;
}

std::vector<std::string_view> RuleCatalog::ids() const {
  std::vector<std::string_view> ids;
  for (const RuleInfo& rule : rules_) ids.push_back(rule.id);
  return ids;
}

}  // namespace gtm
