#pragma once
/// \file
/// `koers::budget::sweep_portfolio`: solve many scenario variants of one portfolio exactly, on
/// all cores, with std::thread. Every scenario is `apply(base, scenario)` followed by
/// `optimise()` — the same exact solver as a single solve, so a sweep row equals the single
/// answer. The base is validated and put in index form once; each worker changes its own copy
/// of it in place per scenario (no per-scenario copies of strings, hash maps or the model).
/// Each result goes to its own slot (index = scenario index): the rows do not depend on the
/// number of threads or on scheduling.
///
/// Progress: workers bump an atomic counter in `SweepProgress`, which a caller may poll from
/// another thread (the Python facade does so while the sweep runs with the GIL released);
/// setting `cancel` stops the workers after their current solve (remaining rows keep status
/// "cancelled"). No callback runs on a worker thread, so no lock or interpreter is needed.
#include <koers/budget/portfolio.hpp>

#include <algorithm>
#include <atomic>
#include <cstddef>
#include <exception>
#include <optional>
#include <string>
#include <thread>
#include <vector>

namespace koers::budget {

/// One solved scenario of a sweep.
struct SweepResult {
  std::string name;
  /// "optimal" | "infeasible" | "limit" | "error" (the scenario could not be applied, e.g. a bad
  /// factor: `error` holds the message, `error_code` the koers code) | "cancelled".
  std::string status = "cancelled";
  std::optional<std::int64_t> optimum;
  std::vector<std::string> selected;  ///< portfolio order; empty unless optimal/limit
  std::vector<Money> spent;           ///< per base stream, in portfolio order
  std::vector<Money> capacity;        ///< per base stream: budget − reserved after the scenario
  std::vector<Money> budget;          ///< per base stream after the scenario
  std::optional<Conflict> conflict;   ///< when infeasible
  std::string error;
  int error_code = 0;
  std::int64_t nodes = 0;
};

/// Shared between the sweep and an observer thread.
struct SweepProgress {
  std::atomic<std::size_t> done{0};
  std::atomic<std::size_t> total{0};
  std::atomic<bool> cancel{false};
};

struct PortfolioSweepOptions {
  unsigned threads = 0;  ///< 0 = std::thread::hardware_concurrency()
  /// Per solve. Uniqueness and binding streams cost extra solves; a sweep wants the optimum.
  SolveOptions solve{.check_unique = false, .check_binding = false};
  SweepProgress* progress = nullptr;  ///< optional, polled by the caller
};

namespace detail {
/// What one worker thread reuses from scenario to scenario: its copy of the base portfolio
/// (strings and all, copied once) and of the solver model, reset and changed in place.
struct SweepWorker {
  const Portfolio& base;
  const Prepared& prepared;
  Portfolio work;
  koers::detail::BnbModel model;
  SweepWorker(const Portfolio& b, const Prepared& pr) : base(b), prepared(pr), work(b), model(pr.model) {}

  /// The row of `apply(base, sc)` then `optimise(…, o)`. Once the base is valid, a scenario that
  /// applies leaves it valid but for one check, the groups' mandatory items (forced items):
  /// only that is checked again, and the base's index and model serve every scenario.
  SweepResult solve(const PortfolioScenario& sc, const SolveOptions& o) {
    SweepResult r;
    r.name = sc.name;
    try {
      reset_values(work, base);
      apply_to(work, sc, prepared.ix);
      for (const auto& s : work.streams) {
        r.budget.push_back(s.budget);
        r.capacity.push_back(s.capacity());
      }
      for (std::size_t g = 0; g < work.groups.size(); ++g) check_group_mandatory(work, g, prepared.group_items[g]);
      PortfolioResult res = solve_prepared(work, prepared, model, o);
      r.status = to_string(res.status);
      r.optimum = res.optimum;
      if (res.status != SolveStatus::infeasible) r.selected = std::move(res.selected);
      for (const auto& s : res.spent) r.spent.push_back(s.spent);
      r.conflict = std::move(res.conflict);
      r.nodes = res.stats.nodes;
    } catch (const Error& e) {
      r.status = "error";
      r.error = e.what();
      r.error_code = static_cast<int>(e.code());
      r.optimum.reset();
      r.selected.clear();
    }
    return r;
  }
};
}  // namespace detail

/// Solve `base` changed by each of `scenarios` (each applied once to the base). Never throws for
/// a bad scenario (its row has status "error"); validates the base first (throws like optimise).
inline std::vector<SweepResult> sweep_portfolio(const Portfolio& base, const std::vector<PortfolioScenario>& scenarios,
                                                const PortfolioSweepOptions& o = {}) {
  base.validate();
  // the workers copy the base: without its own scenario list (which may be the sweep list
  // itself, thousands long) each copy stays small
  Portfolio bare = base;
  bare.scenarios.clear();
  const detail::Prepared prepared(bare);
  const std::size_t n = scenarios.size();
  std::vector<SweepResult> rows(n);
  for (std::size_t i = 0; i < n; ++i) rows[i].name = scenarios[i].name;
  if (o.progress) {
    o.progress->total = n;
    o.progress->done = 0;
  }
  std::atomic<std::size_t> next{0};
  unsigned hw = std::max(1u, std::thread::hardware_concurrency());
  unsigned t = o.threads ? o.threads : hw;
  t = static_cast<unsigned>(std::min<std::size_t>(t, std::max<std::size_t>(n, 1)));
  std::exception_ptr failure;
  std::atomic<bool> failed{false};
  auto work = [&] {
    try {
      detail::SweepWorker worker(bare, prepared);
      for (std::size_t i; (i = next.fetch_add(1)) < n;) {
        if (failed || (o.progress && o.progress->cancel)) break;
        rows[i] = worker.solve(scenarios[i], o.solve);
        if (o.progress) ++o.progress->done;
      }
    } catch (...) {  // std::bad_alloc and the like: report once, stop the others
      if (!failed.exchange(true)) failure = std::current_exception();
    }
  };
  std::vector<std::thread> pool;
  for (unsigned k = 1; k < t; ++k) pool.emplace_back(work);
  work();
  for (auto& th : pool) th.join();
  if (failure) std::rethrow_exception(failure);
  return rows;
}

/// The rows as one column-oriented JSON object (defined in src/budget_sweep.cpp):
/// {"name": [..], "status": [..], "optimum": [int|null], "selected": [[ids]], "nodes": [..],
///  "error": [str|null], "error_code": [int|null], "conflict": [obj|null],
///  "streams": [ids], "budget_cents" / "capacity_cents" / "spent_cents": {stream: [int|null]}}.
std::string sweep_to_json(const Portfolio& base, const std::vector<SweepResult>& rows);

}  // namespace koers::budget
