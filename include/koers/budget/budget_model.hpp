#pragma once
/// \file
/// `koers::budget::BudgetModel`: budget streams in exact cents with their reserved lines,
/// FTE shares by largest remainder, a payroll-percentage rule per year and the multi-year path.
/// The figures come from data (a koers.portfolio's streams, `budget_model(portfolio)`); what-if
/// changes to budgets are portfolio scenarios (`koers/budget/portfolio.hpp`), the one scenario system.
/// Amounts are `koers::Money` (cents); shares are `koers::Ratio`; never a double.
#include <koers/core/error.hpp>
#include <koers/core/money.hpp>

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace koers::budget {

/// A reserved line inside a stream (e.g. "onvoorzien", "stelpost OvdT"): not free to commit.
struct ReservedLine {
  std::string id;
  Money amount;
};

/// One budget stream (Deventer: stream.strategisch, stream.functioneel, stream.persoonlijk) in cents.
struct Stream {
  std::string id;
  Money budget;
  std::vector<ReservedLine> reserved;
  std::string name{};  ///< as the plan names it ("Strategisch opleidingsbudget"); may be empty
  /// budget minus all reserved lines. Throws InputError(Errc::invalid_argument) if negative.
  Money free() const;
};

/// A set of streams; total() is the exact sum.
struct BudgetModel {
  std::string name;
  std::vector<Stream> streams;
  Money total() const;
  /// The stream named `id`; throws BudgetError(Errc::unknown_stream).
  Stream& stream(const std::string& id);
  const Stream& stream(const std::string& id) const;
};

/// Share of an amount to teams by FTE (integer weights, e.g. FTE × 100), largest remainder:
/// the parts always add up to the whole exactly.
std::vector<Money> share_by_fte(Money whole, const std::vector<std::int64_t>& fte_hundredths);

/// Payroll rule: budget = payroll × share × months/12, rounded once to whole cents (half-even).
Money payroll_budget(Money payroll, Ratio share, int months = 12);

/// One year of the multi-year path.
struct PathYear {
  int year = 0;
  Ratio share;  ///< exact payroll share that year
  int months = 12;
  Money budget;  ///< payroll × share × months/12, half-even cents
};

/// Options of the payroll path: linear in yearly steps from `from_share` in `from_year` to
/// `to_share` in `to_year`, computed exactly as a Ratio (no rounding of the share itself);
/// the first year counts `first_year_months` months (Deventer 2014: from 1 May = 8).
struct PathOptions {
  int from_year = 2014;
  Ratio from_share{2, 100};
  int to_year = 2020;
  Ratio to_share{3, 100};
  int first_year_months = 8;
};

/// Exact share in `year`: from + (to - from) × (year - from_year)/(to_year - from_year).
Ratio path_share(const PathOptions& o, int year);

/// Budgets per year for `years` (e.g. 2014..2017) given the payroll (assumed constant).
std::vector<PathYear> payroll_path(Money payroll, int first, int last, const PathOptions& o = {});

/// Scenario scaling: floor(budget × factor) in whole cents, factor a decimal string ("0.9").
Money scale_exact(Money budget, std::string_view factor);

struct Portfolio;

/// The budget streams of a portfolio as a budget model (name, id, stream name, budget; the
/// stream's reserved cents as one reserved line "reserved"). The Deventer 2014 figures (Tabel 7)
/// are the example portfolio's streams: `budget_model(load_portfolio(".../portfolio.json"))`.
BudgetModel budget_model(const Portfolio& portfolio);

}  // namespace koers::budget
