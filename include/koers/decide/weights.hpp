#pragma once
/// \file
/// Objective weights (entropy, CRITIC, standard deviation, MEREC) and subjective rank-order
/// (ROC) and swing weights. Every result sums to 1 and states its definition.
#include <koers/decide/ranking.hpp>

#include <string>
#include <vector>

namespace koers::decide {

/// Every way koers weighs criteria — the one list the Python facade and the command line take
/// theirs from (`weight_methods()`): four objective methods computed from the scores (entropy,
/// CRITIC, standard deviation, MEREC) and three given by people (rank-order centroid from an
/// order of importance, swing points, equal).
enum class WeightMethod { entropy, critic, std_dev, merec, roc, swing, equal };

std::string to_string(WeightMethod m);

/// The methods in their documented order, as `to_string` names them.
std::vector<std::string> weight_methods();

/// True for the methods computed from the scores alone.
bool is_objective(WeightMethod m);

/// Parse a name of `weight_methods()` ("stdev" and "std_dev" also mean "std"); throws RankingError E307
/// listing the known ones.
WeightMethod weight_method_from_string(std::string_view s);

/// Weights with the figures they come from.
struct WeightsResult {
  WeightMethod method = WeightMethod::entropy;
  Eigen::VectorXd weights;      ///< per criterion, sums to 1
  Eigen::VectorXd measure;      ///< entropy: divergence 1 − E_j; critic: C_j; std: σ_j; merec: removal effect E_j
  Eigen::VectorXd entropy;      ///< entropy only: E_j
  Eigen::MatrixXd correlation;  ///< critic only: Pearson r between normalised columns
  std::vector<Choice> choices;
  std::vector<std::string> warnings;
};

namespace detail {
void check_scores(const DecisionProblem& p);
Eigen::VectorXd to_unit_sum(const Eigen::VectorXd& m, const DecisionProblem& p, const std::string& what);
double sample_std(const Eigen::Ref<const Eigen::VectorXd>& x);
}  // namespace detail

/// Entropy weights: p_ij = x_ij/Σ_i x_ij, E_j = −Σ_i p_ij ln p_ij / ln m (0·ln 0 = 0),
/// w_j ∝ 1 − E_j. Directions do not enter (the spread is the same either way).
/// Throws E107 for a negative score, E302 for an all-zero criterion, E301 when every criterion is constant.
WeightsResult entropy_weights(const DecisionProblem& p);

/// CRITIC (Diakoulaki et al. 1995): scores min–max normalised by direction, σ_j the sample
/// standard deviation of the normalised column, r_jk Pearson correlation, C_j = σ_j Σ_k (1 − r_jk),
/// w_j ∝ C_j. Throws E301 naming a constant criterion (its correlations are undefined).
WeightsResult critic_weights(const DecisionProblem& p);

/// Standard-deviation weights: w_j ∝ σ_j, the sample standard deviation of the scores as given
/// (not normalised). A constant criterion gets weight 0 (warning); all constant: E301.
WeightsResult std_weights(const DecisionProblem& p);

/// MEREC (Keshavarz-Ghorabaee et al. 2021): n_ij = min_k x_kj / x_ij (max criteria) or
/// x_ij / max_k x_kj (min criteria); S_i = ln(1 + Σ_j |ln n_ij| / m); S'_ij the same without
/// criterion j; E_j = Σ_i |S'_ij − S_i|; w_j ∝ E_j (m = number of criteria).
/// Throws E302 naming a criterion with a score ≤ 0.
WeightsResult merec_weights(const DecisionProblem& p);

/// One of the objective methods; E307 for roc, swing and equal (they need what people give: `weights`).
WeightsResult objective_weights(const DecisionProblem& p, WeightMethod m);

/// Rank-order centroid weights (Barron & Barrett 1996) for criteria in order of importance:
/// w_k = (1/n) Σ_{i=k..n} 1/i for the k-th most important. `order` lists every criterion name
/// once, most important first; the result is in the problem's criterion order.
/// Throws E111 for an unknown name, E112 for a repeated one, E109 when one is missing.
Eigen::VectorXd roc_weights(const DecisionProblem& p, const std::vector<std::string>& order);

/// Swing weights: points per criterion (the most important swing usually 100), w_j = points_j / Σ points.
/// Throws E300 for negative, non-finite or all-zero points, E109 for the wrong count.
Eigen::VectorXd swing_weights(const DecisionProblem& p, const Eigen::Ref<const Eigen::VectorXd>& points);

/// What a weighting needs besides the scores: the order of importance (roc) or the points (swing).
struct WeightSpec {
  WeightMethod method = WeightMethod::entropy;
  std::vector<std::string> order;  ///< roc: every criterion once, most important first
  Eigen::VectorXd points;          ///< swing: points per criterion, in the problem's criterion order
};

/// Criteria weights by any method of `weight_methods()`, with the choices that define them
/// (objective methods also with their measure, entropy, correlation and warnings).
/// Throws E105 when roc has no order or swing no points, and what each method throws.
WeightsResult weights(const DecisionProblem& p, const WeightSpec& spec);

}  // namespace koers::decide
