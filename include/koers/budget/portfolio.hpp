#pragma once
/// \file
/// `koers::budget::optimise`: exact portfolio optimisation — which interventions to fund.
///
/// A portfolio has budget streams (capacity = budget − reserved, in cents), items (interventions)
/// each paid from one stream, goals with integer weights, groups ("at most k of these"),
/// requires pairs ("a requires b") and mandatory items. The objective is either
///  - `additive`: maximise Σ value of the funded items (values are whole numbers, int64), or
///  - `coverage`: maximise Σ weight of the goals served by at least one funded item
///    (budgeted maximum coverage; weights are whole numbers, int64).
/// Money is always int64 cents (`koers::Money`); objective values are int64, so the optimum,
/// the bound and the gap are exact integers and "optimal" is a proof, not a tolerance.
///
/// The solver is one exact branch-and-bound over 0/1 choices (src/bnb.hpp, shared
/// with the selection of processes in `koers/budget/selection.hpp`), compiled into the library
/// (src/budget_portfolio.cpp, src/budget_selection.cpp). See docs/solver.md.
#include <koers/core/error.hpp>
#include <koers/core/money.hpp>
#include <koers/detail/old_names.hpp>
#include <koers/detail/progress.hpp>

#include <cmath>
#include <cstdint>
#include <functional>
#include <map>
#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace koers::budget {

/// What the portfolio maximises.
enum class Objective { additive, coverage };

/// How a solve ended.
enum class SolveStatus {
  optimal,     ///< proven optimal: bound == optimum, gap 0
  infeasible,  ///< no selection meets the constraints; `conflict` says why
  limit,       ///< a node or time limit stopped the search: incumbent, bound and gap reported
};

/// "optimal" | "infeasible" | "limit".
inline const char* to_string(SolveStatus s) {
  switch (s) {
    case SolveStatus::optimal: return "optimal";
    case SolveStatus::infeasible: return "infeasible";
    case SolveStatus::limit: return "limit";
  }
  return "?";
}
/// "additive" | "coverage".
inline const char* to_string(Objective o) { return o == Objective::additive ? "additive" : "coverage"; }

/// A budget stream of the portfolio: what may be spent is `budget − reserved` (cents).
struct PortfolioStream {
  std::string id;
  Money budget;        ///< cents, ≥ 0
  Money reserved;      ///< reserved lines (contingency, placeholder), cents, ≥ 0; not scaled by scenarios
  std::string name{};  ///< as the plan names it (optional; ids are what scenarios and items refer to)
  /// budget − reserved (may be negative after a scenario cut: then nothing fits and the
  /// portfolio is infeasible with this stream as the conflict).
  Money capacity() const { return budget - reserved; }
  friend bool operator==(const PortfolioStream&, const PortfolioStream&) = default;
};

/// An intervention that can be funded.
/// Every member has a default, so a partial designated initializer (`{.id = ..., .cost = ...}`)
/// builds without -Wmissing-field-initializers.
struct PortfolioItem {
  std::string id{};
  std::string name{};                      ///< display name (may be empty)
  std::string stream{};                    ///< id of the stream that pays it
  Money cost{};                            ///< cents, ≥ 0
  std::int64_t value = 0;                  ///< additive objective: a whole number
  std::vector<std::string> covers{};       ///< coverage objective: goal ids it serves
  bool mandatory = false;                  ///< must be funded (with everything it requires)
  bool excluded = false;                   ///< may not be funded (a scenario's drop_items)
  std::optional<Money> per_participant{};  ///< when given with participants: cost == product (E404)
  std::optional<std::int64_t> participants{};
  friend bool operator==(const PortfolioItem&, const PortfolioItem&) = default;
};

/// A goal of the coverage objective, with its integer weight (≥ 0).
struct PortfolioGoal {
  std::string id;
  std::int64_t weight = 1;
  friend bool operator==(const PortfolioGoal&, const PortfolioGoal&) = default;
};

/// Alternatives: at most `max` of `items` are funded.
struct PortfolioGroup {
  std::string id;
  std::vector<std::string> items;
  std::int64_t max = 1;
  friend bool operator==(const PortfolioGroup&, const PortfolioGroup&) = default;
};

/// "`item` requires `requires_`": `item` is funded only if `requires_` is funded too. The file
/// format writes it as the pair [item, requires_] under "requires", as Python does.
/// `requires` is a C++20 keyword, so the member takes the rule protobuf's C++ generator applies
/// to a field named like a keyword (as PEP 8 for Python and koers's `Decomposition::and_`):
/// append an underscore.
/// `needs`, the old name, stays for one release as a deprecated member that the library still
/// honours: the pair requires `requires_` and, when set, `needs` too.
KOERS_OLD_NAMES_BEGIN
struct Requirement {
  std::string item{};
  std::string requires_{};
  [[deprecated("use requires_")]] std::string needs{};
  friend bool operator==(const Requirement&, const Requirement&) = default;
};
KOERS_OLD_NAMES_END

/// Money moved from one stream to another by a scenario (file: `move_cents: [{from, to, cents}]`).
struct PortfolioMove {
  std::string from;
  std::string to;
  Money amount;  ///< cents, ≥ 0
  friend bool operator==(const PortfolioMove&, const PortfolioMove&) = default;
};

/// A change of the payroll share (file: `payroll_share: {"from": "0.02", "to": "0.03"}`):
/// every stream's budget is multiplied by to/from, exactly (floor once, see `apply`).
struct PayrollChange {
  std::string from;  ///< decimal text, > 0 (the share the base budgets stand for)
  std::string to;    ///< decimal text, ≥ 0
  friend bool operator==(const PayrollChange&, const PayrollChange&) = default;
};

/// A declarative change of the base portfolio (file format `scenarios`). Applied by `apply()`,
/// in this order (each scenario changes the base once):
///  1. budgets: b := floor(b × to/from × scale_budget[s]) (missing factors are 1; one floor);
///     a `set_budget` of the stream replaces that;
///  2. `move` in the listed order: the source keeps at least its reserved lines (else E406);
///  3. items: `set_participants` (cost := per_participant × participants), then `set_cost`
///     (cost := cents) or else `scale_cost` (the item's own factor, or "*"):
///     cost := floor(cost × factor). When a changed cost is no longer per_participant ×
///     participants, the item's per_participant price is dropped (the cost is a total);
///  4. `drop_items` / `mandatory_items`.
/// Every member has a default (`PortfolioScenario{.name = "s"}` changes nothing).
/// `force_items`, the old name of `mandatory_items` (the file's and Python's word), stays for
/// one release as a deprecated member that the library still honours (both lists are made
/// mandatory); what the library builds sets only `mandatory_items`.
KOERS_OLD_NAMES_BEGIN
struct PortfolioScenario {
  std::string name{};
  /// stream → decimal factor as text ("0.9"): budget := floor(budget × factor), exactly.
  std::vector<std::pair<std::string, std::string>> scale_budget{};
  /// stream → new budget in cents.
  std::vector<std::pair<std::string, Money>> set_budget{};
  std::vector<std::string> drop_items{};       ///< may not be funded
  std::vector<std::string> mandatory_items{};  ///< must be funded
  /// item → new cost in cents.
  std::vector<std::pair<std::string, Money>> set_cost{};
  /// item or "*" (every item) → decimal factor as text: cost := floor(cost × factor), exactly.
  /// An item's own factor replaces "*" for that item; a `set_cost` of the item replaces both.
  std::vector<std::pair<std::string, std::string>> scale_cost{};
  /// item → participants: cost := per_participant × participants (E114 past 64 bits); the item
  /// must have a per_participant price (else E406).
  std::vector<std::pair<std::string, std::int64_t>> set_participants{};
  /// money moved between streams, after the budget changes, in this order.
  std::vector<PortfolioMove> move{};
  /// payroll share from → to: every stream's budget × to/from.
  std::optional<PayrollChange> payroll_share{};
  [[deprecated("use mandatory_items")]] std::vector<std::string> force_items{};
  friend bool operator==(const PortfolioScenario&, const PortfolioScenario&) = default;
};
KOERS_OLD_NAMES_END

/// The whole optimisation model (file format `koers.portfolio` v1, see portfolio_json.hpp).
/// `requirements`, the old name of `requires_` (the file's and Python's "requires"), stays for
/// one release as a deprecated member that the library still honours (both lists hold); what
/// the library builds (a parsed file) fills `requires_` only.
KOERS_OLD_NAMES_BEGIN
struct Portfolio {
  std::string name;
  std::string note;  ///< free text: sources, what is illustrative (file field "note")
  std::vector<PortfolioStream> streams;
  std::vector<PortfolioItem> items;
  std::vector<PortfolioGoal> goals;
  std::vector<PortfolioGroup> groups;
  std::vector<Requirement> requires_;  ///< "requires" pairs
  Objective objective = Objective::additive;
  std::vector<PortfolioScenario> scenarios;  ///< carried with the file; `optimise` ignores them

  /// Throws BudgetError/InputError naming the element: unknown stream (E402), unknown item in a
  /// group/requires pair/scenario (E403), unknown goal (E200), negative cents or weights (E107),
  /// cost ≠ per_participant × participants (E404), duplicate ids (E202), a requires cycle
  /// (E201), mandatory items of one group beyond its max (E107), totals beyond 64 bits (E114).
  void validate() const;
  [[deprecated("use requires_")]] std::vector<Requirement> requirements{};
  friend bool operator==(const Portfolio&, const Portfolio&) = default;
};
KOERS_OLD_NAMES_END

/// A running solve, watched from another thread: pass its address in `SolveOptions::progress`,
/// read `nodes()` and `incumbent()` while the solve runs, and `cancel()` to stop it — the
/// result is then `limit`, with the incumbent found so far and a valid bound, as at a time
/// limit. One solve at a time (a sweep does not report through it).
struct SolveProgress {
  std::int64_t nodes() const { return counters.nodes.load(std::memory_order_relaxed); }
  bool found() const { return counters.found.load(std::memory_order_relaxed); }
  /// The best objective value found so far (total score for `select`, the objective for
  /// `optimise`); 0 before `found()`.
  double incumbent() const {
    return static_cast<double>(counters.best.load(std::memory_order_relaxed)) / scale.load(std::memory_order_relaxed);
  }
  void cancel() { counters.cancel.store(true, std::memory_order_relaxed); }
  bool cancelled() const { return counters.cancel.load(std::memory_order_relaxed); }
  koers::detail::SearchCounters counters;  ///< written by the solver
  std::atomic<double> scale{1};            ///< solver units per objective unit (set by the solver)
};

/// Limits and switches of the exact solver (designated initializers: `{.node_limit = 100000}`).
struct SolveOptions {
  std::int64_t node_limit = 0;        ///< 0 = no limit; on reaching it the status is `limit`
  double time_limit = 0;              ///< seconds, 0 = no limit; on reaching it the status is `limit`
  bool check_unique = true;           ///< prove (or refute) that the optimum is unique
  bool check_binding = true;          ///< find the streams whose budget binds (one extra solve per stream)
  SolveProgress* progress = nullptr;  ///< optional: counters and cancel for another thread (not owned)
  /// InputError E115 for a negative node limit or a time limit that is negative or not finite.
  void validate() const;
};

/// Spend of one stream in the result.
struct StreamSpend {
  std::string stream;
  Money spent;     ///< cents spent on selected items of this stream
  Money capacity;  ///< budget − reserved
  friend bool operator==(const StreamSpend&, const StreamSpend&) = default;
};

/// Why a portfolio is infeasible, in terms a person can act on.
struct Conflict {
  /// "stream": `stream` cannot hold the mandatory `items` (with every item they require):
  /// they need `required`, it has `capacity`.
  /// "group": mandatory items (with what they require) exceed group `group`'s max.
  /// "requires": a mandatory item requires an item that may not be funded (`items` = the chain).
  std::string kind;
  std::string stream;  ///< kind "stream"
  std::string group;   ///< kind "group"
  std::vector<std::string> items;
  Money required;       ///< kind "stream": Σ cost of `items`
  Money capacity;       ///< kind "stream": budget − reserved
  std::string message;  ///< one sentence for a person
  friend bool operator==(const Conflict&, const Conflict&) = default;
};

/// Search statistics.
/// Why a solve ended at `limit` (`none` for the other statuses); "none" | "node_limit" |
/// "time_limit" | "cancelled" | "assignment_check" in JSON (`stopped_by`, null for none).
enum class StopReason {
  none,
  node_limit,  ///< SolveOptions::node_limit
  time_limit,  ///< SolveOptions::time_limit
  cancelled,   ///< SolveProgress::cancel
  /// the selection only: the exact assignment check of a selection that could still beat the
  /// incumbent did not settle it within its budget (2 million nodes; hours with few equal sizes)
  assignment_check,
};

inline const char* to_string(StopReason s) {
  switch (s) {
    case StopReason::none: return "none";
    case StopReason::node_limit: return "node_limit";
    case StopReason::time_limit: return "time_limit";
    case StopReason::cancelled: return "cancelled";
    case StopReason::assignment_check: return "assignment_check";
  }
  return "none";
}

struct SolveStats {
  std::int64_t nodes = 0;
  double seconds = 0;
  std::int64_t fixed_at_root = 0;            ///< items fixed by reduced-cost tests before branching
  StopReason stopped_by = StopReason::none;  ///< why the status is `limit`
};

/// The answer of `optimise`.
struct PortfolioResult {
  SolveStatus status = SolveStatus::optimal;
  std::optional<std::int64_t> optimum;  ///< null when infeasible; the incumbent on `limit`
  std::vector<std::string> selected;    ///< funded item ids, in portfolio order (empty when infeasible)
  std::vector<StreamSpend> spent;       ///< one per stream, in portfolio order
  std::int64_t bound = 0;               ///< proven upper bound on the optimum
  std::int64_t gap = 0;                 ///< bound − optimum (0 when optimal)
  /// true when no other selection reaches the optimum. A selection that adds an item of value 0
  /// (or, in coverage, an item whose goals are all served already) counts as another selection.
  bool unique = false;
  std::vector<std::string> alternative;  ///< another optimal selection when not unique
  /// Streams whose budget binds: more money in that stream would raise the optimum.
  std::vector<std::string> binding;
  std::optional<Conflict> conflict;  ///< when infeasible
  SolveStats stats;
};

/// One breakpoint of a budget curve: from `budget` on (until the next breakpoint) the optimum is
/// `optimum` (null = infeasible below the mandatory spend).
struct CurvePoint {
  Money budget;
  std::optional<std::int64_t> optimum;
  std::vector<std::string> selected;  ///< an optimal selection at this budget
  friend bool operator==(const CurvePoint&, const CurvePoint&) = default;
};

/// The most breakpoints × items a curve holds (each breakpoint lists its selection): past it,
/// InputError E119 — a curve that long is a table nobody reads, and its selections alone would
/// fill gigabytes. 2,500 breakpoints of a 400-item portfolio (about 10 s of exact solves).
inline constexpr std::int64_t max_curve_cells = 1'000'000;

/// Options of `curve`.
struct CurveOptions {
  std::int64_t max_points = 100000;  ///< stop (SolverError E401) beyond this many breakpoints
  SolveOptions solve{.check_unique = false, .check_binding = false};
  std::int64_t max_cells = max_curve_cells;  ///< breakpoints × items past this: InputError E119
  /// Called after each breakpoint with (value gained so far, value to gain in all): the optimum
  /// climbs from its value at the mandatory spend to its value with the whole stream. From the
  /// calling thread.
  std::function<void(std::size_t done, std::size_t total)> progress = {};
};

/// Find the best selection, with its proof. Validates first (throws BudgetError/InputError);
/// an infeasible portfolio is a result with status `infeasible` and a `conflict`, not an error.
PortfolioResult optimise(const Portfolio& p, const SolveOptions& options = {});

/// The exact optimum as the budget of `stream` goes from 0 up to reserved + Σ cost of its items
/// (beyond which nothing changes): every budget at which the optimum changes, from 0 up.
/// Throws BudgetError E402 for an unknown stream; SolverError E401 when a solve hits a limit or
/// past `max_points`; InputError E119 when breakpoints × items pass max_curve_cells.
std::vector<CurvePoint> curve(const Portfolio& p, const std::string& stream, const CurveOptions& options = {});

/// The base portfolio changed once by a scenario (budgets, payroll share, moves, costs and
/// participants, drop/mandatory items; the order is documented at PortfolioScenario).
/// Throws BudgetError E402/E403 for unknown names, E406 for a bad factor (not a decimal
/// string, negative), a move into the source's reserved lines, participants of an item without
/// a per-participant price, or an item both dropped and made mandatory; E114 past 64 bits.
/// (Portfolio::validate runs the same checks with the scenario's JSON path when a file is read.)
Portfolio apply(const Portfolio& base, const PortfolioScenario& scenario);

/// `a` then `b` as one scenario, named `name` (default "a + b"). Rules (exact, no float):
///  - budgets: factors multiply as exact decimals (one floor on the base budget); a set in `b`
///    replaces what `a` did to that stream; a scale (or payroll change) in `b` after a set in
///    `a` sets floor(set × factor); payroll shares compose as from = a.from × b.from,
///    to = a.to × b.to (or {a.from, b.to} when b.from = a.to);
///  - moves: a's then b's, applied after the budget changes; E406 when `b` scales or sets the
///    budget of a stream that a move of `a` touches (the order would change the result);
///  - costs: factors multiply per item ("*" with "*"; an item's factor with the other's factor
///    for it or "*"); a scale in `b` after a set in `a` sets floor(set × factor); a set in `b`
///    replaces a's change of that item; participants in `b` replace a's participants and a's
///    cost change of that item (the item is re-priced from its base per_participant price);
///  - items: `b` wins where the two disagree (dropped in `a`, mandatory in `b` → mandatory).
/// Throws BudgetError E406 for a bad factor or the move conflict above.
PortfolioScenario compose(const PortfolioScenario& a, const PortfolioScenario& b, const std::string& name = "");

/// Exact floor(budget × factor) for a decimal factor string ("0.9", "1.25"); E406 when the
/// factor is not a non-negative decimal string.
Money scale_floor(Money budget, const std::string& factor);

}  // namespace koers::budget
