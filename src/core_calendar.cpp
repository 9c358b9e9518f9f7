// koers/core/calendar.hpp: dates, periods and the Dutch holiday calendar. The bodies live here,
// not in the header, so that a file including the header does not instantiate the sorts and
// string chains below (docs/architecture.md, "Compile cost of the headers").
#include <koers/core/calendar.hpp>

#include <algorithm>
#include <limits>
#include <numeric>
#include <stdexcept>

namespace koers {

namespace {
[[noreturn]] void calendar_bad_date(std::string_view text, const std::string& why) {
  std::string t(text);
  throw InputError(Errc::invalid_date,
                   "'" + t + "' is not a valid date" + (why.empty() ? "" : " (" + why + ")") +
                       "; expected YYYY-MM-DD, e.g. 2022-04-12",
                   {t});
}
void calendar_check_year(int year) {
  if (year < calendar_first_year || year > calendar_last_year)
    throw InputError(Errc::invalid_date,
                     "year " + std::to_string(year) + " is outside " + std::to_string(calendar_first_year) + ".." +
                         std::to_string(calendar_last_year),
                     {std::to_string(year)});
}
}  // namespace

Date parse_date(std::string_view text) {
  if (text.size() != 10 || text[4] != '-' || text[7] != '-') calendar_bad_date(text, "");
  auto num = [&](std::size_t from, std::size_t n) {
    int v = 0;
    for (std::size_t i = from; i < from + n; ++i) {
      if (text[i] < '0' || text[i] > '9') calendar_bad_date(text, "");
      v = v * 10 + (text[i] - '0');
    }
    return v;
  };
  int y = num(0, 4), m = num(5, 2), d = num(8, 2);
  if (m < 1 || m > 12) calendar_bad_date(text, "month " + std::to_string(m) + " does not exist");
  if (y < 1400) calendar_bad_date(text, "years before 1400 are not supported");
  int last = boost::gregorian::gregorian_calendar::end_of_month_day(static_cast<unsigned short>(y),
                                                                    static_cast<unsigned short>(m));
  if (d < 1 || d > last)
    calendar_bad_date(text, std::string(text.substr(0, 7)) + " has days 1.." + std::to_string(last));
  try {
    return Date(static_cast<unsigned short>(y), static_cast<unsigned short>(m), static_cast<unsigned short>(d));
  } catch (const std::out_of_range& e) { calendar_bad_date(text, e.what()); }
}

std::string to_iso(Date d) {
  if (d.is_special()) throw InputError(Errc::invalid_date, "not a date", {});
  auto ymd = d.year_month_day();
  int y = ymd.year, m = ymd.month.as_number(), dd = ymd.day.as_number();
  std::string out = "0000-00-00";
  for (int i = 3; i >= 0; --i, y /= 10) out[static_cast<std::size_t>(i)] = static_cast<char>('0' + y % 10);
  out[5] = static_cast<char>('0' + m / 10);
  out[6] = static_cast<char>('0' + m % 10);
  out[8] = static_cast<char>('0' + dd / 10);
  out[9] = static_cast<char>('0' + dd % 10);
  return out;
}

// ---- Period ---------------------------------------------------------------------------------

Period::Period(Date start_, Date end_) : start(start_), end(end_) {
  if (start.is_special() || end.is_special()) throw InputError(Errc::invalid_date, "a period needs two real dates", {});
  if (end < start)
    throw InputError(Errc::invalid_period, "period " + to_iso(start) + ".." + to_iso(end) + " ends before it starts",
                     {to_iso(start) + ".." + to_iso(end)});
}

Period Period::parse(std::string_view start, std::string_view end) {
  return Period(parse_date(start), parse_date(end));
}

Period Period::year(int year) {
  calendar_check_year(year);
  auto y = static_cast<unsigned short>(year);
  return Period(Date(y, 1, 1), Date(y, 12, 31));
}

std::string Period::to_string() const { return to_iso(start) + ".." + to_iso(end); }

Ratio weeks(const Period& p) {
  std::int64_t n = p.days(), g = std::gcd(n, std::int64_t{7});
  return Ratio{n / g, 7 / g};
}

std::int64_t weekdays(const Period& p) {
  std::int64_t n = p.days();
  std::int64_t count = (n / 7) * 5;
  for (Date d = p.start + boost::gregorian::days(static_cast<long>((n / 7) * 7)); !(p.end < d);
       d += boost::gregorian::days(1))
    if (detail::weekday(d)) ++count;
  return count;
}

Date easter_sunday(int year) {
  calendar_check_year(year);
  int a = year % 19, b = year / 100, c = year % 100, d = b / 4, e = b % 4;
  int f = (b + 8) / 25, g = (b - f + 1) / 3, h = (19 * a + b - d - g + 15) % 30;
  int i = c / 4, k = c % 4, l = (32 + 2 * e + 2 * i - h - k) % 7;
  int m = (a + 11 * h + 22 * l) / 451;
  int month = (h + l - 7 * m + 114) / 31, day = (h + l - 7 * m + 114) % 31 + 1;
  return Date(static_cast<unsigned short>(year), static_cast<unsigned short>(month), static_cast<unsigned short>(day));
}

// ---- HolidayCalendar ------------------------------------------------------------------------

HolidayCalendar::HolidayCalendar(CalendarRules rules, std::string name) : rules_(rules), name_(std::move(name)) {
  if (rules_.liberation_every < 0)
    throw InputError(Errc::invalid_value, "liberation_every must not be negative", {"liberation_every"});
}

HolidayCalendar HolidayCalendar::variant(std::string_view name) {
  if (name == "nl") return HolidayCalendar();
  if (name == "nl-no-good-friday") return HolidayCalendar({.good_friday = false}, std::string(name));
  if (name == "nl-liberation-lustrum") return HolidayCalendar({.liberation_every = 5}, std::string(name));
  if (name == "nl-lustrum") return HolidayCalendar({.good_friday = false, .liberation_every = 5}, std::string(name));
  if (name == "none") return HolidayCalendar({.national = false}, std::string(name));
  std::string n(name), all;
  for (const auto& v : variants()) all += (all.empty() ? "" : ", ") + v;
  throw InputError(Errc::unknown_holiday_rules, "unknown holiday rules '" + n + "'; known: " + all, {n});
}

std::vector<std::string> HolidayCalendar::variants() {
  return {"nl", "nl-no-good-friday", "nl-liberation-lustrum", "nl-lustrum", "none"};
}

HolidayCalendar& HolidayCalendar::add_day(Date date, std::string name) {
  if (date.is_special()) throw InputError(Errc::invalid_date, "add_day needs a real date", {name});
  calendar_check_year(static_cast<int>(date.year()));
  Holiday h{date, std::move(name)};
  if (std::find(extra_.begin(), extra_.end(), h) == extra_.end()) {
    extra_.push_back(std::move(h));
    std::stable_sort(extra_.begin(), extra_.end(), [](const Holiday& a, const Holiday& b) { return a.date < b.date; });
  }
  return *this;
}

std::vector<Holiday> HolidayCalendar::holidays(int year) const {
  calendar_check_year(year);
  std::vector<Holiday> out;
  auto y = static_cast<unsigned short>(year);
  auto add = [&](Date d, const char* n) { out.push_back({d, n}); };
  using boost::gregorian::days;
  if (rules_.national) {
    Date easter = easter_sunday(year);
    add(Date(y, 1, 1), "Nieuwjaarsdag");
    if (rules_.good_friday) add(easter - days(2), "Goede Vrijdag");
    add(easter, "Eerste Paasdag");
    add(easter + days(1), "Tweede Paasdag");
    if (year >= 2014) {
      Date k(y, 4, 27);
      add(k.day_of_week().as_number() == 0 ? Date(y, 4, 26) : k, "Koningsdag");
    } else if (year >= 1949) {
      Date k(y, 4, 30);
      if (k.day_of_week().as_number() == 0) k = year >= 1980 ? Date(y, 4, 29) : Date(y, 5, 1);
      add(k, "Koninginnedag");
    }
    if (year >= 1945 && rules_.liberation_every > 0 && year % rules_.liberation_every == 0)
      add(Date(y, 5, 5), "Bevrijdingsdag");
    add(easter + days(39), "Hemelvaartsdag");
    add(easter + days(49), "Eerste Pinksterdag");
    add(easter + days(50), "Tweede Pinksterdag");
    add(Date(y, 12, 25), "Eerste Kerstdag");
    add(Date(y, 12, 26), "Tweede Kerstdag");
  }
  for (const auto& h : extra_)
    if (static_cast<int>(h.date.year()) == year) out.push_back(h);
  std::stable_sort(out.begin(), out.end(), [](const Holiday& a, const Holiday& b) { return a.date < b.date; });
  return out;
}

std::vector<Holiday> HolidayCalendar::holidays(const Period& p) const {
  std::vector<Holiday> out;
  for (int y = static_cast<int>(p.start.year()); y <= static_cast<int>(p.end.year()); ++y)
    for (auto& h : holidays(y))
      if (p.contains(h.date)) out.push_back(std::move(h));
  return out;
}

std::vector<Holiday> HolidayCalendar::days_off(const Period& p, bool weekdays_only) const {
  std::vector<Holiday> out;
  for (auto& h : holidays(p)) {
    if (weekdays_only && !detail::weekday(h.date)) continue;
    if (!out.empty() && out.back().date == h.date)
      out.back().name += " / " + h.name;
    else
      out.push_back(std::move(h));
  }
  return out;
}

std::string HolidayCalendar::holiday_name(Date d) const {
  std::string s;
  for (const auto& h : holidays(static_cast<int>(d.year())))
    if (h.date == d) s += (s.empty() ? "" : " / ") + h.name;
  return s;
}

bool HolidayCalendar::is_holiday(Date d) const {
  for (const auto& h : holidays(static_cast<int>(d.year())))
    if (h.date == d) return true;
  return false;
}

std::int64_t HolidayCalendar::working_days(const Period& p) const {
  std::int64_t n = weekdays(p);
  for (int y = static_cast<int>(p.start.year()); y <= static_cast<int>(p.end.year()); ++y) {
    auto hs = holidays(y);
    std::vector<Date> ds;
    for (const auto& h : hs)
      if (p.contains(h.date) && detail::weekday(h.date)) ds.push_back(h.date);
    std::sort(ds.begin(), ds.end());
    n -= static_cast<std::int64_t>(std::unique(ds.begin(), ds.end()) - ds.begin());
  }
  return n;
}

Ratio HolidayCalendar::hours(const Period& p, Ratio hours_per_week) const {
  if (hours_per_week.den == 0)
    throw InputError(Errc::invalid_fraction, "hours_per_week has a zero denominator", {"hours_per_week"});
  detail::i128 num = static_cast<detail::i128>(hours_per_week.num), den = static_cast<detail::i128>(hours_per_week.den);
  if (den < 0) {
    num = -num;
    den = -den;
  }
  if (num < 0)
    throw InputError(Errc::invalid_hours,
                     "hours_per_week must not be negative (got " + hours_per_week.to_string() + ")",
                     {"hours_per_week"});
  num *= working_days(p);
  den *= 5;
  const detail::i128 a = detail::gcd128(num, den);
  if (a > 1) {
    num /= a;
    den /= a;
  }
  auto fits = [](detail::i128 v) { return v <= std::numeric_limits<std::int64_t>::max(); };
  if (!fits(num) || !fits(den)) throw InputError(Errc::invalid_hours, "hours out of range", {"hours_per_week"});
  return Ratio{static_cast<std::int64_t>(num), static_cast<std::int64_t>(den)};
}

std::int64_t HolidayCalendar::milli_hours(const Period& p, Ratio hours_per_week) const {
  Ratio h = hours(p, hours_per_week);
  return static_cast<std::int64_t>(
      koers::detail::divide(static_cast<detail::i128>(h.num) * 1000, h.den, Rounding::half_even));
}

}  // namespace koers
