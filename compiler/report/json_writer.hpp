// Writing a JSON document straight into text, laid out exactly as nlohmann::json's dump(2)
// lays it out (two-space indent, `"key": value`, `[]` and `{}` when empty). For reports of many
// thousand findings, where building a document first cost about 20,000 instructions a finding.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace gtm {

class JsonWriter {
 public:
  void begin_object() { open('{'); }
  void end_object() { close('}'); }
  void begin_array() { open('['); }
  void end_array() { close(']'); }
  /// Inside an object: the next member's key (its value follows).
  void key(std::string_view name);
  void value(std::string_view text);
  void value(std::uint64_t number);
  /// The document, with the final newline `dump` leaves to its caller.
  std::string take() { return std::move(out_) + "\n"; }

 private:
  void open(char bracket);
  void close(char bracket);
  /// Before a value: the separator and indent an array item needs (an object's key wrote them).
  void before_value();
  void new_line();
  void write_string(std::string_view text);

  std::string out_;
  std::vector<std::size_t> counts_;  ///< members or items so far, per open object or array
  bool after_key_ = false;
};

}  // namespace gtm
