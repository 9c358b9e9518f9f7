#pragma once
/// \file
/// Column normalisations of a decision matrix. Every result is benefit-oriented (higher is
/// better), so cost criteria are turned around here, once, with the rule stated per method.
#include <koers/decide/problem.hpp>

#include <cmath>
#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace koers::decide {

/// How scores are made comparable across criteria (benefit x / cost x):
/// - `vector`:  x/‖x‖₂            / 1 − x/‖x‖₂
/// - `minmax`:  (x−min)/(max−min) / (max−x)/(max−min)
/// - `max`:     x/max             / min/x           (needs positive cost scores)
/// - `sum`:     x/Σx              / (1/x)/Σ(1/x)    (needs positive cost scores)
/// - `scale`:   (x−lo)/(hi−lo)    / (hi−x)/(hi−lo)  (the criterion's fixed scale)
/// - `none`:    x                 / −x
enum class Normalisation { none, vector, minmax, max, sum, scale };

inline std::string to_string(Normalisation n) {
  switch (n) {
    case Normalisation::none: return "none";
    case Normalisation::vector: return "vector";
    case Normalisation::minmax: return "minmax";
    case Normalisation::max: return "max";
    case Normalisation::sum: return "sum";
    case Normalisation::scale: return "scale";
  }
  return "none";
}
/// Parse a normalisation name ("min-max" accepted); throws RankingError E307.
inline Normalisation normalisation_from_string(std::string_view s) {
  if (s == "none") return Normalisation::none;
  if (s == "vector") return Normalisation::vector;
  if (s == "minmax" || s == "min-max") return Normalisation::minmax;
  if (s == "max") return Normalisation::max;
  if (s == "sum") return Normalisation::sum;
  if (s == "scale" || s == "fixed-scale") return Normalisation::scale;
  throw RankingError(Errc::invalid_method, "unknown normalisation '" + std::string(s) + "'", {std::string(s)});
}

/// The formula of a normalisation, for the result's stated choices.
inline std::string describe(Normalisation n) {
  switch (n) {
    case Normalisation::none: return "none: x for max criteria, -x for min criteria";
    case Normalisation::vector: return "vector: x/||x|| for max, 1 - x/||x|| for min";
    case Normalisation::minmax: return "minmax: (x-min)/(max-min) for max, (max-x)/(max-min) for min";
    case Normalisation::max: return "max: x/max for max, min/x for min";
    case Normalisation::sum: return "sum: x/sum(x) for max, (1/x)/sum(1/x) for min";
    case Normalisation::scale: return "scale: (x-lo)/(hi-lo) for max, (hi-x)/(hi-lo) for min, [lo,hi] the criterion's scale";
  }
  return "";
}

/// Normalise one column `x` of criterion `c`. A column that cannot discriminate (constant for
/// minmax, all zero for vector/max/sum) becomes all zeros — it then adds the same to every
/// alternative — and a warning naming the criterion is appended to `warnings`.
/// Throws E302 for `max`/`sum` on a cost criterion with a zero or negative score, E107 for a
/// benefit `max`/`sum` column with negative scores, E308 for `scale` without a scale.
inline Eigen::VectorXd normalise_column(const Eigen::Ref<const Eigen::VectorXd>& x, const Criterion& c,
                                        Normalisation n, std::vector<std::string>* warnings = nullptr) {
  const bool benefit = c.direction == Direction::max;
  const Eigen::Index m = x.size();
  auto warn = [&](const std::string& w) { if (warnings) warnings->push_back(w); };
  Eigen::VectorXd r(m);
  switch (n) {
    case Normalisation::none:
      r = benefit ? Eigen::VectorXd(x) : Eigen::VectorXd(-x);
      break;
    case Normalisation::vector: {
      double norm = x.norm();
      if (!(norm > 0)) {
        warn("criterion '" + c.name + "' is zero for every alternative: it contributes nothing");
        r.setZero();
      } else {
        r = x / norm;
        if (!benefit) r = (1.0 - r.array()).matrix();
      }
      break;
    }
    case Normalisation::minmax: {
      double lo = x.minCoeff(), hi = x.maxCoeff();
      if (!(hi > lo)) {
        warn("criterion '" + c.name + "' has one value for every alternative: it contributes nothing");
        r.setZero();
      } else {
        r = benefit ? Eigen::VectorXd((x.array() - lo) / (hi - lo)) : Eigen::VectorXd((hi - x.array()) / (hi - lo));
      }
      break;
    }
    case Normalisation::max:
    case Normalisation::sum: {
      const bool is_max = n == Normalisation::max;
      if (benefit) {
        if (x.minCoeff() < 0)
          throw RankingError(Errc::negative_scores, "criterion '" + c.name + "' has negative scores; " +
                             to_string(n) + " normalisation needs scores >= 0", {c.name});
        double d = is_max ? x.maxCoeff() : x.sum();
        if (!(d > 0)) {
          warn("criterion '" + c.name + "' is zero for every alternative: it contributes nothing");
          r.setZero();
        } else {
          r = x / d;
        }
      } else {
        if (!(x.minCoeff() > 0))
          throw RankingError(Errc::zero_criterion, "cost criterion '" + c.name + "' has a score <= 0; " +
                             to_string(n) + " normalisation divides by the score", {c.name});
        if (is_max) r = (x.minCoeff() / x.array()).matrix();
        else { Eigen::ArrayXd inv = 1.0 / x.array(); r = (inv / inv.sum()).matrix(); }
      }
      break;
    }
    case Normalisation::scale: {
      if (!c.scale)
        throw RankingError(Errc::invalid_scale, "criterion '" + c.name + "' has no scale; 'scale' normalisation needs one",
                           {c.name});
      const double lo = c.scale->lo, hi = c.scale->hi;
      r = benefit ? Eigen::VectorXd((x.array() - lo) / (hi - lo)) : Eigen::VectorXd((hi - x.array()) / (hi - lo));
      break;
    }
  }
  return r;
}

/// Minimum, maximum, sum and sum of squares of a column, in one pass.
struct ColumnStats {
  double min = 0, max = 0, sum = 0, sumsq = 0;
};
inline ColumnStats column_stats(const Eigen::Ref<const Eigen::VectorXd>& x) {
  ColumnStats s{x.size() ? x[0] : 0.0, x.size() ? x[0] : 0.0, 0.0, 0.0};
  const double* p = x.data();
  for (Eigen::Index i = 0; i < x.size(); ++i) {
    const double v = p[i];
    s.min = v < s.min ? v : s.min;
    s.max = v > s.max ? v : s.max;
    s.sum += v;
    s.sumsq += v * v;
  }
  return s;
}

/// The normalisation of a column as r = a·x + b, when it is affine there and discriminates
/// (vector, minmax, scale, none; max and sum for benefit criteria); std::nullopt when it is
/// not (cost max/sum) or a special case applies — then `normalise_column` gives the result,
/// its warning or its error. Used by fused loops (TOPSIS, WSM) that never build r.
inline std::optional<std::pair<double, double>> affine_form(const ColumnStats& s, const Criterion& c, Normalisation n) {
  const bool benefit = c.direction == Direction::max;
  switch (n) {
    case Normalisation::none: return benefit ? std::pair{1.0, 0.0} : std::pair{-1.0, 0.0};
    case Normalisation::vector: {
      const double norm = std::sqrt(s.sumsq);
      if (!(norm > 0)) return std::nullopt;
      return benefit ? std::pair{1.0 / norm, 0.0} : std::pair{-1.0 / norm, 1.0};
    }
    case Normalisation::minmax: {
      if (!(s.max > s.min)) return std::nullopt;
      const double d = s.max - s.min;
      return benefit ? std::pair{1.0 / d, -s.min / d} : std::pair{-1.0 / d, s.max / d};
    }
    case Normalisation::max:
    case Normalisation::sum: {
      if (!benefit || s.min < 0) return std::nullopt;
      const double d = n == Normalisation::max ? s.max : s.sum;
      if (!(d > 0)) return std::nullopt;
      return std::pair{1.0 / d, 0.0};
    }
    case Normalisation::scale: {
      if (!c.scale) return std::nullopt;
      const double d = c.scale->hi - c.scale->lo;
      return benefit ? std::pair{1.0 / d, -c.scale->lo / d} : std::pair{-1.0 / d, c.scale->hi / d};
    }
  }
  return std::nullopt;
}

/// Normalise every column of the problem's score matrix (benefit-oriented result).
inline Eigen::MatrixXd normalise(const DecisionProblem& p, Normalisation n,
                                 std::vector<std::string>* warnings = nullptr) {
  Eigen::MatrixXd r(p.scores.rows(), p.scores.cols());
  for (Eigen::Index j = 0; j < p.scores.cols(); ++j)
    r.col(j) = normalise_column(p.scores.col(j), p.criteria[static_cast<std::size_t>(j)], n, warnings);
  return r;
}

}  // namespace koers::decide
