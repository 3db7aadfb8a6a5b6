// Flag parsing and the `today` rule.
#include "cli/options.hpp"

#include <chrono>
#include <cstdlib>

#include <fmt/format.h>

#include "compiler/syntax/literals.hpp"

namespace gtm::cli {

std::vector<std::string> split_list(const std::string& text) {
  std::vector<std::string> items;
  std::size_t start = 0;
  while (start <= text.size()) {
    const std::size_t comma = std::min(text.find(',', start), text.size());
    if (comma > start) items.push_back(text.substr(start, comma - start));
    start = comma + 1;
  }
  return items;
}

bool ArgReader::flag(std::string_view name) {
  if (done() || peek() != name) return false;
  ++index_;
  return true;
}

std::optional<std::string> ArgReader::value(std::string_view name) {
  if (done()) return std::nullopt;
  const std::string& arg = peek();
  if (arg == name) {
    ++index_;
    if (done()) {
      missing_value_ = name;
      return std::nullopt;
    }
    return next();
  }
  if (arg.size() > name.size() && arg.starts_with(name) && arg[name.size()] == '=') {
    ++index_;
    return arg.substr(name.size() + 1);
  }
  return std::nullopt;
}

std::optional<std::int64_t> resolve_today(const std::optional<std::string>& option,
                                          std::string* error) {
  std::optional<std::string> text = option;
  std::string_view source = "--today";
  if (!text) {
    if (const char* env = std::getenv("GTMLINT_TODAY"); env && *env) {
      text = env;
      source = "GTMLINT_TODAY";
    }
  }
  if (!text) {
    const auto now = std::chrono::floor<std::chrono::days>(std::chrono::system_clock::now());
    return now.time_since_epoch().count();
  }
  if (auto problem = date_problem(*text)) {
    *error = fmt::format("{} `{}` is not a date: {}", source, *text, *problem);
    return std::nullopt;
  }
  return parse_date(*text);
}

}  // namespace gtm::cli
