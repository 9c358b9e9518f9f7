#pragma once
/// \file
/// The result of ranking a decision problem, the options that choose the method, and the
/// stated tie rule. Every method (wsm, topsis, vikor, promethee2, spotis) fills a `Ranking`.
#include <koers/decide/normalise.hpp>

#include <algorithm>
#include <cstdint>
#include <cstdio>
#include <cstring>
#include <numeric>
#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace koers::decide {

/// The ranking methods.
enum class Method { wsm, topsis, vikor, promethee2, spotis };

inline std::string to_string(Method m) {
  switch (m) {
    case Method::wsm: return "wsm";
    case Method::topsis: return "topsis";
    case Method::vikor: return "vikor";
    case Method::promethee2: return "promethee2";
    case Method::spotis: return "spotis";
  }
  return "";
}
/// Parse a method name ("promethee", "promethee-ii", "saw" accepted); throws RankingError E307.
inline Method method_from_string(std::string_view s) {
  if (s == "wsm" || s == "saw" || s == "weighted-sum") return Method::wsm;
  if (s == "topsis") return Method::topsis;
  if (s == "vikor") return Method::vikor;
  if (s == "promethee2" || s == "promethee" || s == "promethee-ii" || s == "promethee_ii") return Method::promethee2;
  if (s == "spotis") return Method::spotis;
  throw RankingError(Errc::invalid_method, "unknown ranking method '" + std::string(s) + "'", {std::string(s)});
}

/// A piecewise-linear value function v(x) through points (x[k], v[k]), x strictly increasing;
/// constant beyond the end points. Used by the weighted sum in place of a normalisation; the
/// direction of the criterion is then the function's own (give decreasing v for a cost).
struct ValueFunction {
  std::vector<double> x;
  std::vector<double> v;
  double operator()(double t) const {
    if (t <= x.front()) return v.front();
    if (t >= x.back()) return v.back();
    auto it = std::upper_bound(x.begin(), x.end(), t);
    std::size_t k = static_cast<std::size_t>(it - x.begin());
    double a = x[k - 1], b = x[k];
    return v[k - 1] + (v[k] - v[k - 1]) * (t - a) / (b - a);
  }
  /// Throws RankingError E307 naming `criterion` when the points are unusable.
  void check(const std::string& criterion) const {
    if (x.size() < 2 || x.size() != v.size())
      throw RankingError(Errc::invalid_method, "value function of criterion '" + criterion +
                         "' needs at least two (x, v) points of equal count", {criterion});
    for (std::size_t k = 0; k < x.size(); ++k) {
      if (!std::isfinite(x[k]) || !std::isfinite(v[k]))
        throw RankingError(Errc::invalid_method, "value function of criterion '" + criterion + "' has a non-finite point", {criterion});
      if (k > 0 && !(x[k] > x[k - 1]))
        throw RankingError(Errc::invalid_method, "value function of criterion '" + criterion + "' needs increasing x", {criterion});
    }
  }
};

/// Options choosing the method and every parameter. Absent normalisation = the method's
/// default (topsis: vector, wsm: minmax, spotis: scale; vikor and promethee2 use their own
/// definitions and accept only none); the result states what was used.
struct RankOptions {
  Method method = Method::topsis;
  std::optional<Normalisation> normalisation = std::nullopt;
  double v = 0.5;  ///< VIKOR weight of the "majority of criteria" strategy, in [0, 1]
  /// WSM value functions, one slot per criterion (empty vector = none); a given function
  /// replaces the normalisation for its criterion.
  std::vector<std::optional<ValueFunction>> value_functions = {};
  /// Fill `Ranking::contributions` (false: leave it empty; TOPSIS then never builds the
  /// weighted normalised matrix — the fast path for very large problems).
  bool contributions = true;
  /// Fill `Ranking::ranks` and `order` (false: scores only, no sort — for a caller that asks
  /// for the scores and ranks later, if at all; VIKOR then also leaves its acceptance
  /// conditions and compromise set, which need the order, unset).
  bool ranks = true;
};

/// How ties are ranked: scores within `tie_tolerance` (relative, 1e-9·max(1,|s|)) share the
/// best of their ranks (competition ranking 1, 2, 2, 4); listed in input order.
inline constexpr double tie_tolerance = 1e-9;
inline const char* tie_rule_text =
    "scores within 1e-9*max(1,|score|) are tied and share the best rank (competition ranking 1,2,2,4); "
    "tied alternatives are listed in input order";

/// One stated choice: name and value as text, for the result's "method" record.
using Choice = std::pair<std::string, std::string>;

/// The result of a ranking.
struct Ranking {
  Method method = Method::topsis;
  std::string normalisation;       ///< the normalisation used ("vector", ..., or the method's own)
  bool higher_is_better = true;    ///< TOPSIS/WSM/PROMETHEE: higher; VIKOR Q and SPOTIS: lower
  Eigen::VectorXd weights;         ///< the weights used (normalised to sum 1)
  Eigen::VectorXd scores;          ///< the method's own index per alternative
  std::vector<int> ranks;          ///< 1 = best, ties per `tie_rule_text`
  std::vector<Eigen::Index> order; ///< alternative indices, best first
  /// Per alternative and criterion: WSM/TOPSIS weighted normalised value w_j·r_ij (sums to the
  /// WSM score; TOPSIS is not additive); VIKOR w_j·(f*_j − f_ij)/(f*_j − f⁻_j) (sums to S);
  /// PROMETHEE w_j·φ_j (sums to φ); SPOTIS w_j·|x_ij − s*_j|/(hi_j − lo_j) (sums to the distance).
  Eigen::MatrixXd contributions;
  std::string contribution_kind;
  std::vector<Choice> choices;     ///< every choice made, in order (method, normalisation, parameters, tie rule)
  std::vector<std::string> warnings;
  // TOPSIS
  Eigen::VectorXd d_plus, d_minus; ///< distances to the ideal and anti-ideal
  // VIKOR
  Eigen::VectorXd S, R, Q;
  double v = 0.5;
  bool acceptable_advantage = false;   ///< C1: Q(a'') − Q(a') ≥ 1/(m − 1)
  bool acceptable_stability = false;   ///< C2: a' also best by S or by R
  std::vector<Eigen::Index> compromise; ///< the compromise set, best first
  // PROMETHEE II
  Eigen::VectorXd phi_plus, phi_minus, phi;
};

/// Whether two scores are tied under the stated rule.
inline bool tied(double a, double b) {
  return std::abs(a - b) <= tie_tolerance * std::max({1.0, std::abs(a), std::abs(b)});
}

namespace detail {
/// An unsigned key with the order of the double (−0 = +0; no NaN here).
inline std::uint64_t ordered_key(double x) {
  if (x == 0) x = 0.0;
  std::uint64_t b;
  std::memcpy(&b, &x, sizeof b);
  return (b & 0x8000000000000000ULL) ? ~b : (b | 0x8000000000000000ULL);
}
/// Indices sorted by score (best first), equal scores in index order. A stable LSD radix sort
/// on 64-bit keys (11-bit digits) for large inputs, std::sort on (score, index) otherwise.
inline void sort_order(const Eigen::VectorXd& s, bool higher, std::vector<Eigen::Index>& order) {
  const std::size_t n = static_cast<std::size_t>(s.size());
  order.resize(n);
  if (n < 4096) {
    std::vector<std::pair<double, Eigen::Index>> v(n);
    for (std::size_t i = 0; i < n; ++i) v[i] = {higher ? -s[static_cast<Eigen::Index>(i)] : s[static_cast<Eigen::Index>(i)], static_cast<Eigen::Index>(i)};
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
    for (auto& c : count) { std::size_t t = c; c = sum; sum += t; }
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

/// Fill `order` and `ranks` from `scores` under the tie rule.
inline void assign_ranks(Ranking& r) {
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
    for (Eigen::Index t = k; t < e; ++t) r.ranks[static_cast<std::size_t>(r.order[static_cast<std::size_t>(t)])] = static_cast<int>(k + 1);
    k = e;
  }
}

/// Competition ranks of a score vector (1 = best), with the same tie rule.
inline std::vector<int> ranks_of(const Eigen::Ref<const Eigen::VectorXd>& scores, bool higher_is_better) {
  Ranking r;
  r.scores = scores;
  r.higher_is_better = higher_is_better;
  assign_ranks(r);
  return r.ranks;
}

/// The problem's weights, normalised to sum 1, with a warning when they did not sum to 1.
inline Eigen::VectorXd used_weights(const DecisionProblem& p, std::vector<std::string>& warnings) {
  Eigen::VectorXd w = p.raw_weights();
  check_weights(w, p.criterion_names(), p.n_criteria());
  double s = w.sum();
  if (std::abs(s - 1.0) > 1e-9) warnings.push_back("weights summed to " + std::to_string(s) + "; normalised to sum 1");
  return w / s;
}

inline std::string fmt_double(double x) {
  char buf[64];
  std::snprintf(buf, sizeof buf, "%.15g", x);
  return buf;
}

}  // namespace koers::decide
