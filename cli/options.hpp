// Parsing of command-line flags shared by commands: `--flag value`, `--flag=value`, positionals.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace gtm::cli {

/// `a,b,,c` -> a, b, c: the items of an option that takes a list.
std::vector<std::string> split_list(const std::string& text);

class ArgReader {
 public:
  explicit ArgReader(const std::vector<std::string>& args) : args_(args) {}

  bool done() const { return index_ >= args_.size(); }
  const std::string& peek() const { return args_[index_]; }
  /// True (and consumes it) if the next argument is `flag` without a value.
  bool flag(std::string_view name);
  /// The value of `--name VALUE` or `--name=VALUE`; nullopt if the next argument is not `name`,
  /// or if its value is absent, which `missing_value()` then names.
  std::optional<std::string> value(std::string_view name);
  /// The flag whose value was absent, or empty.
  const std::string& missing_value() const { return missing_value_; }
  std::string next() { return args_[index_++]; }

 private:
  const std::vector<std::string>& args_;
  std::size_t index_ = 0;
  std::string missing_value_;
};

/// Today's date for date checks: `--today` if given, else GTMLINT_TODAY, else the system date.
/// Returns nullopt (and sets `error`) if the given date is not a real YYYY-MM-DD date.
std::optional<std::int64_t> resolve_today(const std::optional<std::string>& option,
                                          std::string* error);

}  // namespace gtm::cli
