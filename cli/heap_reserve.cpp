// Why: a check of a large workspace touches hundreds of megabytes once (the sources, the flat
// syntax tree, the model). Faulting that memory in 4 KiB at a time costs more than the analysis
// itself on virtual machines, where a fault is a trip through the hypervisor (docs/performance.md,
// "Memory touched is time spent"). So, when the user opts in, the heap is grown once to the size
// the command will need, populated in 2 MiB pages, and handed back to malloc, which then serves
// every allocation from memory that is already there.
#include "cli/heap_reserve.hpp"

#include <algorithm>
#include <cstdint>
#include <cstdlib>
#include <limits>
#include <string_view>
#include <vector>

// GCC says __SANITIZE_ADDRESS__ under AddressSanitizer, Clang __has_feature(address_sanitizer).
#if defined(__has_feature)
#if __has_feature(address_sanitizer)
#define GTM_UNDER_ASAN 1
#endif
#endif
#if defined(__GLIBC__) && !defined(__SANITIZE_ADDRESS__) && !defined(GTM_UNDER_ASAN)
#include <malloc.h>
#include <sys/mman.h>
#define GTM_RESERVE_HEAP 1
#endif

namespace gtm::cli {

bool heap_reservation_requested() {
  const char* value = std::getenv("GTMLINT_RESERVE_HEAP");
  return value != nullptr && std::string_view(value) == "1";
}

#ifdef GTM_RESERVE_HEAP

namespace {

#ifndef MADV_POPULATE_WRITE
constexpr int MADV_POPULATE_WRITE = 23;  // Linux 5.14; older kernels refuse it (EINVAL)
#endif

constexpr std::size_t kHugePage = std::size_t{2} << 20;

// Populates [begin, end) in whole 2 MiB pages. No page of the range may have been touched
// before: a 2 MiB region holding one 4 KiB page already cannot become a huge page, and is
// populated 4 KiB at a time instead.
void advise_populated_huge_pages(std::uintptr_t begin, std::uintptr_t end) {
  const std::uintptr_t first = (begin + kHugePage - 1) & ~(kHugePage - 1);
  const std::uintptr_t last = end & ~(kHugePage - 1);
  if (last <= first) return;
  void* pages = reinterpret_cast<void*>(first);
  madvise(pages, last - first, MADV_HUGEPAGE);
  madvise(pages, last - first, MADV_POPULATE_WRITE);
}

// The freed reservation is one free block starting at `begin`, and malloc serves the next
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

void keep_freed_heap() {
  // One heap for every thread (worker threads would otherwise get arenas of their own, outside
  // the reserved memory, trimmed as they shrink), every block from that heap rather than from a
  // fresh mapping (a large vector would otherwise fault in page by page, every time), and no
  // trimming, so that freed memory stays at the top of the heap for what follows.
  mallopt(M_ARENA_MAX, 1);
  mallopt(M_MMAP_MAX, 0);
  mallopt(M_TRIM_THRESHOLD, std::numeric_limits<int>::max());
}

void reserve_heap(std::size_t bytes) {
  if (bytes == 0) return;
  keep_freed_heap();
  // Whole 2 MiB pages, and one more: the heap does not start on a page boundary. One
  // allocation, so that malloc writes no chunk header inside the range before it is populated:
  // reserving in pieces left a header in every few 2 MiB pages, which then came in 4 KiB pages,
  // and reading through those small pages slowed the parsing that followed.
  const std::size_t total = (bytes + kHugePage - 1) / kHugePage * kHugePage + kHugePage;
  void* reservation = std::malloc(total);
  if (reservation == nullptr) return;  // not enough memory: it will fault in as used
  const auto begin = reinterpret_cast<std::uintptr_t>(reservation);
  advise_populated_huge_pages(begin, begin + total);
  std::free(reservation);
  fill_head(begin);
}

#else

void keep_freed_heap() {}
void reserve_heap(std::size_t) {}

#endif

}  // namespace gtm::cli
