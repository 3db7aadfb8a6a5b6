// `gtmlint lsp`: the language server on standard input and output.
#include <unistd.h>

#include "cli/commands.hpp"
#include "cli/lsp/server.hpp"

namespace gtm::cli {

int run_lsp(const std::vector<std::string>& args, Io& io) {
  if (!args.empty() && args != std::vector<std::string>{"--stdio"}) {
    io.err << "gtmlint: usage: gtmlint lsp [--stdio]\n";
    return kExitFailure;
  }
  lsp::Transport transport(STDIN_FILENO, STDOUT_FILENO);
  return lsp::Server(transport).run();
}

}  // namespace gtm::cli
