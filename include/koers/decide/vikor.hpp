#pragma once
/// \file
/// VIKOR (Opricovic 1998; Opricovic & Tzeng 2004) with the acceptance conditions.
#include <koers/decide/wsm.hpp>

namespace koers::decide {

namespace detail {
/// The stated choices of VIKOR (after "name"); throws E307 for a bad v or a normalisation.
inline void vikor_choices(Ranking& r, const RankOptions& o) {
  if (!(o.v >= 0 && o.v <= 1))
    throw RankingError(Errc::invalid_method, "VIKOR v must lie in [0, 1], got " + fmt_double(o.v), {"v"});
  if (o.normalisation && *o.normalisation != Normalisation::none)
    throw RankingError(Errc::invalid_method, "VIKOR uses its own normalisation (f*-f)/(f*-f-); got '" +
                       to_string(*o.normalisation) + "'", {"normalisation"});
  r.v = o.v;
  r.normalisation = "vikor";
  r.choices.push_back({"normalisation", "vikor: (f*-f)/(f*-f-) with f* the best and f- the worst score per criterion"});
  r.choices.push_back({"v", fmt_double(o.v)});
  r.choices.push_back({"score", "Q; lower is better"});
  r.choices.push_back({"conditions", "C1 acceptable advantage Q(a2)-Q(a1) >= 1/(m-1); C2 acceptable stability: a1 also best by S or R"});
}
inline constexpr const char* vikor_contribution_kind = "weight * (f* - f)/(f* - f-) (sums to S; lower is better)";

/// Q from S and R (filled), the ranking finished, and the acceptance conditions — which need
/// the order: with `o.ranks` false (scores only) they are left unset (compromise empty).
inline void vikor_finish(Ranking& r, const RankOptions& o) {
  const Eigen::Index m = r.S.size();
  const double s0 = r.S.minCoeff(), s1 = r.S.maxCoeff(), r0 = r.R.minCoeff(), r1 = r.R.maxCoeff();
  r.Q.resize(m);
  if (s1 == s0) r.warnings.push_back("every alternative has the same S: the S part of Q is 0");
  if (r1 == r0) r.warnings.push_back("every alternative has the same R: the R part of Q is 0");
  for (Eigen::Index i = 0; i < m; ++i) {
    double qs = s1 > s0 ? (r.S[i] - s0) / (s1 - s0) : 0.0;
    double qr = r1 > r0 ? (r.R[i] - r0) / (r1 - r0) : 0.0;
    r.Q[i] = o.v * qs + (1 - o.v) * qr;
  }
  r.scores = r.Q;
  r.higher_is_better = false;
  finish_ranking(r, o);
  if (!o.ranks) return;
  // acceptance conditions
  const Eigen::Index a1 = r.order.front();
  if (m == 1) {
    r.acceptable_advantage = r.acceptable_stability = true;
    r.compromise = {a1};
    return;
  }
  const double dq = 1.0 / static_cast<double>(m - 1);
  const Eigen::Index a2 = r.order[1];
  r.acceptable_advantage = r.Q[a2] - r.Q[a1] >= dq - 1e-12;
  auto s_ranks = ranks_of(r.S, false), r_ranks = ranks_of(r.R, false);
  r.acceptable_stability = s_ranks[static_cast<std::size_t>(a1)] == 1 || r_ranks[static_cast<std::size_t>(a1)] == 1;
  if (r.acceptable_advantage && r.acceptable_stability) {
    r.compromise = {a1};
  } else if (r.acceptable_advantage) {
    r.compromise = {a1, a2};
  } else {
    for (auto i : r.order)
      if (r.Q[i] - r.Q[a1] < dq - 1e-12 || i == a1) r.compromise.push_back(i);
  }
}
}  // namespace detail

/// VIKOR. f*_j / f⁻_j = best / worst score of criterion j (max for a max criterion);
/// S_i = Σ w_j (f*_j − f_ij)/(f*_j − f⁻_j), R_i = max_j of the same terms,
/// Q_i = v (S_i − S*)/(S⁻ − S*) + (1 − v)(R_i − R*)/(R⁻ − R*); lower Q is better.
/// A constant criterion (f* = f⁻) contributes 0 (warning); S⁻ = S* or R⁻ = R* makes that
/// part 0 (warning). Conditions: C1 acceptable advantage Q(a'') − Q(a') ≥ DQ = 1/(m − 1);
/// C2 acceptable stability: a' is also best by S or by R. Compromise set: {a'} when both
/// hold; {a', a''} when only C2 fails; a', ..., a⁽ᴹ⁾ with Q(a⁽ᴹ⁾) − Q(a') < DQ when C1 fails.
/// Throws E307 when v is outside [0, 1] or a normalisation other than none is asked.
inline Ranking vikor(const DecisionProblem& p, const RankOptions& o = {}) {
  Ranking r = detail::begin_ranking(p, Method::vikor);
  detail::vikor_choices(r, o);
  const Eigen::Index m = p.n_alternatives(), nc = p.n_criteria();
  Eigen::MatrixXd t(m, nc);
  for (Eigen::Index j = 0; j < nc; ++j) {
    auto x = p.scores.col(j);
    double best = p.is_benefit(j) ? x.maxCoeff() : x.minCoeff();
    double worst = p.is_benefit(j) ? x.minCoeff() : x.maxCoeff();
    if (best == worst) {
      r.warnings.push_back("criterion '" + p.criteria[static_cast<std::size_t>(j)].name +
                           "' has one value for every alternative: it contributes nothing");
      t.col(j).setZero();
    } else {
      t.col(j) = r.weights[j] * (best - x.array()) / (best - worst);
    }
  }
  r.contributions = t;
  r.contribution_kind = detail::vikor_contribution_kind;
  r.S = t.rowwise().sum();
  r.R = t.rowwise().maxCoeff();
  detail::vikor_finish(r, o);
  return r;
}

}  // namespace koers::decide
