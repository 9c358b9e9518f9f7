#pragma once
/// \file
/// JSON for the plan costing (`koers costs --json`, `koers.budget.cost_plan`). Defined in
/// src/budget_costs.cpp.
///
/// Options: {"ilb_share": "0.5", "uptake": "1", "ilb_stream": "", "rounding": "half_even",
///           "costs": {intervention id: {"fixed_cents", "per_run_cents", "runs", "per_participant_cents",
///                     "participants", "uptake", "ilb_share", "hours_per_participant", "cost_cents"}}}
/// — every field optional; cents and counts are JSON integers (a float is E106, negative E107);
/// shares and uptake are decimal strings ("0.5") or fractions ("1/3"); hours a number or such a
/// string; unknown fields E104 with their JSON path.
/// Result: see docs/budget.md ("koers costs --json").
#include <koers/budget/plan_costs.hpp>

#include <map>
#include <string>
#include <string_view>

namespace koers::budget {

/// Read the options of cost_plan from JSON text (`origin` names the source in messages).
PlanCostOptions parse_plan_cost_options(std::string_view text, const std::string& origin = "cost options");
/// The overrides file of `koers costs --costs FILE`: {intervention id: the override fields of
/// "costs" above}, read with the same checks; JSON paths start at the top of the file
/// ("/iv.x/runs") and every message names `origin`.
std::map<std::string, CostOverride> parse_cost_overrides(std::string_view text, const std::string& origin = "costs");
/// Read a --costs file (io::read_file: E100 unreadable, E117 past 1 GiB) with parse_cost_overrides.
std::map<std::string, CostOverride> load_cost_overrides(const std::string& path);
/// The plan costing as JSON (`indent` < 0: one line).
std::string plan_costs_to_json(const PlanCosts& c, int indent = -1);
/// One intervention's cost model and what it costs (intervention_cost).
struct InterventionCost {
  CostModel model;
  CostBreakdown cost;
};
/// One cost model (the override fields, plus "element", "rounding" and "target_group_sizes"
/// [ints], used with "uptake" when "participants" is absent), read from JSON text and costed by cost().
InterventionCost intervention_cost(std::string_view text, const std::string& origin = "cost model");
/// An intervention's cost as JSON: participants, the parts, ILB and own cents, the exact and rounded unit costs.
std::string intervention_cost_to_json(const InterventionCost& c, int indent = -1);
/// intervention_cost_to_json(intervention_cost(text, origin)).
std::string intervention_cost_json(std::string_view text, const std::string& origin = "cost model");
/// A Ratio as text: "7", "15/2".
std::string ratio_text(const Ratio& r);

}  // namespace koers::budget
