#pragma once
/// \file
/// A multi-criteria decision problem: alternatives × criteria score matrix, with each
/// criterion's direction, weight, optional fixed scale and optional PROMETHEE preference.
///
/// Shared by every method in koers::decide (ranking, weights, sensitivity, SMAA) and by
/// AHP (which produces weights for it). Checks throw `RankingError`/`InputError` naming
/// the offending alternative or criterion.
#include <koers/core/error.hpp>

#include <Eigen/Core>

#include <cstddef>
#include <optional>
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
std::string to_string(Direction d);
/// "usual", "u-shape", "v-shape", "level", "linear", "gaussian".
std::string to_string(PreferenceFunction f);
/// Parse "max"/"min" (also "benefit"/"cost"); throws InputError E107.
Direction direction_from_string(std::string_view s);
/// Parse a preference function name (underscores accepted for hyphens); throws RankingError E307.
PreferenceFunction preference_from_string(std::string_view s);

/// The largest |score| (and |scale bound|) koers ranks: squares, sums and differences of such
/// numbers stay far inside the double range, so no method overflows. A larger one is E310.
inline constexpr double max_score_magnitude = 1e150;

/// w / Σw without overflow: when the sum passes the double range (weights near 1e308) the
/// weights are first divided by the largest (the same ratios). Throws E300 when every weight
/// vanishes on the way (nothing would be ranked by them).
Eigen::VectorXd unit_sum(const Eigen::Ref<const Eigen::VectorXd>& w, const std::vector<std::string>& names);

/// Check a weight vector: finite, non-negative, not all zero (E300), right size (E109).
/// `names` names the criteria for messages (may be empty).
void check_weights(const Eigen::Ref<const Eigen::VectorXd>& w, const std::vector<std::string>& names,
                   Eigen::Index expected);

/// Alternatives × criteria decision problem.
struct DecisionProblem {
  /// Row names. Empty = implicit names "A1", "A2", ... for every row of `scores` (what a bare
  /// matrix gets, without building a string per row); see `alternative_name`.
  std::vector<std::string> alternatives;
  std::vector<Criterion> criteria;  ///< column descriptions
  Eigen::MatrixXd scores;           ///< alternatives × criteria

  Eigen::Index n_alternatives() const {
    return alternatives.empty() ? scores.rows() : static_cast<Eigen::Index>(alternatives.size());
  }
  /// The name of alternative i (implicit "A<i+1>" when `alternatives` is empty).
  std::string alternative_name(Eigen::Index i) const;
  /// Every alternative name (generates the implicit ones).
  std::vector<std::string> alternative_names() const;
  Eigen::Index n_criteria() const { return static_cast<Eigen::Index>(criteria.size()); }

  std::vector<std::string> criterion_names() const;

  /// True when every criterion has a weight.
  bool has_weights() const;

  /// The weights as given (no normalisation). Throws E300 when a criterion has none.
  Eigen::VectorXd raw_weights() const;

  /// The weights normalised to sum 1 (documented behaviour: weights that do not sum to 1
  /// are normalised; `weights_sum()` tells by how much). Throws E300.
  Eigen::VectorXd weights() const;
  /// Sum of the weights as given.
  double weights_sum() const;

  /// 1 for max (benefit), -1 for min (cost), per criterion.
  Eigen::VectorXd signs() const;
  bool is_benefit(Eigen::Index j) const { return criteria[static_cast<std::size_t>(j)].direction == Direction::max; }

  /// Index of an alternative by name; throws InputError E111.
  Eigen::Index alternative_index(std::string_view name) const;
  /// Index of a criterion by name; throws InputError E111.
  Eigen::Index criterion_index(std::string_view name) const;

  /// A copy with the given weights (one per criterion, in order). Checks them (E109, E300).
  DecisionProblem with_weights(const Eigen::Ref<const Eigen::VectorXd>& w) const;

  /// Names non-empty and unique (E107, E112); sorts string views, O(n log n).
  void check_unique_names() const;

  /// Check the problem; throws on the first problem found, naming the element:
  /// sizes (E109), duplicate names (E112), non-finite scores (E110), scores or scale bounds
  /// beyond max_score_magnitude (E310, naming the criterion and alternative), invalid weights —
  /// negative, non-finite, all zero (E300; missing weights are allowed here, the methods
  /// that need them refuse), a scale that is empty or does not contain a score (E308),
  /// PROMETHEE thresholds that are negative, non-finite or q > p (E307).
  void validate() const;
};

/// A caller's matrix of any layout, read in place (NumPy C- and F-order arrays map without a copy).
using MatrixView = Eigen::Ref<const Eigen::MatrixXd, 0, Eigen::Stride<Eigen::Dynamic, Eigen::Dynamic>>;

/// Build a problem from a matrix of any layout (row-major NumPy arrays map without a copy;
/// the problem takes one), weights and directions (names generated as "A1".., "C1.." when
/// empty — implicit, see `DecisionProblem::alternatives`; an empty weight vector leaves the criteria without weights).
/// Validates.
DecisionProblem make_problem(const MatrixView& scores, const Eigen::Ref<const Eigen::VectorXd>& weights,
                             const std::vector<Direction>& directions, std::vector<std::string> alternatives = {},
                             std::vector<std::string> criteria = {});

}  // namespace koers::decide
