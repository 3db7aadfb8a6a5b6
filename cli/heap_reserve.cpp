// Why: a check of a large workspace touches hundreds of megabytes once (the sources, the flat
// syntax tree, the model). Faulting that memory in 4 KiB at a time costs more than the analysis
// itself on virtual machines, where a fault is a trip through the hypervisor. Measured on the
// 2-core benchmark machine, 800 MB: touched page by page 2.2-2.9 s; advised to 2 MiB pages only,
// 1.0-1.8 s; advised and populated with MADV_POPULATE_WRITE, 0.04-0.07 s. So the heap is grown
// once to the size the command will need, populated, and handed back to malloc, which then
// serves every allocation from memory that is already there.
#include "cli/heap_reserve.hpp"

#include <algorithm>
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
/// glibc refuses a mapping threshold above half its heap size (32 MiB on 64-bit systems).
constexpr std::size_t kMaxMmapThreshold = std::size_t{32} << 20;
constexpr std::size_t kMaxPiece = kMaxMmapThreshold / 2;

struct Piece {
  void* at = nullptr;
  std::size_t size = 0;
};

void advise_populated_huge_pages(std::uintptr_t begin, std::uintptr_t end) {
  const std::uintptr_t first = (begin + kHugePage - 1) & ~(kHugePage - 1);
  const std::uintptr_t last = end & ~(kHugePage - 1);
  if (last <= first) return;
  void* pages = reinterpret_cast<void*>(first);
  madvise(pages, last - first, MADV_HUGEPAGE);
  madvise(pages, last - first, MADV_POPULATE_WRITE);
}

// Advises runs of adjacent pieces (each piece's end meets the next one's chunk header) as one
// range, so that no 2 MiB page is lost at the seams.
void advise_pieces(const std::vector<Piece>& pieces) {
  constexpr std::uintptr_t kChunkHeader = 64;
  const auto begin_of = [&](std::size_t i) {
    return reinterpret_cast<std::uintptr_t>(pieces[i].at);
  };
  std::size_t run = 0;
  for (std::size_t i = 1; i <= pieces.size(); ++i) {
    const std::uintptr_t end = begin_of(i - 1) + pieces[i - 1].size;
    const bool adjacent =
        i < pieces.size() && begin_of(i) >= end && begin_of(i) - end <= kChunkHeader;
    if (adjacent) continue;
    advise_populated_huge_pages(begin_of(run), end);
    run = i;
  }
}

// The freed pieces merge into one free block starting at `begin`, and malloc serves the next
// requests from its lowest addresses: those below the first 2 MiB boundary are ordinary pages
// that would fault one by one. One allocation that is never freed fills them; never touched,
// it costs address space only.
void fill_head(std::uintptr_t begin) {
  constexpr std::uintptr_t kChunkHeader = 2 * sizeof(std::size_t);
  const std::uintptr_t boundary = (begin + kHugePage - 1) & ~(kHugePage - 1);
  if (boundary - begin <= 2 * kChunkHeader) return;
  // Kept where the compiler can see it escape, or it would drop the unused allocation.
  static std::vector<void*> heads;
  heads.push_back(std::malloc(boundary - begin - kChunkHeader));
}

}  // namespace

void reserve_heap(std::size_t bytes) {
  if (bytes == 0) return;
  // One heap for every thread (worker threads would otherwise get arenas of their own, outside
  // the reserved memory), large blocks from that heap rather than from fresh mappings, and no
  // trimming, so that the pieces freed below stay at the top of the heap for what follows.
  mallopt(M_ARENA_MAX, 1);
  mallopt(M_MMAP_THRESHOLD, static_cast<int>(kMaxMmapThreshold));
  mallopt(M_TRIM_THRESHOLD, 1 << 30);
  // Whole 2 MiB pages, and one more: the heap does not start on a page boundary. The heap grows
  // in pieces below the mapping threshold, so they come from one contiguous heap (free heap
  // left by an earlier call is taken first); where it is not contiguous (brk refused), each
  // piece is advised on its own.
  const std::size_t total = (bytes + kHugePage - 1) / kHugePage * kHugePage + kHugePage;
  std::vector<Piece> pieces;
  pieces.reserve(total / kMaxPiece + 1);
  for (std::size_t reserved = 0; reserved < total;) {
    const std::size_t size = std::min(kMaxPiece, total - reserved);
    void* piece = std::malloc(size);
    if (piece == nullptr) break;  // not enough memory: the rest will fault in as used
    pieces.push_back({piece, size});
    reserved += size;
  }
  if (pieces.empty()) return;
  advise_pieces(pieces);
  for (auto it = pieces.rbegin(); it != pieces.rend(); ++it) std::free(it->at);
  fill_head(reinterpret_cast<std::uintptr_t>(pieces.front().at));
}

#else

void reserve_heap(std::size_t) {}

#endif

}  // namespace gtm::cli
