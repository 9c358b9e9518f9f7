#pragma once
/// \file
/// Library-internal: the portfolio in index form and the solver steps that `optimise`, `curve`,
/// sweeps, the selection (src/budget_selection.cpp) and the solver tests share. Defined in
/// src/budget_portfolio.cpp (the solve) and src/budget_scenario.cpp (`apply_to`, `reset_values`,
/// `check_scenario`). Not installed and not included by the public headers
/// (`koers/budget/portfolio.hpp` does not need the branch-and-bound core); no stable API.
#include <koers/budget/portfolio.hpp>

#include "bnb.hpp"

#include <cstddef>
#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

namespace koers::budget::detail {

/// "'s'": an id quoted for messages.
std::string q(const std::string& s);

/// Index of the portfolio's ids, built once per call.
struct PortfolioIndex {
  std::unordered_map<std::string, int> stream, item, goal, group;
  explicit PortfolioIndex(const Portfolio& p) {
    for (std::size_t i = 0; i < p.streams.size(); ++i) stream.emplace(p.streams[i].id, static_cast<int>(i));
    for (std::size_t i = 0; i < p.items.size(); ++i) item.emplace(p.items[i].id, static_cast<int>(i));
    for (std::size_t i = 0; i < p.goals.size(); ++i) goal.emplace(p.goals[i].id, static_cast<int>(i));
    for (std::size_t i = 0; i < p.groups.size(); ++i) group.emplace(p.groups[i].id, static_cast<int>(i));
  }
  int item_of(const std::string& id, const std::string& where) const {
    auto it = item.find(id);
    if (it == item.end()) throw BudgetError(Errc::unknown_item, where + " names unknown item " + q(id), {id});
    return it->second;
  }
  int stream_of(const std::string& id, const std::string& where) const {
    auto it = stream.find(id);
    if (it == stream.end()) throw BudgetError(Errc::unknown_stream, where + " names unknown stream " + q(id), {id});
    return it->second;
  }
};

/// The structure of a portfolio in index form, built once per call of optimise or curve — and
/// once per sweep, for all its scenarios (portfolio_sweep.hpp): the index of ids, the requires
/// adjacency, the groups as item indices and the solver model. The values a scenario changes
/// (budgets, costs, mandatory and excluded items) are read from the portfolio at each solve
/// (`refresh_model`), so one Prepared serves every portfolio with the same ids and structure.
struct Prepared {
  PortfolioIndex ix;
  std::vector<std::vector<int>> requires_out;  ///< per item: the items it requires, in file order
  std::vector<std::vector<int>> group_items;   ///< per group: its items as listed (repeats kept)
  koers::detail::BnbModel model;               ///< structure; cap, cost and fix as of `p`
  explicit Prepared(const Portfolio& p);       ///< `p` valid (names resolved)
};

/// The mandatory items with everything they require (transitively); `via[i]` = the item that
/// pulled i in (−1 for a mandatory item itself).
struct Closure {
  std::vector<char> in;
  std::vector<int> via;
};

/// The closure of `p`'s mandatory items under the requires pairs (`pr.requires_out`).
Closure mandatory_closure(const Portfolio& p, const Prepared& pr);

/// The first reason why even the cheapest selection (the mandatory closure) is impossible.
std::optional<Conflict> find_conflict(const Portfolio& p, const Prepared& pr);

/// The values of `p` that scenarios change, into its model `m` (capacities in cents, costs,
/// fixed items): `m` is `Prepared::model` of a portfolio with the same structure (or a copy).
void refresh_model(const Portfolio& p, koers::detail::BnbModel& m);

/// Validate's check of `p`'s group `g` (its items `items`, as listed): no more mandatory items
/// than the group allows (E107). The one check a scenario's forced items can fail once the
/// base is valid (sweeps run it alone per scenario).
void check_group_mandatory(const Portfolio& p, std::size_t g, const std::vector<int>& items);

/// Why the core stopped, in the words of the result (`SolveStats::stopped_by`).
StopReason stop_reason(koers::detail::BnbStop s);

/// The solver options of `o` (validated: E115).
koers::detail::BnbOptions bnb_options(const SolveOptions& o);

/// The checks of `Portfolio::validate` for its scenario `k` (`ix` indexes `base`): names that
/// resolve, budgets, moves and costs that apply (E406 with the scenario's JSON path), factors
/// that are decimal strings, no item both dropped and forced.
void check_scenario(const Portfolio& base, std::size_t k, const PortfolioIndex& ix);

/// `apply` in place: `p` — streams and items as in the base that `ix` indexes — changed by `sc`
/// (its name and scenario list untouched). On a throw, `p` may be half-changed.
void apply_to(Portfolio& p, const PortfolioScenario& sc, const PortfolioIndex& ix);

/// The values a scenario changes (budgets; costs, prices, participants, mandatory and excluded
/// items) back to those of `base`, whose streams and items `p` has (a sweep's per-thread copy).
void reset_values(Portfolio& p, const Portfolio& base);

/// `optimise` of a valid portfolio `p` with the structure `pr` was built from (the same ids,
/// groups, requires pairs; any budgets, costs, mandatory and excluded items). `m`: pr.model or a
/// copy of it (a sweep's per-thread one), refreshed here with the values of `p`.
PortfolioResult solve_prepared(const Portfolio& p, const Prepared& pr, koers::detail::BnbModel& m,
                               const SolveOptions& o);

}  // namespace koers::budget::detail
