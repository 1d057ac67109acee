// Tests for src/app/worker_pool.h.
#include "app/worker_pool.h"

#include <atomic>
#include <chrono>
#include <thread>
#include <vector>

#include "catch.h"

namespace kubeshift {
namespace {

TEST_CASE("ParallelFor runs every task once", "[worker_pool]") {
  std::vector<std::atomic<int>> runs(1000);
  ParallelFor(runs.size(), 4, [&](size_t i) { ++runs[i]; });
  for (const auto& r : runs) CHECK(r.load() == 1);
}

TEST_CASE("ParallelForWithProgress reports from the calling thread", "[worker_pool]") {
  const std::thread::id caller = std::this_thread::get_id();
  std::vector<std::atomic<int>> runs(40);
  std::vector<size_t> reports;
  bool on_caller = true;
  bool task_on_caller = false;
  ParallelForWithProgress(
      runs.size(), 2,
      [&](size_t i) {
        if (std::this_thread::get_id() == caller) task_on_caller = true;
        std::this_thread::sleep_for(std::chrono::milliseconds(5));
        ++runs[i];
      },
      [&](size_t done) {
        if (std::this_thread::get_id() != caller) on_caller = false;
        reports.push_back(done);
      },
      std::chrono::milliseconds(10));
  for (const auto& r : runs) CHECK(r.load() == 1);
  CHECK(on_caller);
  CHECK_FALSE(task_on_caller);
  REQUIRE_FALSE(reports.empty());  // about 100 ms of work, reported every 10 ms
  for (size_t i = 1; i < reports.size(); ++i) CHECK(reports[i - 1] <= reports[i]);
  CHECK(reports.back() <= runs.size());
}

TEST_CASE("ParallelForWithProgress stays quiet on short runs and copes with no tasks", "[worker_pool]") {
  int calls = 0;
  ParallelForWithProgress(
      3, 2, [](size_t) {}, [&](size_t) { ++calls; }, std::chrono::seconds(10));
  ParallelForWithProgress(
      0, 1, [](size_t) {}, [&](size_t) { ++calls; }, std::chrono::seconds(10));
  CHECK(calls == 0);
}

}  // namespace
}  // namespace kubeshift
