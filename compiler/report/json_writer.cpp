// The JSON writer: layout and string escaping as nlohmann::json's dump(2, ' ', false, replace).
#include "compiler/report/json_writer.hpp"

#include <nlohmann/json.hpp>

#include "compiler/base/json_text.hpp"
#include "compiler/base/source.hpp"

namespace gtm {

namespace {

constexpr char kHex[] = "0123456789abcdef";

void append_escape(std::string& out, unsigned char c) {
  switch (c) {
    case '"':
      out += "\\\"";
      return;
    case '\\':
      out += "\\\\";
      return;
    case '\b':
      out += "\\b";
      return;
    case '\f':
      out += "\\f";
      return;
    case '\n':
      out += "\\n";
      return;
    case '\r':
      out += "\\r";
      return;
    case '\t':
      out += "\\t";
      return;
    default:
      out += "\\u00";
      out += kHex[c >> 4];
      out += kHex[c & 0xF];
  }
}

// Escapes as dump() does without ensure_ascii: the short escapes, \u00XX for the other control
// characters, and every other byte as it is (appended in runs: most text needs no escape).
void append_escaped(std::string& out, std::string_view text) {
  std::size_t run = 0;
  for (std::size_t i = 0; i < text.size(); ++i) {
    const auto c = static_cast<unsigned char>(text[i]);
    if (c >= 0x20 && c != '"' && c != '\\') continue;
    out.append(text.substr(run, i - run));
    append_escape(out, c);
    run = i + 1;
  }
  out.append(text.substr(run));
}

}  // namespace

void JsonWriter::new_line() {
  out_ += '\n';
  out_.append(2 * counts_.size(), ' ');
}

void JsonWriter::before_value() {
  if (after_key_) {
    after_key_ = false;
    return;
  }
  if (counts_.empty()) return;
  if (counts_.back()++ > 0) out_ += ',';
  new_line();
}

void JsonWriter::open(char bracket) {
  before_value();
  out_ += bracket;
  counts_.push_back(0);
}

void JsonWriter::close(char bracket) {
  const bool empty = counts_.back() == 0;
  counts_.pop_back();
  if (!empty) new_line();
  out_ += bracket;
}

void JsonWriter::key(std::string_view name) {
  if (counts_.back()++ > 0) out_ += ',';
  new_line();
  write_string(name);
  out_ += ": ";
  after_key_ = true;
}

void JsonWriter::value(std::string_view text) {
  before_value();
  write_string(text);
}

void JsonWriter::write_string(std::string_view text) {
  if (first_invalid_utf8(text)) {  // rare: leave the replacement of bad bytes to nlohmann
    out_ += json_text(nlohmann::json(std::string(text)));
    return;
  }
  out_ += '"';
  append_escaped(out_, text);
  out_ += '"';
}

void JsonWriter::value(std::uint64_t number) {
  before_value();
  out_ += std::to_string(number);
}

}  // namespace gtm
