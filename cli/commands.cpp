// The command table, `--help`, `--version`, `help COMMAND`, and dispatch.
#include "cli/commands.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <filesystem>

#include "cli/cli.hpp"
#include "compiler/semantics/suggest.hpp"

namespace gtm::cli {

namespace {

constexpr std::string_view kCheckUsage = R"(usage: gtmlint check [OPTIONS] [PATH...]

Checks the workspace that contains PATH (default: the current directory). The workspace root is
the nearest folder holding gtmlint.gtm, else the git top level, else the current directory; all
.gtm files under it form one model, except in folders below that hold their own gtmlint.gtm
(other workspaces). Only findings in the given PATHs are reported; given files that are not
.gtm files are ignored.

options:
  --root DIR              the workspace root, instead of finding it
  --format FORMAT[=FILE]  human (default), json, sarif or github; repeat it to write several
                          formats in one run, e.g. --format human --format sarif=gtmlint.sarif
  --output FILE           write the (one) format given without =FILE to FILE
  --today YYYY-MM-DD      the date that date checks compare with (default: $GTMLINT_TODAY, else
                          the system date)
  --select RULE,...       report only these rules (ids, categories such as `routing`,
                          or id prefixes such as `owner-`; a name that matches none
                          is a usage error)
  --ignore RULE,...       never report these rules
  --severity LEVEL        report only findings at least this severe: error, warning or info
  --strict                warnings fail the check too
  --statistics            the number of findings of each rule, instead of the findings
  --quiet, -q             no summary line, and no output at all when there is nothing to report
  --baseline FILE         report only findings that FILE does not accept
  --write-baseline FILE   record the current findings in FILE and exit 0
  --against REF           report only the findings the change since the git revision REF
                          introduced (in any file), and those it fixed; REF is read from
                          git's objects (HEAD of a repository without a commit is empty)
  --staged                with --against: check what is staged (the index), as a
                          pre-commit hook commits it

exit status: 0 no errors, 1 errors found (or warnings with --strict), 2 usage, I/O or internal
error
)";

constexpr std::string_view kRulesUsage = R"(usage: gtmlint rules

Lists every rule by category: its id, default severity and summary. The list includes the
compiler's diagnostics, the standard policies, the analyses, and the policies of the workspace
around the current directory.
)";

constexpr std::string_view kExplainUsage = R"(usage: gtmlint explain RULE

Prints a rule's rationale, what it checks, a failing and a passing example, and how to waive it
or change its severity.
)";

constexpr std::string_view kFmtUsage = R"(usage: gtmlint fmt [--check] [--diff] [PATH...]
       gtmlint fmt -

Rewrites .gtm files in the canonical layout (default: every .gtm file under the current
directory): two-space indentation, one member per line, `=` aligned in runs of attributes, one
blank line between top-level blocks, long lists broken one item per line; every comment is kept.
A file with syntax errors is left as it is. Files are replaced atomically, keeping permissions.

options:
  --check   change nothing; list the files that would change and exit 1 if any would
  --diff    change nothing; print a unified diff of what would change, exit 1 if any would
  -         format standard input to standard output (for editors)

exit status: 0 done (or nothing to change), 1 changes needed (--check, --diff) or syntax
errors, 2 usage or I/O error
)";

constexpr std::string_view kRouteUsage =
    R"(usage: gtmlint route [--object OBJECT] [--routing NAME] [--all] FIELD=VALUE...

Shows which rule of each live routing of OBJECT (e.g. salesforce.lead) takes a lead with the
given field values, who is assigned (round-robin and queue members listed, departures marked),
and why each earlier rule did not match. Fields not given are empty. Each value must be one the
field can hold (a number, a date, a picklist value). Example:

  gtmlint route --object salesforce.lead country=CA industry=Retail employees=40

options:
  --object OBJECT   only the routings of OBJECT
  --routing NAME    only the routing NAME (shown even when switched off)
  --all             switched-off routings (`active = false`) too, marked as not live
  --root DIR        the workspace root, instead of finding it from the current directory
  --today DATE      the date departures are judged on (default: $GTMLINT_TODAY, else today)
)";

constexpr std::string_view kGraphUsage =
    R"(usage: gtmlint graph [--format dot|mermaid] [--focus NAME] [--show fields,tags]

Prints the lead-flow and data-flow map of the workspace: systems and the syncs between them,
forms, automations, nurtures and dashboards in their systems, routings to their assignees,
handoffs between teams with their SLA. Entities with errors are red, with warnings orange;
people who have left are grey and dashed, with the day they left; a legend says so.

options:
  --focus NAME         keep NAME (an entity or a field) and what is directly connected to it
  --show fields,tags   also fields (what writes each, what reads it) and tracking tags
  --format FORMAT      dot (default) or mermaid
  --root DIR, --today DATE   as for check

Render DOT with Graphviz (`gtmlint graph | dot -Tsvg > map.svg`); GitHub renders Mermaid in
Markdown.
)";

constexpr std::string_view kDebtUsage =
    R"(usage: gtmlint debt [--format markdown|json|csv] [--today YYYY-MM-DD] [--root DIR]

Prints the debt backlog: `debt` and `workaround` blocks and the open findings grouped by rule,
prioritised by impact (lead capture, CRM sync, routing, attribution, reporting, manual cleanup,
cosmetic), then risk, then effort, with blockers before what they block; each with its owner and
next action.
)";

constexpr std::string_view kTestUsage =
    R"(usage: gtmlint test [PATH...] [--today YYYY-MM-DD] [--root DIR]

Runs the workspace's policy test cases: every NAME.test.gtm under PATH (default: the workspace
root). A case is a small workspace in the golden-case format: the findings it must give written
as comments under the lines they point at,

    system salesforce { kind = crm }
    field salesforce.lead.status { type = text  pii = true }
    # expect@2:1-2:29: error[field-steward]: PII field salesforce.lead.status has no steward
    person dana { name = Dana }
    #                    ^^^^ error[type-mismatch]: expected a text, found `Dana`; text is written in quotes
    #                    ^^^^ fix: put it in quotes

(`# expect@LINE:COL-LINE:COL: ...` for a finding anywhere, carets under the line above for one
from column 3 on, `fix:` lines for the fixes findings offer, `# --- NAME.gtm` to start another
file, `# ARGS: check --today 2026-11-01` for the command line, `# EXIT: N`). The case is checked
together with the workspace's policy, schema and settings blocks, with only the workspace's own
policies and the compiler's rules selected (unless its ARGS say --select or --ignore); every
finding and fix must be listed, and nothing else. The workspace's own policies must load without
errors first (they are reported where they are written). Test cases are not part of the
workspace: `check` and `fmt` leave them out. Exit 0 when every case passes, 1 when one fails.
)";

constexpr std::string_view kExportUsage = R"(usage: gtmlint export [--output FILE] [--root DIR]

Prints the resolved model as JSON (docs/export-format.md): every entity with its attributes,
references resolved to kind and name, nested blocks, and derived facts (team members, each
field's writers and readers).
)";

constexpr std::string_view kLspUsage = R"(usage: gtmlint lsp [--stdio]

Runs the language server (LSP 3.17, JSON-RPC on standard input and output) for editors:
diagnostics as you type, hover, go to definition, find references, rename, completion, document
and workspace symbols, formatting and quick fixes. See editors/README.md.
)";

constexpr std::string_view kImportUsage =
    R"(usage: gtmlint import sfdx PATH [--out DIR] [--system NAME]

Turns a Salesforce DX project (source format) into a gtmlint workspace of formatted .gtm files:
fields with their types, picklist values, labels, descriptions, help, business owners, status and
classification; standard and global value sets; assignment rules as routings (every criteria
operation and booleanFilter; a final TRUE formula becomes the fallback); queues; flows and
workflow rules as automations; LeadStatus as a lifecycle. It reads every package directory of
sfdx-project.json, else force-app/main/default, else PATH itself. What cannot be mapped is
listed at the end. Then run `gtmlint check DIR`.

options:
  --out DIR       where to write the workspace (default: gtm); files there are replaced
  --system NAME   the name of the Salesforce system in the workspace (default: salesforce)
)";

constexpr std::string_view kDiffUsage = R"(usage: gtmlint diff --against REF [OPTIONS]

Says what the change since the git revision REF does to the GTM stack, for a reviewer: for each
routing, the leads whose assignee changes (exactly, each with an example lead that `gtmlint
route` confirms), leads left unassigned, rules that can no longer fire or can again, routings
added, removed or switched on or off; people who left (and what still names them) or joined;
handoffs, automations, nurtures and syncs changed or switched on or off; fields added, removed,
deprecated, or whose owner or picklist values changed (with the rules that still compare with a
removed value); and the findings the change introduced and fixed. REF is read from git's
objects; for a pull request it is the merge base.

options:
  --against REF       the revision to compare with (required)
  --staged            compare what is staged (the index) instead of the working tree
  --format FORMAT     human (default), markdown (a pull-request comment) or json
  --output FILE       write to FILE instead of standard output
  --fail-on WHAT,...  exit 1 when any of these happens: errors (introduced), warnings,
                      unassigned (leads that go to nobody), reassigned (leads that go
                      elsewhere), undecided (a routing that could not be compared exactly)
  --root DIR          the workspace root, instead of finding it
  --today YYYY-MM-DD  the date departures are judged on

exit status: 0, or 1 when something named by --fail-on happens; 2 usage, git, I/O or internal
error
)";

constexpr std::array kCommands = {
    Command{"check", "check a workspace and report findings (the default command)", kCheckUsage,
            &run_check},
    Command{"diff", "say what a change since a git revision does to routing, people and more",
            kDiffUsage, &run_diff},
    Command{"fmt", "rewrite .gtm files in the canonical layout", kFmtUsage, &run_fmt},
    Command{"route", "show which routing rule and owner a lead gets, and why", kRouteUsage,
            &run_route},
    Command{"graph", "print the lead-flow and data-flow map (DOT or Mermaid)", kGraphUsage,
            &run_graph},
    Command{"debt", "print the prioritised debt backlog", kDebtUsage, &run_debt},
    Command{"export", "print the resolved model as JSON", kExportUsage, &run_export},
    Command{"test", "run the workspace's policy test cases (NAME.test.gtm)", kTestUsage, &run_test},
    Command{"lsp", "run the language server for editors", kLspUsage, &run_lsp},
    Command{"import", "import a Salesforce DX project as a gtmlint workspace", kImportUsage,
            &run_import},
    Command{"rules", "list every rule with its category, severity and summary", kRulesUsage,
            &run_rules},
    Command{"explain", "explain a rule: rationale, examples, how to waive it", kExplainUsage,
            &run_explain},
};

int print_help(Io& io) {
  io.out << "gtmlint: a linter for go-to-market configuration written in .gtm files\n\n"
            "usage: gtmlint [COMMAND] [OPTIONS] [PATH...]\n\ncommands:\n";
  for (const Command& command : kCommands) {
    io.out << fmt::format("  {:<10} {}\n", command.name, command.summary);
  }
  io.out << "  help       show the usage of a command: gtmlint help check\n\n"
            "Run `gtmlint help COMMAND` for its options. Exit status: 0 no errors, 1 errors "
            "found,\n2 usage, I/O or internal error.\n";
  return kExitClean;
}

std::vector<std::string_view> command_names() {
  std::vector<std::string_view> names{"help"};
  for (const Command& command : kCommands) names.push_back(command.name);
  return names;
}

// `or_path`: the word stood where a path may stand too (`gtmlint PATH`).
int unknown_command(std::string_view name, Io& io, bool or_path = false) {
  const auto best = closest(name, command_names());
  const std::string what = or_path && !best ? "no command or path named" : "unknown command";
  io.err << fmt::format("gtmlint: {} `{}`; {}\n", what, name,
                        best ? fmt::format("did you mean `{}`?", *best) : "see `gtmlint --help`");
  return kExitFailure;
}

int print_command_help(const std::vector<std::string>& args, Io& io) {
  if (args.empty()) return print_help(io);
  if (const Command* command = find_command(args[0])) {
    io.out << command->usage;
    return kExitClean;
  }
  return unknown_command(args[0], io);
}

bool asks_for_help(const std::vector<std::string>& args) {
  return std::any_of(args.begin(), args.end(),
                     [](const std::string& arg) { return arg == "--help" || arg == "-h"; });
}

// `gtmlint PATH` checks PATH, so a first word that is no command is a path only if it could be
// one: it exists, or it is written as a path (a folder separator, a .gtm file).
bool looks_like_command(const std::string& word) {
  std::error_code ec;
  return !word.starts_with('-') && word.find('/') == std::string::npos && !word.ends_with(".gtm") &&
         word != "." && word != ".." && !std::filesystem::exists(word, ec);
}

}  // namespace

std::span<const Command> commands() {
  return kCommands;
}

const Command* find_command(std::string_view name) {
  for (const Command& command : kCommands) {
    if (command.name == name) return &command;
  }
  return nullptr;
}

bool runs_once(const std::vector<std::string>& args) {
  if (args.empty()) return true;
  static constexpr std::string_view kOthers[] = {"lsp", "help", "--help", "-h", "--version", "-V"};
  return std::find(std::begin(kOthers), std::end(kOthers), args[0]) == std::end(kOthers);
}

int run(const std::vector<std::string>& args, Io io) {
  if (!args.empty()) {
    const std::string& first = args[0];
    const std::vector<std::string> rest(args.begin() + 1, args.end());
    if (first == "--help" || first == "-h") return print_help(io);
    if (first == "--version" || first == "-V") {
      io.out << "gtmlint " << GTM_VERSION << "\n";
      return kExitClean;
    }
    if (first == "help") return print_command_help(rest, io);
    if (const Command* command = find_command(first)) {
      return asks_for_help(rest) ? print_command_help({first}, io) : command->run(rest, io);
    }
    if (looks_like_command(first)) return unknown_command(first, io, true);
  }
  if (asks_for_help(args)) return print_command_help({"check"}, io);
  return run_check(args, io);  // `check` is the default command
}

}  // namespace gtm::cli
