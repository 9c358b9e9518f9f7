#pragma once
/// \file
/// `koers::Decimal`: a decimal text read exactly, as a scaled integer (digits × 10^−scale) — the
/// one reader of decimal text in koers. `Ratio::parse` (money.hpp), `parse_hours` (hours.hpp), the
/// portfolio scenarios' factors (src/budget_scenario.cpp) and the academy log's days all read
/// their numbers here, each with the syntax it documents; none goes through a float.
///
/// The grammar, with the parts a `DecimalSyntax` may leave out in brackets:
///
///     [spaces] [sign] body [spaces]
///     body  = digits [point digits]     ("12", "0.9", "1.25")
///           | [digits] point [digits]   ("5.", ".5": a bare point, at least one digit)
///     sign  = "+" | "-";  point = "." [| ","];  spaces = ' '…
///
/// The value keeps every digit that matters: the significant digits must fit a signed 64-bit
/// integer and the decimals 18 places (so that 10^scale fits one too: the reduced fraction of
/// any Decimal is a `koers::Ratio`), while trailing fraction zeros change nothing ("1.000…0" is
/// exactly 1, however many zeros). A text that breaks the syntax is a `DecimalError::syntax`,
/// whatever its length; one whose digits do not fit is `DecimalError::too_many_digits`.
///
/// No exceptions here: each caller words its own error (code, element, message) from the
/// `DecimalError`, as its documentation says.
#include <koers/detail/int128.hpp>

#include <cstdint>
#include <limits>
#include <string>
#include <string_view>

namespace koers {

/// An exact decimal: (negative ? −1 : 1) × digits × 10^−scale, canonical (no trailing zero in
/// the fraction, and zero is never negative), so `==` compares values.
struct Decimal {
  std::int64_t digits = 0;  ///< the significant digits, 0 … int64 max
  int scale = 0;            ///< the number of decimals, 0 … 18
  bool negative = false;    ///< below zero
  /// 10^scale: the denominator of the unreduced fraction digits / 10^scale.
  constexpr std::int64_t denominator() const noexcept {
    std::int64_t d = 1;
    for (int i = 0; i < scale; ++i) d *= 10;
    return d;
  }
  friend constexpr bool operator==(const Decimal&, const Decimal&) = default;
};

/// Which parts of the grammar (file comment) a caller accepts. The default is the most lenient,
/// `Ratio::parse`'s ("0.9", "-0,5", " 2.50 ", ".5").
struct DecimalSyntax {
  bool sign = true;        ///< a leading '+' or '-'
  bool comma = true;       ///< ',' as the decimal point too (Dutch "2,5")
  bool bare_point = true;  ///< a point without a digit on one side ("5.", ".5")
  bool spaces = true;      ///< spaces (' ', nothing else) before and after the number
  /// Only digits with an optional point and more digits: "0.9", "12", "1.25" — no sign, comma,
  /// bare point or space (the portfolio scenarios' non-negative decimal strings).
  static constexpr DecimalSyntax plain() noexcept {
    return {.sign = false, .comma = false, .bare_point = false, .spaces = false};
  }
};

/// Why a text is no Decimal.
enum class DecimalError {
  none,            ///< read
  syntax,          ///< not a decimal of the syntax asked for (empty, no digit, another character, …)
  too_many_digits  ///< a decimal, but its significant digits or decimals do not fit (see the file comment)
};

/// The result of `read_decimal` and `decimal_product`: `value` when `error` is `none`.
struct DecimalRead {
  Decimal value;
  DecimalError error = DecimalError::none;
  constexpr explicit operator bool() const noexcept { return error == DecimalError::none; }
};

/// Read `text` as a decimal of `syntax`, exactly. The syntax is checked over the whole text
/// before the digits are counted, so a malformed text is `syntax` even when it is also long.
constexpr DecimalRead read_decimal(std::string_view text, DecimalSyntax syntax = {}) noexcept {
  DecimalRead r;
  std::size_t i = 0, end = text.size();
  if (syntax.spaces) {
    while (i < end && text[i] == ' ') ++i;
    while (end > i && text[end - 1] == ' ') --end;
  }
  bool negative = false;
  if (syntax.sign && i < end && (text[i] == '-' || text[i] == '+')) {
    negative = text[i] == '-';
    ++i;
  }
  // the syntax: digits with at most one point, at least one digit (on both sides of the point
  // without bare_point)
  std::size_t before = 0, after = 0;
  bool point = false;
  for (std::size_t k = i; k < end; ++k) {
    const char c = text[k];
    if (c >= '0' && c <= '9') {
      ++(point ? after : before);
    } else if ((c == '.' || (syntax.comma && c == ',')) && !point) {
      point = true;
    } else {
      r.error = DecimalError::syntax;
      return r;
    }
  }
  if (before + after == 0 || (!syntax.bare_point && (before == 0 || (point && after == 0)))) {
    r.error = DecimalError::syntax;
    return r;
  }
  // the value: fraction zeros wait until a later digit needs them, so trailing ones are dropped
  constexpr std::int64_t top = std::numeric_limits<std::int64_t>::max();
  std::int64_t digits = 0;
  int scale = 0, zeros = 0;
  bool in_fraction = false;
  for (std::size_t k = i; k < end; ++k) {
    const char c = text[k];
    if (c < '0' || c > '9') {
      in_fraction = true;
      continue;
    }
    if (in_fraction && c == '0') {
      ++zeros;
      continue;
    }
    const int d = c - '0';
    for (; zeros > 0; --zeros) {
      if (digits > top / 10 || scale >= 18) {
        r.error = DecimalError::too_many_digits;
        return r;
      }
      digits *= 10;
      ++scale;
    }
    if (digits > (top - d) / 10 || (in_fraction && scale >= 18)) {
      r.error = DecimalError::too_many_digits;
      return r;
    }
    digits = digits * 10 + d;
    if (in_fraction) ++scale;
  }
  r.value = Decimal{digits, scale, negative && digits != 0};
  return r;
}

/// a × b, exactly, canonical ("0.9" × "0.95" = "0.855"); `too_many_digits` when the product's
/// significant digits or decimals do not fit a Decimal.
inline DecimalRead decimal_product(Decimal a, Decimal b) noexcept {
  DecimalRead r;
  detail::i128 m = static_cast<detail::i128>(a.digits) * b.digits;
  int scale = a.scale + b.scale;
  while (scale > 0 && m % 10 == 0) {
    m /= 10;
    --scale;
  }
  if (m > std::numeric_limits<std::int64_t>::max() || scale > 18) {
    r.error = DecimalError::too_many_digits;
    return r;
  }
  const auto digits = static_cast<std::int64_t>(m);
  r.value = Decimal{digits, scale, a.negative != b.negative && digits != 0};
  return r;
}

/// The shortest text of `d`: "0.855", "2", "-0.5", "0.05" (a point, never a comma).
inline std::string to_string(Decimal d) {
  while (d.scale > 0 && d.digits % 10 == 0) {
    d.digits /= 10;
    --d.scale;
  }
  std::string text = std::to_string(d.digits);
  if (d.scale > 0) {
    if (static_cast<int>(text.size()) <= d.scale)
      text.insert(0, static_cast<std::size_t>(d.scale + 1) - text.size(), '0');
    text.insert(text.end() - d.scale, '.');
  }
  return d.negative && d.digits != 0 ? "-" + text : text;
}

}  // namespace koers
