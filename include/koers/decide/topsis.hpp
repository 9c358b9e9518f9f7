#pragma once
/// \file
/// TOPSIS (Hwang & Yoon 1981): closeness to the ideal over the weighted normalised matrix.
#include <koers/decide/wsm.hpp>

namespace koers::decide {

namespace detail {
/// The stated choices of TOPSIS (after "name").
void topsis_choices(Ranking& r, Normalisation n);
inline constexpr const char* topsis_contribution_kind =
    "weight * normalised value (TOPSIS is not additive: these explain, they do not sum to the score)";
}  // namespace detail

/// TOPSIS. v_ij = w_j·r_ij with r the benefit-oriented normalisation (default vector);
/// ideal A⁺ = column max of v, anti-ideal A⁻ = column min; Euclidean distances D⁺, D⁻;
/// closeness C_i = D⁻/(D⁺ + D⁻), higher is better. When D⁺ + D⁻ = 0 (the alternative equals
/// both, every alternative identical) C = 0.5 with a warning.
Ranking topsis(const DecisionProblem& p, const RankOptions& o = {});

}  // namespace koers::decide
