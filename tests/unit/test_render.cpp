// The human renderer's layout and colour, and the colour decision.
#include <catch2/catch.hpp>

#include "compiler/render.hpp"

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
