#pragma once
/// \file
/// PROMETHEE II (Brans & Vincke 1985) with the six preference functions.
#include <koers/decide/wsm.hpp>

namespace koers::decide {

/// Preference degree P(d) of a difference d = g(a) − g(b) (turned around for min criteria):
/// usual 1[d>0]; u-shape 1[d>q]; v-shape min(1, d/p) for d>0; level 0 (d≤q), ½ (q<d≤p), 1 (d>p);
/// linear 0 (d≤q), (d−q)/(p−q) (q<d≤p), 1 (d>p); gaussian 1 − exp(−d²/(2s²)) for d>0.
inline double preference_degree(const Preference& f, double d) {
  if (d <= 0) return 0.0;
  switch (f.function) {
    case PreferenceFunction::usual: return 1.0;
    case PreferenceFunction::u_shape: return d > f.q ? 1.0 : 0.0;
    case PreferenceFunction::v_shape: return d >= f.p ? 1.0 : d / f.p;
    case PreferenceFunction::level: return d <= f.q ? 0.0 : (d <= f.p ? 0.5 : 1.0);
    case PreferenceFunction::linear: return d <= f.q ? 0.0 : (d >= f.p ? 1.0 : (d - f.q) / (f.p - f.q));
    case PreferenceFunction::gaussian: return 1.0 - std::exp(-d * d / (2.0 * f.s * f.s));
  }
  return 0.0;
}

/// Unicriterion net flows φ_j(a) = 1/(m−1) Σ_b [P_j(a,b) − P_j(b,a)], alternatives × criteria
/// (PROMETHEE II's net flow is Σ_j w_j φ_j, linear in the weights). Also gives φ⁺_j, φ⁻_j.
inline void promethee_unicriterion(const DecisionProblem& p, Eigen::MatrixXd& plus, Eigen::MatrixXd& minus) {
  const Eigen::Index m = p.n_alternatives(), nc = p.n_criteria();
  plus = Eigen::MatrixXd::Zero(m, nc);
  minus = Eigen::MatrixXd::Zero(m, nc);
  if (m < 2) return;
  for (Eigen::Index j = 0; j < nc; ++j) {
    const auto& c = p.criteria[static_cast<std::size_t>(j)];
    const Preference f = c.preference.value_or(Preference{});
    const double sgn = c.direction == Direction::max ? 1.0 : -1.0;
    for (Eigen::Index a = 0; a < m; ++a)
      for (Eigen::Index b = 0; b < m; ++b) {
        if (a == b) continue;
        double pab = preference_degree(f, sgn * (p.scores(a, j) - p.scores(b, j)));
        plus(a, j) += pab;
        minus(b, j) += pab;
      }
  }
  plus /= static_cast<double>(m - 1);
  minus /= static_cast<double>(m - 1);
}

/// PROMETHEE II: π(a,b) = Σ_j w_j P_j(a,b); φ⁺(a) = Σ_b π(a,b)/(m−1), φ⁻(a) = Σ_b π(b,a)/(m−1),
/// φ = φ⁺ − φ⁻ (the score; higher is better). Each criterion's preference function and
/// q, p, s come from the criterion (absent: usual). Throws E307 for a normalisation other than none.
inline Ranking promethee2(const DecisionProblem& p, const RankOptions& o = {}) {
  Ranking r = detail::begin_ranking(p, Method::promethee2);
  if (o.normalisation && *o.normalisation != Normalisation::none)
    throw RankingError(Errc::invalid_method, "PROMETHEE II compares raw differences through preference functions; got normalisation '" +
                       to_string(*o.normalisation) + "'", {"normalisation"});
  r.normalisation = "none";
  r.choices.push_back({"normalisation", "none: preference functions on raw differences d = g(a) - g(b) (reversed for min)"});
  for (const auto& c : p.criteria) {
    const Preference f = c.preference.value_or(Preference{});
    r.choices.push_back({"preference/" + c.name, to_string(f.function) + " q=" + fmt_double(f.q) + " p=" + fmt_double(f.p) +
                         " s=" + fmt_double(f.s) + (c.preference ? "" : " (not given: usual)")});
  }
  r.choices.push_back({"flows", "phi+ = sum_b pi(a,b)/(m-1), phi- = sum_b pi(b,a)/(m-1), phi = phi+ - phi-"});
  r.choices.push_back({"score", "net flow phi; higher is better"});
  Eigen::MatrixXd plus, minus;
  promethee_unicriterion(p, plus, minus);
  r.phi_plus = plus * r.weights;
  r.phi_minus = minus * r.weights;
  r.phi = r.phi_plus - r.phi_minus;
  r.contributions = (plus - minus) * r.weights.asDiagonal();
  r.contribution_kind = "weight * unicriterion net flow (sums to phi)";
  r.scores = r.phi;
  r.higher_is_better = true;
  detail::finish_ranking(r, o);
  return r;
}

}  // namespace koers::decide
