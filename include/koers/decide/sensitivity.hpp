#pragma once
/// \file
/// One-at-a-time weight sensitivity: sweeps of each criterion's weight with the others
/// rescaled proportionally, and for each criterion the interval of its weight in which the
/// ranking (or the top-k set) stays as it is.
#include <koers/decide/rank.hpp>

#include <cstdint>
#include <functional>
#include <string>
#include <vector>

namespace koers::decide {

/// The most sweep steps `sensitivity` takes (each step ranks the problem once per criterion);
/// more is InputError E119 with the count.
inline constexpr int max_sensitivity_steps = 10'000;
/// The most cells the sweeps hold: (steps + 1) × criteria × alternatives scores and ranks (about
/// 120 MB); more is InputError E119 with the count, checked before any work.
inline constexpr std::int64_t max_sensitivity_cells = 10'000'000;

struct SensitivityOptions {
  RankOptions rank = {};
  int top_k = 0;             ///< 0: the whole ranking must stay; k > 0: the set of the best k
  int steps = 20;            ///< sweep grid 0, 1/steps, ..., 1 for each criterion
  double tolerance = 1e-9;   ///< bisection tolerance on the weight (non-linear methods)
  double scan_step = 0.001;  ///< grid scan before bisection (non-linear methods), in [1e-6, 0.5]
  /// Called now and then with (rankings done, rankings in all; the total an upper bound until the
  /// end, when done = total). From the calling thread.
  std::function<void(std::size_t done, std::size_t total)> progress = {};
};

/// The weight interval of one criterion.
struct WeightInterval {
  std::string criterion;
  double weight = 0;  ///< its current (normalised) weight
  double lower = 0,
         upper = 1;   ///< the ranking/top-k set is the same for every weight in [lower, upper] (open at a change)
  bool exact = true;  ///< true: computed analytically (the method is linear in the weights)
  /// alternatives whose rank (top-k: membership of the set) changes just below `lower` (empty: none, lower = 0)
  std::vector<std::string> changes_at_lower;
  std::vector<std::string> changes_at_upper;  ///< ... just above `upper` (empty: none, upper = 1)
};

struct SensitivityResult {
  std::string target;  ///< "ranking" or "top-k"
  int top_k = 0;
  std::vector<WeightInterval> intervals;      ///< one per criterion, in criterion order
  Eigen::VectorXd grid;                       ///< weights of the sweep
  std::vector<Eigen::MatrixXd> sweep_scores;  ///< per criterion: grid × alternatives
  std::vector<Eigen::MatrixXi> sweep_ranks;   ///< per criterion: grid × alternatives
  std::vector<Choice> choices;
};

/// The weights with criterion j set to t and the others scaled by (1 − t)/(1 − w_j); when
/// w_j = 1 the others share 1 − t equally.
Eigen::VectorXd reweight(const Eigen::VectorXd& w0, Eigen::Index j, double t);

/// Whether the method's score is linear in the weights for fixed scores (WSM, PROMETHEE II, SPOTIS).
bool linear_in_weights(Method m);

namespace detail {
std::vector<int> top_key(const std::vector<int>& ranks, int k);
std::vector<std::string> changed(const DecisionProblem& p, const std::vector<int>& a, const std::vector<int>& b);
}  // namespace detail

/// Sensitivity of the ranking to each weight. Exact (crossing points of the weight-linear
/// scores) for WSM, PROMETHEE II and SPOTIS: for the whole ranking only neighbours in the
/// current order can cross first (O(m log m) per criterion), for a top-k set the pairs across
/// its boundary; for TOPSIS and VIKOR a scan of step `scan_step` outward from the current
/// weight, then bisection to `tolerance` (a change that reverts within one scan step can be
/// missed; `exact` is false). Throws what `rank` throws; InputError E115 for a bad top_k,
/// steps, scan_step or tolerance, E119 for steps past max_sensitivity_steps or sweeps past
/// max_sensitivity_cells (both checked before any work).
SensitivityResult sensitivity(const DecisionProblem& p, const SensitivityOptions& o = {});

}  // namespace koers::decide
