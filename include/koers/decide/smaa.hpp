#pragma once
/// \file
/// SMAA-2 (Lahdelma & Salminen 2001): rank acceptability indices, central weights and
/// confidence factors under uncertain weights and scores. Seeded, reproducible and
/// independent of the thread count: samples are drawn in fixed chunks of `chunk_size`, chunk c
/// from its own std::mt19937_64 seeded with splitmix64(seed, c); integer counts are summed
/// exactly and weight sums are combined in chunk order.
#include <koers/decide/rank.hpp>

#include <cstddef>
#include <cstdint>
#include <functional>
#include <string>
#include <utility>
#include <vector>

namespace koers::decide {

/// How uncertain scores are drawn per cell: none, uniform on [x − s, x + s], or normal N(x, s²);
/// s from `SmaaOptions::score_spread`. Draws are clamped to the criterion's scale when it has one.
enum class ScoreModel { none, uniform, normal };

/// The weight model. `uniform`: uniform on the simplex (Dirichlet(1,…,1) from normalised
/// exponentials), optionally restricted by intervals and orderings (rejection sampling; a
/// complete chain of orderings over all criteria uses the sorting construction instead: sort
/// a uniform simplex point decreasingly and assign it along the chain). `fixed`: the problem's weights.
enum class WeightModel { uniform, fixed };

/// The most Monte Carlo samples (and confidence samples) `smaa` draws; more is InputError E119.
inline constexpr std::size_t max_smaa_samples = 10'000'000;

struct SmaaOptions {
  RankOptions rank = {};
  std::size_t samples = 10'000;
  std::uint64_t seed = 0;
  unsigned threads = 0;  ///< 0: std::thread::hardware_concurrency()
  WeightModel weights = WeightModel::uniform;
  Eigen::VectorXd weight_lower = {};                                  ///< empty, or one lower bound per criterion
  Eigen::VectorXd weight_upper = {};                                  ///< empty, or one upper bound per criterion
  std::vector<std::pair<Eigen::Index, Eigen::Index>> orderings = {};  ///< (a, b): w_a ≥ w_b
  ScoreModel scores = ScoreModel::none;
  Eigen::MatrixXd score_spread = {};   ///< alternatives × criteria half-width (uniform) or sd (normal)
  std::size_t confidence_samples = 0;  ///< score draws per confidence factor; 0 = `samples`
  std::size_t chunk_size = 1024;       ///< part of the reproducibility: same seed + chunk size = same result
  std::size_t max_rejections = 1000;   ///< give up (E300) when fewer than 1 in this many weight draws is accepted
  std::size_t ranks = 0;               ///< columns of `acceptability` to fill (ranks 1..ranks); 0 = every rank
  std::function<void(std::size_t done, std::size_t total)> progress = {};  ///< called after each chunk (any thread)
};

struct SmaaResult {
  Eigen::MatrixXd
      acceptability;  ///< alternatives × ranks (the first `SmaaOptions::ranks`): share of samples at rank r (b_i^r)
  Eigen::MatrixXd central_weights;  ///< alternatives × criteria: mean weight when ranked first (zeros when never first)
  std::vector<bool> has_central;    ///< whether the alternative was ever ranked first
  Eigen::VectorXd
      confidence;  ///< p_i^c: share of score draws in which i is first at its central weights (0 when never first)
  Eigen::VectorXd holistic;  ///< holistic acceptability with meta-weights (m − r)/(m − 1) (Lahdelma & Salminen 2001)
  std::size_t samples = 0;
  std::size_t weight_draws = 0;  ///< weight draws including rejected ones
  std::vector<Choice> choices;
  std::vector<std::string> warnings;
};

/// The most cells (alternatives × kept ranks) of the rank acceptability matrix `smaa` fills;
/// more is InputError E119 before any sampling (ask for fewer ranks: `SmaaOptions::ranks`).
inline constexpr std::size_t max_smaa_cells = std::size_t{1} << 22;

/// SMAA-2. Throws what `validate`/`rank` throw, E109 for option sizes, E111 for a bad ordering
/// index, E300 for infeasible or too narrow weight constraints or `fixed` without weights, E119
/// for samples or an acceptability matrix beyond the limits.
///
/// Work: samples × (the scores, m·n, and a ranking, a radix sort of m keys); memory:
/// m × ranks counts per thread. Central weights are summed per chunk in sample order and the
/// chunks combined in chunk order as they complete, so the result is the same for any thread
/// count, and memory does not grow with the number of samples.
SmaaResult smaa(const DecisionProblem& p, const SmaaOptions& o = {});

/// The draws of `smaa(p, o)`, handed out: the weight vector of every sample (samples × criteria)
/// and, with a score model, its scores (one alternatives × criteria matrix per sample). The same
/// generators in the same order as `smaa`, so `smaa` with these options ranks exactly these
/// draws (the selection's `selection_probability` solves one selection per draw). Throws what
/// `smaa` throws for the sampling model.
struct SmaaDraws {
  Eigen::MatrixXd weights;              ///< samples × criteria, each row sums to 1
  std::vector<Eigen::MatrixXd> scores;  ///< empty without a score model; else one matrix per sample
  std::size_t weight_draws = 0;         ///< weight draws including rejected ones
  std::vector<Choice> choices;
  std::vector<std::string> warnings;
};

SmaaDraws smaa_draws(const DecisionProblem& p, const SmaaOptions& o = {});

}  // namespace koers::decide
