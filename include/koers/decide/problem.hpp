#pragma once
/// \file
/// A multi-criteria decision problem: alternatives × criteria score matrix, with each
/// criterion's direction, weight, optional fixed scale and optional PROMETHEE preference.
///
/// Shared by every method in koers::decide (ranking, weights, sensitivity, SMAA) and by
/// AHP (which produces weights for it). Checks throw `RankingError`/`InputError` naming
/// the offending alternative or criterion.
#include <koers/core/error.hpp>

#include <Eigen/Dense>

#include <cmath>
#include <cstddef>
#include <optional>
#include <algorithm>
#include <string>
#include <string_view>
#include <vector>

namespace koers::decide {

/// Whether more is better (`max`, benefit) or less is better (`min`, cost).
enum class Direction { max, min };

/// The six PROMETHEE preference functions (Brans & Vincke 1985 types I–VI).
enum class PreferenceFunction { usual, u_shape, v_shape, level, linear, gaussian };

/// PROMETHEE preference of one criterion: indifference threshold q, preference threshold p,
/// Gaussian parameter s, all in the criterion's own units.
struct Preference {
  PreferenceFunction function = PreferenceFunction::usual;
  double q = 0.0;
  double p = 0.0;
  double s = 0.0;
};

/// A fixed rating scale [lo, hi] (e.g. 1–5). Used by fixed-scale normalisation and SPOTIS bounds.
struct Scale {
  double lo = 0.0;
  double hi = 1.0;
};

/// One criterion.
struct Criterion {
  std::string name;
  Direction direction = Direction::max;
  std::optional<double> weight;          ///< absent: SMAA samples weights; ranking refuses (E300)
  std::optional<Scale> scale;            ///< fixed scale, when the criterion is a rating
  std::optional<Preference> preference;  ///< PROMETHEE; absent = usual criterion
};

/// "max" / "min".
inline std::string to_string(Direction d) { return d == Direction::max ? "max" : "min"; }
/// "usual", "u-shape", "v-shape", "level", "linear", "gaussian".
inline std::string to_string(PreferenceFunction f) {
  switch (f) {
    case PreferenceFunction::usual: return "usual";
    case PreferenceFunction::u_shape: return "u-shape";
    case PreferenceFunction::v_shape: return "v-shape";
    case PreferenceFunction::level: return "level";
    case PreferenceFunction::linear: return "linear";
    case PreferenceFunction::gaussian: return "gaussian";
  }
  return "usual";
}
/// Parse "max"/"min" (also "benefit"/"cost"); throws InputError E107.
inline Direction direction_from_string(std::string_view s) {
  if (s == "max" || s == "benefit") return Direction::max;
  if (s == "min" || s == "cost") return Direction::min;
  throw InputError(Errc::invalid_value, "direction '" + std::string(s) + "' is not 'max' or 'min'",
                   {std::string(s)});
}
/// Parse a preference function name (underscores accepted for hyphens); throws RankingError E307.
inline PreferenceFunction preference_from_string(std::string_view s) {
  std::string t(s);
  for (auto& c : t) if (c == '_') c = '-';
  if (t == "usual") return PreferenceFunction::usual;
  if (t == "u-shape") return PreferenceFunction::u_shape;
  if (t == "v-shape") return PreferenceFunction::v_shape;
  if (t == "level") return PreferenceFunction::level;
  if (t == "linear") return PreferenceFunction::linear;
  if (t == "gaussian") return PreferenceFunction::gaussian;
  throw RankingError(Errc::invalid_method, "unknown preference function '" + std::string(s) + "'",
                     {std::string(s)});
}

/// Check a weight vector: finite, non-negative, not all zero (E300), right size (E109).
/// `names` names the criteria for messages (may be empty).
inline void check_weights(const Eigen::Ref<const Eigen::VectorXd>& w, const std::vector<std::string>& names,
                          Eigen::Index expected) {
  if (w.size() != expected) throw InputError::size_mismatch("weights", w.size(), expected);
  double sum = 0.0;
  for (Eigen::Index j = 0; j < w.size(); ++j) {
    std::string nm = j < static_cast<Eigen::Index>(names.size()) ? names[j] : "criterion " + std::to_string(j);
    if (!std::isfinite(w[j]))
      throw RankingError(Errc::invalid_weights, "weight of criterion '" + nm + "' is not finite", {nm});
    if (w[j] < 0)
      throw RankingError(Errc::invalid_weights,
                         "weight of criterion '" + nm + "' is negative (" + std::to_string(w[j]) + ")", {nm});
    sum += w[j];
  }
  if (!(sum > 0)) throw RankingError(Errc::invalid_weights, "all weights are zero", names);
}

/// Alternatives × criteria decision problem.
struct DecisionProblem {
  /// Row names. Empty = implicit names "A1", "A2", ... for every row of `scores` (what a bare
  /// matrix gets, without building a string per row); see `alternative_name`.
  std::vector<std::string> alternatives;
  std::vector<Criterion> criteria;        ///< column descriptions
  Eigen::MatrixXd scores;                 ///< alternatives × criteria

  Eigen::Index n_alternatives() const {
    return alternatives.empty() ? scores.rows() : static_cast<Eigen::Index>(alternatives.size());
  }
  /// The name of alternative i (implicit "A<i+1>" when `alternatives` is empty).
  std::string alternative_name(Eigen::Index i) const {
    return alternatives.empty() ? "A" + std::to_string(i + 1) : alternatives[static_cast<std::size_t>(i)];
  }
  /// Every alternative name (generates the implicit ones).
  std::vector<std::string> alternative_names() const {
    if (!alternatives.empty()) return alternatives;
    std::vector<std::string> v;
    v.reserve(static_cast<std::size_t>(scores.rows()));
    for (Eigen::Index i = 0; i < scores.rows(); ++i) v.push_back(alternative_name(i));
    return v;
  }
  Eigen::Index n_criteria() const { return static_cast<Eigen::Index>(criteria.size()); }

  std::vector<std::string> criterion_names() const {
    std::vector<std::string> v;
    v.reserve(criteria.size());
    for (const auto& c : criteria) v.push_back(c.name);
    return v;
  }

  /// True when every criterion has a weight.
  bool has_weights() const {
    for (const auto& c : criteria) if (!c.weight) return false;
    return !criteria.empty();
  }

  /// The weights as given (no normalisation). Throws E300 when a criterion has none.
  Eigen::VectorXd raw_weights() const {
    Eigen::VectorXd w(n_criteria());
    for (Eigen::Index j = 0; j < n_criteria(); ++j) {
      const auto& c = criteria[static_cast<std::size_t>(j)];
      if (!c.weight)
        throw RankingError(Errc::invalid_weights, "criterion '" + c.name + "' has no weight", {c.name});
      w[j] = *c.weight;
    }
    return w;
  }

  /// The weights normalised to sum 1 (documented behaviour: weights that do not sum to 1
  /// are normalised; `weights_sum()` tells by how much). Throws E300.
  Eigen::VectorXd weights() const {
    Eigen::VectorXd w = raw_weights();
    check_weights(w, criterion_names(), n_criteria());
    return w / w.sum();
  }
  /// Sum of the weights as given.
  double weights_sum() const { return raw_weights().sum(); }

  /// 1 for max (benefit), -1 for min (cost), per criterion.
  Eigen::VectorXd signs() const {
    Eigen::VectorXd s(n_criteria());
    for (Eigen::Index j = 0; j < n_criteria(); ++j)
      s[j] = criteria[static_cast<std::size_t>(j)].direction == Direction::max ? 1.0 : -1.0;
    return s;
  }
  bool is_benefit(Eigen::Index j) const { return criteria[static_cast<std::size_t>(j)].direction == Direction::max; }

  /// Index of an alternative by name; throws InputError E111.
  Eigen::Index alternative_index(std::string_view name) const {
    for (Eigen::Index i = 0; i < n_alternatives(); ++i)
      if (alternative_name(i) == name) return i;
    throw InputError(Errc::unknown_name, "unknown alternative '" + std::string(name) + "'", {std::string(name)});
  }
  /// Index of a criterion by name; throws InputError E111.
  Eigen::Index criterion_index(std::string_view name) const {
    for (std::size_t j = 0; j < criteria.size(); ++j)
      if (criteria[j].name == name) return static_cast<Eigen::Index>(j);
    throw InputError(Errc::unknown_name, "unknown criterion '" + std::string(name) + "'", {std::string(name)});
  }

  /// A copy with the given weights (one per criterion, in order). Checks them (E109, E300).
  DecisionProblem with_weights(const Eigen::Ref<const Eigen::VectorXd>& w) const {
    check_weights(w, criterion_names(), n_criteria());
    DecisionProblem p = *this;
    for (Eigen::Index j = 0; j < n_criteria(); ++j) p.criteria[static_cast<std::size_t>(j)].weight = w[j];
    return p;
  }

  /// Names non-empty and unique (E107, E112); sorts string views, O(n log n).
  void check_unique_names() const {
    auto check = [](const std::vector<std::string_view>& names, const char* what) {
      std::vector<std::string_view> v = names;
      for (auto n : v)
        if (n.empty()) throw InputError(Errc::invalid_value, std::string("an ") + what + " has an empty name", {std::string(n)});
      std::sort(v.begin(), v.end());
      auto it = std::adjacent_find(v.begin(), v.end());
      if (it != v.end())
        throw InputError(Errc::duplicate_name, std::string(what) + " '" + std::string(*it) + "' is given twice", {std::string(*it)});
    };
    if (!alternatives.empty()) {  // implicit names are unique by construction
      std::vector<std::string_view> a(alternatives.begin(), alternatives.end());
      check(a, "alternative");
    }
    std::vector<std::string_view> c;
    c.reserve(criteria.size());
    for (const auto& k : criteria) c.push_back(k.name);
    check(c, "criterion");
  }

  /// Check the problem; throws on the first problem found, naming the element:
  /// sizes (E109), duplicate names (E112), non-finite scores (E110), invalid weights —
  /// negative, non-finite, all zero (E300; missing weights are allowed here, the methods
  /// that need them refuse), a scale that is empty or does not contain a score (E308),
  /// PROMETHEE thresholds that are negative, non-finite or q > p (E307).
  void validate() const {
    if (n_alternatives() == 0) throw InputError(Errc::size_mismatch, "the problem has no alternatives", {});
    if (criteria.empty()) throw InputError(Errc::size_mismatch, "the problem has no criteria", {});
    if (scores.rows() != n_alternatives())
      throw InputError::size_mismatch("scores (rows)", scores.rows(), n_alternatives());
    if (scores.cols() != n_criteria())
      throw InputError::size_mismatch("scores (columns)", scores.cols(), n_criteria());
    check_unique_names();
    if (!scores.allFinite()) {
      for (Eigen::Index j = 0; j < scores.cols(); ++j)
        for (Eigen::Index i = 0; i < scores.rows(); ++i)
          if (!std::isfinite(scores(i, j))) {
            const std::string a = alternative_name(i);
            const auto& c = criteria[static_cast<std::size_t>(j)].name;
            throw InputError(Errc::not_finite, "score of '" + a + "' on '" + c + "' is not finite", {a, c});
          }
    }
    bool any_weight = false, all_weight = true;
    for (const auto& c : criteria) {
      if (c.weight) {
        any_weight = true;
        if (!std::isfinite(*c.weight))
          throw RankingError(Errc::invalid_weights, "weight of criterion '" + c.name + "' is not finite", {c.name});
        if (*c.weight < 0)
          throw RankingError(Errc::invalid_weights, "weight of criterion '" + c.name + "' is negative", {c.name});
      } else {
        all_weight = false;
      }
    }
    if (any_weight && !all_weight) {
      for (const auto& c : criteria)
        if (!c.weight)
          throw RankingError(Errc::invalid_weights,
                             "criterion '" + c.name + "' has no weight while others have one", {c.name});
    }
    if (all_weight) {
      double s = 0;
      for (const auto& c : criteria) s += *c.weight;
      if (!(s > 0)) throw RankingError(Errc::invalid_weights, "all weights are zero", criterion_names());
    }
    for (Eigen::Index j = 0; j < n_criteria(); ++j) {
      const auto& c = criteria[static_cast<std::size_t>(j)];
      if (c.scale) {
        const auto [lo, hi] = *c.scale;
        if (!std::isfinite(lo) || !std::isfinite(hi) || !(lo < hi))
          throw RankingError(Errc::invalid_scale,
                             "scale of criterion '" + c.name + "' is empty [" + std::to_string(lo) + ", " +
                                 std::to_string(hi) + "]", {c.name});
        if (scores.col(j).minCoeff() >= lo && scores.col(j).maxCoeff() <= hi) continue;
        for (Eigen::Index i = 0; i < scores.rows(); ++i) {
          double x = scores(i, j);
          if (x < lo || x > hi) {
            const std::string a = alternative_name(i);
            throw RankingError(Errc::invalid_scale,
                               "score " + std::to_string(x) + " of '" + a + "' on '" + c.name +
                                   "' lies outside its scale [" + std::to_string(lo) + ", " +
                                   std::to_string(hi) + "]", {c.name, a});
          }
        }
      }
      if (c.preference) {
        const auto& p = *c.preference;
        if (!std::isfinite(p.q) || !std::isfinite(p.p) || !std::isfinite(p.s) || p.q < 0 || p.p < 0 || p.s < 0)
          throw RankingError(Errc::invalid_method,
                             "preference thresholds of criterion '" + c.name + "' must be finite and >= 0", {c.name});
        using F = PreferenceFunction;
        if ((p.function == F::level || p.function == F::linear) && p.q > p.p)
          throw RankingError(Errc::invalid_method,
                             "criterion '" + c.name + "': indifference threshold q exceeds preference threshold p",
                             {c.name});
        if (p.function == F::v_shape && !(p.p > 0))
          throw RankingError(Errc::invalid_method, "criterion '" + c.name + "': v-shape needs p > 0", {c.name});
        if (p.function == F::linear && !(p.p > p.q))
          throw RankingError(Errc::invalid_method, "criterion '" + c.name + "': linear needs p > q", {c.name});
        if (p.function == F::level && !(p.p > p.q))
          throw RankingError(Errc::invalid_method, "criterion '" + c.name + "': level needs p > q", {c.name});
        if (p.function == F::gaussian && !(p.s > 0))
          throw RankingError(Errc::invalid_method, "criterion '" + c.name + "': gaussian needs s > 0", {c.name});
      }
    }
  }
};

/// A caller's matrix of any layout, read in place (NumPy C- and F-order arrays map without a copy).
using MatrixView = Eigen::Ref<const Eigen::MatrixXd, 0, Eigen::Stride<Eigen::Dynamic, Eigen::Dynamic>>;

/// Build a problem from a matrix of any layout (row-major NumPy arrays map without a copy;
/// the problem takes one), weights and directions (names generated as "A1".., "C1.." when
/// empty — implicit, see `DecisionProblem::alternatives`; an empty weight vector leaves the criteria without weights). Validates.
inline DecisionProblem make_problem(const MatrixView& scores,
                                    const Eigen::Ref<const Eigen::VectorXd>& weights,
                                    const std::vector<Direction>& directions,
                                    std::vector<std::string> alternatives = {},
                                    std::vector<std::string> criteria = {}) {
  DecisionProblem p;
  if (scores.innerStride() == 1) {
    p.scores = scores;
  } else {
    // row-major input (NumPy's default): copy in blocks of rows so the source stays in cache
    p.scores.resize(scores.rows(), scores.cols());
    constexpr Eigen::Index block = 256;
    for (Eigen::Index i0 = 0; i0 < scores.rows(); i0 += block) {
      const Eigen::Index i1 = std::min(scores.rows(), i0 + block);
      for (Eigen::Index j = 0; j < scores.cols(); ++j)
        for (Eigen::Index i = i0; i < i1; ++i) p.scores(i, j) = scores(i, j);
    }
  }
  if (criteria.empty())
    for (Eigen::Index j = 0; j < scores.cols(); ++j) criteria.push_back("C" + std::to_string(j + 1));
  if (static_cast<Eigen::Index>(directions.size()) != scores.cols())
    throw InputError::size_mismatch("directions", static_cast<long long>(directions.size()), scores.cols());
  if (weights.size() != scores.cols() && weights.size() != 0)
    throw InputError::size_mismatch("weights", weights.size(), scores.cols());
  p.alternatives = std::move(alternatives);
  for (std::size_t j = 0; j < criteria.size(); ++j) {
    Criterion c;
    c.name = criteria[j];
    c.direction = j < directions.size() ? directions[j] : Direction::max;
    if (weights.size() != 0 && static_cast<Eigen::Index>(j) < weights.size()) c.weight = weights[static_cast<Eigen::Index>(j)];
    p.criteria.push_back(std::move(c));
  }
  p.validate();
  return p;
}

}  // namespace koers::decide
