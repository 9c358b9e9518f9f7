#pragma once
/// \file
/// `koers::budget::run_sweep`: apply many scenarios on all cores with std::thread. Each result
/// goes to its own slot (index = scenario index), so results do not depend on thread count.
#include <koers/budget/scenario.hpp>

#include <algorithm>
#include <atomic>
#include <functional>
#include <thread>

namespace koers::budget {

/// One row per scenario: status "ok" or the error message; budgets per stream in cents.
struct SweepRow {
  std::string name;
  bool ok = true;
  std::string status = "ok";
  std::vector<Money> budgets;  ///< in base stream order
  Money total;
};

struct SweepOptions {
  unsigned threads = 0;  ///< 0 = hardware_concurrency
  /// Called from worker threads with (done, total); must be thread-safe.
  std::function<void(std::size_t, std::size_t)> progress;
};

inline std::vector<SweepRow> run_sweep(const BudgetModel& base, const std::vector<Scenario>& scenarios,
                                       const SweepOptions& o = {}) {
  std::vector<SweepRow> rows(scenarios.size());
  std::atomic<std::size_t> next{0}, done{0};
  unsigned n = o.threads ? o.threads : std::max(1u, std::thread::hardware_concurrency());
  auto work = [&] {
    for (std::size_t i; (i = next.fetch_add(1)) < scenarios.size();) {
      SweepRow r;
      r.name = scenarios[i].name;
      try {
        auto m = apply(base, scenarios[i]);
        for (const auto& s : m.streams) r.budgets.push_back(s.budget);
        r.total = m.total();
      } catch (const Error& e) {
        r.ok = false;
        r.status = e.what();
      }
      rows[i] = std::move(r);
      auto d = ++done;
      if (o.progress) o.progress(d, scenarios.size());
    }
  };
  std::vector<std::thread> pool;
  for (unsigned t = 1; t < n; ++t) pool.emplace_back(work);
  work();
  for (auto& t : pool) t.join();
  return rows;
}

}  // namespace koers::budget
