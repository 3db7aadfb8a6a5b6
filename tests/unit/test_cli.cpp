// The driver's colour decision and exit codes, run in-process.
#include <catch2/catch.hpp>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>

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
  const int code = gtm::cli::run(args, {out, err, terminal});
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
