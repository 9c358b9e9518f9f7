#pragma once
/// \file
/// Library-internal: the exact helpers of the cost models (src/budget_cost_model.cpp, which
/// defines them, and src/budget_costs.cpp). Not installed: their 128-bit parameters
/// (`koers::detail::i128`, `__int128` or the portable `wide_int` as KOERS_PORTABLE_INT128 says)
/// stay out of the public signatures, so the library's ABI does not depend on that choice.
#include <koers/core/money.hpp>
#include <koers/detail/int128.hpp>

#include <cstdint>
#include <string>

namespace koers::budget::detail {

/// num/den reduced, as an int64 Ratio; E114 naming `element` when it does not fit.
Ratio reduced(koers::detail::i128 num, koers::detail::i128 den, const std::string& element, const char* what);
/// v as cents; E114 naming `element` when it is beyond 64 bits.
Money cents128(koers::detail::i128 v, const std::string& element, const char* what);
/// E107 naming `element` when v < 0.
void not_negative(std::int64_t v, const std::string& element, const char* what);

}  // namespace koers::budget::detail
