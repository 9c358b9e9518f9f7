// The decision problem, its normalisations and the shared parts of every ranking (the tie rule,
// ranks, used weights), and dominance. Declarations: include/koers/decide/problem.hpp,
// normalise.hpp, ranking.hpp, dominance.hpp.
#include <koers/decide/dominance.hpp>
#include <koers/decide/normalise.hpp>
#include <koers/decide/problem.hpp>
#include <koers/decide/ranking.hpp>

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <cstdio>
#include <cstring>
#include <numeric>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace koers::decide {

std::string to_string(Direction d) { return d == Direction::max ? "max" : "min"; }

std::string to_string(PreferenceFunction f) {
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

Direction direction_from_string(std::string_view s) {
  if (s == "max" || s == "benefit") return Direction::max;
  if (s == "min" || s == "cost") return Direction::min;
  throw InputError(Errc::invalid_value, "direction '" + std::string(s) + "' is not 'max' or 'min'", {std::string(s)});
}

PreferenceFunction preference_from_string(std::string_view s) {
  std::string t(s);
  for (auto& c : t)
    if (c == '_') c = '-';
  if (t == "usual") return PreferenceFunction::usual;
  if (t == "u-shape") return PreferenceFunction::u_shape;
  if (t == "v-shape") return PreferenceFunction::v_shape;
  if (t == "level") return PreferenceFunction::level;
  if (t == "linear") return PreferenceFunction::linear;
  if (t == "gaussian") return PreferenceFunction::gaussian;
  throw RankingError(Errc::invalid_method, "unknown preference function '" + std::string(s) + "'", {std::string(s)});
}

Eigen::VectorXd unit_sum(const Eigen::Ref<const Eigen::VectorXd>& w, const std::vector<std::string>& names) {
  double s = w.sum();
  Eigen::VectorXd r;
  if (std::isfinite(s)) {
    r = w / s;
  } else {
    const double big = w.cwiseAbs().maxCoeff();
    Eigen::VectorXd v = w / big;
    r = v / v.sum();
  }
  if (!r.allFinite() || !(r.cwiseAbs().maxCoeff() > 0))
    throw RankingError(Errc::invalid_weights, "the weights vanish when normalised to sum 1: nothing is ranked by them",
                       names);
  return r;
}

void check_weights(const Eigen::Ref<const Eigen::VectorXd>& w, const std::vector<std::string>& names,
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

DecisionProblem make_problem(const MatrixView& scores, const Eigen::Ref<const Eigen::VectorXd>& weights,
                             const std::vector<Direction>& directions, std::vector<std::string> alternatives,
                             std::vector<std::string> criteria) {
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
    if (weights.size() != 0 && static_cast<Eigen::Index>(j) < weights.size())
      c.weight = weights[static_cast<Eigen::Index>(j)];
    p.criteria.push_back(std::move(c));
  }
  p.validate();
  return p;
}

}  // namespace koers::decide

namespace koers::decide {

std::string DecisionProblem::alternative_name(Eigen::Index i) const {
  return alternatives.empty() ? "A" + std::to_string(i + 1) : alternatives[static_cast<std::size_t>(i)];
}

std::vector<std::string> DecisionProblem::alternative_names() const {
  if (!alternatives.empty()) return alternatives;
  std::vector<std::string> v;
  v.reserve(static_cast<std::size_t>(scores.rows()));
  for (Eigen::Index i = 0; i < scores.rows(); ++i) v.push_back(alternative_name(i));
  return v;
}

std::vector<std::string> DecisionProblem::criterion_names() const {
  std::vector<std::string> v;
  v.reserve(criteria.size());
  for (const auto& c : criteria) v.push_back(c.name);
  return v;
}

bool DecisionProblem::has_weights() const {
  for (const auto& c : criteria)
    if (!c.weight) return false;
  return !criteria.empty();
}

Eigen::VectorXd DecisionProblem::raw_weights() const {
  Eigen::VectorXd w(n_criteria());
  for (Eigen::Index j = 0; j < n_criteria(); ++j) {
    const auto& c = criteria[static_cast<std::size_t>(j)];
    if (!c.weight) throw RankingError(Errc::invalid_weights, "criterion '" + c.name + "' has no weight", {c.name});
    w[j] = *c.weight;
  }
  return w;
}

Eigen::VectorXd DecisionProblem::weights() const {
  Eigen::VectorXd w = raw_weights();
  check_weights(w, criterion_names(), n_criteria());
  return unit_sum(w, criterion_names());
}

double DecisionProblem::weights_sum() const { return raw_weights().sum(); }

Eigen::VectorXd DecisionProblem::signs() const {
  Eigen::VectorXd s(n_criteria());
  for (Eigen::Index j = 0; j < n_criteria(); ++j)
    s[j] = criteria[static_cast<std::size_t>(j)].direction == Direction::max ? 1.0 : -1.0;
  return s;
}

Eigen::Index DecisionProblem::alternative_index(std::string_view name) const {
  for (Eigen::Index i = 0; i < n_alternatives(); ++i)
    if (alternative_name(i) == name) return i;
  throw InputError(Errc::unknown_name, "unknown alternative '" + std::string(name) + "'", {std::string(name)});
}

Eigen::Index DecisionProblem::criterion_index(std::string_view name) const {
  for (std::size_t j = 0; j < criteria.size(); ++j)
    if (criteria[j].name == name) return static_cast<Eigen::Index>(j);
  throw InputError(Errc::unknown_name, "unknown criterion '" + std::string(name) + "'", {std::string(name)});
}

DecisionProblem DecisionProblem::with_weights(const Eigen::Ref<const Eigen::VectorXd>& w) const {
  check_weights(w, criterion_names(), n_criteria());
  DecisionProblem p = *this;
  for (Eigen::Index j = 0; j < n_criteria(); ++j) p.criteria[static_cast<std::size_t>(j)].weight = w[j];
  return p;
}

void DecisionProblem::check_unique_names() const {
  auto check = [](const std::vector<std::string_view>& names, const char* what) {
    std::vector<std::string_view> v = names;
    for (auto n : v)
      if (n.empty())
        throw InputError(Errc::invalid_value, std::string("an ") + what + " has an empty name", {std::string(n)});
    std::sort(v.begin(), v.end());
    auto it = std::adjacent_find(v.begin(), v.end());
    if (it != v.end())
      throw InputError(Errc::duplicate_name, std::string(what) + " '" + std::string(*it) + "' is given twice",
                       {std::string(*it)});
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

void DecisionProblem::validate() const {
  if (n_alternatives() == 0) throw InputError(Errc::size_mismatch, "the problem has no alternatives", {});
  if (criteria.empty()) throw InputError(Errc::size_mismatch, "the problem has no criteria", {});
  if (scores.rows() != n_alternatives())
    throw InputError::size_mismatch("scores (rows)", scores.rows(), n_alternatives());
  if (scores.cols() != n_criteria()) throw InputError::size_mismatch("scores (columns)", scores.cols(), n_criteria());
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
  if (scores.size() && scores.cwiseAbs().maxCoeff() > max_score_magnitude) {
    for (Eigen::Index j = 0; j < scores.cols(); ++j)
      for (Eigen::Index i = 0; i < scores.rows(); ++i)
        if (std::abs(scores(i, j)) > max_score_magnitude) {
          const std::string a = alternative_name(i);
          const auto& c = criteria[static_cast<std::size_t>(j)].name;
          char buf[32];
          std::snprintf(buf, sizeof buf, "%.6g", scores(i, j));
          throw RankingError(Errc::numeric_overflow,
                             "score " + std::string(buf) + " of '" + a + "' on criterion '" + c +
                                 "' is too large to rank without overflow (koers ranks scores up to 1e150 in size)",
                             {c, a});
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
        throw RankingError(Errc::invalid_weights, "criterion '" + c.name + "' has no weight while others have one",
                           {c.name});
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
        throw RankingError(
            Errc::invalid_scale,
            "scale of criterion '" + c.name + "' is empty [" + std::to_string(lo) + ", " + std::to_string(hi) + "]",
            {c.name});
      if (std::abs(lo) > max_score_magnitude || std::abs(hi) > max_score_magnitude)
        throw RankingError(Errc::numeric_overflow,
                           "scale of criterion '" + c.name +
                               "' is too large to rank without overflow (koers ranks scales up to 1e150 in size)",
                           {c.name});
      if (scores.col(j).minCoeff() >= lo && scores.col(j).maxCoeff() <= hi) continue;
      for (Eigen::Index i = 0; i < scores.rows(); ++i) {
        double x = scores(i, j);
        if (x < lo || x > hi) {
          const std::string a = alternative_name(i);
          throw RankingError(Errc::invalid_scale,
                             "score " + std::to_string(x) + " of '" + a + "' on '" + c.name +
                                 "' lies outside its scale [" + std::to_string(lo) + ", " + std::to_string(hi) + "]",
                             {c.name, a});
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

}  // namespace koers::decide

namespace koers::decide {

std::string to_string(Normalisation n) {
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

Normalisation normalisation_from_string(std::string_view s) {
  if (s == "none") return Normalisation::none;
  if (s == "vector") return Normalisation::vector;
  if (s == "minmax" || s == "min-max") return Normalisation::minmax;
  if (s == "max") return Normalisation::max;
  if (s == "sum") return Normalisation::sum;
  if (s == "scale" || s == "fixed-scale") return Normalisation::scale;
  throw RankingError(Errc::invalid_method, "unknown normalisation '" + std::string(s) + "'", {std::string(s)});
}

std::string describe(Normalisation n) {
  switch (n) {
    case Normalisation::none: return "none: x for max criteria, -x for min criteria";
    case Normalisation::vector: return "vector: x/||x|| for max, 1 - x/||x|| for min";
    case Normalisation::minmax: return "minmax: (x-min)/(max-min) for max, (max-x)/(max-min) for min";
    case Normalisation::max: return "max: x/max for max, min/x for min";
    case Normalisation::sum: return "sum: x/sum(x) for max, (1/x)/sum(1/x) for min";
    case Normalisation::scale:
      return "scale: (x-lo)/(hi-lo) for max, (hi-x)/(hi-lo) for min, [lo,hi] the criterion's scale";
  }
  return "";
}

Eigen::VectorXd normalise_column(const Eigen::Ref<const Eigen::VectorXd>& x, const Criterion& c, Normalisation n,
                                 std::vector<std::string>* warnings) {
  const bool benefit = c.direction == Direction::max;
  const Eigen::Index m = x.size();
  auto warn = [&](const std::string& w) {
    if (warnings) warnings->push_back(w);
  };
  Eigen::VectorXd r(m);
  switch (n) {
    case Normalisation::none: r = benefit ? Eigen::VectorXd(x) : Eigen::VectorXd(-x); break;
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
          throw RankingError(
              Errc::negative_scores,
              "criterion '" + c.name + "' has negative scores; " + to_string(n) + " normalisation needs scores >= 0",
              {c.name});
        double d = is_max ? x.maxCoeff() : x.sum();
        if (!(d > 0)) {
          warn("criterion '" + c.name + "' is zero for every alternative: it contributes nothing");
          r.setZero();
        } else {
          r = x / d;
        }
      } else {
        if (!(x.minCoeff() > 0))
          throw RankingError(Errc::zero_criterion,
                             "cost criterion '" + c.name + "' has a score <= 0; " + to_string(n) +
                                 " normalisation divides by the score",
                             {c.name});
        if (is_max)
          r = (x.minCoeff() / x.array()).matrix();
        else {
          Eigen::ArrayXd inv = 1.0 / x.array();
          r = (inv / inv.sum()).matrix();
        }
      }
      break;
    }
    case Normalisation::scale: {
      if (!c.scale)
        throw RankingError(Errc::invalid_scale,
                           "criterion '" + c.name + "' has no scale; 'scale' normalisation needs one", {c.name});
      const double lo = c.scale->lo, hi = c.scale->hi;
      r = benefit ? Eigen::VectorXd((x.array() - lo) / (hi - lo)) : Eigen::VectorXd((hi - x.array()) / (hi - lo));
      break;
    }
  }
  return r;
}

ColumnStats column_stats(const Eigen::Ref<const Eigen::VectorXd>& x) {
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

std::optional<std::pair<double, double>> affine_form(const ColumnStats& s, const Criterion& c, Normalisation n) {
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

Eigen::MatrixXd normalise(const DecisionProblem& p, Normalisation n, std::vector<std::string>* warnings) {
  Eigen::MatrixXd r(p.scores.rows(), p.scores.cols());
  for (Eigen::Index j = 0; j < p.scores.cols(); ++j)
    r.col(j) = normalise_column(p.scores.col(j), p.criteria[static_cast<std::size_t>(j)], n, warnings);
  return r;
}

}  // namespace koers::decide

namespace koers::decide {

std::string to_string(Method m) {
  switch (m) {
    case Method::wsm: return "wsm";
    case Method::topsis: return "topsis";
    case Method::vikor: return "vikor";
    case Method::promethee2: return "promethee2";
    case Method::spotis: return "spotis";
  }
  return "";
}

Method method_from_string(std::string_view s) {
  if (s == "wsm" || s == "saw" || s == "weighted-sum") return Method::wsm;
  if (s == "topsis") return Method::topsis;
  if (s == "vikor") return Method::vikor;
  if (s == "promethee2" || s == "promethee" || s == "promethee-ii" || s == "promethee_ii") return Method::promethee2;
  if (s == "spotis") return Method::spotis;
  throw RankingError(Errc::invalid_method, "unknown ranking method '" + std::string(s) + "'", {std::string(s)});
}

namespace detail {

std::uint64_t ordered_key(double x) {
  if (x == 0) x = 0.0;
  std::uint64_t b;
  std::memcpy(&b, &x, sizeof b);
  return (b & 0x8000000000000000ULL) ? ~b : (b | 0x8000000000000000ULL);
}

void sort_order(const Eigen::VectorXd& s, bool higher, std::vector<Eigen::Index>& order) {
  const std::size_t n = static_cast<std::size_t>(s.size());
  order.resize(n);
  if (n < 4096) {
    std::vector<std::pair<double, Eigen::Index>> v(n);
    for (std::size_t i = 0; i < n; ++i)
      v[i] = {higher ? -s[static_cast<Eigen::Index>(i)] : s[static_cast<Eigen::Index>(i)],
              static_cast<Eigen::Index>(i)};
    std::sort(v.begin(), v.end());
    for (std::size_t i = 0; i < n; ++i) order[i] = v[i].second;
    return;
  }
  std::vector<std::uint64_t> key(n), key2(n);
  std::vector<std::uint32_t> idx(n), idx2(n);
  for (std::size_t i = 0; i < n; ++i) {
    double x = s[static_cast<Eigen::Index>(i)];
    key[i] = ordered_key(higher ? -x : x);
    idx[i] = static_cast<std::uint32_t>(i);
  }
  constexpr int bits = 11;
  constexpr std::size_t buckets = std::size_t{1} << bits;
  std::vector<std::size_t> count(buckets);
  for (int shift = 0; shift < 64; shift += bits) {
    std::fill(count.begin(), count.end(), 0);
    for (std::size_t i = 0; i < n; ++i) ++count[(key[i] >> shift) & (buckets - 1)];
    if (count[(key[0] >> shift) & (buckets - 1)] == n) continue;  // one digit value: nothing to do
    std::size_t sum = 0;
    for (auto& c : count) {
      std::size_t t = c;
      c = sum;
      sum += t;
    }
    for (std::size_t i = 0; i < n; ++i) {
      std::size_t d = count[(key[i] >> shift) & (buckets - 1)]++;
      key2[d] = key[i];
      idx2[d] = idx[i];
    }
    key.swap(key2);
    idx.swap(idx2);
  }
  for (std::size_t i = 0; i < n; ++i) order[i] = idx[i];
}

}  // namespace detail

void assign_ranks(Ranking& r) {
  const Eigen::Index n = r.scores.size();
  r.order.resize(static_cast<std::size_t>(n));
  std::iota(r.order.begin(), r.order.end(), Eigen::Index{0});
  const bool hi = r.higher_is_better;
  const auto& s = r.scores;
  detail::sort_order(s, hi, r.order);
  // group consecutive scores within the tolerance; a group shares its best rank and is listed
  // in input order
  r.ranks.assign(static_cast<std::size_t>(n), 0);
  Eigen::Index k = 0;
  while (k < n) {
    Eigen::Index e = k + 1;
    while (e < n && tied(s[r.order[static_cast<std::size_t>(e)]], s[r.order[static_cast<std::size_t>(e - 1)]])) ++e;
    if (e - k > 1) std::sort(r.order.begin() + k, r.order.begin() + e);
    for (Eigen::Index t = k; t < e; ++t)
      r.ranks[static_cast<std::size_t>(r.order[static_cast<std::size_t>(t)])] = static_cast<int>(k + 1);
    k = e;
  }
}

std::vector<int> ranks_of(const Eigen::Ref<const Eigen::VectorXd>& scores, bool higher_is_better) {
  Ranking r;
  r.scores = scores;
  r.higher_is_better = higher_is_better;
  assign_ranks(r);
  return r.ranks;
}

Eigen::VectorXd used_weights(const DecisionProblem& p, std::vector<std::string>& warnings) {
  Eigen::VectorXd w = p.raw_weights();
  check_weights(w, p.criterion_names(), p.n_criteria());
  double s = w.sum();
  if (!std::isfinite(s))
    warnings.push_back("weights summed past the largest double; scaled by the largest and normalised to sum 1");
  else if (std::abs(s - 1.0) > 1e-9)
    warnings.push_back("weights summed to " + std::to_string(s) + "; normalised to sum 1");
  return unit_sum(w, p.criterion_names());
}

std::string fmt_double(double x) {
  char buf[64];
  std::snprintf(buf, sizeof buf, "%.15g", x);
  return buf;
}

}  // namespace koers::decide

namespace koers::decide {

void ValueFunction::check(const std::string& criterion) const {
  if (x.size() < 2 || x.size() != v.size())
    throw RankingError(
        Errc::invalid_method,
        "value function of criterion '" + criterion + "' needs at least two (x, v) points of equal count", {criterion});
  for (std::size_t k = 0; k < x.size(); ++k) {
    if (!std::isfinite(x[k]) || !std::isfinite(v[k]))
      throw RankingError(Errc::invalid_method, "value function of criterion '" + criterion + "' has a non-finite point",
                         {criterion});
    if (k > 0 && !(x[k] > x[k - 1]))
      throw RankingError(Errc::invalid_method, "value function of criterion '" + criterion + "' needs increasing x",
                         {criterion});
  }
}

}  // namespace koers::decide

namespace koers::decide {

Dominance dominance(const DecisionProblem& p, Eigen::Index max_alternatives) {
  p.validate();
  const Eigen::Index m = p.n_alternatives(), n = p.n_criteria();
  Dominance d;
  d.dominated_by.assign(static_cast<std::size_t>(m), -1);
  if (m > max_alternatives) {
    d.checked = false;
    return d;
  }
  Eigen::MatrixXd g = p.scores * p.signs().asDiagonal();  // larger is better everywhere
  for (Eigen::Index a = 0; a < m; ++a)
    for (Eigen::Index b = 0; b < m; ++b) {
      if (a == b) continue;
      bool geq = true, gt = false;
      for (Eigen::Index j = 0; j < n && geq; ++j) {
        if (g(b, j) < g(a, j))
          geq = false;
        else if (g(b, j) > g(a, j))
          gt = true;
      }
      if (geq && gt) {
        d.dominated_by[static_cast<std::size_t>(a)] = b;
        break;
      }
    }
  return d;
}

}  // namespace koers::decide
