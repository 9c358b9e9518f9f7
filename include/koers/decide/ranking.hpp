#pragma once
/// \file
/// The result of ranking a decision problem, the options that choose the method, and the
/// stated tie rule. Every method (wsm, topsis, vikor, promethee2, spotis) fills a `Ranking`.
#include <koers/decide/normalise.hpp>

#include <algorithm>
#include <cstdint>
#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace koers::decide {

/// The ranking methods.
enum class Method { wsm, topsis, vikor, promethee2, spotis };

std::string to_string(Method m);
/// Parse a method name ("promethee", "promethee-ii", "saw" accepted); throws RankingError E307.
Method method_from_string(std::string_view s);

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
  void check(const std::string& criterion) const;
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
  std::string normalisation;        ///< the normalisation used ("vector", ..., or the method's own)
  bool higher_is_better = true;     ///< TOPSIS/WSM/PROMETHEE: higher; VIKOR Q and SPOTIS: lower
  Eigen::VectorXd weights;          ///< the weights used (normalised to sum 1)
  Eigen::VectorXd scores;           ///< the method's own index per alternative
  std::vector<int> ranks;           ///< 1 = best, ties per `tie_rule_text`
  std::vector<Eigen::Index> order;  ///< alternative indices, best first
  /// Per alternative and criterion: WSM/TOPSIS weighted normalised value w_j·r_ij (sums to the
  /// WSM score; TOPSIS is not additive); VIKOR w_j·(f*_j − f_ij)/(f*_j − f⁻_j) (sums to S);
  /// PROMETHEE w_j·φ_j (sums to φ); SPOTIS w_j·|x_ij − s*_j|/(hi_j − lo_j) (sums to the distance).
  Eigen::MatrixXd contributions;
  std::string contribution_kind;
  std::vector<Choice> choices;  ///< every choice made, in order (method, normalisation, parameters, tie rule)
  std::vector<std::string> warnings;
  // TOPSIS
  Eigen::VectorXd d_plus, d_minus;  ///< distances to the ideal and anti-ideal
  // VIKOR
  Eigen::VectorXd S, R, Q;
  double v = 0.5;
  bool acceptable_advantage = false;     ///< C1: Q(a'') − Q(a') ≥ 1/(m − 1)
  bool acceptable_stability = false;     ///< C2: a' also best by S or by R
  std::vector<Eigen::Index> compromise;  ///< the compromise set, best first
  // PROMETHEE II
  Eigen::VectorXd phi_plus, phi_minus, phi;
};

/// Whether two scores are tied under the stated rule.
inline bool tied(double a, double b) {
  return std::abs(a - b) <= tie_tolerance * std::max({1.0, std::abs(a), std::abs(b)});
}

namespace detail {
/// An unsigned key with the order of the double (−0 = +0; no NaN here).
std::uint64_t ordered_key(double x);
/// Indices sorted by score (best first), equal scores in index order. A stable LSD radix sort
/// on 64-bit keys (11-bit digits) for large inputs, std::sort on (score, index) otherwise.
void sort_order(const Eigen::VectorXd& s, bool higher, std::vector<Eigen::Index>& order);
}  // namespace detail

/// Fill `order` and `ranks` from `scores` under the tie rule.
void assign_ranks(Ranking& r);

/// Competition ranks of a score vector (1 = best), with the same tie rule.
std::vector<int> ranks_of(const Eigen::Ref<const Eigen::VectorXd>& scores, bool higher_is_better);

/// The problem's weights, normalised to sum 1, with a warning when they did not sum to 1.
Eigen::VectorXd used_weights(const DecisionProblem& p, std::vector<std::string>& warnings);

std::string fmt_double(double x);

}  // namespace koers::decide
