#pragma once
/// \file
/// `koers::budget::cost_plan`: the cost of every intervention of a strategy graph (a CostModel per
/// intervention, from the model's fields or an override), who pays (the stream it is `funded_by`,
/// and the ILB parts on the personal-development stream), the unit costs, and per stream the
/// totals against the budget. Exact cents throughout (see cost_model.hpp for the rules).
///
/// The cost model of an intervention, from the model (docs/budget.md, "Costing the plan"):
/// - `cost_cents` with `participants` (> 0): priced per participant, per_participant =
///   cost_cents / participants — when that is a whole number of cents; otherwise a fixed amount
///   (with a note);
/// - `cost_cents` without `participants`: a fixed amount; the participants come from the target
///   groups (`targets` edges, each group's `size`) × uptake, for the unit costs;
/// - no `cost_cents`: not costed (listed in `uncosted`, left out of the totals);
/// - `ilb_contribution: true`: the ILB share is `PlanCostOptions::ilb_share` (the model gives none);
/// - `duration_hours`: learning hours per participant, exactly as written.
/// An override (`PlanCostOptions::overrides`, by intervention id) replaces any of these: when it
/// gives a price (fixed / per_run / runs / per_participant) that price is the cost model, and the
/// model's cost_cents (or the override's `cost`) must equal its total (E404).
#include <koers/budget/cost_model.hpp>
#include <koers/model/strategy_graph.hpp>

#include <map>
#include <optional>
#include <string>
#include <vector>

namespace koers::budget {

/// Changes to one intervention's cost model; every field optional.
struct CostOverride {
  std::optional<Money> fixed, per_run, per_participant;
  std::optional<std::int64_t> runs, participants;
  std::optional<Ratio> uptake, ilb_share, hours_per_participant;
  std::optional<Money> cost;  ///< the stated total (replaces the model's cost_cents)
  bool prices() const { return fixed || per_run || per_participant || runs; }
};

struct PlanCostOptions {
  Ratio ilb_share{1, 2};   ///< for interventions with ilb_contribution (illustrative default: half)
  Ratio uptake{1, 1};      ///< share of the target groups that takes part (participants from sizes)
  std::string ilb_stream;  ///< the stream that holds the ILBs; "" = the budget stream named personal/persoonlijk
  CostOptions rounding;
  std::map<std::string, CostOverride> overrides;  ///< by intervention id (E403 for unknown ids)
};

/// One intervention's line of the plan costing.
struct CostLine {
  std::string id, name;
  std::string stream;             ///< the budget stream it is funded_by ("" when none)
  bool costed = false;            ///< false: no cost known (the money fields are 0)
  std::string participants_from;  ///< "model", "override", "target_groups" or "" (unknown)
  std::vector<std::string> target_groups;
  CostModel model;
  CostBreakdown cost;
  std::vector<std::string> notes;
};

/// One budget stream: its budget against what the plan commits to it.
struct StreamCost {
  std::string id, name;  ///< id "" = interventions without a funded_by stream
  std::optional<Money> budget;
  Money own;                  ///< own parts of the interventions funded by it
  Money ilb;                  ///< ILB parts (only on the ILB stream)
  Money committed;            ///< own + ilb
  std::optional<Money> free;  ///< budget − committed (negative: over budget)
};

struct PlanCosts {
  std::string name;
  std::vector<CostLine> lines;
  std::vector<StreamCost> streams;
  std::string ilb_stream;                          ///< "" when nothing is charged to an ILB and none was found
  Money total, own, ilb;                           ///< over the costed interventions
  std::int64_t participants = 0;                   ///< participant places of the costed interventions with a count
  Ratio learning_hours{0, 1};                      ///< of the costed interventions with participants and hours
  std::optional<Ratio> per_participant, per_hour;  ///< Σ cost / Σ participants (Σ hours), same lines
  std::optional<Money> per_participant_rounded, per_hour_rounded;
  Rounding rounding = Rounding::half_even;
  std::vector<std::string> uncosted;
};

namespace detail {
bool names_personal(const Node& n);
}  // namespace detail

/// Cost every intervention of `g` (in the graph's order). Errors name the element: E403 an
/// override for an unknown intervention, E402 an unknown ILB stream (or none found when an ILB part
/// is due), E207 a target group without a size when participants come from it and are needed, and
/// those of `cost()` (E107, E114, E404).
PlanCosts cost_plan(const StrategyGraph& g, const PlanCostOptions& o = {});

}  // namespace koers::budget
