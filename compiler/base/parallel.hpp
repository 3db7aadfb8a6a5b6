// Running independent tasks on the machine's cores (files parse independently; entities are
// checked by policies independently). Results go into per-task slots, so their order never
// depends on which thread ran what.
#pragma once

#include <algorithm>
#include <atomic>
#include <cstddef>
#include <exception>
#include <mutex>
#include <thread>
#include <vector>

namespace gtm {

/// Threads worth starting for `tasks` tasks: one per core, at most 8, at most one per task.
inline std::size_t worker_count(std::size_t tasks) {
  const std::size_t cores = std::clamp<std::size_t>(std::thread::hardware_concurrency(), 1, 8);
  return std::max<std::size_t>(1, std::min(tasks, cores));
}

/// Threads for `tasks` tasks covering `items` items: one when there are fewer than `serial_below`
/// (starting a thread costs more than that much work), else worker_count(tasks).
inline std::size_t worker_count(std::size_t tasks, std::size_t items, std::size_t serial_below) {
  return items < serial_below ? 1 : worker_count(tasks);
}

/// Calls task(index, worker) for every index in [0, tasks) on `workers` threads (this one
/// included), handing out indices one at a time; `worker` is in [0, workers). If a task throws,
/// no further indices are handed out and, once every thread has stopped, the first exception is
/// rethrown here, on the caller's thread (a throw escaping a std::thread would end the process).
template <typename Task>
void parallel_for(std::size_t tasks, std::size_t workers, const Task& task) {
  std::atomic<std::size_t> next{0};
  std::exception_ptr first_failure;
  std::mutex failure_mutex;
  const auto work = [&](std::size_t worker) {
    try {
      for (std::size_t i = next++; i < tasks; i = next++) task(i, worker);
    } catch (...) {
      next = tasks;
      const std::lock_guard lock(failure_mutex);
      if (!first_failure) first_failure = std::current_exception();
    }
  };
  std::vector<std::thread> pool;
  for (std::size_t w = 1; w < workers; ++w) pool.emplace_back(work, w);
  work(0);
  for (std::thread& thread : pool) thread.join();
  if (first_failure) std::rethrow_exception(first_failure);
}

/// Calls task(begin, end, chunk, worker) for consecutive ranges of at most `chunk_size` indices
/// covering [0, count), on the cores `chunk_workers` tells.
template <typename Task>
void parallel_for_chunks(std::size_t count, std::size_t chunk_size, const Task& task) {
  const std::size_t chunks = (count + chunk_size - 1) / chunk_size;
  parallel_for(chunks, worker_count(chunks), [&](std::size_t chunk, std::size_t worker) {
    task(chunk * chunk_size, std::min(count, (chunk + 1) * chunk_size), chunk, worker);
  });
}

/// How many threads parallel_for_chunks uses (for state kept per thread).
inline std::size_t chunk_workers(std::size_t count, std::size_t chunk_size) {
  return worker_count((count + chunk_size - 1) / chunk_size);
}

}  // namespace gtm
