// The grammar's shape and the syntax tree the parser builds.
#include <catch2/catch.hpp>
#include <tao/pegtl/contrib/analyze.hpp>

#include <array>
#include <random>
#include <string>
#include <string_view>

#include "compiler/syntax/parse.hpp"
#include "grammar/grammar.hpp"
#include "grammar/lookahead.hpp"
#include "tests/lookahead_agreement.hpp"
#include "tests/parsed.hpp"

using namespace gtm;

namespace {

struct Parsed : testing::Parsed {
  using testing::Parsed::Parsed;
  const Expr& value(std::size_t attribute) const {
    return file.exprs[file.attributes[attribute].value];
  }
  const Expr& child(const Expr& e, std::size_t i) const { return file.exprs[file.children(e)[i]]; }
  // A Lisp-like rendering of an expression, to check structure and precedence.
  std::string show(const Expr& e) const {
    std::string out;
    switch (e.kind) {
      case ExprKind::And:
        out = "and";
        break;
      case ExprKind::Or:
        out = "or";
        break;
      case ExprKind::Not:
        out = "not";
        break;
      case ExprKind::Mapping:
        out = "->";
        break;
      case ExprKind::Compare:
        out = std::string(compare_op_text(e.op));
        break;
      case ExprKind::List:
        out = "list";
        break;
      case ExprKind::Paren:
        out = "paren";
        break;
      case ExprKind::Call:
        out = "call " + std::string(e.text);
        break;
      default:
        return std::string(e.text);
    }
    for (ExprId id : file.children(e)) out += " " + show(file.exprs[id]);
    return "(" + out + ")";
  }
};

}  // namespace

TEST_CASE("the grammar has no rule that can loop without consuming input") {
  CHECK(tao::pegtl::analyze<grammar::top_block_start>() == 0);
  CHECK(tao::pegtl::analyze<grammar::ws>() == 0);
}

TEST_CASE("blocks, labels and attributes") {
  Parsed p(
      "person dana { name = \"Dana\" }\nfield sf.lead.x { rule a { when = x } }\n"
      "dashboard \"Pipeline health\" {}\nsettings {}\n");
  REQUIRE(p.diagnostics.items().empty());
  REQUIRE(p.file.top_level.size() == 4);
  const Block& person = p.file.blocks[p.file.top_level[0]];
  CHECK(person.kind == "person");
  CHECK(person.label == "dana");
  CHECK(person.label_kind == LabelKind::Path);
  const Block& field = p.file.blocks[p.file.top_level[1]];
  CHECK(field.label == "sf.lead.x");
  REQUIRE(p.file.members_of(field).size() == 1);
  CHECK(p.file.members_of(field)[0].is_block);
  const Block& dashboard = p.file.blocks[p.file.top_level[2]];
  CHECK(dashboard.label_kind == LabelKind::String);
  CHECK(dashboard.label == "Pipeline health");
  CHECK(p.file.blocks[p.file.top_level[3]].label_kind == LabelKind::None);
}

TEST_CASE("operator precedence: or < and < not < comparison < mapping") {
  Parsed p(
      "x {\n a = p or q and r\n b = not a == 1 and b in [1, 2,]\n c = a -> b\n"
      " d = (p or q) and r\n e = x not in [\"a\"]\n f = rr(ana, ben)\n g = a or b or c\n}\n");
  REQUIRE(p.diagnostics.items().empty());
  CHECK(p.show(p.value(0)) == "(or p (and q r))");
  CHECK(p.show(p.value(1)) == "(and (not (== a 1)) (in b (list 1 2)))");
  CHECK(p.show(p.value(2)) == "(-> a b)");
  CHECK(p.show(p.value(3)) == "(and (paren (or p q)) r)");
  CHECK(p.show(p.value(4)) == "(not in x (list a))");
  CHECK(p.show(p.value(5)) == "(call rr ana ben)");
  CHECK(p.show(p.value(6)) == "(or (or a b) c)");
}

TEST_CASE(
    "a single-token value and one an operator continues parse as the expression grammar does") {
  // One token (the fast path), then the same tokens continued by every kind of operator, on the
  // same line, on the next line and after a comment (the fast path must give way to all).
  Parsed p(
      "x {\n a = dana  b = \"text\"  c = 4h  d = 2026-12-31  e = -2.5  f = true  g = none\n"
      " h = dana\n   and ben\n i = dana # a comment\n or ben\n j = rr\n (ana)\n"
      " k = \"x\" == \"y\"\n l = a -> b\n m = a in [a]\n n = a not in [b]\n o = 1 != 2\n"
      " p = 2 <= 3\n q = \"\"\"raw\"\"\"\n r = sys.obj.field\n s = truex\n}\n");
  REQUIRE(p.diagnostics.items().empty());
  const std::vector<std::string> expected = {"dana",
                                             "text",
                                             "4h",
                                             "2026-12-31",
                                             "-2.5",
                                             "true",
                                             "none",
                                             "(and dana ben)",
                                             "(or dana ben)",
                                             "(call rr ana)",
                                             "(== x y)",
                                             "(-> a b)",
                                             "(in a (list a))",
                                             "(not in a (list b))",
                                             "(!= 1 2)",
                                             "(<= 2 3)",
                                             "raw",
                                             "sys.obj.field",
                                             "truex"};
  for (std::size_t i = 0; i < expected.size(); ++i) CHECK(p.show(p.value(i)) == expected[i]);
  CHECK(p.value(0).kind == ExprKind::Reference);
  CHECK(p.value(1).kind == ExprKind::String);
  CHECK(p.value(2).integer == 240);
  CHECK(p.value(4).number == -2.5);
  CHECK(p.value(5).kind == ExprKind::Bool);
  CHECK(p.value(18).kind == ExprKind::Reference);
}

TEST_CASE("malformed single tokens are reported as before the fast path") {
  CHECK(Parsed("x {\n a = 10x\n}\n").diagnostics.items().size() == 1);
  CHECK(Parsed("x {\n a = sys.\n}\n").diagnostics.items().size() == 1);
  CHECK(Parsed("x {\n a = \"open\n}\n").diagnostics.items().size() == 1);
  CHECK(Parsed("x {\n a = \"\\q\"\n}\n").diagnostics.items().size() == 1);
}

TEST_CASE("literals are decoded") {
  Parsed p(
      "x {\n s = \"a\\tb\"\n n = -3.5\n d = 2026-12-31\n t = 4h\n b = false\n z = none\n"
      " m = \"\"\"\nline one\nline two\"\"\"\n}\n");
  REQUIRE(p.diagnostics.items().empty());
  CHECK(p.value(0).text == "a\tb");
  CHECK(p.value(1).number == -3.5);
  CHECK(p.value(2).kind == ExprKind::Date);
  CHECK(p.value(2).integer == 20818);
  CHECK(p.value(3).kind == ExprKind::Duration);
  CHECK(p.value(3).integer == 240);
  CHECK(p.value(4).kind == ExprKind::Bool);
  CHECK_FALSE(p.value(4).boolean);
  CHECK(p.value(5).kind == ExprKind::None);
  CHECK(p.value(6).text == "line one\nline two");
}

TEST_CASE("identifiers may contain dashes but `->` is an operator") {
  Parsed p("x {\n a = sdr-east\n b = lead_source->LeadSource\n}\n");
  REQUIRE(p.diagnostics.items().empty());
  CHECK(p.value(0).text == "sdr-east");
  CHECK(p.show(p.value(1)) == "(-> lead_source LeadSource)");
}

TEST_CASE("spans cover exactly the tokens") {
  Parsed p("x { a = foo == \"bar\" }");
  const Expr& compare = p.value(0);
  CHECK(p.source.text().substr(compare.begin, compare.end - compare.begin) == "foo == \"bar\"");
  const Attribute& a = p.file.attributes[0];
  CHECK(p.source.text().substr(a.name_begin, a.name_end() - a.name_begin) == "a");
}

TEST_CASE("comments are recorded once each, wherever they are") {
  Parsed p("# top\nx { # open\n a = [1, # in list\n 2] # trailing\n} # end\n# eof");
  CHECK(p.file.comments.size() == 6);
  CHECK(p.source.text().substr(p.file.comments[2].begin,
                               p.file.comments[2].end - p.file.comments[2].begin) == "# in list");
}

TEST_CASE("a block cut short by an error is kept, marked, and parsing goes on") {
  Parsed p("person ana { name = \"Ana\"  team sdr }\nperson ben { name = \"Ben\" }\n");
  REQUIRE(p.diagnostics.items().size() == 1);
  REQUIRE(p.file.top_level.size() == 2);
  const Block& ana = p.file.blocks[p.file.top_level[0]];
  CHECK(ana.has_error);
  CHECK(ana.label == "ana");
  CHECK(p.file.members_of(ana).size() == 1);
  CHECK_FALSE(p.file.blocks[p.file.top_level[1]].has_error);
}

TEST_CASE("deep nesting is an error, not a stack overflow") {
  Parsed p("x { a = " + std::string(5000, '[') + " }\ny { }\n");
  REQUIRE(p.diagnostics.items().size() == 1);
  CHECK(p.diagnostics.items()[0].message.starts_with("nesting is too deep"));
  CHECK(p.file.top_level.size() == 2);
}

TEST_CASE("the reserved words are exactly the seven of the language") {
  for (std::string_view word : grammar::kReservedWords) CHECK(grammar::is_reserved_word(word));
  for (std::string_view word : {"", "a", "an", "andy", "o", "ore", "no", "nones", "i", "int", "tru",
                                "trues", "fals", "false_", "None", "TRUE", "owner"}) {
    CHECK_FALSE(grammar::is_reserved_word(word));
  }
}

TEST_CASE("a name is one identifier that is not a reserved word") {
  for (std::string_view text : {"dana", "_x", "lead-score", "a-", "A9_b-c"}) {
    CHECK(grammar::is_name(text));
  }
  for (std::string_view text : {"", "9a", "a b", "a.b", "a->b", "a->", "none", "é", "-a"}) {
    CHECK_FALSE(grammar::is_name(text));
  }
}

TEST_CASE("a string's plain run ends at its first quote, escape or line ending, wherever it is") {
  // Runs are scanned sixteen bytes at a time: put each stop before, at and after those edges.
  for (char stop : {'"', '\\', '\n', '\r'}) {
    for (std::size_t at = 0; at < 40; ++at) {
      std::string text(at, 'a');
      text += stop;
      text += "bbbbbbbbbbbbbbbbbbbb";
      const char* begin = text.data();
      CHECK(grammar::string_run_end(begin, begin + text.size()) == begin + at);
    }
  }
  const std::string plain(37, 'x');
  CHECK(grammar::string_run_end(plain.data(), plain.data() + plain.size()) ==
        plain.data() + plain.size());
}

TEST_CASE("the one-token look-ahead says yes only to a whole token nothing continues") {
  const auto ahead = [](std::string_view text) {
    return grammar::lookahead::single_token_ahead(text.data(), text.data() + text.size());
  };
  for (std::string_view yes :
       {"dana", "dana }", "sys.obj.field\n", "\"text\"  next = 1", "4h", "2026-12-31", "-2.5", "12",
        "true", "none", "false # a comment\n b = 1", "a-b", "dana\n inside = 1", "x ins",
        "x nothing"}) {
    CHECK(ahead(yes));
  }
  for (std::string_view no : {"",
                              "and",
                              "in",
                              "\"a\\tb\"",
                              "\"open\n",
                              "\"\"\"raw\"\"\"",
                              "sys.",
                              "sys.in",
                              "10x",
                              "1.",
                              "-",
                              "1.5.2",
                              "2026-12-31x",
                              "4hours",
                              "rr(ana)",
                              "rr (ana)",
                              "a == b",
                              "a != b",
                              "a <= b",
                              "a > b",
                              "a -> b",
                              "a in [a]",
                              "a not in [b]",
                              "a and b",
                              "a\n or b",
                              "a # c\n and b",
                              "[a]",
                              "(a)",
                              "5d->x"}) {
    CHECK_FALSE(ahead(no));
  }
}

TEST_CASE("the one-token look-ahead agrees with the PEGTL grammar on generated values") {
  // Differential (tests/lookahead_agreement.hpp; the `lookahead` fuzz target runs it on any
  // bytes); any doubt in the look-ahead may say no.
  static constexpr std::array<std::string_view, 39> kPieces = {
      "dana", "sys",        ".",   "in",     "and", "or", "not", "true", "none",      "\"",
      "\\",   "t",          "4",   "12",     "-",   ">",  "=",   "!",    "<",         "(",
      ")",    "2026-12-31", "[",   "]",      ",",   "h",  "x",   " ",    "\n",        "#",
      "_",    "5d",         "1.5", "\"\"\"", "->",  "w",  "/",   "2026", "10/01/2026"};
  std::mt19937 random(20261203);
  std::size_t said_yes = 0;
  for (int round = 0; round < 200000; ++round) {
    std::string text;
    const std::size_t pieces = 1 + random() % 6;
    for (std::size_t i = 0; i < pieces; ++i) text += kPieces[random() % kPieces.size()];
    const char* begin = text.data();
    const char* end = begin + text.size();
    const testing::LookaheadAgreement agreement = testing::check_lookahead(begin, end);
    if (agreement == testing::LookaheadAgreement::NotOneToken) continue;
    ++said_yes;
    INFO("value: " << text);
    CHECK(agreement == testing::LookaheadAgreement::Agrees);
  }
  CHECK(said_yes > 20000);  // the generator reaches the look-ahead's "yes" often
}
