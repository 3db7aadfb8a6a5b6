// Checking many independent items on all cores with findings in a fixed order.
#pragma once

#include <algorithm>
#include <cstddef>
#include <iterator>
#include <vector>

#include "compiler/diagnostic.hpp"
#include "compiler/parallel.hpp"

namespace gtm {

/// Calls check(index, worker, found) for every index in [0, count), in chunks of `chunk_size`
/// spread over the cores (`worker` tells which thread, for per-thread state). Each chunk's
/// findings are kept apart and appended to `diagnostics` in index order, so the output never
/// depends on which thread ran what.
template <typename Check>
void check_in_parallel(std::size_t count, std::size_t chunk_size, Diagnostics& diagnostics,
                       const Check& check) {
  const std::size_t chunks = (count + chunk_size - 1) / chunk_size;
  std::vector<Diagnostics> found(chunks);
  parallel_for(chunks, worker_count(chunks), [&](std::size_t chunk, std::size_t worker) {
    const std::size_t end = std::min(count, (chunk + 1) * chunk_size);
    for (std::size_t index = chunk * chunk_size; index < end; ++index) {
      check(index, worker, found[chunk]);
    }
  });
  auto& items = diagnostics.items();
  for (Diagnostics& chunk : found) {
    items.insert(items.end(), std::make_move_iterator(chunk.items().begin()),
                 std::make_move_iterator(chunk.items().end()));
  }
}

}  // namespace gtm
