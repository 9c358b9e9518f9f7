#pragma once
/// \file
/// SPOTIS (Dezert, Tchamova, Han & Tacnet 2020): distance to the ideal of the criteria scales.
#include <koers/decide/wsm.hpp>

namespace koers::decide {

/// SPOTIS. Bounds [lo_j, hi_j] are the criteria scales (required: E308 names a criterion
/// without one); ideal s*_j = hi_j for max, lo_j for min; d_i = Σ_j w_j |x_ij − s*_j|/(hi_j − lo_j);
/// lower is better. Rank-reversal free since the bounds do not depend on the alternatives.
inline Ranking spotis(const DecisionProblem& p, const RankOptions& o = {}) {
  Ranking r = detail::begin_ranking(p, Method::spotis);
  if (o.normalisation && *o.normalisation != Normalisation::scale && *o.normalisation != Normalisation::none)
    throw RankingError(Errc::invalid_method, "SPOTIS takes its bounds from the criteria scales; got normalisation '" +
                       to_string(*o.normalisation) + "'", {"normalisation"});
  for (const auto& c : p.criteria)
    if (!c.scale)
      throw RankingError(Errc::invalid_scale, "criterion '" + c.name + "' has no scale; SPOTIS takes its bounds from the scales",
                         {c.name});
  r.normalisation = "scale";
  r.choices.push_back({"normalisation", "scale: |x - s*|/(hi - lo), bounds [lo, hi] from the criteria scales"});
  r.choices.push_back({"ideal", "s* = hi for max criteria, lo for min criteria"});
  r.choices.push_back({"score", "weighted distance to the ideal; lower is better"});
  const Eigen::Index m = p.n_alternatives(), nc = p.n_criteria();
  Eigen::MatrixXd t(m, nc);
  for (Eigen::Index j = 0; j < nc; ++j) {
    const auto& c = p.criteria[static_cast<std::size_t>(j)];
    const double ideal = c.direction == Direction::max ? c.scale->hi : c.scale->lo;
    t.col(j) = r.weights[j] * (p.scores.col(j).array() - ideal).abs() / (c.scale->hi - c.scale->lo);
  }
  r.contributions = t;
  r.contribution_kind = "weight * normalised distance to the ideal (sums to the score; lower is better)";
  r.scores = t.rowwise().sum();
  r.higher_is_better = false;
  detail::finish_ranking(r, o);
  return r;
}

}  // namespace koers::decide
