#pragma once
/// \file
/// Column normalisations of a decision matrix. Every result is benefit-oriented (higher is
/// better), so cost criteria are turned around here, once, with the rule stated per method.
#include <koers/decide/problem.hpp>

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

std::string to_string(Normalisation n);
/// Parse a normalisation name ("min-max" accepted); throws RankingError E307.
Normalisation normalisation_from_string(std::string_view s);

/// The formula of a normalisation, for the result's stated choices.
std::string describe(Normalisation n);

/// Normalise one column `x` of criterion `c`. A column that cannot discriminate (constant for
/// minmax, all zero for vector/max/sum) becomes all zeros — it then adds the same to every
/// alternative — and a warning naming the criterion is appended to `warnings`.
/// Throws E302 for `max`/`sum` on a cost criterion with a zero or negative score, E107 for a
/// benefit `max`/`sum` column with negative scores, E308 for `scale` without a scale.
Eigen::VectorXd normalise_column(const Eigen::Ref<const Eigen::VectorXd>& x, const Criterion& c, Normalisation n,
                                 std::vector<std::string>* warnings = nullptr);

/// Minimum, maximum, sum and sum of squares of a column, in one pass.
struct ColumnStats {
  double min = 0, max = 0, sum = 0, sumsq = 0;
};
ColumnStats column_stats(const Eigen::Ref<const Eigen::VectorXd>& x);

/// The normalisation of a column as r = a·x + b, when it is affine there and discriminates
/// (vector, minmax, scale, none; max and sum for benefit criteria); std::nullopt when it is
/// not (cost max/sum) or a special case applies — then `normalise_column` gives the result,
/// its warning or its error. Used by fused loops (TOPSIS, WSM) that never build r.
std::optional<std::pair<double, double>> affine_form(const ColumnStats& s, const Criterion& c, Normalisation n);

/// Normalise every column of the problem's score matrix (benefit-oriented result).
Eigen::MatrixXd normalise(const DecisionProblem& p, Normalisation n, std::vector<std::string>* warnings = nullptr);

}  // namespace koers::decide
