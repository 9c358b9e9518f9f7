#pragma once
/// \file
/// VIKOR (Opricovic 1998; Opricovic & Tzeng 2004) with the acceptance conditions.
#include <koers/decide/wsm.hpp>

namespace koers::decide {

namespace detail {
/// The stated choices of VIKOR (after "name"); throws E307 for a bad v or a normalisation.
void vikor_choices(Ranking& r, const RankOptions& o);
inline constexpr const char* vikor_contribution_kind = "weight * (f* - f)/(f* - f-) (sums to S; lower is better)";

/// Q from S and R (filled), the ranking finished, and the acceptance conditions — which need
/// the order: with `o.ranks` false (scores only) they are left unset (compromise empty).
void vikor_finish(Ranking& r, const RankOptions& o);
}  // namespace detail

/// VIKOR. f*_j / f⁻_j = best / worst score of criterion j (max for a max criterion);
/// S_i = Σ w_j (f*_j − f_ij)/(f*_j − f⁻_j), R_i = max_j of the same terms,
/// Q_i = v (S_i − S*)/(S⁻ − S*) + (1 − v)(R_i − R*)/(R⁻ − R*); lower Q is better.
/// A constant criterion (f* = f⁻) contributes 0 (warning); S⁻ = S* or R⁻ = R* makes that
/// part 0 (warning). Conditions: C1 acceptable advantage Q(a'') − Q(a') ≥ DQ = 1/(m − 1);
/// C2 acceptable stability: a' is also best by S or by R. Compromise set: {a'} when both
/// hold; {a', a''} when only C2 fails; a', ..., a⁽ᴹ⁾ with Q(a⁽ᴹ⁾) − Q(a') < DQ when C1 fails.
/// Throws E307 when v is outside [0, 1] or a normalisation other than none is asked.
Ranking vikor(const DecisionProblem& p, const RankOptions& o = {});

}  // namespace koers::decide
