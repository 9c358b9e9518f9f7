#pragma once
/// \file
/// `koers::detail::i128`: the signed 128-bit integer that exact money, hours and ratio
/// arithmetic compute their intermediate products in (int64 × int64 never overflows it).
///
/// On GCC and Clang it is the compiler's `__int128` (declared with `__extension__`, so
/// `-Wpedantic` stays quiet); elsewhere — or when `KOERS_PORTABLE_INT128` is defined — it is
/// `wide_int`, a portable two's-complement pair of 64-bit words with the same value semantics:
/// construction from any integer, + − × / % (division truncates toward zero, the remainder has
/// the sign of the dividend), shifts, bitwise operations, comparison and explicit conversion to
/// integers (keeping the low bits, as a cast of `__int128` does) and to floating point (rounded
/// to nearest). Like the built-in type, overflow past 2^127 and division by zero are the
/// caller's to avoid; range checks back to int64 are written against int64's limits
/// (see `koers::detail::checked` in core/money.hpp).
///
/// `__int128` appears nowhere else in koers' headers or sources: use `i128`.
#include <bit>
#include <compare>
#include <concepts>
#include <cstdint>
#include <type_traits>

#if !defined(KOERS_PORTABLE_INT128) && defined(__SIZEOF_INT128__) && (defined(__GNUC__) || defined(__clang__))
#define KOERS_NATIVE_INT128 1
#else
#define KOERS_NATIVE_INT128 0
#endif

namespace koers::detail {

/// A portable signed 128-bit integer (two's complement in two 64-bit words).
class wide_int {
 public:
  constexpr wide_int() noexcept = default;
  /// Any built-in integer, sign-extended (implicit, like the built-in conversions).
  template <std::integral T>
  constexpr wide_int(T v) noexcept  // NOLINT(google-explicit-constructor)
      : lo_(static_cast<std::uint64_t>(v)) {
    if constexpr (std::is_signed_v<T>) hi_ = v < 0 ? ~std::uint64_t{0} : 0;
  }
  /// From the two words: value = hi·2^64 + lo (hi read as two's complement).
  static constexpr wide_int from_words(std::uint64_t hi, std::uint64_t lo) noexcept {
    wide_int w;
    w.hi_ = hi;
    w.lo_ = lo;
    return w;
  }
  constexpr std::uint64_t high_word() const noexcept { return hi_; }
  constexpr std::uint64_t low_word() const noexcept { return lo_; }

  /// To a built-in integer: the low bits, as a cast of `__int128` keeps them.
  template <std::integral T>
  explicit constexpr operator T() const noexcept {
    if constexpr (std::is_same_v<T, bool>)
      return (hi_ | lo_) != 0;
    else
      return static_cast<T>(lo_);
  }
  /// To floating point, rounded to nearest (ties to even).
  template <std::floating_point F>
  explicit constexpr operator F() const noexcept {
    return static_cast<F>(to_double());
  }

  // ---- arithmetic (wrapping modulo 2^128, as the hardware does) ----
  friend constexpr wide_int operator+(wide_int a, wide_int b) noexcept {
    const std::uint64_t lo = a.lo_ + b.lo_;
    return from_words(a.hi_ + b.hi_ + (lo < a.lo_ ? 1 : 0), lo);
  }
  friend constexpr wide_int operator-(wide_int a, wide_int b) noexcept {
    return from_words(a.hi_ - b.hi_ - (a.lo_ < b.lo_ ? 1 : 0), a.lo_ - b.lo_);
  }
  constexpr wide_int operator-() const noexcept { return wide_int{} - *this; }
  constexpr wide_int operator+() const noexcept { return *this; }
  constexpr wide_int operator~() const noexcept { return from_words(~hi_, ~lo_); }
  friend constexpr wide_int operator*(wide_int a, wide_int b) noexcept {
    wide_int p = mul64(a.lo_, b.lo_);
    p.hi_ += a.hi_ * b.lo_ + a.lo_ * b.hi_;
    return p;
  }
  /// Truncating division, as C++ divides built-in integers (b != 0).
  friend constexpr wide_int operator/(wide_int a, wide_int b) noexcept {
    wide_int q, r;
    divmod(a, b, q, r);
    return q;
  }
  /// The remainder of truncating division: a − (a/b)·b, with the sign of a (b != 0).
  friend constexpr wide_int operator%(wide_int a, wide_int b) noexcept {
    wide_int q, r;
    divmod(a, b, q, r);
    return r;
  }
  friend constexpr wide_int operator&(wide_int a, wide_int b) noexcept {
    return from_words(a.hi_ & b.hi_, a.lo_ & b.lo_);
  }
  friend constexpr wide_int operator|(wide_int a, wide_int b) noexcept {
    return from_words(a.hi_ | b.hi_, a.lo_ | b.lo_);
  }
  friend constexpr wide_int operator^(wide_int a, wide_int b) noexcept {
    return from_words(a.hi_ ^ b.hi_, a.lo_ ^ b.lo_);
  }
  /// Shift left by 0 ≤ n < 128.
  friend constexpr wide_int operator<<(wide_int a, int n) noexcept {
    if (n == 0) return a;
    if (n >= 64) return from_words(a.lo_ << (n - 64), 0);
    return from_words((a.hi_ << n) | (a.lo_ >> (64 - n)), a.lo_ << n);
  }
  /// Arithmetic shift right by 0 ≤ n < 128 (the sign is kept, as for the built-in type).
  friend constexpr wide_int operator>>(wide_int a, int n) noexcept {
    const auto h = static_cast<std::int64_t>(a.hi_);
    if (n == 0) return a;
    if (n >= 64) return from_words(static_cast<std::uint64_t>(h >> 63), static_cast<std::uint64_t>(h >> (n - 64)));
    return from_words(static_cast<std::uint64_t>(h >> n), (a.lo_ >> n) | (a.hi_ << (64 - n)));
  }

  constexpr wide_int& operator+=(wide_int b) noexcept { return *this = *this + b; }
  constexpr wide_int& operator-=(wide_int b) noexcept { return *this = *this - b; }
  constexpr wide_int& operator*=(wide_int b) noexcept { return *this = *this * b; }
  constexpr wide_int& operator/=(wide_int b) noexcept { return *this = *this / b; }
  constexpr wide_int& operator%=(wide_int b) noexcept { return *this = *this % b; }
  constexpr wide_int& operator&=(wide_int b) noexcept { return *this = *this & b; }
  constexpr wide_int& operator|=(wide_int b) noexcept { return *this = *this | b; }
  constexpr wide_int& operator^=(wide_int b) noexcept { return *this = *this ^ b; }
  constexpr wide_int& operator<<=(int n) noexcept { return *this = *this << n; }
  constexpr wide_int& operator>>=(int n) noexcept { return *this = *this >> n; }
  constexpr wide_int& operator++() noexcept { return *this += 1; }
  constexpr wide_int& operator--() noexcept { return *this -= 1; }
  constexpr wide_int operator++(int) noexcept {
    wide_int t = *this;
    *this += 1;
    return t;
  }
  constexpr wide_int operator--(int) noexcept {
    wide_int t = *this;
    *this -= 1;
    return t;
  }

  // ---- comparison (signed) ----
  friend constexpr bool operator==(wide_int a, wide_int b) noexcept { return a.hi_ == b.hi_ && a.lo_ == b.lo_; }
  friend constexpr std::strong_ordering operator<=>(wide_int a, wide_int b) noexcept {
    if (a.hi_ != b.hi_) return static_cast<std::int64_t>(a.hi_) <=> static_cast<std::int64_t>(b.hi_);
    return a.lo_ <=> b.lo_;
  }

 private:
  std::uint64_t lo_ = 0;
  std::uint64_t hi_ = 0;

  constexpr bool negative() const noexcept { return static_cast<std::int64_t>(hi_) < 0; }
  /// The full 128-bit product of two 64-bit words.
  static constexpr wide_int mul64(std::uint64_t a, std::uint64_t b) noexcept {
    const std::uint64_t a0 = a & 0xFFFFFFFFu, a1 = a >> 32, b0 = b & 0xFFFFFFFFu, b1 = b >> 32;
    const std::uint64_t p00 = a0 * b0, p01 = a0 * b1, p10 = a1 * b0, p11 = a1 * b1;
    const std::uint64_t mid = (p00 >> 32) + (p01 & 0xFFFFFFFFu) + (p10 & 0xFFFFFFFFu);
    return from_words(p11 + (p01 >> 32) + (p10 >> 32) + (mid >> 32), (mid << 32) | (p00 & 0xFFFFFFFFu));
  }
  /// Unsigned comparison of the 128-bit patterns.
  static constexpr bool ugreater_eq(wide_int a, wide_int b) noexcept {
    return a.hi_ != b.hi_ ? a.hi_ > b.hi_ : a.lo_ >= b.lo_;
  }
  static constexpr int leading_zeros(wide_int a) noexcept {
    return a.hi_ != 0 ? std::countl_zero(a.hi_) : 64 + std::countl_zero(a.lo_);
  }
  /// Unsigned n = q·d + r, 0 ≤ r < d (d != 0): shift-and-subtract, one quotient bit a step.
  static constexpr void udivmod(wide_int n, wide_int d, wide_int& q, wide_int& r) noexcept {
    q = wide_int{};
    if (n.hi_ == 0 && d.hi_ == 0) {
      q.lo_ = n.lo_ / d.lo_;
      r = wide_int(n.lo_ % d.lo_);
      return;
    }
    if (!ugreater_eq(n, d)) {
      r = n;
      return;
    }
    const int shift = leading_zeros(d) - leading_zeros(n);
    d = d << shift;
    for (int i = 0; i <= shift; ++i) {
      q = q << 1;
      if (ugreater_eq(n, d)) {
        n = n - d;
        q.lo_ |= 1;
      }
      d = from_words(d.hi_ >> 1, (d.lo_ >> 1) | (d.hi_ << 63));
    }
    r = n;
  }
  static constexpr void divmod(wide_int a, wide_int b, wide_int& q, wide_int& r) noexcept {
    const bool na = a.negative(), nb = b.negative();
    udivmod(na ? -a : a, nb ? -b : b, q, r);
    if (na != nb) q = -q;
    if (na) r = -r;
  }
  constexpr double to_double() const noexcept {
    const bool neg = negative();
    const wide_int u = neg ? -*this : *this;  // the magnitude, read unsigned (2^127 for the minimum)
    double d = 0;
    if (u.hi_ == 0) {
      d = static_cast<double>(u.lo_);
    } else {
      // the top 64 significant bits, with a sticky bit for what is shifted out, round once
      const int s = 64 - std::countl_zero(u.hi_);
      const std::uint64_t top = s == 64 ? u.hi_ : (u.hi_ << (64 - s)) | (u.lo_ >> s);
      const bool sticky = (s == 64 ? u.lo_ : u.lo_ << (64 - s)) != 0;
      d = static_cast<double>(top | (sticky ? 1u : 0u)) * static_cast<double>(std::uint64_t{1} << (s - 1)) * 2.0;
    }
    return neg ? -d : d;
  }
};

#if KOERS_NATIVE_INT128
__extension__ typedef __int128 i128;
#else
using i128 = wide_int;
#endif

/// The greatest common divisor of |a| and |b| (0 when both are 0).
constexpr i128 gcd128(i128 a, i128 b) noexcept {
  if (a < 0) a = -a;
  if (b < 0) b = -b;
  while (b != 0) {
    const i128 t = a % b;
    a = b;
    b = t;
  }
  return a;
}

/// Whether `i128` is the compiler's own 128-bit integer (false: the portable `wide_int`).
inline constexpr bool native_i128 = KOERS_NATIVE_INT128 != 0;

}  // namespace koers::detail
