#pragma once
/// \file
/// Library-internal: the bounds of the selection (src/budget_selection.cpp) that the solver tests
/// check on their own. Not installed; no stable API.
#include <koers/budget/selection.hpp>
#include <koers/detail/progress.hpp>

#include <chrono>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace koers::budget::detail {

/// The largest sum of a sub-multiset of `sizes` that is ≤ cap (every load of an expert, and the
/// pool's, is such a sum, so the capacity can be lowered to it without changing any answer; it
/// gives the LP bound less slack: 202.4 h of processes of 20 h each hold at most 200 h).
/// Bounded subset sum with a bitset on the gcd of the sizes; above 2^26 steps only the gcd is used.
std::int64_t reachable_cap(std::int64_t cap, const std::vector<std::int64_t>& sizes);

/// Wasted hours that a process brings with it (experts only): an expert takes at most one process
/// of more than half the expert's hours, and beside a process of h hours an expert of c hours can
/// fill at most R(c − h), the largest sum of the other processes' hours ≤ c − h. So the expert
/// that takes such a process wastes at least c − h − R(c − h), and that waste is charged to this
/// one process only. waste[i] = the least such waste over the experts that process i fits
/// (0 when it is at most half of some expert's hours that it fits). Then
/// Σ (hours_i + waste_i)·x_i ≤ Σ_e c_e holds for every selection that can be assigned: the pooled
/// bound with these costs is exact. R uses every process (i itself never fits beside itself:
/// h > c − h), so it is at least the true room's fill — the waste is never overstated.
/// Bounded subset sum on the gcd of the hours, as reachable_cap; above 2^26 steps: no waste.
std::vector<std::int64_t> process_waste(const std::vector<std::int64_t>& cap, const std::vector<std::int64_t>& hours,
                                        const std::vector<signed char>& fix);

/// The selection as branch-and-price sees it (src/selection_bnp.cpp): experts only, no
/// dependencies, at most one process required per expert. Integer units as in `select`.
struct BnpProblem {
  std::vector<std::int64_t> score;  ///< micro-points per process
  std::vector<std::int64_t> hours;  ///< milli-hours per process
  std::vector<std::int64_t> cap;    ///< milli-hours per expert
  std::vector<char> mandatory;      ///< per process: must be selected
  std::int64_t min_per = 0;         ///< 0 or 1
  /// The uniqueness question: when set, the search looks for a selection worth at least
  /// `*at_least` micro-points other than the known one, `other_than` (per process: 1 selected),
  /// through one more row of the master, Σ_{i∈S} x_i − Σ_{i∉S} x_i ≤ |S| − 1 (no other
  /// selection is cut off). optimal + found: such a selection (a witness that the optimum is not
  /// unique, when `*at_least` is the optimum); optimal + !found: there is none.
  std::optional<std::int64_t> at_least;
  std::vector<char> other_than;
};

/// Limits of one branch-and-price run (the caller's SolveOptions).
struct BnpLimits {
  std::int64_t node_limit = 0;  ///< 0: none
  std::optional<std::chrono::steady_clock::time_point> deadline;
  koers::detail::SearchCounters* progress = nullptr;  ///< nodes, incumbent, cancel
  std::int64_t nodes_before = 0;  ///< nodes of earlier runs of the same solve (the progress counter)
};

/// optimal / limit: as SolveStatus; undecided: branch-and-price cannot settle this instance
/// (a packing check or the LP left a question open, or an infeasible node it cannot prove
/// infeasible): the caller runs the branch-and-bound instead.
enum class BnpStatus { optimal, limit, undecided };
enum class BnpStop { none, node_limit, time_limit, cancelled };
/// As the result says it (src/budget_selection.cpp): none when it did not stop.
StopReason stop_reason(BnpStop s);

struct BnpResult {
  BnpStatus status = BnpStatus::undecided;
  BnpStop stopped_by = BnpStop::none;
  bool found = false;        ///< an incumbent exists (always on optimal)
  std::int64_t value = 0;    ///< its total score, micro-points
  std::int64_t bound = 0;    ///< proven upper bound, micro-points (value when optimal)
  std::vector<int> who;      ///< per process: the expert (index) it goes to, −1 not selected
  std::int64_t nodes = 0;    ///< branch-and-price nodes
  std::int64_t columns = 0;  ///< patterns generated
  std::int64_t lp_solves = 0;
  std::string why;  ///< on undecided: the reason (tests and the docs' figures)
};

/// Whether `p` is within branch-and-price's arithmetic: at most one process per expert
/// required, the knapsack table (processes × the largest expert's hours on the gcd grid of all
/// hours) at most 5·10⁷ cells, scores × 1000 within 62 bits.
bool bnp_applicable(const BnpProblem& p);

/// Exact branch-and-price (the algorithm of benchmarks/select_bnp.py, docs/solver.md): maximise
/// Σ score over the selected processes, each selected one assigned to one expert within the
/// expert's hours, mandatory ones in, every expert at least min_per. Only strictly better
/// selections than the incumbent are explored; the uniqueness question is a second run with
/// `at_least` and `other_than` set (BnpProblem). Requires bnp_applicable(p).
BnpResult select_bnp(const BnpProblem& p, const BnpLimits& limits);

/// `select` without branch-and-price: the branch-and-bound alone (the tests' reference on
/// instances where both apply).
SelectionResult select_bnb_only(const Selection& s, const SolveOptions& options);

}  // namespace koers::budget::detail
