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

#include <atomic>
#include <cstddef>
#include <optional>
#include <string>
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

/// Solve `base` changed by each of `scenarios` (each applied once to the base). Never throws for
/// a bad scenario (its row has status "error"); validates the base first (throws like optimise).
std::vector<SweepResult> sweep_portfolio(const Portfolio& base, const std::vector<PortfolioScenario>& scenarios,
                                         const PortfolioSweepOptions& o = {});

/// The rows as one column-oriented JSON object (defined in src/budget_sweep.cpp):
/// {"name": [..], "status": [..], "optimum": [int|null], "selected": [[ids]], "nodes": [..],
///  "error": [str|null], "error_code": [int|null], "conflict": [obj|null],
///  "streams": [ids], "budget_cents" / "capacity_cents" / "spent_cents": {stream: [int|null]}}.
std::string sweep_to_json(const Portfolio& base, const std::vector<SweepResult>& rows);

}  // namespace koers::budget
