#pragma once
/// \file
/// Exact hours: reading "2.5" or "10/3" without a float, arithmetic on reduced fractions, and
/// showing them rounded half-up ("202.40") beside the exact fraction ("1012/5") — the unit of the
/// calendar capacity and the learning-time entitlement (issue 8 §1, §2).
///
/// Hours are a `koers::Ratio` (money.hpp) kept in lowest terms with a positive denominator; the
/// operations here compute in 128 bits and refuse a result beyond int64 (E502 invalid_hours).
///
/// Errors: E502 invalid_hours for text that is no number, a negative value or a result out of
/// range; E503 invalid_fraction for a fraction that cannot be read or has a zero denominator.
#include <koers/core/calendar.hpp>
#include <koers/core/decimal.hpp>
#include <koers/core/error.hpp>
#include <koers/core/money.hpp>

#include <cstdint>
#include <limits>
#include <string>
#include <string_view>
#include <vector>

namespace koers {

/// n/d in lowest terms with d > 0 (E503 for d == 0, E502 naming `element` when it does not fit int64).
inline Ratio exact_ratio(detail::i128 n, detail::i128 d, const std::string& element = "hours") {
  if (d == 0) throw InputError(Errc::invalid_fraction, element + ": a fraction with a zero denominator", {element});
  if (d < 0) {
    n = -n;
    d = -d;
  }
  detail::i128 g = detail::gcd128(n, d);
  if (g > 1) {
    n /= g;
    d /= g;
  }
  constexpr detail::i128 hi = std::numeric_limits<std::int64_t>::max();
  if (n > hi || n < -hi || d > hi) throw InputError(Errc::invalid_hours, element + ": hours out of range", {element});
  return Ratio{static_cast<std::int64_t>(n), static_cast<std::int64_t>(d)};
}
/// a + b, exact and reduced.
inline Ratio ratio_add(Ratio a, Ratio b, const std::string& element = "hours") {
  return exact_ratio(static_cast<detail::i128>(a.num) * b.den + static_cast<detail::i128>(b.num) * a.den,
                     static_cast<detail::i128>(a.den) * b.den, element);
}
/// a − b, exact and reduced.
inline Ratio ratio_sub(Ratio a, Ratio b, const std::string& element = "hours") {
  return ratio_add(a, Ratio{-b.num, b.den}, element);
}
/// a × b, exact and reduced (cross-reduced first, so intermediate products stay small).
inline Ratio ratio_mul(Ratio a, Ratio b, const std::string& element = "hours") {
  detail::i128 g1 = detail::gcd128(a.num, b.den), g2 = detail::gcd128(b.num, a.den);
  if (g1 == 0) g1 = 1;
  if (g2 == 0) g2 = 1;
  return exact_ratio((static_cast<detail::i128>(a.num) / g1) * (b.num / g2),
                     (static_cast<detail::i128>(a.den) / g2) * (b.den / g1), element);
}
/// a / b (E503 when b is 0).
inline Ratio ratio_div(Ratio a, Ratio b, const std::string& element = "hours") {
  if (b.num == 0) throw InputError(Errc::invalid_fraction, element + ": division by zero", {element});
  return ratio_mul(a, Ratio{b.den, b.num}, element);
}
/// a < b, exactly.
inline bool ratio_less(Ratio a, Ratio b) {
  detail::i128 l = static_cast<detail::i128>(a.num) * b.den, r = static_cast<detail::i128>(b.num) * a.den;
  return (a.den > 0) == (b.den > 0) ? l < r : l > r;
}

/// Read non-negative hours from text: a decimal ("4", "2.5", "2,5", "0.125") or a fraction of
/// two decimals ("10/3", "7.5/2"); surrounding spaces are ignored. Never through a float.
/// E502 (invalid_hours) for empty text, no number ("abc", "nan", "1e3", "inf"), a negative value or
/// an out-of-range one; E503 (invalid_fraction) for a malformed fraction ("10/", "/3", "1/2/3",
/// "10/x") or a zero denominator ("10/0"). `element` names the field in the error ("hours_per_week").
Ratio parse_hours(std::string_view text, const std::string& element = "hours");

/// The exact value in lowest terms as text: "1012/5"; a whole number without denominator ("202").
std::string to_fraction_string(Ratio r);

/// The value rounded half-up (away from zero on a tie) to `places` decimals (0..9), as fixed-point
/// text: 1012/5 → "202.40", 8349/40 → "208.73", 0 → "0.00".
std::string to_decimal_string(Ratio r, int places = 2);

/// Capacity of a period: working days × hours_per_week / 5 × experts, exact. 2022 in "nl" at 4 h/week
/// for one expert: 253 × 4 / 5 = 1012/5 h. E502 for negative hours, E107 for experts < 1.
struct Capacity {
  Ratio hours;                    ///< exact, lowest terms
  std::int64_t working_days = 0;  ///< of the period in the calendar
  std::int64_t leave_days = 0;    ///< of those, on leave (person_capacity only)
};
Capacity capacity(const HolidayCalendar& cal, const Period& p, Ratio hours_per_week, std::int64_t experts = 1);

/// The working days of `p` that fall inside at least one of `leave` (overlapping or repeated leave
/// counts once; leave outside `p` is clipped away).
std::int64_t leave_working_days(const HolidayCalendar& cal, const Period& p, std::vector<Period> leave);

/// One person's capacity over `p` with leave: (working days − leave working days) × hours_per_week / 5.
/// 2022, 4 h/week, two weeks' leave 2022-07-18..2022-07-29 (10 working days): 243 × 4/5 = 972/5 h.
Capacity person_capacity(const HolidayCalendar& cal, const Period& p, Ratio hours_per_week,
                         const std::vector<Period>& leave = {});

}  // namespace koers
