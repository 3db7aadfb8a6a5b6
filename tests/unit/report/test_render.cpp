// The human renderer's layout and colour, the colour decision, and the JSON writer's layout.
#include <catch2/catch.hpp>

#include <nlohmann/json.hpp>

#include "compiler/base/json_text.hpp"
#include "compiler/report/json_writer.hpp"
#include "compiler/report/render.hpp"

using namespace gtm;

namespace {

struct Rendered {
  SourceSet sources;
  std::vector<Diagnostic> diagnostics;
  Rendered() {
    sources.add("p.gtm", "person\tana { team sdr }\n");
    Diagnostic d;
    d.rule = "syntax";
    d.span = {0, 18, 21};
    d.message = "expected `=` after `team`, found `sdr`";
    d.help = "write `team = sdr`";
    d.notes.push_back({{0, 7, 10}, "the person"});
    diagnostics.push_back(d);
  }
  std::string human(bool colour) const {
    return render_human(sources, diagnostics, summarise(diagnostics, 1, 1), colour);
  }
};

}  // namespace

TEST_CASE("human output: location, snippet, carets aligned through tabs, notes, help") {
  CHECK(Rendered().human(false) ==
        "p.gtm:1:19: error[syntax]: expected `=` after `team`, found `sdr`\n"
        "    1 | person\tana { team sdr }\n"
        "      |       \t           ^^^\n"
        "p.gtm:1:8: note: the person\n"
        "    1 | person\tana { team sdr }\n"
        "      |       \t^^^\n"
        "  help: write `team = sdr`\n"
        "gtmlint: 1 error, 0 warnings, 0 infos in 1 file (1 entity)\n");
}

TEST_CASE("colour uses ANSI escapes only when asked") {
  CHECK(Rendered().human(false).find('\x1b') == std::string::npos);
  const std::string coloured = Rendered().human(true);
  CHECK(coloured.find("\x1b[1;31merror[syntax]\x1b[0m") != std::string::npos);
}

TEST_CASE("summary counts each severity") {
  std::vector<Diagnostic> list(3);
  list[1].severity = Severity::Warning;
  list[2].severity = Severity::Info;
  const Summary s = summarise(list, 4, 9);
  CHECK(s.errors == 1);
  CHECK(s.warnings == 1);
  CHECK(s.infos == 1);
  CHECK(s.files == 4);
  CHECK(s.entities == 9);
}

TEST_CASE("the JSON writer lays documents out byte for byte as nlohmann's dump(2) does") {
  std::string awkward = "quote \" backslash \\ slash / tab \t newline \n bell \x07 del \x7f é ✓";
  awkward += std::string(1, '\0') + "\x1f end";
  const std::string invalid = "bad \xC3\x28 and \xFF bytes";
  nlohmann::ordered_json expected = {
      {"text", awkward},
      {"invalid", invalid},
      {"number", 4294967296u},
      {"empty_list", nlohmann::ordered_json::array()},
      {"empty_object", nlohmann::ordered_json::object()},
      {"list", {{{"a", "x"}}, nlohmann::ordered_json::array(), "y"}},
  };
  JsonWriter out;
  out.begin_object();
  out.key("text");
  out.value(awkward);
  out.key("invalid");
  out.value(invalid);
  out.key("number");
  out.value(std::uint64_t{4294967296u});
  out.key("empty_list");
  out.begin_array();
  out.end_array();
  out.key("empty_object");
  out.begin_object();
  out.end_object();
  out.key("list");
  out.begin_array();
  out.begin_object();
  out.key("a");
  out.value("x");
  out.end_object();
  out.begin_array();
  out.end_array();
  out.value("y");
  out.end_array();
  out.end_object();
  CHECK(out.take() == json_text(expected, 2) + "\n");
}
