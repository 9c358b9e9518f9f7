#pragma once
// The JSON value of each koers result: its one writer (never installed). The `*_to_json`
// functions of the public headers dump it as text (the command line's --json, C++ users); the
// Python bindings translate the same value into Python objects (python/bindings/json_value.hpp,
// `to_python`), so fields, key order and null for a number that is not finite are the same on
// every path. A result gets a field by adding it here, once.
#include <koers/budget/plan_costs_json.hpp>
#include <koers/budget/portfolio_json.hpp>
#include <koers/budget/portfolio_sweep.hpp>
#include <koers/budget/selection_json.hpp>
#include <koers/decide/ahp_json.hpp>

#include <nlohmann/json.hpp>

#include <vector>

namespace koers::budget {
/// Why a portfolio is infeasible (the "conflict" of a result and of a sweep's row).
nlohmann::json conflict_value(const Conflict& c);
/// `koers optimise --json` of one solve (result_to_json).
nlohmann::json result_value(const PortfolioResult& r);
/// `{"breakpoints": [...]}` of `koers curve --json` (curve_to_json).
nlohmann::json curve_value(const std::vector<CurvePoint>& pts);
/// `koers select --json` (result_to_json).
nlohmann::json result_value(const SelectionResult& r);
/// The sweep as columns (sweep_to_json).
nlohmann::json sweep_value(const Portfolio& base, const std::vector<SweepResult>& rows);
/// One koers.portfolio scenario as the file writes it (to_json of a PortfolioScenario).
nlohmann::json scenario_value(const PortfolioScenario& s);
/// `koers costs --json` (plan_costs_to_json).
nlohmann::ordered_json plan_costs_value(const PlanCosts& c);
/// One intervention's cost (intervention_cost_to_json).
nlohmann::ordered_json intervention_cost_value(const InterventionCost& c);
}  // namespace koers::budget

namespace koers::decide {
/// A koers.ahp document as koers writes it (to_json).
nlohmann::ordered_json document_value(const AhpDocument& d);
/// `koers ahp --json` (analysis_to_json).
nlohmann::ordered_json analysis_value(const AhpAnalysis& a);
}  // namespace koers::decide
