#pragma once
/// \file
/// `koers::Money`: an exact amount of euros as a signed 64-bit count of cents.
///
/// Never a float: amounts are built from cents or parsed from text (Dutch "€ 314.777,00",
/// "357.451,62" or plain "314777.00"); arithmetic is overflow-checked (Errc::money_overflow);
/// scaling takes an exact ratio and a rounding rule; allocation by weights uses the
/// largest-remainder method so the parts always add up to the whole.
#include <koers/core/decimal.hpp>
#include <koers/core/error.hpp>
#include <koers/detail/int128.hpp>

#include <compare>
#include <cstdint>
#include <limits>
#include <string>
#include <string_view>
#include <vector>

namespace koers {

/// An exact fraction num/den (den > 0), e.g. 2 % of payroll = Ratio{2, 100}.
struct Ratio {
  std::int64_t num = 0;
  std::int64_t den = 1;
  /// Parse a decimal string "0.9", "1", "0.025", "-0,5", " 2.50 ", ".5" exactly (core/decimal.hpp,
  /// the default `DecimalSyntax`): InputError E107 (invalid_value) naming the text when it is no
  /// decimal or its digits do not fit 64-bit numerator and denominator.
  static Ratio parse(std::string_view text);
  friend bool operator==(const Ratio& a, const Ratio& b) {
    return static_cast<detail::i128>(a.num) * b.den == static_cast<detail::i128>(b.num) * a.den;
  }
  double to_double() const { return static_cast<double>(num) / static_cast<double>(den); }
  /// "num/den", as stored (not reduced).
  std::string to_string() const;
};

/// How to round an exact quotient to whole cents.
enum class Rounding { floor, ceil, half_up, half_even, toward_zero };

namespace detail {
inline std::int64_t checked(detail::i128 v, const char* what) {
  if (v > std::numeric_limits<std::int64_t>::max() || v < std::numeric_limits<std::int64_t>::min())
    throw InputError(Errc::money_overflow, std::string("amount out of range in ") + what);
  return static_cast<std::int64_t>(v);
}
/// n/d rounded by rule (d > 0).
inline detail::i128 divide(detail::i128 n, detail::i128 d, Rounding r) {
  detail::i128 q = n / d, rem = n % d;
  if (rem == 0) return q;
  if (rem < 0) {
    q -= 1;
    rem += d;
  }  // now floor division, 0 < rem < d
  switch (r) {
    case Rounding::floor: return q;
    case Rounding::ceil: return q + 1;
    case Rounding::toward_zero: return (n < 0) ? q + 1 : q;
    case Rounding::half_up: return (2 * rem >= d) ? q + 1 : q;  // half away from -inf
    case Rounding::half_even:
      if (2 * rem > d) return q + 1;
      if (2 * rem < d) return q;
      return (q % 2 == 0) ? q : q + 1;
  }
  return q;
}
}  // namespace detail

/// Exact euros: a signed 64-bit count of cents.
class Money {
 public:
  constexpr Money() = default;
  /// An amount of `cents` cents.
  static constexpr Money from_cents(std::int64_t cents) {
    Money m;
    m.cents_ = cents;
    return m;
  }
  /// Whole euros.
  static Money from_euros(std::int64_t euros) {
    return from_cents(detail::checked(static_cast<detail::i128>(euros) * 100, "from_euros"));
  }
  /// Parse "€ 314.777,00", "314.777,00", "357451,62", "314777.00", "-12,5", "€1.000": Dutch grouping
  /// dots and decimal comma, or plain decimal point. At most two decimals. Throws InputError
  /// (Errc::money_parse) naming the text, or Errc::money_overflow.
  static Money parse(std::string_view text);

  constexpr std::int64_t cents() const noexcept { return cents_; }
  /// "€ 314.777,00" (Dutch format; negative amounts "€ -1.234,50").
  std::string to_string() const;
  /// "314777.00": plain decimal, as in files.
  std::string to_decimal() const;

  friend constexpr auto operator<=>(const Money&, const Money&) = default;
  friend Money operator+(Money a, Money b) {
    return from_cents(detail::checked(static_cast<detail::i128>(a.cents_) + b.cents_, "addition"));
  }
  friend Money operator-(Money a, Money b) {
    return from_cents(detail::checked(static_cast<detail::i128>(a.cents_) - b.cents_, "subtraction"));
  }
  Money operator-() const { return from_cents(detail::checked(-static_cast<detail::i128>(cents_), "negation")); }
  Money& operator+=(Money o) { return *this = *this + o; }
  Money& operator-=(Money o) { return *this = *this - o; }
  /// Exact multiplication by a whole number (participants, runs).
  friend Money operator*(Money a, std::int64_t k) {
    return from_cents(detail::checked(static_cast<detail::i128>(a.cents_) * k, "multiplication"));
  }
  friend Money operator*(std::int64_t k, Money a) { return a * k; }
  /// amount × ratio, rounded to whole cents by `rounding`.
  Money scaled(Ratio r, Rounding rounding = Rounding::half_even) const {
    if (r.den == 0) throw InputError(Errc::invalid_argument, "ratio with zero denominator");
    detail::i128 n = static_cast<detail::i128>(cents_) * r.num, d = r.den;
    if (d < 0) {
      n = -n;
      d = -d;
    }
    return from_cents(detail::checked(detail::divide(n, d, rounding), "scaling"));
  }
  /// Split into parts proportional to non-negative integer weights by the largest-remainder
  /// method: every part is floor(share) or floor(share)+1 cent and the parts add up to the
  /// whole exactly. Ties in remainders go to the earlier part. Throws on negative weights or
  /// all-zero weights (Errc::invalid_argument).
  std::vector<Money> allocate(const std::vector<std::int64_t>& weights) const;

 private:
  std::int64_t cents_ = 0;
};

/// Sum of amounts, overflow-checked.
inline Money sum(const std::vector<Money>& v) {
  Money s;
  for (auto m : v) s += m;
  return s;
}

/// The exact value of `d` as a reduced fraction.
Ratio to_ratio(const Decimal& d);

}  // namespace koers
