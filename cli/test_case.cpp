// Reading, writing and running test cases.
#include "cli/test_case.hpp"

#include <fstream>
#include <nlohmann/json.hpp>
#include <regex>
#include <sstream>

#include "cli/cli.hpp"

namespace gtm::cli {

namespace fs = std::filesystem;

namespace {

std::size_t characters(std::string_view s) {
  std::size_t n = 0;
  for (char c : s) n += (static_cast<unsigned char>(c) & 0xC0) != 0x80;
  return n;
}

std::vector<std::string> split_words(const std::string& text) {
  std::istringstream in(text);
  std::vector<std::string> words;
  for (std::string word; in >> word;) words.push_back(word);
  return words;
}

// Reads the expectations of one file of the case.
void read_expectations(TestCase& c, const std::string& name, const std::string& text) {
  static const std::regex caret(R"(^#( *)(\^+) (error|warning|info|note)\[([^\]]+)\]: (.*)$)");
  static const std::regex fix(R"(^#( *)(\^+) fix: (.*)$)");
  static const std::regex explicit_form(
      R"(^# expect@(\d+):(\d+)-(\d+):(\d+): (error|warning|info|note)\[([^\]]+)\]: (.*)$)");
  static const std::regex explicit_fix(R"(^# expect@(\d+):(\d+)-(\d+):(\d+): fix: (.*)$)");
  std::istringstream in(text);
  std::string line;
  std::size_t number = 0, target = 0;
  while (std::getline(in, line)) {
    ++number;
    if (!line.empty() && line.back() == '\r') line.pop_back();
    std::smatch m;
    const auto column = [&](std::size_t i) { return characters(m[1].str()) + 2 + i; };
    if (std::regex_match(line, m, caret)) {
      const std::size_t col = column(0);
      c.expected.insert(name + ":" + std::to_string(target) + ":" + std::to_string(col) + "-" +
                        std::to_string(target) + ":" + std::to_string(col + m[2].length()) + ": " +
                        m[3].str() + "[" + m[4].str() + "]: " + m[5].str());
    } else if (std::regex_match(line, m, fix)) {
      const std::size_t col = column(0);
      c.expected.insert(name + ":" + std::to_string(target) + ":" + std::to_string(col) + "-" +
                        std::to_string(target) + ":" + std::to_string(col + m[2].length()) +
                        ": fix: " + m[3].str());
    } else if (std::regex_match(line, m, explicit_fix)) {
      c.expected.insert(name + ":" + m[1].str() + ":" + m[2].str() + "-" + m[3].str() + ":" +
                        m[4].str() + ": fix: " + m[5].str());
    } else if (std::regex_match(line, m, explicit_form)) {
      c.expected.insert(name + ":" + m[1].str() + ":" + m[2].str() + "-" + m[3].str() + ":" +
                        m[4].str() + ": " + m[5].str() + "[" + m[6].str() + "]: " + m[7].str());
    } else {
      target = number;
    }
  }
}

std::string span_text(const nlohmann::json& d) {
  return d["file"].get<std::string>() + ":" + std::to_string(d["line"].get<int>()) + ":" +
         std::to_string(d["column"].get<int>()) + "-" + std::to_string(d["end_line"].get<int>()) +
         ":" + std::to_string(d["end_column"].get<int>());
}

std::multiset<std::string> actual_findings(const nlohmann::json& report) {
  std::multiset<std::string> actual;
  for (const auto& d : report["diagnostics"]) {
    const std::string rule = d["rule"];
    actual.insert(span_text(d) + ": " + d["severity"].get<std::string>() + "[" + rule +
                  "]: " + d["message"].get<std::string>());
    for (const auto& note : d["notes"]) {
      actual.insert(span_text(note) + ": note[" + rule +
                    "]: " + note["message"].get<std::string>());
    }
    if (d.contains("fix"))
      actual.insert(span_text(d["fix"]) + ": fix: " + d["fix"]["title"].get<std::string>());
  }
  return actual;
}

void compare_sets(const std::multiset<std::string>& expected,
                  const std::multiset<std::string>& actual, std::vector<std::string>& problems) {
  for (const auto& e : expected) {
    if (actual.count(e) < expected.count(e)) problems.push_back("missing:    " + e);
  }
  for (const auto& a : actual) {
    if (expected.count(a) < actual.count(a)) problems.push_back("unexpected: " + a);
  }
}

}  // namespace

TestCase read_test_case(const std::string& text, const std::string& default_name) {
  TestCase c;
  std::string name = default_name, current;
  bool split = false;
  std::istringstream in(text);
  for (std::string line; std::getline(in, line);) {
    if (line.starts_with("# ARGS:")) {
      c.args = split_words(line.substr(7));
      c.args_given = true;
    }
    if (line.starts_with("# EXIT:")) c.exit_code = std::stoi(line.substr(7));
    if (line.starts_with("# --- ")) {
      if (split) c.files.emplace_back(name, current);  // the preamble of a split case is not a file
      name = line.substr(6);
      while (!name.empty() && (name.back() == '\r' || name.back() == ' ')) name.pop_back();
      current.clear();
      split = true;
      continue;
    }
    current += line + "\n";
  }
  if (!text.empty() && text.back() != '\n' && !current.empty()) current.pop_back();
  c.files.emplace_back(name, current);
  for (const auto& [file, body] : c.files)
    read_expectations(c, file.substr(0, file.find(" -> ")), body);
  return c;
}

void write_test_case(const TestCase& c, const fs::path& dir) {
  for (const auto& [name, body] : c.files) {
    const std::size_t arrow = name.find(" -> ");
    fs::create_directories((dir / name.substr(0, arrow)).parent_path());
    if (arrow != std::string::npos) {
      fs::create_symlink(name.substr(arrow + 4), dir / name.substr(0, arrow));
    } else {
      std::ofstream(dir / name, std::ios::binary) << body;
    }
  }
}

int run_in(const fs::path& dir, const std::vector<std::string>& args, std::string& out,
           std::string& err) {
  const fs::path previous = fs::current_path();
  fs::current_path(dir);
  std::ostringstream out_stream, err_stream;
  const int code = gtm::cli::run(args, {out_stream, err_stream, false, {}});
  fs::current_path(previous);
  out = out_stream.str();
  err = err_stream.str();
  return code;
}

std::vector<std::string> run_check_case(const TestCase& c, const fs::path& dir) {
  // Findings are compared through the JSON form; the case's own format is for its snapshot.
  std::vector<std::string> json_args;
  for (std::size_t i = 0; i < c.args.size(); ++i) {
    const bool known_format =
        i + 1 < c.args.size() &&
        std::regex_match(c.args[i + 1], std::regex("(human|json|sarif|github)(=.*)?"));
    if (c.args[i] == "--format" && known_format)
      ++i;
    else
      json_args.push_back(c.args[i]);
  }
  json_args.insert(json_args.begin() + 1, {"--format", "json"});
  std::string out, err;
  const int code = run_in(dir, json_args, out, err);
  std::vector<std::string> problems;
  if (code == 2) {
    if (!c.exit_code)
      problems.push_back("gtmlint failed (exit 2): " + err);
    else if (*c.exit_code != 2)
      problems.push_back("exit status 2: " + err);
    return problems;
  }
  const auto report = nlohmann::json::parse(out);
  compare_sets(c.expected, actual_findings(report), problems);
  const bool any_error = report["summary"]["errors"].get<int>() > 0;
  const int wanted = c.exit_code.value_or(any_error ? 1 : 0);
  if (code != wanted) {
    problems.push_back("exit status " + std::to_string(code) + ", expected " +
                       std::to_string(wanted));
  }
  return problems;
}

}  // namespace gtm::cli
