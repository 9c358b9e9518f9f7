#pragma once
/// \file
/// The versioned JSON formats `koers.portfolio` v1 (schemas/portfolio.schema.json) and the JSON
/// shape of the results of `koers optimise` / `koers curve`. Defined in src/budget_json.cpp.
///
/// Reading never half-loads: any problem throws before a Portfolio is returned —
/// InputError E101 not JSON, E102 wrong format, E103 version, E104 unknown field (JSON path),
/// E105 missing field, E106 wrong type (a float or a string where cents are expected),
/// E107 invalid value (negative cents); then Portfolio::validate() (E200, E201, E202, E402,
/// E403, E404, E406, E114).
#include <koers/budget/portfolio.hpp>

#include <string>
#include <string_view>
#include <vector>

namespace koers::budget {

/// The newest portfolio format version this koers reads and writes.
inline constexpr int portfolio_format_version = 1;

/// Parse koers.portfolio JSON text; `origin` names the source in messages.
Portfolio parse_portfolio(std::string_view text, const std::string& origin = "portfolio");
/// Load a koers.portfolio file (E100 when it cannot be read).
Portfolio load_portfolio(const std::string& path);
/// The portfolio as koers.portfolio JSON (`indent` < 0: one line). parse(to_json(p)) == p.
std::string to_json(const Portfolio& p, int indent = 2);
/// Write a koers.portfolio file (E100 when it cannot be written).
void save_portfolio(const Portfolio& p, const std::string& path);

/// One scenario as in a file's `scenarios` list (the names it uses are checked by
/// Portfolio::validate, not here).
PortfolioScenario parse_portfolio_scenario(std::string_view text, const std::string& origin = "scenario");
/// One scenario as a JSON object of a file's `scenarios` list.
std::string to_json(const PortfolioScenario& s, int indent = -1);

/// The old field names the readers of this thread (portfolio, scenario, selection) accepted since
/// the last call, one note each ("/items/0/pinned: 'pinned' is the old name of 'mandatory' ..."),
/// for the caller to warn about; the list is emptied. Old names are read for one release:
/// "force_items" (now "mandatory_items") in scenarios; "pinned" ("mandatory") and "needs"
/// ("requires") in selection items.
std::vector<std::string> take_deprecation_notes();

/// A result as the JSON object of `koers optimise --json` (without "scenarios"):
/// {"status", "optimum", "selected", "spent_cents", "bound", "gap", "unique", "binding",
///  "conflict"?, "capacity_cents", "alternative", "nodes", "seconds"}.
std::string result_to_json(const PortfolioResult& r, int indent = -1);
/// Breakpoints as {"breakpoints": [{"budget_cents", "optimum", "selected"}]}.
std::string curve_to_json(const std::vector<CurvePoint>& pts, int indent = -1);

}  // namespace koers::budget
