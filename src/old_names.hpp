#pragma once
/// \file
/// Library-internal: the old member names kept for one release (issue 12 §3) folded into the
/// new ones — `SelectionItem::pinned` / `needs` into `mandatory` / `requires_`,
/// `PortfolioScenario::force_items` into `mandatory_items`, `Portfolio::requirements` into
/// `requires_`, `Requirement::needs` into `requires_`. The one place the library reads the old
/// members (src/budget_old_names.cpp). Each public function that takes a Selection, a Portfolio
/// or a PortfolioScenario starts with
///   if (detail::uses_old_names(x)) return f(detail::with_current_names(x), ...);
/// so the rest of the library reads the new members only, and copies nothing when no old
/// member is set.
#include <koers/budget/portfolio.hpp>
#include <koers/budget/selection.hpp>

namespace koers::budget::detail {

/// True when an old member is set (a pinned item, a `needs` entry).
bool uses_old_names(const Selection& s);
/// `s` with every item's old members folded in and cleared: mandatory = mandatory || pinned;
/// requires_ = requires_ then the ids of `needs` that it lacks.
Selection with_current_names(const Selection& s);

/// True when an old member is set (`force_items`).
bool uses_old_names(const PortfolioScenario& s);
/// `s` with `force_items` folded into `mandatory_items` (the ids it lacks, in order) and cleared.
PortfolioScenario with_current_names(const PortfolioScenario& s);

/// True when an old member is set (`requirements`, a pair's `needs`, a scenario's `force_items`).
bool uses_old_names(const Portfolio& p);
/// `p` with the old members folded in and cleared: `requirements` appended to `requires_`
/// (the pairs it lacks); a pair whose `requires_` is empty takes its `needs`, and one that sets
/// both to different items stands for two pairs; every scenario as above.
Portfolio with_current_names(const Portfolio& p);

}  // namespace koers::budget::detail
