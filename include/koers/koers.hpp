#pragma once
/// \file
/// Everything koers offers, in one include. Each header holds one concept; include the ones
/// you need to keep compile times down.

// core: exact decimals, money, dates and the Dutch calendar, errors with stable codes
#include <koers/core/calendar.hpp>
#include <koers/core/decimal.hpp>
#include <koers/core/error.hpp>
#include <koers/core/hours.hpp>
#include <koers/core/money.hpp>
#include <koers/version.hpp>
// model: the strategy graph, its kinds, validation and the koers.model format
#include <koers/model/kinds.hpp>
#include <koers/model/model_json.hpp>
#include <koers/model/strategy_graph.hpp>
// analysis: coverage, trace, reach, 70/20/10 mix, removal impact, diff, GRL evaluation
#include <koers/analysis/coverage.hpp>
#include <koers/analysis/diff.hpp>
#include <koers/analysis/grl.hpp>
#include <koers/analysis/impact.hpp>
#include <koers/analysis/mix.hpp>
#include <koers/analysis/reach.hpp>
#include <koers/analysis/trace.hpp>
// decide: decision problems, ranking methods, weights, sensitivity, SMAA-2, AHP
#include <koers/decide/ahp.hpp>
#include <koers/decide/ahp_group.hpp>
#include <koers/decide/ahp_json.hpp>
#include <koers/decide/dominance.hpp>
#include <koers/decide/normalise.hpp>
#include <koers/decide/problem.hpp>
#include <koers/decide/problem_json.hpp>
#include <koers/decide/promethee.hpp>
#include <koers/decide/random_index.hpp>
#include <koers/decide/rank.hpp>
#include <koers/decide/ranking.hpp>
#include <koers/decide/sensitivity.hpp>
#include <koers/decide/smaa.hpp>
#include <koers/decide/spotis.hpp>
#include <koers/decide/topsis.hpp>
#include <koers/decide/vikor.hpp>
#include <koers/decide/weights.hpp>
#include <koers/decide/wsm.hpp>
// budget: streams, scenarios, sweeps, exact portfolio optimisation, selection under hours
#include <koers/budget/budget_model.hpp>
#include <koers/budget/cost_model.hpp>
#include <koers/budget/plan_costs.hpp>
#include <koers/budget/portfolio.hpp>
#include <koers/budget/portfolio_json.hpp>
#include <koers/budget/portfolio_sweep.hpp>
#include <koers/budget/selection.hpp>
#include <koers/budget/selection_json.hpp>
// io: foreign formats
#include <koers/io/archimate.hpp>
#include <koers/io/csv.hpp>
#include <koers/io/jucm.hpp>
// learning: the academy event log, learning-time entitlement, expert capacity, demand vs supply
#include <koers/learning/academy.hpp>
#include <koers/learning/capacity.hpp>
#include <koers/learning/demand.hpp>
#include <koers/learning/entitlement.hpp>
