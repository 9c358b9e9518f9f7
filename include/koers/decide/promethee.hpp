#pragma once
/// \file
/// PROMETHEE II (Brans & Vincke 1985) with the six preference functions.
#include <koers/decide/wsm.hpp>

namespace koers::decide {

/// Preference degree P(d) of a difference d = g(a) − g(b) (turned around for min criteria):
/// usual 1[d>0]; u-shape 1[d>q]; v-shape min(1, d/p) for d>0; level 0 (d≤q), ½ (q<d≤p), 1 (d>p);
/// linear 0 (d≤q), (d−q)/(p−q) (q<d≤p), 1 (d>p); gaussian 1 − exp(−d²/(2s²)) for d>0.
double preference_degree(const Preference& f, double d);

/// Unicriterion net flows φ_j(a) = 1/(m−1) Σ_b [P_j(a,b) − P_j(b,a)], alternatives × criteria
/// (PROMETHEE II's net flow is Σ_j w_j φ_j, linear in the weights). Also gives φ⁺_j, φ⁻_j.
void promethee_unicriterion(const DecisionProblem& p, Eigen::MatrixXd& plus, Eigen::MatrixXd& minus);

/// PROMETHEE II: π(a,b) = Σ_j w_j P_j(a,b); φ⁺(a) = Σ_b π(a,b)/(m−1), φ⁻(a) = Σ_b π(b,a)/(m−1),
/// φ = φ⁺ − φ⁻ (the score; higher is better). Each criterion's preference function and
/// q, p, s come from the criterion (absent: usual). Throws E307 for a normalisation other than none.
Ranking promethee2(const DecisionProblem& p, const RankOptions& o = {});

}  // namespace koers::decide
