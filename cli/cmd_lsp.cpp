// `gtmlint lsp`: the language server on standard input and output.
#include <unistd.h>

#include "cli/commands.hpp"
#include "cli/heap_reserve.hpp"
#include "cli/lsp/server.hpp"

namespace gtm::cli {

int run_lsp(const std::vector<std::string>& args, Io& io) {
  if (!args.empty() && args != std::vector<std::string>{"--stdio"}) {
    io.err << "gtmlint: usage: gtmlint lsp [--stdio]\n";
    return kExitFailure;
  }
  lsp::ServerOptions options;
  if (io.reserve_heap_for_sources) {
    keep_freed_heap();  // each edit's model is built in the memory of the one before
    options.reserve_heap_for_sources = io.reserve_heap_for_sources;
  }
  lsp::FdTransport transport(STDIN_FILENO, STDOUT_FILENO);
  return lsp::Server(transport, options).run();
}

}  // namespace gtm::cli
