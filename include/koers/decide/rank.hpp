#pragma once
/// \file
/// One entry point for every ranking method.
#include <koers/decide/promethee.hpp>
#include <koers/decide/spotis.hpp>
#include <koers/decide/topsis.hpp>
#include <koers/decide/vikor.hpp>
#include <koers/decide/wsm.hpp>

namespace koers::decide {

/// Rank with the method chosen in `o` (see each method's header for its definition).
inline Ranking rank(const DecisionProblem& p, const RankOptions& o = {}) {
  switch (o.method) {
    case Method::wsm: return wsm(p, o);
    case Method::topsis: return topsis(p, o);
    case Method::vikor: return vikor(p, o);
    case Method::promethee2: return promethee2(p, o);
    case Method::spotis: return spotis(p, o);
  }
  throw RankingError(Errc::invalid_method, "unknown ranking method", {});
}

namespace detail {

/// Runs `f(i, j, x_ij)` over every element in the order of the memory (rows of a row-major
/// matrix, columns of a column-major one).
template <class F>
inline void for_each_in_place(const MatrixView& x, F&& f) {
  const Eigen::Index m = x.rows(), n = x.cols(), is = x.innerStride(), os = x.outerStride();
  const double* d = x.data();
  if (is == 1 || n == 1) {
    for (Eigen::Index j = 0; j < n; ++j)
      for (Eigen::Index i = 0; i < m; ++i) f(i, j, d[i * is + j * os]);
  } else {
    for (Eigen::Index i = 0; i < m; ++i)
      for (Eigen::Index j = 0; j < n; ++j) f(i, j, d[i * is + j * os]);
  }
}

/// rank_matrix for TOPSIS, WSM and VIKOR on a valid matrix with an affine normalisation;
/// std::nullopt whenever a case needs the general path (its warning, its error or its layout).
inline std::optional<Ranking> rank_in_place(const MatrixView& x, const Eigen::Ref<const Eigen::VectorXd>& weights,
                                            const std::vector<Direction>& directions, const RankOptions& o) {
  const Eigen::Index m = x.rows(), n = x.cols();
  const bool layout_ok = x.innerStride() == 1 || x.outerStride() == 1;
  if (m == 0 || n == 0 || !layout_ok || weights.size() != n || static_cast<Eigen::Index>(directions.size()) != n ||
      o.contributions || !o.value_functions.empty() ||
      !(o.method == Method::topsis || o.method == Method::wsm || o.method == Method::vikor))
    return std::nullopt;
  double wsum = 0;
  for (Eigen::Index j = 0; j < n; ++j) {
    if (!std::isfinite(weights[j]) || weights[j] < 0) return std::nullopt;
    wsum += weights[j];
  }
  if (!(wsum > 0)) return std::nullopt;
  // the problem without its scores: names, directions and weights, for the stated choices
  DecisionProblem shell;
  for (Eigen::Index j = 0; j < n; ++j) {
    Criterion c;
    c.name = "C" + std::to_string(j + 1);
    c.direction = directions[static_cast<std::size_t>(j)];
    c.weight = weights[j];
    shell.criteria.push_back(std::move(c));
  }
  // one pass: min, max, sum, sum of squares per column (non-finite scores show in the sums)
  std::vector<ColumnStats> st(static_cast<std::size_t>(n));
  for (Eigen::Index j = 0; j < n; ++j) st[static_cast<std::size_t>(j)] = {x(0, j), x(0, j), 0.0, 0.0};
  const Normalisation norm = o.method == Method::vikor ? Normalisation::none
                             : o.normalisation.value_or(o.method == Method::topsis ? Normalisation::vector : Normalisation::minmax);
  const bool squares = norm == Normalisation::vector;
  for_each_in_place(x, [&](Eigen::Index, Eigen::Index j, double v) {
    ColumnStats& s = st[static_cast<std::size_t>(j)];
    s.min = v < s.min ? v : s.min;
    s.max = v > s.max ? v : s.max;
    s.sum += v;
    if (squares) s.sumsq += v * v;
  });
  for (const auto& s : st)
    if (!std::isfinite(s.sum) || !std::isfinite(s.sumsq) || !std::isfinite(s.min) || !std::isfinite(s.max))
      return std::nullopt;  // the general path names the score that is not finite
  Ranking r;
  r.method = o.method;
  r.weights = used_weights(shell, r.warnings);
  r.choices.push_back({"name", to_string(o.method)});
  // per column: the term's affine form a·x + b (weighted, benefit-oriented)
  Eigen::VectorXd a(n), b(n);
  if (o.method == Method::vikor) {
    if (o.normalisation && *o.normalisation != Normalisation::none) return std::nullopt;
    if (!(o.v >= 0 && o.v <= 1)) return std::nullopt;
    vikor_choices(r, o);
    for (Eigen::Index j = 0; j < n; ++j) {  // t = w (f* − x)/(f* − f⁻)
      const auto& s = st[static_cast<std::size_t>(j)];
      const double best = shell.is_benefit(j) ? s.max : s.min, worst = shell.is_benefit(j) ? s.min : s.max;
      if (best == worst) return std::nullopt;  // its warning: the general path
      a[j] = -r.weights[j] / (best - worst);
      b[j] = r.weights[j] * best / (best - worst);
    }
    r.S = Eigen::VectorXd::Zero(m);
    r.R = Eigen::VectorXd::Zero(m);
    double* S = r.S.data();
    double* R = r.R.data();
    for_each_in_place(x, [&](Eigen::Index i, Eigen::Index j, double v) {
      const double t = a[j] * v + b[j];
      S[i] += t;
      R[i] = j == 0 || t > R[i] ? t : R[i];
    });
    if (r.S.minCoeff() == r.S.maxCoeff() || r.R.minCoeff() == r.R.maxCoeff()) return std::nullopt;
    r.contribution_kind = vikor_contribution_kind;
    vikor_finish(r, o);
    return r;
  }
  for (Eigen::Index j = 0; j < n; ++j) {
    auto af = affine_form(st[static_cast<std::size_t>(j)], shell.criteria[static_cast<std::size_t>(j)], norm);
    if (!af) return std::nullopt;  // a column that does not discriminate, or cost max/sum: the general path
    a[j] = r.weights[j] * af->first;
    b[j] = r.weights[j] * af->second;
  }
  r.scores.resize(m);
  if (o.method == Method::wsm) {
    wsm_choices(r, norm, "");
    r.scores.setConstant(b.sum());
    double* s = r.scores.data();
    for_each_in_place(x, [&](Eigen::Index i, Eigen::Index j, double v) { s[i] += a[j] * v; });
    r.contribution_kind = "weight * normalised value (sums to the score)";
    r.higher_is_better = true;
    finish_ranking(r, o);
    return r;
  }
  topsis_choices(r, norm);
  Eigen::VectorXd best(n), worst(n);
  for (Eigen::Index j = 0; j < n; ++j) {
    const auto& s = st[static_cast<std::size_t>(j)];
    best[j] = a[j] >= 0 ? a[j] * s.max + b[j] : a[j] * s.min + b[j];
    worst[j] = a[j] >= 0 ? a[j] * s.min + b[j] : a[j] * s.max + b[j];
  }
  r.d_plus = Eigen::VectorXd::Zero(m);
  r.d_minus = Eigen::VectorXd::Zero(m);
  double* dp = r.d_plus.data();
  double* dm = r.d_minus.data();
  for_each_in_place(x, [&](Eigen::Index i, Eigen::Index j, double v) {
    const double t = a[j] * v + b[j], e = t - best[j], f = t - worst[j];
    dp[i] += e * e;
    dm[i] += f * f;
  });
  for (Eigen::Index i = 0; i < m; ++i) {
    dp[i] = std::sqrt(dp[i]);
    dm[i] = std::sqrt(dm[i]);
    const double d = dp[i] + dm[i];
    if (!(d > 0)) return std::nullopt;  // its warning (closeness 0.5): the general path
    r.scores[i] = dm[i] / d;
  }
  r.contribution_kind = topsis_contribution_kind;
  r.higher_is_better = true;
  finish_ranking(r, o);
  return r;
}

}  // namespace detail

/// Rank straight from a matrix (alternatives × criteria), `weights` one per criterion and
/// `directions`: the same result as `rank(make_problem(x, weights, directions), o)` — scores,
/// choices, warnings and errors — but TOPSIS, WSM and VIKOR with an affine normalisation read
/// `x` in place, in its memory order (no copy), with two passes over it, and sort only when
/// `o.ranks`. Everything else (other methods, contributions, value functions, a warning or an
/// error to report, other layouts) takes the general path.
inline Ranking rank_matrix(const MatrixView& x, const Eigen::Ref<const Eigen::VectorXd>& weights,
                           const std::vector<Direction>& directions, const RankOptions& o = {}) {
  if (auto r = detail::rank_in_place(x, weights, directions, o)) return std::move(*r);
  return rank(make_problem(x, weights, directions), o);
}

}  // namespace koers::decide
