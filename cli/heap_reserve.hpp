// Reserving the memory a one-shot command will need, before it needs it.
#pragma once

#include <cstddef>

namespace gtm::cli {

/// Whether the user opted in to reserving the heap (GTMLINT_RESERVE_HEAP=1 in the environment).
/// Off by default: populating huge pages can stall while the kernel compacts memory on a busy
/// machine (docs/performance.md, "Memory touched is time spent").
bool heap_reservation_requested();

/// How much heap a check takes per byte of `.gtm` source (measured on the benchmark's
/// workspaces: the source itself, its flat syntax tree, the model and the findings).
constexpr std::size_t kHeapBytesPerSourceByte = 7;

/// What every one-shot command needs before it knows its workspace: the embedded stdlib's tree
/// and model, the options and the file list (docs/performance.md, "Memory touched is time spent").
constexpr std::size_t kStartupHeapBytes = std::size_t{4} << 20;

/// Keeps the memory the process frees for its own next allocations, in one heap, rather than
/// returning it to the system to fault in again: for the language server, which builds a new
/// model on every edit (its page faults are a large part of a re-check).
/// Does nothing without glibc or under the sanitizers.
void keep_freed_heap();

/// Makes the next `bytes` of free heap ready in 2 MiB pages, populated in one system call, and
/// keeps the heap from shrinking for the rest of the process (keep_freed_heap): memory freed
/// later is reused, never returned to the system. For one-shot commands, and for the language
/// server once it knows its workspace. Does nothing without glibc or under the sanitizers (which
/// bring their own allocator). Even small workspaces gain: on virtual machines each 4 KiB page a
/// process touches first costs a trip through the hypervisor (docs/performance.md, "Memory touched
/// is time spent").
void reserve_heap(std::size_t bytes);

}  // namespace gtm::cli
