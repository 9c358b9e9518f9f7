#pragma once
/// \file
/// Weighted sum (simple additive weighting), with per-criterion value functions.
#include <koers/decide/ranking.hpp>

namespace koers::decide {

namespace detail {
/// Start a ranking: validate, take the normalised weights, state method and tie rule.
inline Ranking begin_ranking(const DecisionProblem& p, Method m) {
  p.validate();
  Ranking r;
  r.method = m;
  r.weights = used_weights(p, r.warnings);
  r.choices.push_back({"name", to_string(m)});
  return r;
}
inline void finish_ranking(Ranking& r, const RankOptions& o) {
  if (!o.contributions) {
    r.contributions.resize(0, 0);
    r.contribution_kind = "not computed (contributions = false)";
  }
  r.choices.push_back({"tie_rule", tie_rule_text});
  r.choices.push_back({"weights", "the criteria weights, normalised to sum 1"});
  if (o.ranks) assign_ranks(r);
}
/// The stated choices of the weighted sum (after "name").
inline void wsm_choices(Ranking& r, Normalisation n, const std::string& value_functions) {
  r.normalisation = to_string(n);
  r.choices.push_back({"normalisation", describe(n)});
  r.choices.push_back({"value_functions", value_functions.empty() ? "none" : "piecewise-linear value functions on: " + value_functions});
  r.choices.push_back({"score", "sum over criteria of weight * value; higher is better"});
}
/// Benefit-oriented utility matrix of the weighted sum: value functions where given, else the normalisation.
inline Eigen::MatrixXd wsm_values(const DecisionProblem& p, const RankOptions& o, Normalisation n,
                                  std::vector<std::string>* warnings) {
  Eigen::MatrixXd u(p.scores.rows(), p.scores.cols());
  for (Eigen::Index j = 0; j < p.n_criteria(); ++j) {
    const auto& c = p.criteria[static_cast<std::size_t>(j)];
    const auto uj = static_cast<std::size_t>(j);
    if (uj < o.value_functions.size() && o.value_functions[uj]) {
      const auto& f = *o.value_functions[uj];
      f.check(c.name);
      for (Eigen::Index i = 0; i < p.scores.rows(); ++i) u(i, j) = f(p.scores(i, j));
    } else {
      u.col(j) = normalise_column(p.scores.col(j), c, n, warnings);
    }
  }
  return u;
}
}  // namespace detail

/// Weighted sum: score_i = Σ_j w_j·u_ij with u the normalised scores (default minmax) or the
/// criterion's value function. Higher is better. Throws what `validate()` and the
/// normalisation throw; E307 for a bad value function; E109 for a value-function list of the wrong size.
inline Ranking wsm(const DecisionProblem& p, const RankOptions& o = {}) {
  Ranking r = detail::begin_ranking(p, Method::wsm);
  Normalisation n = o.normalisation.value_or(Normalisation::minmax);
  if (!o.value_functions.empty() && static_cast<Eigen::Index>(o.value_functions.size()) != p.n_criteria())
    throw InputError::size_mismatch("value_functions", static_cast<long long>(o.value_functions.size()), p.n_criteria());
  std::string vf;
  for (std::size_t j = 0; j < o.value_functions.size(); ++j)
    if (o.value_functions[j]) vf += (vf.empty() ? "" : ", ") + p.criteria[j].name;
  detail::wsm_choices(r, n, vf);
  Eigen::MatrixXd u = detail::wsm_values(p, o, n, &r.warnings);
  r.contributions = u * r.weights.asDiagonal();
  r.contribution_kind = "weight * normalised value (sums to the score)";
  r.scores = r.contributions.rowwise().sum();
  r.higher_is_better = true;
  detail::finish_ranking(r, o);
  return r;
}

}  // namespace koers::decide
