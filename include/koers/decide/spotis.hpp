#pragma once
/// \file
/// SPOTIS (Dezert, Tchamova, Han & Tacnet 2020): distance to the ideal of the criteria scales.
#include <koers/decide/wsm.hpp>

namespace koers::decide {

/// SPOTIS. Bounds [lo_j, hi_j] are the criteria scales (required: E308 names a criterion
/// without one); ideal s*_j = hi_j for max, lo_j for min; d_i = Σ_j w_j |x_ij − s*_j|/(hi_j − lo_j);
/// lower is better. Rank-reversal free since the bounds do not depend on the alternatives.
Ranking spotis(const DecisionProblem& p, const RankOptions& o = {});

}  // namespace koers::decide
