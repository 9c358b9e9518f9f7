#pragma once
/// \file
/// TOPSIS (Hwang & Yoon 1981): closeness to the ideal over the weighted normalised matrix.
#include <koers/decide/wsm.hpp>

namespace koers::decide {

/// TOPSIS. v_ij = w_j·r_ij with r the benefit-oriented normalisation (default vector);
/// ideal A⁺ = column max of v, anti-ideal A⁻ = column min; Euclidean distances D⁺, D⁻;
/// closeness C_i = D⁻/(D⁺ + D⁻), higher is better. When D⁺ + D⁻ = 0 (the alternative equals
/// both, every alternative identical) C = 0.5 with a warning.
inline Ranking topsis(const DecisionProblem& p, const RankOptions& o = {}) {
  Ranking r = detail::begin_ranking(p, Method::topsis);
  Normalisation n = o.normalisation.value_or(Normalisation::vector);
  r.normalisation = to_string(n);
  r.choices.push_back({"normalisation", describe(n)});
  r.choices.push_back({"distance", "euclidean"});
  r.choices.push_back({"ideal", "column max / min of the weighted normalised (benefit-oriented) matrix"});
  r.choices.push_back({"score", "closeness D-/(D+ + D-); higher is better"});
  Eigen::MatrixXd v = normalise(p, n, &r.warnings) * r.weights.asDiagonal();
  Eigen::RowVectorXd best = v.colwise().maxCoeff(), worst = v.colwise().minCoeff();
  r.d_plus = (v.rowwise() - best).rowwise().norm();
  r.d_minus = (v.rowwise() - worst).rowwise().norm();
  r.scores.resize(v.rows());
  bool degenerate = false;
  for (Eigen::Index i = 0; i < v.rows(); ++i) {
    double d = r.d_plus[i] + r.d_minus[i];
    if (d > 0) r.scores[i] = r.d_minus[i] / d;
    else { r.scores[i] = 0.5; degenerate = true; }
  }
  if (degenerate) r.warnings.push_back("every alternative equals the ideal and the anti-ideal: closeness set to 0.5");
  r.contributions = v;
  r.contribution_kind = "weight * normalised value (TOPSIS is not additive: these explain, they do not sum to the score)";
  r.higher_is_better = true;
  detail::finish_ranking(r);
  return r;
}

}  // namespace koers::decide
