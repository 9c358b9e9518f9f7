// Criteria weights: entropy, CRITIC, standard deviation, MEREC, rank-order centroid, swing,
// equal. Declarations: include/koers/decide/weights.hpp.
#include <koers/decide/weights.hpp>

#include <cmath>
#include <string>
#include <vector>

namespace koers::decide {

std::string to_string(WeightMethod m) {
  switch (m) {
    case WeightMethod::entropy: return "entropy";
    case WeightMethod::critic: return "critic";
    case WeightMethod::std_dev: return "std";
    case WeightMethod::merec: return "merec";
    case WeightMethod::roc: return "roc";
    case WeightMethod::swing: return "swing";
    case WeightMethod::equal: return "equal";
  }
  return "";
}

std::vector<std::string> weight_methods() {
  std::vector<std::string> out;
  for (auto m : {WeightMethod::entropy, WeightMethod::critic, WeightMethod::std_dev, WeightMethod::merec,
                 WeightMethod::roc, WeightMethod::swing, WeightMethod::equal})
    out.push_back(to_string(m));
  return out;
}

bool is_objective(WeightMethod m) {
  return m == WeightMethod::entropy || m == WeightMethod::critic || m == WeightMethod::std_dev ||
         m == WeightMethod::merec;
}

WeightMethod weight_method_from_string(std::string_view s) {
  if (s == "std" || s == "stdev" || s == "std_dev") return WeightMethod::std_dev;
  for (auto m : {WeightMethod::entropy, WeightMethod::critic, WeightMethod::merec, WeightMethod::roc,
                 WeightMethod::swing, WeightMethod::equal})
    if (s == to_string(m)) return m;
  std::string known;
  for (const auto& n : weight_methods()) known += (known.empty() ? "" : ", ") + n;
  throw RankingError(Errc::invalid_method, "unknown weighting method '" + std::string(s) + "' (known: " + known + ")",
                     {std::string(s)});
}

namespace detail {

void check_scores(const DecisionProblem& p) {
  p.validate();
  if (p.n_alternatives() < 2)
    throw InputError(Errc::size_mismatch, "objective weights need at least two alternatives", {});
}

Eigen::VectorXd to_unit_sum(const Eigen::VectorXd& m, const DecisionProblem& p, const std::string& what) {
  if (!m.allFinite()) throw RankingError(Errc::numeric_overflow, what + " weights overflowed", p.criterion_names());
  if (!(m.sum() > 0))
    throw RankingError(Errc::constant_criterion,
                       "every criterion has one value for every alternative: " + what + " weights are undefined",
                       p.criterion_names());
  return unit_sum(m, p.criterion_names());
}

double sample_std(const Eigen::Ref<const Eigen::VectorXd>& x) {
  double mean = x.mean();
  return std::sqrt((x.array() - mean).square().sum() / static_cast<double>(x.size() - 1));
}

}  // namespace detail

WeightsResult entropy_weights(const DecisionProblem& p) {
  detail::check_scores(p);
  WeightsResult r;
  r.method = WeightMethod::entropy;
  r.choices = {{"name", "entropy"},
               {"p", "x / column sum"},
               {"entropy", "E = -sum p ln p / ln m, with 0 ln 0 = 0"},
               {"weights", "(1 - E) / sum(1 - E)"},
               {"directions", "not used"}};
  const Eigen::Index m = p.n_alternatives(), n = p.n_criteria();
  r.entropy.resize(n);
  for (Eigen::Index j = 0; j < n; ++j) {
    const auto& c = p.criteria[static_cast<std::size_t>(j)].name;
    auto x = p.scores.col(j);
    if (x.minCoeff() < 0)
      throw RankingError(Errc::negative_scores, "criterion '" + c + "' has negative scores; entropy needs x >= 0", {c});
    double s = x.sum();
    if (!(s > 0))
      throw RankingError(Errc::zero_criterion,
                         "criterion '" + c + "' is zero for every alternative; entropy is undefined", {c});
    double e = 0;
    for (Eigen::Index i = 0; i < m; ++i) {
      double q = x[i] / s;
      if (q > 0) e -= q * std::log(q);
    }
    r.entropy[j] = e / std::log(static_cast<double>(m));
  }
  r.measure = (1.0 - r.entropy.array()).max(0.0).matrix();
  r.weights = detail::to_unit_sum(r.measure, p, "entropy");
  return r;
}

WeightsResult critic_weights(const DecisionProblem& p) {
  detail::check_scores(p);
  WeightsResult r;
  r.method = WeightMethod::critic;
  r.choices = {{"name", "critic"},
               {"normalisation", describe(Normalisation::minmax)},
               {"std", "sample standard deviation (n - 1) of the normalised column"},
               {"correlation", "Pearson"},
               {"weights", "C = std * sum_k (1 - r_jk), normalised to sum 1"}};
  const Eigen::Index n = p.n_criteria();
  for (Eigen::Index j = 0; j < n; ++j)
    if (p.scores.col(j).maxCoeff() == p.scores.col(j).minCoeff()) {
      const auto& c = p.criteria[static_cast<std::size_t>(j)].name;
      throw RankingError(
          Errc::constant_criterion,
          "criterion '" + c + "' has one value for every alternative; its CRITIC correlation is undefined", {c});
    }
  Eigen::MatrixXd z = normalise(p, Normalisation::minmax);
  Eigen::VectorXd sd(n);
  Eigen::MatrixXd centred = z.rowwise() - z.colwise().mean();
  for (Eigen::Index j = 0; j < n; ++j) sd[j] = detail::sample_std(z.col(j));
  r.correlation = (centred.transpose() * centred) / static_cast<double>(z.rows() - 1);
  for (Eigen::Index j = 0; j < n; ++j)
    for (Eigen::Index k = 0; k < n; ++k) r.correlation(j, k) /= sd[j] * sd[k];
  r.measure.resize(n);
  for (Eigen::Index j = 0; j < n; ++j) r.measure[j] = sd[j] * (1.0 - r.correlation.row(j).array()).sum();
  r.weights = detail::to_unit_sum(r.measure, p, "CRITIC");
  return r;
}

WeightsResult std_weights(const DecisionProblem& p) {
  detail::check_scores(p);
  WeightsResult r;
  r.method = WeightMethod::std_dev;
  r.choices = {{"name", "std"},
               {"std", "sample standard deviation (n - 1) of the scores as given"},
               {"weights", "std / sum(std)"},
               {"directions", "not used"}};
  const Eigen::Index n = p.n_criteria();
  r.measure.resize(n);
  for (Eigen::Index j = 0; j < n; ++j) {
    r.measure[j] = detail::sample_std(p.scores.col(j));
    if (r.measure[j] == 0)
      r.warnings.push_back("criterion '" + p.criteria[static_cast<std::size_t>(j)].name + "' is constant: weight 0");
  }
  r.weights = detail::to_unit_sum(r.measure, p, "standard-deviation");
  return r;
}

WeightsResult merec_weights(const DecisionProblem& p) {
  detail::check_scores(p);
  WeightsResult r;
  r.method = WeightMethod::merec;
  r.choices = {{"name", "merec"},
               {"normalisation", "min/x for max criteria, x/max for min criteria"},
               {"performance", "S = ln(1 + sum_j |ln n_ij| / m)"},
               {"weights", "removal effect E_j = sum_i |S'_ij - S_i|, normalised"}};
  const Eigen::Index a = p.n_alternatives(), n = p.n_criteria();
  Eigen::MatrixXd l(a, n);
  for (Eigen::Index j = 0; j < n; ++j) {
    const auto& c = p.criteria[static_cast<std::size_t>(j)];
    auto x = p.scores.col(j);
    if (!(x.minCoeff() > 0))
      throw RankingError(Errc::zero_criterion,
                         "criterion '" + c.name + "' has a score <= 0; MEREC needs positive scores", {c.name});
    for (Eigen::Index i = 0; i < a; ++i) {
      double nij = c.direction == Direction::max ? x.minCoeff() / x[i] : x[i] / x.maxCoeff();
      l(i, j) = std::abs(std::log(nij));
    }
  }
  const double dn = static_cast<double>(n);
  Eigen::VectorXd S = (1.0 + l.rowwise().sum().array() / dn).log().matrix();
  r.measure = Eigen::VectorXd::Zero(n);
  for (Eigen::Index j = 0; j < n; ++j)
    for (Eigen::Index i = 0; i < a; ++i) {
      double sp = std::log(1.0 + (l.row(i).sum() - l(i, j)) / dn);
      r.measure[j] += std::abs(sp - S[i]);
    }
  r.weights = detail::to_unit_sum(r.measure, p, "MEREC");
  return r;
}

WeightsResult objective_weights(const DecisionProblem& p, WeightMethod m) {
  switch (m) {
    case WeightMethod::entropy: return entropy_weights(p);
    case WeightMethod::critic: return critic_weights(p);
    case WeightMethod::std_dev: return std_weights(p);
    case WeightMethod::merec: return merec_weights(p);
    default: break;
  }
  throw RankingError(Errc::invalid_method,
                     "'" + to_string(m) + "' weights are not computed from the scores; use weights()", {to_string(m)});
}

Eigen::VectorXd roc_weights(const DecisionProblem& p, const std::vector<std::string>& order) {
  const Eigen::Index n = p.n_criteria();
  if (static_cast<Eigen::Index>(order.size()) != n)
    throw InputError::size_mismatch("ROC order", static_cast<long long>(order.size()), n);
  Eigen::VectorXd w = Eigen::VectorXd::Constant(n, -1.0);
  for (std::size_t k = 0; k < order.size(); ++k) {
    Eigen::Index j = p.criterion_index(order[k]);
    if (w[j] >= 0)
      throw InputError(Errc::duplicate_name, "criterion '" + order[k] + "' appears twice in the ROC order", {order[k]});
    double s = 0;
    for (Eigen::Index i = static_cast<Eigen::Index>(k) + 1; i <= n; ++i) s += 1.0 / static_cast<double>(i);
    w[j] = s / static_cast<double>(n);
  }
  return w;
}

Eigen::VectorXd swing_weights(const DecisionProblem& p, const Eigen::Ref<const Eigen::VectorXd>& points) {
  check_weights(points, p.criterion_names(), p.n_criteria());
  return unit_sum(points, p.criterion_names());
}

WeightsResult weights(const DecisionProblem& p, const WeightSpec& spec) {
  if (is_objective(spec.method)) return objective_weights(p, spec.method);
  WeightsResult r;
  r.method = spec.method;
  switch (spec.method) {
    case WeightMethod::roc:
      if (spec.order.empty())
        throw InputError(Errc::missing_field,
                         "ROC weights need the criteria in order of importance (order), most important first",
                         {"order"});
      r.weights = roc_weights(p, spec.order);
      r.choices = {{"definition", "rank-order centroid: w_k = (1/n) sum_{i=k..n} 1/i"}};
      break;
    case WeightMethod::swing:
      if (spec.points.size() == 0)
        throw InputError(Errc::missing_field, "swing weights need points per criterion (points)", {"points"});
      r.weights = swing_weights(p, spec.points);
      r.choices = {{"definition", "swing: points / sum(points)"}};
      break;
    default:  // equal
      if (p.n_criteria() < 1) throw InputError(Errc::size_mismatch, "equal weights need at least one criterion", {});
      r.weights = Eigen::VectorXd::Constant(p.n_criteria(), 1.0 / static_cast<double>(p.n_criteria()));
      r.choices = {{"definition", "equal: 1/n"}};
      break;
  }
  return r;
}

}  // namespace koers::decide
