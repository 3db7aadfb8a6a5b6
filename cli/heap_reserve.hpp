// Reserving the memory a one-shot command will need, before it needs it.
#pragma once

#include <cstddef>

namespace gtm::cli {

/// How much heap a check takes per byte of `.gtm` source (measured on the benchmark's
/// workspaces: the source itself, its flat syntax tree, the model and the findings).
constexpr std::size_t kHeapBytesPerSourceByte = 7;

/// What every one-shot command needs before it knows its workspace: the embedded stdlib's tree
/// and model, the options and the file list (a 1,000-field check peaks near 3 MB of heap).
constexpr std::size_t kStartupHeapBytes = std::size_t{4} << 20;

/// Keeps the memory the process frees for its own next allocations, in one heap, rather than
/// returning it to the system to fault in again: for the language server, which builds a new
/// model on every edit (a re-check at 10,000 fields took ~800 page faults, half its time).
/// Does nothing without glibc or under the sanitizers.
void keep_freed_heap();

/// Makes the next `bytes` of free heap ready in 2 MiB pages, populated in one system call, and
/// keeps the heap from shrinking for the rest of the process (keep_freed_heap): memory freed
/// later is reused, never returned to the system. For one-shot commands, and for the language
/// server once it knows its workspace (a re-check at 10,000 fields: 18-21 ms -> 14-15 ms).
/// Does nothing without glibc or under the sanitizers (which bring their own allocator).
///
/// Why even for small workspaces: on virtual machines each 4 KiB page a process touches first
/// costs a trip through the hypervisor. Measured on the 2-core benchmark machine: 512 pages
/// touched one by one 6 ms; populated first, then touched, 2.5 ms; one 2 MiB page populated
/// 0.15-0.3 ms, then touched 0.01 ms.
void reserve_heap(std::size_t bytes);

}  // namespace gtm::cli
