#pragma once
/// \file
/// One entry point for every ranking method.
#include <koers/decide/promethee.hpp>
#include <koers/decide/spotis.hpp>
#include <koers/decide/topsis.hpp>
#include <koers/decide/vikor.hpp>
#include <koers/decide/wsm.hpp>

namespace koers::decide {

/// Rank with the method chosen in `o` (see each method's header for its definition).
Ranking rank(const DecisionProblem& p, const RankOptions& o = {});

/// Rank straight from a matrix (alternatives × criteria), `weights` one per criterion and
/// `directions`: the same result as `rank(make_problem(x, weights, directions), o)` — scores,
/// choices, warnings and errors — but TOPSIS, WSM and VIKOR with an affine normalisation read
/// `x` in place, in its memory order (no copy), with two passes over it, and sort only when
/// `o.ranks`. Everything else (other methods, contributions, value functions, a warning or an
/// error to report, other layouts) takes the general path.
Ranking rank_matrix(const MatrixView& x, const Eigen::Ref<const Eigen::VectorXd>& weights,
                    const std::vector<Direction>& directions, const RankOptions& o = {});

namespace detail {
/// rank_matrix's in-place path (TOPSIS, WSM and VIKOR with an affine normalisation, no
/// contributions, a C- or F-order layout), on up to two threads from 2^16 cells: the rows are then
/// split in two halves whatever `threads` is, so the result is the same for any thread count.
/// std::nullopt whenever a case needs the general path (its warning, its error or its layout).
std::optional<Ranking> rank_in_place(const MatrixView& x, const Eigen::Ref<const Eigen::VectorXd>& weights,
                                     const std::vector<Direction>& directions, const RankOptions& o, unsigned threads);
}  // namespace detail

}  // namespace koers::decide
