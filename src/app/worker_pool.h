// A tiny parallel-for: files are independent, so workers take the next index until none
// is left. Results go into slots by index, which keeps output deterministic.
#ifndef KUBESHIFT_APP_WORKER_POOL_H_
#define KUBESHIFT_APP_WORKER_POOL_H_

#include <algorithm>
#include <atomic>
#include <chrono>
#include <condition_variable>
#include <mutex>
#include <thread>
#include <vector>

namespace kubeshift {

/// The number of workers for \a requested (0: one per hardware thread), never more than
/// \a tasks.
inline unsigned WorkerCount(int requested, size_t tasks) {
  unsigned n = requested > 0 ? static_cast<unsigned>(requested) : std::max(1u, std::thread::hardware_concurrency());
  return static_cast<unsigned>(std::max<size_t>(1, std::min<size_t>(n, tasks)));
}

/// Calls \a fn(i) for every i in [0, count) on \a workers threads (the caller is one of them).
template <typename Fn>
void ParallelFor(size_t count, unsigned workers, Fn fn) {
  std::atomic<size_t> next{0};
  auto run = [&] {
    for (size_t i = next++; i < count; i = next++) fn(i);
  };
  std::vector<std::thread> threads;
  for (unsigned w = 1; w < workers; ++w) threads.emplace_back(run);
  run();
  for (std::thread& thread : threads) thread.join();
}

/// Like ParallelFor, but the calling thread takes no task: it calls \a progress(done) every
/// \a period while the workers run (not before the first period has passed, so short runs
/// never call it), where done counts the finished tasks.
template <typename Fn, typename Progress>
void ParallelForWithProgress(size_t count, unsigned workers, Fn fn, Progress progress,
                             std::chrono::milliseconds period) {
  std::atomic<size_t> next{0};
  std::atomic<size_t> done{0};
  std::mutex mutex;
  std::condition_variable all_done;
  auto run = [&] {
    for (size_t i = next++; i < count; i = next++) {
      fn(i);
      if (++done == count) {
        std::lock_guard<std::mutex> lock(mutex);
        all_done.notify_all();
      }
    }
  };
  std::vector<std::thread> threads;
  for (unsigned w = 0; w < workers; ++w) threads.emplace_back(run);
  {
    std::unique_lock<std::mutex> lock(mutex);
    while (!all_done.wait_for(lock, period, [&] { return done.load() >= count; })) {
      lock.unlock();  // a slow terminal must not hold up the last worker
      progress(done.load());
      lock.lock();
    }
  }
  for (std::thread& thread : threads) thread.join();
}

}  // namespace kubeshift

#endif  // KUBESHIFT_APP_WORKER_POOL_H_
