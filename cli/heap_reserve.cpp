// Why: a check of a large workspace touches hundreds of megabytes once (the sources, the flat
// syntax tree, the model). Faulting that memory in 4 KiB at a time costs more than the analysis
// itself on virtual machines, where a fault is a trip through the hypervisor. Measured on the
// 2-core benchmark machine, 800 MB: touched page by page 2.2-2.9 s; advised to 2 MiB pages only,
// 1.0-1.8 s; advised and populated with MADV_POPULATE_WRITE, 0.04-0.07 s. So the heap is grown
// once to the size the command will need, populated, and handed back to malloc, which then
// serves every allocation from memory that is already there.
#include "cli/heap_reserve.hpp"

#include <cstdint>
#include <cstdlib>
#include <vector>

#if defined(__GLIBC__) && !defined(__SANITIZE_ADDRESS__)
#include <malloc.h>
#include <sys/mman.h>
#define GTM_RESERVE_HEAP 1
#endif

namespace gtm::cli {

#ifdef GTM_RESERVE_HEAP

namespace {

#ifndef MADV_POPULATE_WRITE
constexpr int MADV_POPULATE_WRITE = 23;  // Linux 5.14; older kernels refuse it (EINVAL)
#endif

constexpr std::size_t kHugePage = std::size_t{2} << 20;
constexpr std::size_t kMinimum = 4 * kHugePage;
/// glibc refuses a mapping threshold above half its heap size (32 MiB on 64-bit systems).
constexpr std::size_t kMaxMmapThreshold = std::size_t{32} << 20;
constexpr std::size_t kPiece = kMaxMmapThreshold / 2;

void advise_populated_huge_pages(void* block, std::size_t size) {
  const auto begin = reinterpret_cast<std::uintptr_t>(block);
  const std::uintptr_t first = (begin + kHugePage - 1) & ~(kHugePage - 1);
  const std::uintptr_t last = (begin + size) & ~(kHugePage - 1);
  if (last <= first) return;
  void* pages = reinterpret_cast<void*>(first);
  madvise(pages, last - first, MADV_HUGEPAGE);
  madvise(pages, last - first, MADV_POPULATE_WRITE);
}

// Advises runs of adjacent pieces (each piece's end meets the next one's chunk header) as one
// range, so that no 2 MiB page is lost at the seams.
void advise_pieces(const std::vector<void*>& pieces) {
  constexpr std::uintptr_t kChunkHeader = 64;
  std::size_t run = 0;
  for (std::size_t i = 1; i <= pieces.size(); ++i) {
    const auto end = reinterpret_cast<std::uintptr_t>(pieces[i - 1]) + kPiece;
    const bool adjacent = i < pieces.size() && reinterpret_cast<std::uintptr_t>(pieces[i]) >= end &&
                          reinterpret_cast<std::uintptr_t>(pieces[i]) - end <= kChunkHeader;
    if (adjacent) continue;
    const auto begin = reinterpret_cast<std::uintptr_t>(pieces[run]);
    advise_populated_huge_pages(pieces[run], end - begin);
    run = i;
  }
}

}  // namespace

void reserve_heap(std::size_t bytes) {
  if (bytes < kMinimum) return;  // a few hundred faults cost less than populating
  // One heap for every thread (worker threads would otherwise get arenas of their own, outside
  // the reserved memory), large blocks from that heap rather than from fresh mappings, and no
  // trimming, so that the pieces freed below stay at the top of the heap for what follows.
  mallopt(M_ARENA_MAX, 1);
  mallopt(M_MMAP_THRESHOLD, static_cast<int>(kMaxMmapThreshold));
  mallopt(M_TRIM_THRESHOLD, 1 << 30);
  // The heap grows in pieces below the mapping threshold, so they come from one contiguous
  // heap; where it is not contiguous (brk refused), each piece is advised on its own.
  std::vector<void*> pieces;
  pieces.reserve(bytes / kPiece + 1);
  for (std::size_t reserved = 0; reserved < bytes; reserved += kPiece) {
    void* piece = std::malloc(kPiece);
    if (piece == nullptr) break;  // not enough memory: the rest will fault in as used
    pieces.push_back(piece);
  }
  advise_pieces(pieces);
  for (auto it = pieces.rbegin(); it != pieces.rend(); ++it) std::free(*it);
}

#else

void reserve_heap(std::size_t) {}

#endif

}  // namespace gtm::cli
