#pragma once
/// \file
/// Weighted sum (simple additive weighting), with per-criterion value functions.
#include <koers/decide/ranking.hpp>

namespace koers::decide {

namespace detail {
/// Start a ranking: validate, take the normalised weights, state method and tie rule.
Ranking begin_ranking(const DecisionProblem& p, Method m);
void finish_ranking(Ranking& r, const RankOptions& o);
/// The stated choices of the weighted sum (after "name").
void wsm_choices(Ranking& r, Normalisation n, const std::string& value_functions);
/// Benefit-oriented utility matrix of the weighted sum: value functions where given, else the normalisation.
Eigen::MatrixXd wsm_values(const DecisionProblem& p, const RankOptions& o, Normalisation n,
                           std::vector<std::string>* warnings);
}  // namespace detail

/// Weighted sum: score_i = Σ_j w_j·u_ij with u the normalised scores (default minmax) or the
/// criterion's value function. Higher is better. Throws what `validate()` and the
/// normalisation throw; E307 for a bad value function; E109 for a value-function list of the wrong size.
Ranking wsm(const DecisionProblem& p, const RankOptions& o = {});

}  // namespace koers::decide
