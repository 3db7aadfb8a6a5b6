// Golden-file test runner: one `.gtm` case in, pass or fail out (one CTest test per case).
//
// A case is a `.gtm` file whose expected findings are written in its comments:
//   # ARGS: check --today 2026-11-01      the command line (default `check`)
//   # --- people.gtm                      starts another file of a multi-file workspace
//   # --- link.gtm -> TARGET              a symbolic link to TARGET instead of a file
//   #        ^^^^ error[rule]: message     a finding under the line above, at the caret columns
//   #        ^^^^ note[rule]: message      a note of a finding of that rule
//   #        ^^^^ fix: title               the fix of the finding reported at that span
//   # expect@3:1-3:9: error[rule]: msg    a finding anywhere (line:col-line:col in this file)
//   # expect@3:1-3:9: fix: title          a fix anywhere
//   # EXIT: 2                             the exit status (default 1 with an error, else 0)
// Every reported finding, note and fix must be listed, and nothing else. If NAME.out exists
// beside the case, the command's whole standard output must equal it (`--update` rewrites it).
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <iostream>
#include <nlohmann/json.hpp>
#include <regex>
#include <set>
#include <sstream>

#include "cli/cli.hpp"
#include "compiler/syntax/workspace.hpp"

namespace fs = std::filesystem;

namespace {

struct Case {
  std::vector<std::string> args{"check"};
  std::vector<std::pair<std::string, std::string>> files;  // name, text
  std::multiset<std::string> expected;
  std::optional<int> exit_code;
};

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
void read_expectations(Case& c, const std::string& name, const std::string& text) {
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

Case read_case(const std::string& text, const std::string& default_name) {
  Case c;
  std::string name = default_name, current;
  bool split = false;
  std::istringstream in(text);
  for (std::string line; std::getline(in, line);) {
    if (line.starts_with("# ARGS:")) c.args = split_words(line.substr(7));
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

bool compare_sets(const std::multiset<std::string>& expected,
                  const std::multiset<std::string>& actual) {
  bool ok = true;
  for (const auto& e : expected) {
    if (actual.count(e) < expected.count(e)) {
      std::cout << "missing:    " << e << "\n";
      ok = false;
    }
  }
  for (const auto& a : actual) {
    if (expected.count(a) < actual.count(a)) {
      std::cout << "unexpected: " << a << "\n";
      ok = false;
    }
  }
  return ok;
}

}  // namespace

int main(int argc, char** argv) {
  if (argc < 2) {
    std::cerr << "usage: golden_runner CASE.gtm [--update]\n";
    return 2;
  }
  const fs::path case_path = fs::absolute(argv[1]);
  const bool update = argc > 2 && std::string(argv[2]) == "--update";
  std::string error;
  const auto text = gtm::read_file(case_path, &error);
  if (!text) {
    std::cerr << "cannot read " << case_path << ": " << error << "\n";
    return 2;
  }
  const Case c = read_case(*text, case_path.filename().string());

  char dir_template[] = "/tmp/gtmlint-golden-XXXXXX";
  const fs::path dir = mkdtemp(dir_template);
  for (const auto& [name, body] : c.files) {
    const std::size_t arrow = name.find(" -> ");
    fs::create_directories((dir / name.substr(0, arrow)).parent_path());
    if (arrow != std::string::npos) {
      fs::create_symlink(name.substr(arrow + 4), dir / name.substr(0, arrow));
    } else {
      std::ofstream(dir / name, std::ios::binary) << body;
    }
  }

  // `check` cases compare findings through the JSON form; other commands only their output.
  const bool is_check = !c.args.empty() && c.args[0] == "check";
  std::vector<std::string> json_args;
  for (std::size_t i = 0; i < c.args.size(); ++i) {
    const bool known_format =
        i + 1 < c.args.size() &&
        std::regex_match(c.args[i + 1], std::regex("(human|json|sarif|github)(=.*)?"));
    if (is_check && c.args[i] == "--format" && known_format)
      ++i;  // the case's own format is for its .out
    else
      json_args.push_back(c.args[i]);
  }
  if (is_check) json_args.insert(json_args.begin() + 1, {"--format", "json"});
  std::string out, err;
  const int code = run_in(dir, json_args, out, err);
  bool ok = true;
  if (!is_check) {
    if (code != c.exit_code.value_or(0)) {
      std::cout << "exit status " << code << ", expected " << c.exit_code.value_or(0) << "\n";
      ok = false;
    }
  } else if (code == 2 && !c.exit_code) {
    std::cout << "gtmlint failed (exit 2): " << err << "\n";
    ok = false;
  } else if (code == 2) {
    if (code != *c.exit_code) ok = false;
  } else {
    const auto report = nlohmann::json::parse(out);
    ok = compare_sets(c.expected, actual_findings(report));
    const bool any_error = report["summary"]["errors"].get<int>() > 0;
    const int wanted = c.exit_code.value_or(any_error ? 1 : 0);
    if (code != wanted) {
      std::cout << "exit status " << code << ", expected " << wanted << "\n";
      ok = false;
    }
  }

  fs::path snapshot = case_path;
  snapshot.replace_extension(".out");
  if (fs::exists(snapshot) || update) {
    std::string shown, shown_err;
    run_in(dir, c.args, shown, shown_err);
    shown += shown_err;
    if (update) {
      std::ofstream(snapshot, std::ios::binary) << shown;
    } else if (shown != *gtm::read_file(snapshot, &error)) {
      std::cout << "output differs from " << snapshot.filename() << "; actual output:\n" << shown;
      ok = false;
    }
  }
  fs::remove_all(dir);
  return ok ? 0 : 1;
}
