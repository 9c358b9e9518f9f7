#pragma once
/// \file
/// Library-internal: the bounds of the selection (src/budget_selection.cpp) that the solver tests
/// check on their own. Not installed; no stable API.
#include <cstdint>
#include <vector>

namespace koers::budget::detail {

/// The largest sum of a sub-multiset of `sizes` that is ≤ cap (every load of an expert, and the
/// pool's, is such a sum, so the capacity can be lowered to it without changing any answer; it
/// gives the LP bound less slack: 202.4 h of processes of 20 h each hold at most 200 h).
/// Bounded subset sum with a bitset on the gcd of the sizes; above 2^26 steps only the gcd is used.
std::int64_t reachable_cap(std::int64_t cap, const std::vector<std::int64_t>& sizes);

/// Wasted hours that a process brings with it (experts only): an expert takes at most one process
/// of more than half the expert's hours, and beside a process of h hours an expert of c hours can
/// fill at most R(c − h), the largest sum of the other processes' hours ≤ c − h. So the expert
/// that takes such a process wastes at least c − h − R(c − h), and that waste is charged to this
/// one process only. waste[i] = the least such waste over the experts that process i fits
/// (0 when it is at most half of some expert's hours that it fits). Then
/// Σ (hours_i + waste_i)·x_i ≤ Σ_e c_e holds for every selection that can be assigned: the pooled
/// bound with these costs is exact. R uses every process (i itself never fits beside itself:
/// h > c − h), so it is at least the true room's fill — the waste is never overstated.
/// Bounded subset sum on the gcd of the hours, as reachable_cap; above 2^26 steps: no waste.
std::vector<std::int64_t> process_waste(const std::vector<std::int64_t>& cap, const std::vector<std::int64_t>& hours,
                                        const std::vector<signed char>& fix);

}  // namespace koers::budget::detail
