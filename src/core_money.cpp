// koers/core/money.hpp: parsing, printing and allocating money. The bodies live here, not in the
// header (docs/architecture.md, "Compile cost of the headers"); the arithmetic stays inline.
// Built into the library and, with KOERS_PORTABLE_INT128, into test_portable_int128.
#include <koers/core/money.hpp>

#include <algorithm>
#include <numeric>

namespace koers {

namespace {
std::string describe_char(std::string_view t, std::size_t i) {
  const auto b = static_cast<unsigned char>(t[i]);
  auto hex = [](unsigned v, int width) {
    static constexpr char d[] = "0123456789ABCDEF";
    std::string out;
    for (int k = width - 1; k >= 0; --k) out.push_back(d[(v >> (4 * k)) & 0xF]);
    return out;
  };
  if (b >= 0x20 && b < 0x7F) return std::string("'") + static_cast<char>(b) + "'";
  if (b < 0x80) return "U+" + hex(b, 4);
  std::size_t len = b >= 0xF0 && b <= 0xF4 ? 4 : b >= 0xE0 ? 3 : b >= 0xC2 && b <= 0xDF ? 2 : 0;
  unsigned cp = len == 4 ? (b & 0x07u) : len == 3 ? (b & 0x0Fu) : (b & 0x1Fu);
  bool ok = len > 0 && i + len <= t.size() && b <= 0xF4;
  for (std::size_t k = 1; ok && k < len; ++k) {
    const auto c = static_cast<unsigned char>(t[i + k]);
    ok = (c & 0xC0u) == 0x80u;
    cp = (cp << 6) | (c & 0x3Fu);
  }
  if (ok && len == 3 && (cp < 0x800 || (cp >= 0xD800 && cp <= 0xDFFF))) ok = false;
  if (ok && len == 4 && (cp < 0x10000 || cp > 0x10FFFF)) ok = false;
  if (!ok) return "byte 0x" + hex(b, 2);
  return "'" + std::string(t.substr(i, len)) + "' (U+" + hex(cp, cp > 0xFFFF ? 6 : 4) + ")";
}
}  // namespace

std::string Ratio::to_string() const { return std::to_string(num) + "/" + std::to_string(den); }

/// The exact value of `d` as a reduced fraction.
Ratio to_ratio(const Decimal& d) {
  const std::int64_t den = d.denominator(), g = std::gcd(d.digits, den);
  return Ratio{(d.negative ? -d.digits : d.digits) / g, den / g};
}

Ratio Ratio::parse(std::string_view text) {
  const DecimalRead r = read_decimal(text);
  if (r.error == DecimalError::syntax)
    throw InputError(Errc::invalid_value, "'" + std::string(text) + "' is not a decimal number", {std::string(text)});
  if (r.error == DecimalError::too_many_digits)
    throw InputError(
        Errc::invalid_value,
        "'" + std::string(text) + "' has too many digits for an exact ratio (64-bit numerator and denominator)",
        {std::string(text)});
  return to_ratio(r.value);
}

Money Money::parse(std::string_view text) {
  std::string s(text);
  auto bad = [&](const std::string& why) {
    return InputError(Errc::money_parse, "cannot read '" + s + "' as an amount: " + why, {s});
  };
  // strip the euro sign (UTF-8 E2 82 AC), "EUR" and spaces (also non-breaking)
  std::string t;
  for (size_t i = 0; i < s.size(); ++i) {
    unsigned char c = static_cast<unsigned char>(s[i]);
    if (c == 0xE2 && i + 2 < s.size() && static_cast<unsigned char>(s[i + 1]) == 0x82 &&
        static_cast<unsigned char>(s[i + 2]) == 0xAC) {
      i += 2;
      continue;
    }
    if (c == 0xC2 && i + 1 < s.size() && static_cast<unsigned char>(s[i + 1]) == 0xA0) {
      ++i;
      continue;
    }
    if (c == ' ' || c == '\t') continue;
    t.push_back(static_cast<char>(c));
  }
  if (t.size() >= 3 && (t.rfind("EUR", 0) == 0)) t = t.substr(3);
  bool neg = false;
  if (!t.empty() && (t[0] == '-' || t[0] == '+')) {
    neg = t[0] == '-';
    t = t.substr(1);
  }
  if (t.empty()) throw bad("no digits");
  // Decide the decimal separator: a comma is always decimal (Dutch). A dot is decimal only
  // when there is no comma and it is followed by 1-2 digits at the end and is the only dot.
  size_t comma = t.find(','), dec = std::string::npos;
  if (comma != std::string::npos) {
    if (t.find(',', comma + 1) != std::string::npos) throw bad("more than one decimal comma");
    dec = comma;
  } else {
    size_t dot = t.rfind('.');
    if (dot != std::string::npos && t.find('.') == dot && t.size() - dot - 1 <= 2) dec = dot;
  }
  std::string whole = dec == std::string::npos ? t : t.substr(0, dec);
  std::string frac = dec == std::string::npos ? "" : t.substr(dec + 1);
  if (frac.size() > 2) throw bad("more than two decimals");
  if (frac == "-") frac = "";  // "€ 12,-"
  for (std::size_t k = 0; k < frac.size(); ++k)
    if (frac[k] < '0' || frac[k] > '9') throw bad("unexpected character " + describe_char(frac, k) + " in the cents");
  // whole part: digits with optional Dutch grouping dots every three digits
  std::string digits;
  if (whole.find('.') != std::string::npos) {
    size_t first = whole.find('.');
    if (first == 0 || first > 3) throw bad("misplaced thousands separator");
    size_t pos = first;
    while (pos != std::string::npos) {
      size_t next = whole.find('.', pos + 1);
      size_t len = (next == std::string::npos ? whole.size() : next) - pos - 1;
      if (len != 3) throw bad("thousands groups must have three digits");
      pos = next;
    }
  }
  for (std::size_t k = 0; k < whole.size(); ++k) {
    char c = whole[k];
    if (c == '.') continue;
    if (c < '0' || c > '9') throw bad("unexpected character " + describe_char(whole, k));
    digits.push_back(c);
  }
  if (digits.empty() && frac.empty()) throw bad("no digits");
  detail::i128 v = 0;
  for (char c : digits) {
    v = v * 10 + (c - '0');
    if (v > std::numeric_limits<std::int64_t>::max())
      throw InputError(Errc::money_overflow, "amount '" + s + "' is out of range", {s});
  }
  v *= 100;
  if (frac.size() >= 1) v += (frac[0] - '0') * 10;
  if (frac.size() == 2) v += (frac[1] - '0');
  if (neg) v = -v;
  return from_cents(detail::checked(v, ("amount '" + s + "'").c_str()));
}

std::string Money::to_decimal() const {
  detail::i128 v = cents_;
  bool neg = v < 0;
  if (neg) v = -v;
  auto euros = static_cast<unsigned long long>(v / 100);
  int c = static_cast<int>(v % 100);
  std::string s = (neg ? "-" : "") + std::to_string(euros) + "." + (c < 10 ? "0" : "") + std::to_string(c);
  return s;
}

std::string Money::to_string() const {
  detail::i128 v = cents_;
  bool neg = v < 0;
  if (neg) v = -v;
  std::string e = std::to_string(static_cast<unsigned long long>(v / 100));
  std::string grouped;
  int n = 0;
  for (auto it = e.rbegin(); it != e.rend(); ++it) {
    if (n && n % 3 == 0) grouped.push_back('.');
    grouped.push_back(*it);
    ++n;
  }
  std::reverse(grouped.begin(), grouped.end());
  int c = static_cast<int>(v % 100);
  return std::string("€ ") + (neg ? "-" : "") + grouped + "," + (c < 10 ? "0" : "") + std::to_string(c);
}

std::vector<Money> Money::allocate(const std::vector<std::int64_t>& weights) const {
  if (weights.empty()) throw InputError(Errc::invalid_argument, "allocation needs at least one weight");
  detail::i128 total = 0;
  for (size_t i = 0; i < weights.size(); ++i) {
    if (weights[i] < 0)
      throw InputError(Errc::invalid_argument, "allocation weight " + std::to_string(i) + " is negative",
                       {std::to_string(i)});
    total += weights[i];
  }
  if (total == 0) throw InputError(Errc::invalid_argument, "allocation weights are all zero");
  const detail::i128 whole = cents_;
  const bool neg = whole < 0;
  const detail::i128 a = neg ? -whole : whole;
  std::vector<detail::i128> part(weights.size()), rem(weights.size());
  detail::i128 given = 0;
  for (size_t i = 0; i < weights.size(); ++i) {
    detail::i128 p = a * weights[i];
    part[i] = p / total;
    rem[i] = p % total;
    given += part[i];
  }
  std::vector<size_t> order(weights.size());
  std::iota(order.begin(), order.end(), 0);
  std::stable_sort(order.begin(), order.end(), [&](size_t x, size_t y) { return rem[x] > rem[y]; });
  for (detail::i128 left = a - given, k = 0; left > 0; --left, ++k) part[order[static_cast<size_t>(k)]] += 1;
  std::vector<Money> out;
  out.reserve(part.size());
  for (auto p : part) out.push_back(from_cents(static_cast<std::int64_t>(neg ? -p : p)));
  return out;
}

}  // namespace koers
