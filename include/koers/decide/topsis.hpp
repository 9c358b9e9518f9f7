#pragma once
/// \file
/// TOPSIS (Hwang & Yoon 1981): closeness to the ideal over the weighted normalised matrix.
#include <koers/decide/wsm.hpp>

namespace koers::decide {

namespace detail {
/// The stated choices of TOPSIS (after "name").
inline void topsis_choices(Ranking& r, Normalisation n) {
  r.normalisation = to_string(n);
  r.choices.push_back({"normalisation", describe(n)});
  r.choices.push_back({"distance", "euclidean"});
  r.choices.push_back({"ideal", "column max / min of the weighted normalised (benefit-oriented) matrix"});
  r.choices.push_back({"score", "closeness D-/(D+ + D-); higher is better"});
}
inline constexpr const char* topsis_contribution_kind =
    "weight * normalised value (TOPSIS is not additive: these explain, they do not sum to the score)";
}  // namespace detail

/// TOPSIS. v_ij = w_j·r_ij with r the benefit-oriented normalisation (default vector);
/// ideal A⁺ = column max of v, anti-ideal A⁻ = column min; Euclidean distances D⁺, D⁻;
/// closeness C_i = D⁻/(D⁺ + D⁻), higher is better. When D⁺ + D⁻ = 0 (the alternative equals
/// both, every alternative identical) C = 0.5 with a warning.
inline Ranking topsis(const DecisionProblem& p, const RankOptions& o = {}) {
  Ranking r = detail::begin_ranking(p, Method::topsis);
  Normalisation n = o.normalisation.value_or(Normalisation::vector);
  detail::topsis_choices(r, n);
  const Eigen::Index m = p.n_alternatives();
  Eigen::MatrixXd v(o.contributions ? m : 0, p.n_criteria());
  Eigen::ArrayXd dp = Eigen::ArrayXd::Zero(m), dm = Eigen::ArrayXd::Zero(m);
  for (Eigen::Index j = 0; j < p.n_criteria(); ++j) {
    // column by column (contiguous): weighted normalised value, squared gaps to the column's best and worst
    const auto& c = p.criteria[static_cast<std::size_t>(j)];
    const ColumnStats st = column_stats(p.scores.col(j));
    if (auto af = affine_form(st, c, n)) {
      // fused: v = A x + B; its best and worst follow from the column's min and max
      const double A = r.weights[j] * af->first, B = r.weights[j] * af->second;
      const double best = A >= 0 ? A * st.max + B : A * st.min + B;
      const double worst = A >= 0 ? A * st.min + B : A * st.max + B;
      const double* x = p.scores.col(j).data();
      double* vj = o.contributions ? v.col(j).data() : nullptr;
      double* pp = dp.data();
      double* pm = dm.data();
      for (Eigen::Index i = 0; i < m; ++i) {
        const double t = A * x[i] + B, e = t - best, f = t - worst;
        if (vj) vj[i] = t;
        pp[i] += e * e;
        pm[i] += f * f;
      }
    } else {
      Eigen::VectorXd vc = r.weights[j] * normalise_column(p.scores.col(j), c, n, &r.warnings);
      const double best = vc.maxCoeff(), worst = vc.minCoeff();
      dp += (vc.array() - best).square();
      dm += (vc.array() - worst).square();
      if (o.contributions) v.col(j) = vc;
    }
  }
  r.d_plus = dp.sqrt().matrix();
  r.d_minus = dm.sqrt().matrix();
  r.scores.resize(m);
  bool degenerate = false;
  for (Eigen::Index i = 0; i < m; ++i) {
    double d = r.d_plus[i] + r.d_minus[i];
    if (d > 0) r.scores[i] = r.d_minus[i] / d;
    else { r.scores[i] = 0.5; degenerate = true; }
  }
  if (degenerate) r.warnings.push_back("every alternative equals the ideal and the anti-ideal: closeness set to 0.5");
  r.contributions = std::move(v);
  r.contribution_kind = detail::topsis_contribution_kind;
  r.higher_is_better = true;
  detail::finish_ranking(r, o);
  return r;
}

}  // namespace koers::decide
