// The driver's colour decision and exit codes, run in-process.
#include <catch2/catch.hpp>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "cli/cli.hpp"

namespace {

struct Run {
  int code;
  std::string out, err;
};

Run run_in(const std::filesystem::path& dir, std::vector<std::string> args, bool terminal) {
  const auto previous = std::filesystem::current_path();
  std::filesystem::current_path(dir);
  std::ostringstream out, err;
  const int code = gtm::cli::run(args, {out, err, terminal, {}});
  std::filesystem::current_path(previous);
  return {code, out.str(), err.str()};
}

std::filesystem::path workspace_with(const std::string& text) {
  char dir_template[] = "/tmp/gtmlint-cli-XXXXXX";
  const std::filesystem::path dir = mkdtemp(dir_template);
  std::ofstream(dir / "a.gtm") << text;
  return dir;
}

}  // namespace

TEST_CASE("colour on a terminal unless NO_COLOR is set") {
  const auto dir = workspace_with("person ana { team sdr }\n");
  unsetenv("NO_COLOR");
  CHECK(run_in(dir, {"check"}, true).out.find('\x1b') != std::string::npos);
  CHECK(run_in(dir, {"check"}, false).out.find('\x1b') == std::string::npos);
  setenv("NO_COLOR", "1", 1);
  CHECK(run_in(dir, {"check"}, true).out.find('\x1b') == std::string::npos);
  unsetenv("NO_COLOR");
  std::filesystem::remove_all(dir);
}

TEST_CASE("exit codes: 0 clean, 1 errors, 2 usage") {
  const auto clean = workspace_with("person ana { name = \"Ana\" }\n");
  CHECK(run_in(clean, {"check"}, false).code == 0);
  const auto broken = workspace_with("person ana { name }\n");
  CHECK(run_in(broken, {"check"}, false).code == 1);
  CHECK(run_in(broken, {"check", "--nope"}, false).code == 2);
  std::filesystem::remove_all(clean);
  std::filesystem::remove_all(broken);
}

TEST_CASE("GTMLINT_TODAY must be a date when used") {
  const auto dir = workspace_with("");
  setenv("GTMLINT_TODAY", "2026-99-01", 1);
  const Run run = run_in(dir, {"check"}, false);
  unsetenv("GTMLINT_TODAY");
  CHECK(run.code == 2);
  CHECK(run.err.find("GTMLINT_TODAY `2026-99-01` is not a date") != std::string::npos);
  std::filesystem::remove_all(dir);
}

namespace {

void write(const std::filesystem::path& file, const std::string& text) {
  std::ofstream(file) << text;
}

}  // namespace

TEST_CASE("baseline round trip: write, re-run clean, add a violation, fail on exactly that one") {
  const auto dir = workspace_with(
      "person dana { name = \"Dana\" }\n"
      "system salesforce { kind = crm }\n"
      "system hubspot { kind = map }\n");
  const std::vector<std::string> today = {"--today", "2026-11-01"};
  auto args = [&](std::vector<std::string> extra) {
    std::vector<std::string> all = {"check"};
    all.insert(all.end(), today.begin(), today.end());
    all.insert(all.end(), extra.begin(), extra.end());
    return all;
  };
  REQUIRE(run_in(dir, args({}), false).code == 1);  // two systems without an owner

  const Run written = run_in(dir, args({"--write-baseline", "gtmlint.baseline.json"}), false);
  CHECK(written.code == 0);
  CHECK(written.err == "gtmlint: wrote 2 findings to gtmlint.baseline.json\n");

  const Run clean =
      run_in(dir, args({"--baseline", "gtmlint.baseline.json", "--format", "json"}), false);
  CHECK(clean.code == 0);
  CHECK(clean.out.find("\"diagnostics\": []") != std::string::npos);
  CHECK(clean.err ==
        "gtmlint: 2 findings accepted by the baseline; 0 baselined findings are fixed\n");

  // Unrelated edits (new lines above, reformatting) do not disturb the baseline; a new
  // violation is the only finding.
  write(dir / "a.gtm",
        "# moved down by a comment\n\n"
        "person dana { name = \"Dana\" }\n"
        "system salesforce {\n  kind = crm\n}\n"
        "system hubspot { kind = map }\n"
        "system looker { kind = bi }\n");
  const Run added = run_in(dir, args({"--baseline", "gtmlint.baseline.json"}), false);
  CHECK(added.code == 1);
  CHECK(added.out.find("a.gtm:8:1: error[owner-required]: system `looker` has no owner") !=
        std::string::npos);
  CHECK(added.out.find("gtmlint: 1 error,") != std::string::npos);

  // Fixing a baselined finding is reported so that the baseline can shrink.
  write(dir / "a.gtm",
        "person dana { name = \"Dana\" }\n"
        "system salesforce { kind = crm  owner = dana }\n"
        "system hubspot { kind = map }\n");
  const Run fixed = run_in(dir, args({"--baseline", "gtmlint.baseline.json"}), false);
  CHECK(fixed.code == 0);
  CHECK(fixed.err ==
        "gtmlint: 1 finding accepted by the baseline; 1 baselined finding is fixed (run with "
        "--write-baseline to shrink the file)\n");

  CHECK(run_in(dir, args({"--baseline", "missing.json"}), false).code == 2);
  std::filesystem::remove_all(dir);
}

TEST_CASE("baseline with paths: findings of other files are neither reported nor fixed") {
  const auto dir = workspace_with("system salesforce { kind = crm }\n");
  write(dir / "b.gtm", "system hubspot { kind = map }\n");
  auto check = [&](std::vector<std::string> extra) {
    std::vector<std::string> all = {"check", "--today", "2026-11-01"};
    all.insert(all.end(), extra.begin(), extra.end());
    return run_in(dir, all, false);
  };
  // Written from one path (as a hook would), the baseline still records the whole workspace.
  const Run written = check({"--write-baseline", "gtmlint.baseline.json", "a.gtm"});
  CHECK(written.err == "gtmlint: wrote 2 findings to gtmlint.baseline.json\n");

  const Run one = check({"--baseline", "gtmlint.baseline.json", "a.gtm"});
  CHECK(one.code == 0);
  CHECK(one.err == "gtmlint: 1 finding accepted by the baseline; 0 baselined findings are fixed\n");

  // Fixing the finding in b.gtm is only counted where b.gtm is checked.
  write(dir / "b.gtm",
        "person dana { name = \"Dana\" }\nsystem hubspot { kind = map  owner = dana }\n");
  CHECK(check({"--baseline", "gtmlint.baseline.json", "a.gtm"}).err ==
        "gtmlint: 1 finding accepted by the baseline; 0 baselined findings are fixed\n");
  CHECK(check({"--baseline", "gtmlint.baseline.json"}).err ==
        "gtmlint: 1 finding accepted by the baseline; 1 baselined finding is fixed (run with "
        "--write-baseline to shrink the file)\n");
  std::filesystem::remove_all(dir);
}

TEST_CASE("rule selectors: ids, categories and prefixes; a typo is a usage error") {
  const auto dir = workspace_with("system salesforce { kind = crm }\nteam sdr { }\n");
  const auto findings = [&](std::vector<std::string> extra) {
    std::vector<std::string> all = {"check", "--format", "json"};
    all.insert(all.end(), extra.begin(), extra.end());
    return run_in(dir, all, false);
  };
  CHECK(findings({"--select", "owner-required"}).out.find("owner-required") != std::string::npos);
  CHECK(findings({"--select", "owner"}).out.find("owner-required") != std::string::npos);
  CHECK(findings({"--select", "owner-"}).out.find("owner-required") != std::string::npos);
  CHECK(findings({"--select", "ownership"}).out.find("owner-required") != std::string::npos);
  CHECK(findings({"--ignore", "ownership"}).out.find("owner-required") == std::string::npos);
  CHECK(findings({"--select", "routing"}).out.find("owner-required") == std::string::npos);

  const Run typo = findings({"--select", "owner-requird"});
  CHECK(typo.code == 2);
  CHECK(typo.out.empty());
  CHECK(typo.err.find("did you mean `owner-required`?") != std::string::npos);
  const Run ignored = findings({"--ignore", "owner-req"});  // part of a word is not a prefix
  CHECK(ignored.code == 2);
  std::filesystem::remove_all(dir);
}

TEST_CASE("strict mode fails on warnings, a severity threshold hides findings, quiet is quiet") {
  const auto dir = workspace_with("team sdr { channel = \"#sdr\" }\n");  // a warning only
  CHECK(run_in(dir, {"check"}, false).code == 0);
  CHECK(run_in(dir, {"check", "--strict"}, false).code == 1);
  CHECK(run_in(dir, {"check", "--severity", "error"}, false).out ==
        "gtmlint: 0 errors, 0 warnings, 0 infos in 1 file (1 entity)\n");
  CHECK(run_in(dir, {"check", "--severity", "error", "--quiet"}, false).out.empty());
  CHECK(run_in(dir, {"check", "--severity", "fatal"}, false).code == 2);
  std::filesystem::remove_all(dir);
}

TEST_CASE("several formats at once: human to the terminal, SARIF and JSON to files") {
  const auto dir = workspace_with("system salesforce { kind = crm }\n");
  const Run run = run_in(
      dir,
      {"check", "--format", "human", "--format", "sarif=out.sarif", "--format", "json=out.json"},
      false);
  CHECK(run.code == 1);
  CHECK(run.out.find("error[owner-required]") != std::string::npos);
  CHECK(std::filesystem::file_size(dir / "out.sarif") > 1000);
  CHECK(std::filesystem::file_size(dir / "out.json") > 100);
  CHECK(run_in(dir, {"check", "--format", "json", "--output", "only.json"}, false).out.empty());
  CHECK(std::filesystem::exists(dir / "only.json"));
  CHECK(run_in(dir, {"check", "--format", "json", "--format", "sarif", "--output", "x"}, false)
            .code == 2);
  std::filesystem::remove_all(dir);
}

TEST_CASE("files that are not .gtm are ignored, as pre-commit may pass them") {
  const auto dir = workspace_with("system salesforce { kind = crm }\n");
  write(dir / "README.md", "# not gtm\n");
  const Run run = run_in(dir, {"check", "README.md"}, false);
  CHECK(run.code == 0);
  CHECK(run.out == "gtmlint: 0 errors, 0 warnings, 0 infos in 0 files (1 entity)\n");
  std::filesystem::remove_all(dir);
}

TEST_CASE("every command answers --help and -h with its usage, whatever follows") {
  const auto dir = workspace_with("person ana { name = \"Ana\" }\n");
  for (const char* command :
       {"check", "fmt", "route", "graph", "debt", "export", "lsp", "import", "rules", "explain"}) {
    for (const char* flag : {"--help", "-h"}) {
      INFO(command << " " << flag);
      const Run run = run_in(dir, {command, flag}, false);
      CHECK(run.code == 0);
      CHECK(run.out.starts_with(std::string("usage: gtmlint ") + command));
      CHECK(run.err.empty());
    }
  }
  CHECK(run_in(dir, {"import", "sfdx", "--help"}, false).out.starts_with("usage: gtmlint import"));
  CHECK(run_in(dir, {"--help"}, false).out.starts_with("gtmlint: a linter"));
  std::filesystem::remove_all(dir);
}

TEST_CASE("an unknown command is a usage error; an existing path or a .gtm file is checked") {
  const auto dir = workspace_with("person ana { name = \"Ana\" }\n");
  const Run typo = run_in(dir, {"chek"}, false);
  CHECK(typo.code == 2);
  CHECK(typo.err == "gtmlint: unknown command `chek`; did you mean `check`?\n");
  CHECK(run_in(dir, {"a.gtm"}, false).code == 0);        // a file is still the default check
  CHECK(run_in(dir, {"missing.gtm"}, false).code == 2);  // a path that does not exist
  CHECK(run_in(dir, {"missing.gtm"}, false).err.find("cannot read") != std::string::npos);
  std::filesystem::create_directory(dir / "emea");
  CHECK(run_in(dir, {"emea"}, false).code == 0);  // an existing folder is a path
  std::filesystem::remove_all(dir);
}
