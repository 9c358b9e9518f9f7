// koers/core/hours.hpp: reading and showing exact hours, capacities over periods. The bodies
// live here, not in the header (docs/architecture.md, "Compile cost of the headers"); the exact
// fraction arithmetic (exact_ratio, ratio_add ...) stays inline. Built into the library and,
// with KOERS_PORTABLE_INT128, into test_portable_int128.
#include <koers/core/hours.hpp>

#include <algorithm>

namespace koers {

Ratio parse_hours(std::string_view text, const std::string& element) {
  std::string s(text);
  std::size_t b = s.find_first_not_of(" \t"), e = s.find_last_not_of(" \t");
  s = b == std::string::npos ? std::string() : s.substr(b, e - b + 1);
  auto decimal = [&](const std::string& part, Errc code) -> Ratio {
    // [+-]digits[(.|,)digits], a bare point allowed, no spaces (core/decimal.hpp)
    const DecimalRead r = read_decimal(part, DecimalSyntax{.spaces = false});
    if (r.error == DecimalError::syntax) {
      throw InputError(code,
                       element + ": '" + s + "' is not " +
                           (code == Errc::invalid_fraction ? "a fraction such as \"10/3\""
                                                           : "a number of hours such as \"2.5\" or \"10/3\""),
                       {element});
    }
    if (r.error == DecimalError::too_many_digits)
      throw InputError(Errc::invalid_hours, element + ": '" + s + "' is out of range", {element});
    Ratio v = to_ratio(r.value);
    return exact_ratio(v.num, v.den, element);
  };
  if (s.empty())
    throw InputError(Errc::invalid_hours, element + ": empty; give hours such as \"4\", \"2.5\" or \"10/3\"",
                     {element});
  Ratio v;
  std::size_t slash = s.find('/');
  if (slash == std::string::npos) {
    v = decimal(s, Errc::invalid_hours);
  } else {
    std::string a = s.substr(0, slash), c = s.substr(slash + 1);
    if (a.empty() || c.empty() || c.find('/') != std::string::npos)
      throw InputError(Errc::invalid_fraction, element + ": '" + s + "' is not a fraction such as \"10/3\"", {element});
    Ratio n = decimal(a, Errc::invalid_fraction), d = decimal(c, Errc::invalid_fraction);
    if (d.num == 0)
      throw InputError(Errc::invalid_fraction, element + ": '" + s + "' has a zero denominator", {element});
    v = ratio_div(n, d, element);
  }
  if (v.num < 0)
    throw InputError(Errc::invalid_hours, element + ": hours must not be negative (got '" + s + "')", {element});
  return v;
}

std::string to_fraction_string(Ratio r) {
  Ratio x = exact_ratio(r.num, r.den);
  return x.den == 1 ? std::to_string(x.num) : std::to_string(x.num) + "/" + std::to_string(x.den);
}

std::string to_decimal_string(Ratio r, int places) {
  if (places < 0 || places > 9) throw InputError(Errc::invalid_argument, "places must be 0..9", {"places"});
  Ratio x = exact_ratio(r.num, r.den);
  detail::i128 scale = 1;
  for (int i = 0; i < places; ++i) scale *= 10;
  bool neg = x.num < 0;
  detail::i128 n = neg ? -static_cast<detail::i128>(x.num) : x.num;
  detail::i128 q = detail::divide(n * scale, x.den, Rounding::half_up);
  detail::i128 whole = q / scale, frac = q % scale;
  auto digits = [](detail::i128 v) {
    std::string t;
    do {
      t.insert(t.begin(), static_cast<char>('0' + static_cast<int>(v % 10)));
      v /= 10;
    } while (v > 0);
    return t;
  };
  std::string out = (neg && q != 0 ? "-" : "") + digits(whole);
  if (places > 0) {
    std::string f = digits(frac);
    out += "." + std::string(static_cast<std::size_t>(places) - f.size(), '0') + f;
  }
  return out;
}

Capacity capacity(const HolidayCalendar& cal, const Period& p, Ratio hours_per_week, std::int64_t experts) {
  if (experts < 1)
    throw InputError(Errc::invalid_value, "experts must be at least 1 (got " + std::to_string(experts) + ")",
                     {"experts"});
  Ratio h = exact_ratio(hours_per_week.num, hours_per_week.den, "hours_per_week");
  if (h.num < 0)
    throw InputError(Errc::invalid_hours, "hours_per_week must not be negative (got " + h.to_string() + ")",
                     {"hours_per_week"});
  std::int64_t wd = cal.working_days(p);
  return {ratio_mul(ratio_mul(h, Ratio{wd, 5}, "hours_per_week"), Ratio{experts, 1}, "hours_per_week"), wd, 0};
}

std::int64_t leave_working_days(const HolidayCalendar& cal, const Period& p, std::vector<Period> leave) {
  std::vector<Period> in;
  for (const auto& l : leave) {
    Date a = std::max(l.start, p.start), b = std::min(l.end, p.end);
    if (!(b < a)) in.emplace_back(a, b);
  }
  std::sort(in.begin(), in.end(), [](const Period& x, const Period& y) { return x.start < y.start; });
  std::int64_t n = 0;
  for (std::size_t i = 0; i < in.size();) {
    Date a = in[i].start, b = in[i].end;
    std::size_t j = i + 1;
    for (; j < in.size() && !(b + boost::gregorian::days(1) < in[j].start); ++j) b = std::max(b, in[j].end);
    n += cal.working_days(Period(a, b));
    i = j;
  }
  return n;
}

Capacity person_capacity(const HolidayCalendar& cal, const Period& p, Ratio hours_per_week,
                         const std::vector<Period>& leave) {
  Capacity c = capacity(cal, p, hours_per_week, 1);
  c.leave_days = leave_working_days(cal, p, leave);
  Ratio h = exact_ratio(hours_per_week.num, hours_per_week.den, "hours_per_week");
  c.hours = ratio_mul(h, Ratio{c.working_days - c.leave_days, 5}, "hours_per_week");
  return c;
}

}  // namespace koers
