// Checking many independent items on all cores with findings in a fixed order.
#pragma once

#include <cstddef>
#include <vector>

#include "compiler/base/parallel.hpp"
#include "compiler/diagnostics/diagnostic.hpp"

namespace gtm {

/// Calls check(index, worker, found) for every index in [0, count), in chunks of `chunk_size`
/// spread over the cores (`worker` tells which thread, for per-thread state: there are
/// chunk_workers(count, chunk_size) of them). Each chunk's
/// findings are kept apart and appended to `diagnostics` in index order, so the output never
/// depends on which thread ran what.
template <typename Check>
void check_in_parallel(std::size_t count, std::size_t chunk_size, Diagnostics& diagnostics,
                       const Check& check) {
  std::vector<Diagnostics> found((count + chunk_size - 1) / chunk_size);
  parallel_for_chunks(
      count, chunk_size,
      [&](std::size_t begin, std::size_t end, std::size_t chunk, std::size_t worker) {
        for (std::size_t index = begin; index < end; ++index) {
          check(index, worker, found[chunk]);
        }
      });
  for (Diagnostics& chunk : found) diagnostics.append(std::move(chunk));
}

}  // namespace gtm
