// routing-value-lookalike: two values of one text field in one routing (or other configuration
// with conditions) that differ only in punctuation, spacing or case — an en dash in one entry and
// a hyphen in another — and so do not match each other: most often one of them is a typo that
// makes its rule silently never match the leads the other one does.
#include <fmt/format.h>

#include <algorithm>
#include <cctype>
#include <map>

#include "compiler/semantics/conditions.hpp"
#include "rules/analyses.hpp"
#include "rules/facts.hpp"
#include "rules/rule_table.hpp"
#include "rules/text_match.hpp"

namespace gtm::rules {

namespace {

// The value with case folded and every space, punctuation mark and dash (ASCII or Unicode: en
// and em dashes, the minus sign, no-break spaces) left out.
std::string skeleton(std::string_view text) {
  std::string out;
  const std::string folded = TextMatch(TextCase::Insensitive).key(text);
  for (std::size_t i = 0; i < folded.size(); ++i) {
    const unsigned char c = static_cast<unsigned char>(folded[i]);
    if (c < 0x80) {
      if (std::isalnum(c)) out += static_cast<char>(c);
      continue;
    }
    const std::string_view rest = std::string_view(folded).substr(i);
    if (rest.starts_with("\xE2\x80") && rest.size() > 2 &&
        static_cast<unsigned char>(rest[2]) >= 0x90 &&
        static_cast<unsigned char>(rest[2]) <= 0x95) {
      i += 2;  // U+2010..U+2015, the dashes
    } else if (rest.starts_with("\xE2\x88\x92")) {
      i += 2;  // U+2212, the minus sign
    } else if (rest.starts_with("\xC2\xA0")) {
      i += 1;  // U+00A0, the no-break space
    } else {
      out += static_cast<char>(c);
    }
  }
  return out;
}

struct Use {
  std::string text;
  Span span;
  EntityId rule;  ///< the entity whose condition holds it
};

class LookalikeCheck {
 public:
  LookalikeCheck(const Model& model, Diagnostics& diagnostics)
      : model_(model), diagnostics_(diagnostics) {}

  // One routing, nurture or other top-level entity: the values its conditions compare with.
  void check(EntityId top) {
    seen_.clear();
    visit_entity(top, top);
  }

 private:
  void visit_entity(EntityId id, EntityId top) {
    const KindSchema& kind = model_.kind_of(id);
    const File& file = model_.file_of(id);
    for (const AttrSlot& slot : model_.slots_of(id)) {
      const AttrSchema& attr = slot.attr == kAnyAttr ? *kind.any_attr : kind.attrs[slot.attr];
      if (holds_condition(attr.type)) walk(file, file.attributes[slot.attribute].value, id, top);
    }
    for (EntityId child : model_.children_of(id)) visit_entity(child, top);
  }

  void walk(const File& file, ExprId id, EntityId rule, EntityId top) {
    const Expr& e = file.exprs[id];
    const auto children = file.children(e);
    if ((e.kind == ExprKind::Compare || e.kind == ExprKind::Call) && children.size() == 2 &&
        file.exprs[children[0]].kind == ExprKind::Reference) {
      const EntityId field = model_.target(file.id, children[0]);
      if (field == kNoEntity) return;
      const FieldValueKind kind = field_values(model_, field).kind;
      if (kind != FieldValueKind::Text && kind != FieldValueKind::Unknown) return;
      const Expr& rhs = file.exprs[children[1]];
      // Values compare like with like: an exact value with exact values, a prefix with prefixes
      // (`starts_with(industry, "Retail ")` beside `industry == "Retail"` is on purpose).
      const std::string_view use = e.kind == ExprKind::Compare ? std::string_view("==") : e.text;
      if (rhs.kind == ExprKind::List) {
        for (ExprId item : file.children(rhs)) value(file, field, use, file.exprs[item], rule, top);
      } else {
        value(file, field, use, rhs, rule, top);
      }
      return;
    }
    for (ExprId child : children) walk(file, child, rule, top);
  }

  // Variants in one condition (`contains(description, "real-time") or contains(description,
  // "real time")`) are written on purpose; the same value spelt otherwise in another rule is not.
  void value(const File& file, EntityId field, std::string_view use, const Expr& e, EntityId rule,
             EntityId top) {
    if (e.kind != ExprKind::String || e.text.empty()) return;
    const std::string_view path = model_.entities[field].name;
    const TextMatch text(text_case_of(model_, top, path.substr(0, path.rfind('.'))));
    auto& uses = seen_[{field, fmt::format("{}\n{}", use, skeleton(e.text))}];
    for (const Use& earlier : uses) {
      // The same value written before, or a variant its own condition already names.
      if (text.equals(earlier.text, e.text) || earlier.rule == rule) return;
    }
    if (!uses.empty()) report(field, uses.front(), e, file.span_of(e), text);
    uses.push_back({std::string(e.text), file.span_of(e), rule});
  }

  void report(EntityId field, const Use& first, const Expr& e, Span at, const TextMatch& text) {
    const std::string_view path = model_.entities[field].name;
    const std::string_view name = path.substr(path.rfind('.') + 1);
    const std::string_view how =
        text.mode() == TextCase::Exact ? "punctuation, spacing or case" : "punctuation or spacing";
    Diagnostic& d = diagnostics_.report(
        kRoutingValueLookalike, at,
        fmt::format("\"{}\" and \"{}\" differ only in {}, so `{}` holding one does not match the "
                    "other",
                    e.text, first.text, how, name));
    d.notes.push_back({first.span, fmt::format("\"{}\" is written here", first.text)});
    const std::string_view object = path.substr(0, path.rfind('.'));
    d.help = fmt::format("write the value the same way in both places, as `{}` holds it",
                         object.substr(0, object.find('.')));
  }

  const Model& model_;
  Diagnostics& diagnostics_;
  std::map<std::pair<EntityId, std::string>, std::vector<Use>> seen_;
};

}  // namespace

void run_value_lookalike(const AnalysisContext& context, Diagnostics& diagnostics) {
  const Model& model = context.model;
  LookalikeCheck check(model, diagnostics);
  for (EntityId id = 0; id < model.entities.size(); ++id) {
    const Entity& entity = model.entities[id];
    if (entity.from_stdlib || entity.kind == Schema::kUnknownKind || entity.parent != kNoEntity ||
        !in_use(model, id)) {
      continue;  // switched-off configuration matches nothing
    }
    check.check(id);
  }
}

}  // namespace gtm::rules
