// The ranking methods (weighted sum, TOPSIS, VIKOR, PROMETHEE II, SPOTIS), `rank` and the
// in-place `rank_matrix`. Declarations: include/koers/decide/wsm.hpp, topsis.hpp, vikor.hpp,
// promethee.hpp, spotis.hpp, rank.hpp.
#include <koers/decide/rank.hpp>

#include <cmath>
#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace koers::decide {

namespace detail {

Ranking begin_ranking(const DecisionProblem& p, Method m) {
  p.validate();
  Ranking r;
  r.method = m;
  r.weights = used_weights(p, r.warnings);
  r.choices.push_back({"name", to_string(m)});
  return r;
}

void finish_ranking(Ranking& r, const RankOptions& o) {
  // A safety net behind the bounds validate() puts on scores: a ranking never holds NaN.
  if (!r.scores.allFinite())
    throw RankingError(Errc::numeric_overflow,
                       to_string(r.method) + " scores overflowed (a score is not a finite number)", {});
  if (!o.contributions) {
    r.contributions.resize(0, 0);
    r.contribution_kind = "not computed (contributions = false)";
  }
  r.choices.push_back({"tie_rule", tie_rule_text});
  r.choices.push_back({"weights", "the criteria weights, normalised to sum 1"});
  if (o.ranks) assign_ranks(r);
}

void wsm_choices(Ranking& r, Normalisation n, const std::string& value_functions) {
  r.normalisation = to_string(n);
  r.choices.push_back({"normalisation", describe(n)});
  r.choices.push_back({"value_functions",
                       value_functions.empty() ? "none" : "piecewise-linear value functions on: " + value_functions});
  r.choices.push_back({"score", "sum over criteria of weight * value; higher is better"});
}

Eigen::MatrixXd wsm_values(const DecisionProblem& p, const RankOptions& o, Normalisation n,
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

Ranking wsm(const DecisionProblem& p, const RankOptions& o) {
  Ranking r = detail::begin_ranking(p, Method::wsm);
  Normalisation n = o.normalisation.value_or(Normalisation::minmax);
  if (!o.value_functions.empty() && static_cast<Eigen::Index>(o.value_functions.size()) != p.n_criteria())
    throw InputError::size_mismatch("value_functions", static_cast<long long>(o.value_functions.size()),
                                    p.n_criteria());
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

namespace koers::decide {

namespace detail {

void topsis_choices(Ranking& r, Normalisation n) {
  r.normalisation = to_string(n);
  r.choices.push_back({"normalisation", describe(n)});
  r.choices.push_back({"distance", "euclidean"});
  r.choices.push_back({"ideal", "column max / min of the weighted normalised (benefit-oriented) matrix"});
  r.choices.push_back({"score", "closeness D-/(D+ + D-); higher is better"});
}

}  // namespace detail

Ranking topsis(const DecisionProblem& p, const RankOptions& o) {
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
    if (d > 0)
      r.scores[i] = r.d_minus[i] / d;
    else {
      r.scores[i] = 0.5;
      degenerate = true;
    }
  }
  if (degenerate) r.warnings.push_back("every alternative equals the ideal and the anti-ideal: closeness set to 0.5");
  r.contributions = std::move(v);
  r.contribution_kind = detail::topsis_contribution_kind;
  r.higher_is_better = true;
  detail::finish_ranking(r, o);
  return r;
}

}  // namespace koers::decide

namespace koers::decide {

namespace detail {

void vikor_choices(Ranking& r, const RankOptions& o) {
  if (!(o.v >= 0 && o.v <= 1))
    throw RankingError(Errc::invalid_method, "VIKOR v must lie in [0, 1], got " + fmt_double(o.v), {"v"});
  if (o.normalisation && *o.normalisation != Normalisation::none)
    throw RankingError(Errc::invalid_method,
                       "VIKOR uses its own normalisation (f*-f)/(f*-f-); got '" + to_string(*o.normalisation) + "'",
                       {"normalisation"});
  r.v = o.v;
  r.normalisation = "vikor";
  r.choices.push_back({"normalisation", "vikor: (f*-f)/(f*-f-) with f* the best and f- the worst score per criterion"});
  r.choices.push_back({"v", fmt_double(o.v)});
  r.choices.push_back({"score", "Q; lower is better"});
  r.choices.push_back(
      {"conditions",
       "C1 acceptable advantage Q(a2)-Q(a1) >= 1/(m-1); C2 acceptable stability: a1 also best by S or R"});
}

void vikor_finish(Ranking& r, const RankOptions& o) {
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

Ranking vikor(const DecisionProblem& p, const RankOptions& o) {
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

namespace koers::decide {

double preference_degree(const Preference& f, double d) {
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

void promethee_unicriterion(const DecisionProblem& p, Eigen::MatrixXd& plus, Eigen::MatrixXd& minus) {
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

Ranking promethee2(const DecisionProblem& p, const RankOptions& o) {
  Ranking r = detail::begin_ranking(p, Method::promethee2);
  if (o.normalisation && *o.normalisation != Normalisation::none)
    throw RankingError(Errc::invalid_method,
                       "PROMETHEE II compares raw differences through preference functions; got normalisation '" +
                           to_string(*o.normalisation) + "'",
                       {"normalisation"});
  r.normalisation = "none";
  r.choices.push_back(
      {"normalisation", "none: preference functions on raw differences d = g(a) - g(b) (reversed for min)"});
  for (const auto& c : p.criteria) {
    const Preference f = c.preference.value_or(Preference{});
    r.choices.push_back({"preference/" + c.name, to_string(f.function) + " q=" + fmt_double(f.q) +
                                                     " p=" + fmt_double(f.p) + " s=" + fmt_double(f.s) +
                                                     (c.preference ? "" : " (not given: usual)")});
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

namespace koers::decide {

Ranking spotis(const DecisionProblem& p, const RankOptions& o) {
  Ranking r = detail::begin_ranking(p, Method::spotis);
  if (o.normalisation && *o.normalisation != Normalisation::scale && *o.normalisation != Normalisation::none)
    throw RankingError(
        Errc::invalid_method,
        "SPOTIS takes its bounds from the criteria scales; got normalisation '" + to_string(*o.normalisation) + "'",
        {"normalisation"});
  for (const auto& c : p.criteria)
    if (!c.scale)
      throw RankingError(Errc::invalid_scale,
                         "criterion '" + c.name + "' has no scale; SPOTIS takes its bounds from the scales", {c.name});
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

namespace koers::decide {

Ranking rank(const DecisionProblem& p, const RankOptions& o) {
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
void for_each_in_place(const MatrixView& x, F&& f) {
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
std::optional<Ranking> rank_in_place(const MatrixView& x, const Eigen::Ref<const Eigen::VectorXd>& weights,
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
  const Normalisation norm =
      o.method == Method::vikor
          ? Normalisation::none
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

Ranking rank_matrix(const MatrixView& x, const Eigen::Ref<const Eigen::VectorXd>& weights,
                    const std::vector<Direction>& directions, const RankOptions& o) {
  if (auto r = detail::rank_in_place(x, weights, directions, o)) return std::move(*r);
  return rank(make_problem(x, weights, directions), o);
}

}  // namespace koers::decide
