// Reserving the memory a one-shot command will need, before it needs it.
#pragma once

#include <cstddef>

namespace gtm::cli {

/// How much heap a check takes per byte of `.gtm` source (measured on the benchmark's
/// workspaces: the source itself, its flat syntax tree, the model and the findings).
constexpr std::size_t kHeapBytesPerSourceByte = 7;

/// Makes the next `bytes` of heap ready in 2 MiB pages, populated in one system call, and keeps
/// the heap from shrinking for the rest of the process. For one-shot commands only: memory freed
/// later is reused, never returned to the system. Does nothing below a few megabytes, without
/// glibc, or under the sanitizers (which bring their own allocator).
void reserve_heap(std::size_t bytes);

}  // namespace gtm::cli
