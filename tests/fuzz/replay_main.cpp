// Runs a fuzz target's entry point over saved inputs, so every crash the fuzzers ever found
// stays a regression test in the ordinary (g++) build: `replay_X FILE_OR_DIR...`.
#include <cstdint>
#include <filesystem>
#include <iostream>

#include "compiler/syntax/workspace.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size);

namespace fs = std::filesystem;

namespace {

int replay(const fs::path& file) {
  std::string error;
  const auto bytes = gtm::read_file(file, &error);
  if (!bytes) {
    std::cerr << file.string() << ": " << error << "\n";
    return 1;
  }
  LLVMFuzzerTestOneInput(reinterpret_cast<const std::uint8_t*>(bytes->data()), bytes->size());
  return 0;
}

}  // namespace

int main(int argc, char** argv) {
  int failures = 0, count = 0;
  for (int i = 1; i < argc; ++i) {
    const fs::path arg = argv[i];
    if (!fs::is_directory(arg)) {
      failures += replay(arg), ++count;
      continue;
    }
    for (const auto& entry : fs::recursive_directory_iterator(arg)) {
      if (entry.is_regular_file()) failures += replay(entry.path()), ++count;
    }
  }
  std::cout << "replayed " << count << " input(s)\n";
  return failures == 0 ? 0 : 1;
}
