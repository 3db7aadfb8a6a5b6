// Text comparison under a system's case semantics.
#include "rules/text_match.hpp"

#include <algorithm>
#include <optional>

namespace gtm::rules {

std::string TextMatch::key(std::string_view text) const {
  std::string out(text);
  if (mode_ == TextCase::Exact) return out;
  for (std::size_t i = 0; i < out.size(); ++i) {
    const unsigned char c = static_cast<unsigned char>(out[i]);
    if (c >= 'A' && c <= 'Z') {
      out[i] = static_cast<char>(c - 'A' + 'a');
    } else if (c == 0xC3 && i + 1 < out.size()) {
      // Latin-1 capitals U+00C0..U+00DE (not U+00D7, the multiplication sign) are one bit
      // from their small letters in the second byte of their UTF-8 form.
      const unsigned char next = static_cast<unsigned char>(out[i + 1]);
      if (next >= 0x80 && next <= 0x9E && next != 0x97) out[i + 1] = static_cast<char>(next + 0x20);
      ++i;
    }
  }
  return out;
}

std::vector<std::string_view> multi_select_items(std::string_view value) {
  std::vector<std::string_view> items;
  while (true) {
    const std::size_t end = std::min(value.find(';'), value.size());
    std::string_view one = value.substr(0, end);
    while (!one.empty() && one.front() == ' ') one.remove_prefix(1);
    while (!one.empty() && one.back() == ' ') one.remove_suffix(1);
    items.push_back(one);
    if (end == value.size()) return items;
    value.remove_prefix(end + 1);
  }
}

bool TextMatch::includes(std::string_view value, std::string_view item) const {
  const std::string wanted = key(item);
  for (std::string_view one : multi_select_items(value)) {
    if (key(one) == wanted) return true;
  }
  return false;
}

std::optional<bool> TextMatch::test(std::string_view function, std::string_view value,
                                    std::string_view pattern) const {
  if (function == "starts_with") return starts_with(value, pattern);
  if (function == "contains") return contains(value, pattern);
  if (function == "includes") return includes(value, pattern);
  return std::nullopt;
}

namespace {

std::optional<TextCase> declared(const Model& model, EntityId id) {
  const Expr* mode = model.attr_expr(id, "text_case");
  if (!mode || mode->kind != ExprKind::Reference) return std::nullopt;
  if (mode->text == "exact") return TextCase::Exact;
  if (mode->text == "insensitive") return TextCase::Insensitive;
  return std::nullopt;  // reported by the type checker
}

}  // namespace

TextCase text_case_of(const Model& model, EntityId owner, std::string_view object) {
  for (EntityId at = owner; at != kNoEntity; at = model.entities[at].parent) {
    if (const auto mode = declared(model, at)) return *mode;
  }
  const std::string system(object.substr(0, object.find('.')));
  const EntityId holder = system.empty() ? kNoEntity : model.find("entities", system);
  if (holder != kNoEntity && model.kind_of(holder).name == "system") {
    if (const auto mode = declared(model, holder)) return *mode;
  }
  return TextCase::Insensitive;
}

}  // namespace gtm::rules
