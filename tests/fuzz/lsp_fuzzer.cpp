// libFuzzer target for the language server's message handling. The first byte picks the mode:
// even — the rest is the raw byte stream on standard input (framing, headers, JSON); odd — the
// rest is one JSON-RPC message per line, framed by the harness after an `initialize`, so the
// fuzzer explores sequences of requests and edits rather than the framing. The server never
// touches the disk here (its workspace is the open buffers only).
#include <sys/mman.h>
#include <unistd.h>

#include <fcntl.h>

#include "cli/lsp/server.hpp"
#include "tests/fuzz/fuzz_input.hpp"

namespace {

std::string frame(std::string_view body) {
  return "Content-Length: " + std::to_string(body.size()) + "\r\n\r\n" + std::string(body);
}

std::string framed_sequence(std::string_view lines) {
  std::string stream = frame(R"({"jsonrpc":"2.0","id":0,"method":"initialize","params":{}})");
  while (!lines.empty()) {
    const std::size_t end = std::min(lines.find('\n'), lines.size());
    stream += frame(lines.substr(0, end));
    lines.remove_prefix(std::min(end + 1, lines.size()));
  }
  return stream;
}

int stream_fd(const std::string& bytes) {
  const int fd = memfd_create("lsp_fuzz_input", 0);
  if (fd < 0) std::abort();
  for (std::size_t written = 0; written < bytes.size();) {
    const ssize_t n = write(fd, bytes.data() + written, bytes.size() - written);
    if (n <= 0) std::abort();
    written += static_cast<std::size_t>(n);
  }
  lseek(fd, 0, SEEK_SET);
  return fd;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  if (size == 0) return 0;
  const std::string_view rest = gtm::fuzz::as_text(data + 1, size - 1);
  const int in = stream_fd(data[0] % 2 == 0 ? std::string(rest) : framed_sequence(rest));
  static const int out = open("/dev/null", O_WRONLY);
  gtm::lsp::FdTransport transport(in, out);
  (void)gtm::lsp::Server(
      transport, gtm::lsp::ServerOptions{.read_disk = false, .reserve_heap_for_sources = {}})
      .run();
  close(in);
  return 0;
}
