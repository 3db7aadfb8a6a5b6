// Each resource limit of compiler/base/limits.hpp, at the limit and one step beyond it.
#include <fmt/format.h>
#include <unistd.h>
#include <catch2/catch.hpp>

#include <fstream>
#include <sstream>
#include <thread>

#include "cli/cli.hpp"
#include "cli/lsp/transport.hpp"
#include "compiler/base/limits.hpp"
#include "compiler/base/user_regex.hpp"
#include "compiler/syntax/workspace.hpp"
#include "tests/parsed.hpp"

using namespace gtm;
using gtm::testing::Parsed;

namespace {

std::size_t count_rule(const Parsed& p, std::string_view rule) {
  std::size_t n = 0;
  for (const Diagnostic& d : p.diagnostics.items()) n += d.rule == rule;
  return n;
}

std::string nested_list(std::size_t depth) {
  return "x { a = " + std::string(depth, '[') + "1" + std::string(depth, ']') + " }\n";
}

struct TempDir {
  fs::path path;
  TempDir() {
    char dir_template[] = "/tmp/gtmlint-limits-XXXXXX";
    path = fs::canonical(mkdtemp(dir_template));
    std::ofstream(path / "gtmlint.gtm") << "";
  }
  ~TempDir() { fs::remove_all(path); }
};

int check_exit(const fs::path& dir, std::string& err) {
  const auto previous = fs::current_path();
  fs::current_path(dir);
  std::ostringstream out, errors;
  const int code = cli::run({"check", "--select", "limit,encoding"}, {out, errors, false, {}});
  fs::current_path(previous);
  err = errors.str();
  return code;
}

}  // namespace

TEST_CASE("a string at the length limit is accepted; one byte more is reported") {
  const std::string at(limits::kMaxStringBytes, 'a');
  CHECK(count_rule(Parsed("x { a = \"" + at + "\" }\n"), "limit") == 0);
  CHECK(count_rule(Parsed("x { a = \"" + at + "a\" }\n"), "limit") == 1);
  CHECK(count_rule(Parsed("x { a = \"\"\"\n" + at + "a\"\"\" }\n"), "limit") == 1);
}

TEST_CASE("a file at the size limit is parsed; one byte more is not") {
  std::string at(limits::kMaxFileBytes, ' ');
  const Parsed fits(at);
  CHECK(fits.diagnostics.items().empty());
  at += ' ';
  const Parsed over(at);
  REQUIRE(over.diagnostics.items().size() == 1);
  CHECK(over.diagnostics.items()[0].rule == "limit");
  CHECK(over.source.too_large());
}

TEST_CASE("nesting: 64 levels parse, 65 are a syntax error, 100,000 do not overflow the stack") {
  // The attribute's value is one level; each bracket around it adds one.
  CHECK(Parsed(nested_list(limits::kMaxNesting - 1)).diagnostics.items().empty());
  const Parsed over(nested_list(limits::kMaxNesting));
  REQUIRE(over.diagnostics.items().size() == 1);
  CHECK(over.diagnostics.items()[0].message.starts_with("nesting is too deep"));
  const Parsed deep("r { w = " + std::string(100000, '(') + std::string(100000, ')') + " }\n");
  CHECK(deep.diagnostics.items().size() == 1);
}

TEST_CASE("syntax errors: 100 are reported, past them the rest of the file is skipped") {
  std::string text;
  for (std::size_t i = 0; i < limits::kMaxSyntaxErrors; ++i) text += "person a { b }\n";
  const Parsed at(text);
  CHECK(count_rule(at, "syntax") == limits::kMaxSyntaxErrors);
  CHECK(count_rule(at, "limit") == 0);
  const Parsed over(text + "person a { b }\nperson a { b }\n");
  CHECK(count_rule(over, "syntax") == limits::kMaxSyntaxErrors);
  CHECK(count_rule(over, "limit") == 1);
}

TEST_CASE("user regular expressions: size and compiled memory are capped") {
  CHECK(compile_user_regex(std::string(limits::kMaxRegexBytes, 'a')).regex != nullptr);
  const UserRegex long_pattern = compile_user_regex(std::string(limits::kMaxRegexBytes + 1, 'a'));
  CHECK(long_pattern.regex == nullptr);
  CHECK(long_pattern.error.find("over the limit") != std::string::npos);
  const UserRegex huge = compile_user_regex("\\pL{1000}");
  CHECK(huge.regex == nullptr);
  CHECK(huge.error.find("too large") != std::string::npos);
  CHECK(compile_user_regex("(").error.starts_with("invalid regular expression"));
}

TEST_CASE("language server messages: one at the size limit is read, one byte more is skipped") {
  int fds[2];
  REQUIRE(pipe(fds) == 0);
  const auto frame = [](std::size_t size) {
    return "Content-Length: " + std::to_string(size) + "\r\n\r\n" + std::string(size, ' ');
  };
  std::thread writer([&] {
    for (const std::string& message :
         {frame(limits::kMaxLspMessageBytes), frame(limits::kMaxLspMessageBytes + 1), frame(2)}) {
      for (std::size_t done = 0; done < message.size();) {
        const ssize_t n = write(fds[1], message.data() + done, message.size() - done);
        REQUIRE(n > 0);
        done += static_cast<std::size_t>(n);
      }
    }
    close(fds[1]);
  });
  lsp::FdTransport transport(fds[0], -1);
  std::string body;
  CHECK(transport.read(body, std::nullopt) == lsp::Transport::Status::Message);
  CHECK(body.size() == limits::kMaxLspMessageBytes);
  CHECK(transport.read(body, std::nullopt) == lsp::Transport::Status::TooLarge);
  CHECK(transport.read(body, std::nullopt) == lsp::Transport::Status::Message);
  CHECK(body.size() == 2);
  CHECK(transport.read(body, std::nullopt) == lsp::Transport::Status::Closed);
  writer.join();
  close(fds[0]);
}

TEST_CASE("workspace: at most 20,000 files; one more is a clear error, exit 2") {
  TempDir dir;
  for (std::size_t i = 1; i < limits::kMaxFiles; ++i) {  // gtmlint.gtm is the first
    std::ofstream(dir.path / fmt::format("f{}.gtm", i)) << "";
  }
  std::string err;
  CHECK(check_exit(dir.path, err) == 0);
  std::ofstream(dir.path / "one_more.gtm") << "";
  CHECK(check_exit(dir.path, err) == 2);
  CHECK(err.find("over the limit of 20000") != std::string::npos);
}

TEST_CASE("workspace: at most 256 MiB of .gtm in all; more is a clear error, exit 2") {
  TempDir dir;
  const std::size_t files = limits::kMaxWorkspaceBytes / limits::kMaxFileBytes;
  for (std::size_t i = 0; i < files; ++i) {  // sparse files: NUL bytes, so binary (exit 1)
    const fs::path file = dir.path / fmt::format("f{}.gtm", i);
    std::ofstream{file};
    fs::resize_file(file, limits::kMaxFileBytes);
  }
  std::string err;
  CHECK(check_exit(dir.path, err) == 1);
  std::ofstream(dir.path / "one_more.gtm") << "x";
  CHECK(check_exit(dir.path, err) == 2);
  CHECK(err.find("over the limit of 268435456 bytes") != std::string::npos);
}
