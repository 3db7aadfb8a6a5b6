// The language server's typed messages: read once from JSON, positions clamped, a missing
// required member an exception the server turns into InvalidParams.
#include <catch2/catch.hpp>

#include "cli/lsp/messages.hpp"

using namespace gtm;
using namespace gtm::lsp;

TEST_CASE("a position reads LSP uintegers and clamps whatever else a client sends") {
  CHECK(Json::parse(R"({"line": 3, "character": 7})").get<Position>().line == 3);
  const Position odd = Json::parse(R"({"line": -4, "character": 1e300})").get<Position>();
  CHECK(odd.line == 0);
  CHECK(odd.character == UINT32_MAX);
  const Position text = Json::parse(R"({"line": "2", "character": 2.5})").get<Position>();
  CHECK(text.line == 0);
  CHECK(text.character == 2);
  CHECK(Json::parse("null").get<Position>().line == 0);
}

TEST_CASE("didChange reads whole-text and ranged changes and an optional version") {
  const auto change = Json::parse(R"({
    "textDocument": {"uri": "file:///w/a.gtm", "version": 7},
    "contentChanges": [{"text": "all"},
                       {"range": {"start": {"line": 0, "character": 1},
                                  "end": {"line": 0, "character": 2}}, "text": "x"}]})")
                          .get<DidChangeParams>();
  CHECK(change.uri == "file:///w/a.gtm");
  CHECK(change.version == 7);
  REQUIRE(change.changes.size() == 2);
  CHECK_FALSE(change.changes[0].range);
  REQUIRE(change.changes[1].range);
  CHECK(change.changes[1].range->end.character == 2);
  const auto unversioned =
      Json::parse(R"({"textDocument": {"uri": "u"}, "contentChanges": []})").get<DidChangeParams>();
  CHECK_FALSE(unversioned.version);
}

TEST_CASE("a missing required member is an exception, not a default") {
  CHECK_THROWS_AS(Json::parse(R"({"textDocument": {"uri": "u"}})").get<PositionParams>(),
                  Json::exception);
  CHECK_THROWS_AS(Json::parse(R"({"textDocument": {"text": ""}})").get<DidOpenParams>(),
                  Json::exception);
  CHECK_THROWS_AS(
      Json::parse(R"({"textDocument": {"uri": "u"}, "position": {}})").get<RenameParams>(),
      Json::exception);
}

TEST_CASE("references and rename carry their own members") {
  const auto refs = Json::parse(R"({"textDocument": {"uri": "u"}, "position": {"line": 1},
                                    "context": {"includeDeclaration": true}})")
                        .get<ReferenceParams>();
  CHECK(refs.include_declaration);
  CHECK(refs.position.line == 1);
  const auto rename = Json::parse(R"({"textDocument": {"uri": "u"}, "position": {},
                                      "newName": "ana"})")
                          .get<RenameParams>();
  CHECK(rename.new_name == "ana");
}

TEST_CASE("initialize takes the root from workspaceFolders, then rootUri, then rootPath") {
  CHECK(Json::parse(R"({"workspaceFolders": [{"uri": "file:///a"}], "rootUri": "file:///b"})")
            .get<InitializeParams>()
            .root == "/a");
  CHECK(Json::parse(R"({"rootUri": "file:///b"})").get<InitializeParams>().root == "/b");
  CHECK(Json::parse(R"({"rootPath": "/c"})").get<InitializeParams>().root == "/c");
  CHECK_FALSE(Json::parse("{}").get<InitializeParams>().root);
}
