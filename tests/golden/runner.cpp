// Golden-file test runner: one `.gtm` case in, pass or fail out (one CTest test per case). The case
// format is cli/test_case.hpp's (the one `gtmlint test` runs). If NAME.out exists beside the case,
// the command's whole standard output must equal it (`--update` rewrites it).
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <iostream>

#include "cli/test_case.hpp"
#include "compiler/syntax/workspace.hpp"

namespace fs = std::filesystem;

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
  const gtm::cli::TestCase c = gtm::cli::read_test_case(*text, case_path.filename().string());

  char dir_template[] = "/tmp/gtmlint-golden-XXXXXX";
  const fs::path dir = mkdtemp(dir_template);
  gtm::cli::write_test_case(c, dir);
  // `check` cases compare findings; other commands only their exit status and output.
  const bool is_check = !c.args.empty() && c.args[0] == "check";
  bool ok = true;
  if (is_check) {
    for (const std::string& problem : gtm::cli::run_check_case(c, dir)) {
      std::cout << problem << "\n";
      ok = false;
    }
  } else {
    std::string out, err;
    const int code = gtm::cli::run_in(dir, c.args, out, err);
    if (code != c.exit_code.value_or(0)) {
      std::cout << "exit status " << code << ", expected " << c.exit_code.value_or(0) << "\n";
      ok = false;
    }
  }

  fs::path snapshot = case_path;
  snapshot.replace_extension(".out");
  if (fs::exists(snapshot) || update) {
    std::string shown, shown_err;
    gtm::cli::run_in(dir, c.args, shown, shown_err);
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
