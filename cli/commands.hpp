// The table of subcommands (ninja's ChooseTool idea): each has a name, a summary for `--help`,
// a usage text for `gtmlint help NAME`, and the function that runs it.
#pragma once

#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "cli/cli.hpp"

namespace gtm::cli {

using CommandFunction = int (*)(const std::vector<std::string>& args, Io& io);

struct Command {
  std::string_view name;
  std::string_view summary;
  std::string_view usage;
  CommandFunction run;
};

std::span<const Command> commands();
const Command* find_command(std::string_view name);

int run_check(const std::vector<std::string>& args, Io& io);
int run_diff(const std::vector<std::string>& args, Io& io);
int run_rules(const std::vector<std::string>& args, Io& io);
int run_explain(const std::vector<std::string>& args, Io& io);
int run_fmt(const std::vector<std::string>& args, Io& io);
int run_route(const std::vector<std::string>& args, Io& io);
int run_graph(const std::vector<std::string>& args, Io& io);
int run_debt(const std::vector<std::string>& args, Io& io);
int run_export(const std::vector<std::string>& args, Io& io);
int run_lsp(const std::vector<std::string>& args, Io& io);
int run_import(const std::vector<std::string>& args, Io& io);
int run_test(const std::vector<std::string>& args, Io& io);

}  // namespace gtm::cli
