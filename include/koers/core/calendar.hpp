#pragma once
/// \file
/// Dates, periods and the Dutch public-holiday calendar: working days between two dates and the
/// hours a person who frees H hours a week has in a period (issue 1, "Dates with Boost.Date_Time").
///
/// Why `boost::gregorian::date` appears in this public header (unlike Boost.Graph, STYLE.md C2):
/// a date is a small, immutable value type with a stable, well-known interface, not a container
/// with implementation-specific descriptors. Wrapping it would only re-implement its arithmetic
/// and comparisons; `koers::Date` is an alias, so callers write `koers::Date` and a later switch
/// to `std::chrono::year_month_day` stays a source-compatible change for code that only uses
/// `parse_date`, `to_iso` and the calendar functions. Only the header-only part of
/// Boost.Date_Time (gregorian_types, no locale/stream I/O) is used.
///
/// Rules of `HolidayCalendar::netherlands()` ("nl"), with their Dutch names:
///  - Nieuwjaarsdag (1 January);
///  - Goede Vrijdag (Easter − 2), Eerste Paasdag and Tweede Paasdag (Easter Sunday and Monday);
///  - Koningsdag (from 2014): 27 April, 26 April when the 27th is a Sunday;
///    Koninginnedag (1949–2013): 30 April; when the 30th is a Sunday, 29 April from 1980 and
///    Monday 1 May before 1980 (Wikipedia nl "Koninginnedag"; e.g. 1967-05-01, 2006-04-29);
///    before 1949 no King's/Queen's day is listed (Wilhelmina's 31 August is not modelled);
///  - Bevrijdingsdag (5 May, from 1945, every year);
///  - Hemelvaartsdag (Easter + 39), Eerste and Tweede Pinksterdag (Easter + 49, + 50);
///  - Eerste Kerstdag and Tweede Kerstdag (25 and 26 December).
/// Easter is the Gregorian Easter Sunday (anonymous Gregorian algorithm, Meeus/Jones/Butcher).
/// Named variants: "nl", "nl-no-good-friday" (Goede Vrijdag is not a day off),
/// "nl-liberation-lustrum" (Bevrijdingsdag only in years divisible by 5), "nl-lustrum" (both: no
/// Goede Vrijdag and Bevrijdingsdag only in lustrum years, the reading most collective agreements
/// have) and "none" (weekends only). User-added days (`add_day`) come on top. A date carrying two
/// days off (2016-05-05: Bevrijdingsdag and Hemelvaartsdag) is listed by `holidays()` under both
/// names, once by `days_off()` and counted once by `working_days()`.
///
/// Exactness: `hours()` returns an exact `koers::Ratio` of hours (working days × H / 5, reduced);
/// `milli_hours()` gives the same as a whole number of milli-hours (the unit of the selection
/// solver): exact whenever H is a multiple of 0.005 h (4, 4.5, 3.25 ...), otherwise rounded half-even.
///
/// Errors: InputError E500 (invalid_date) for text that is not an existing YYYY-MM-DD date or a
/// year outside 1583..9999; E501 (invalid_period) for an end before the start; E504
/// (unknown_holiday_rules) for an unknown variant name; E502 (invalid_hours) for negative hours;
/// E503 (invalid_fraction) for hours with a zero denominator.
#include <koers/core/error.hpp>
#include <koers/core/money.hpp>  // koers::Ratio

#include <boost/date_time/gregorian/gregorian_types.hpp>

#include <algorithm>
#include <cstdint>
#include <limits>
#include <numeric>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <tuple>
#include <vector>

namespace koers {

/// A calendar day (proleptic Gregorian, years 1400..9999 as Boost.Date_Time allows).
using Date = boost::gregorian::date;

/// First and last year the holiday rules are defined for (the Gregorian computus).
inline constexpr int calendar_first_year = 1583;
inline constexpr int calendar_last_year = 9999;

namespace detail {
[[noreturn]] inline void bad_date(std::string_view text, const std::string& why) {
  std::string t(text);
  throw InputError(Errc::invalid_date,
                   "'" + t + "' is not a valid date" + (why.empty() ? "" : " (" + why + ")") +
                       "; expected YYYY-MM-DD, e.g. 2022-04-12",
                   {t});
}
inline void check_year(int year) {
  if (year < calendar_first_year || year > calendar_last_year)
    throw InputError(Errc::invalid_date,
                     "year " + std::to_string(year) + " is outside " + std::to_string(calendar_first_year) + ".." +
                         std::to_string(calendar_last_year),
                     {std::to_string(year)});
}
inline std::int64_t jdn(Date d) { return static_cast<std::int64_t>(d.day_number()); }
/// Mon–Fri (Boost: 0 = Sunday .. 6 = Saturday).
inline bool weekday(Date d) {
  int w = d.day_of_week().as_number();
  return w != 0 && w != 6;
}
}  // namespace detail

/// Parse an ISO date "2022-04-12" (exactly four-digit year, two-digit month and day; leading or
/// trailing spaces are refused). Throws InputError E500 naming the text for anything else,
/// including dates that do not exist ("2022-02-30").
inline Date parse_date(std::string_view text) {
  if (text.size() != 10 || text[4] != '-' || text[7] != '-') detail::bad_date(text, "");
  auto num = [&](std::size_t from, std::size_t n) {
    int v = 0;
    for (std::size_t i = from; i < from + n; ++i) {
      if (text[i] < '0' || text[i] > '9') detail::bad_date(text, "");
      v = v * 10 + (text[i] - '0');
    }
    return v;
  };
  int y = num(0, 4), m = num(5, 2), d = num(8, 2);
  if (m < 1 || m > 12) detail::bad_date(text, "month " + std::to_string(m) + " does not exist");
  if (y < 1400) detail::bad_date(text, "years before 1400 are not supported");
  int last = boost::gregorian::gregorian_calendar::end_of_month_day(static_cast<unsigned short>(y),
                                                                    static_cast<unsigned short>(m));
  if (d < 1 || d > last)
    detail::bad_date(text, std::string(text.substr(0, 7)) + " has days 1.." + std::to_string(last));
  try {
    return Date(static_cast<unsigned short>(y), static_cast<unsigned short>(m), static_cast<unsigned short>(d));
  } catch (const std::out_of_range& e) { detail::bad_date(text, e.what()); }
}

/// "2022-04-12". Throws InputError E500 for a special (not-a-date) value.
inline std::string to_iso(Date d) {
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

/// The days from `start` to `end`, both included. Constructing checks end ≥ start (E501).
struct Period {
  Date start;
  Date end;
  Period(Date start_, Date end_) : start(start_), end(end_) {
    if (start.is_special() || end.is_special())
      throw InputError(Errc::invalid_date, "a period needs two real dates", {});
    if (end < start)
      throw InputError(Errc::invalid_period, "period " + to_iso(start) + ".." + to_iso(end) + " ends before it starts",
                       {to_iso(start) + ".." + to_iso(end)});
  }
  /// From two ISO dates (E500 for a bad date, E501 for an end before the start).
  static Period parse(std::string_view start, std::string_view end) {
    return Period(parse_date(start), parse_date(end));
  }
  /// 1 January .. 31 December of `year`.
  static Period year(int year) {
    detail::check_year(year);
    auto y = static_cast<unsigned short>(year);
    return Period(Date(y, 1, 1), Date(y, 12, 31));
  }
  /// Calendar days in the period (both ends included): ≥ 1.
  std::int64_t days() const { return detail::jdn(end) - detail::jdn(start) + 1; }
  bool contains(Date d) const { return !(d < start) && !(end < d); }
  /// "2022-01-01..2022-12-31"
  std::string to_string() const { return to_iso(start) + ".." + to_iso(end); }
  friend bool operator==(const Period&, const Period&) = default;
};

/// Weeks in the period, exactly: days / 7 (2022: 365/7).
inline Ratio weeks(const Period& p) {
  std::int64_t n = p.days(), g = std::gcd(n, std::int64_t{7});
  return Ratio{n / g, 7 / g};
}

/// Mon–Fri in the period, holidays not subtracted (2022: 260).
inline std::int64_t weekdays(const Period& p) {
  std::int64_t n = p.days();
  std::int64_t count = (n / 7) * 5;
  for (Date d = p.start + boost::gregorian::days(static_cast<long>((n / 7) * 7)); !(p.end < d);
       d += boost::gregorian::days(1))
    if (detail::weekday(d)) ++count;
  return count;
}

/// Gregorian Easter Sunday of `year` (1583..9999, else E500), by the anonymous Gregorian
/// algorithm (Meeus, Astronomical Algorithms, 2nd ed., ch. 8; Jones 1876 / Butcher 1876).
inline Date easter_sunday(int year) {
  detail::check_year(year);
  int a = year % 19, b = year / 100, c = year % 100, d = b / 4, e = b % 4;
  int f = (b + 8) / 25, g = (b - f + 1) / 3, h = (19 * a + b - d - g + 15) % 30;
  int i = c / 4, k = c % 4, l = (32 + 2 * e + 2 * i - h - k) % 7;
  int m = (a + 11 * h + 22 * l) / 451;
  int month = (h + l - 7 * m + 114) / 31, day = (h + l - 7 * m + 114) % 31 + 1;
  return Date(static_cast<unsigned short>(year), static_cast<unsigned short>(month), static_cast<unsigned short>(day));
}

/// One day off: the date and its Dutch name ("Koningsdag").
struct Holiday {
  Date date;
  std::string name;
  friend bool operator==(const Holiday&, const Holiday&) = default;
};

/// Which national rules a calendar applies.
struct CalendarRules {
  bool national = true;      ///< false: no public holidays at all (variant "none")
  bool good_friday = true;   ///< Goede Vrijdag is a day off
  int liberation_every = 1;  ///< Bevrijdingsdag in years divisible by this (1 every year, 5 lustrum, 0 never)
  friend bool operator==(const CalendarRules&, const CalendarRules&) = default;
};

/// The Dutch public-holiday calendar (or a named variant) plus user-added days.
class HolidayCalendar {
 public:
  /// The Netherlands ("nl").
  HolidayCalendar() = default;
  /// Custom rules under a name of your choice (shown by `name()`).
  explicit HolidayCalendar(CalendarRules rules, std::string name = "custom") : rules_(rules), name_(std::move(name)) {
    if (rules_.liberation_every < 0)
      throw InputError(Errc::invalid_value, "liberation_every must not be negative", {"liberation_every"});
  }
  /// The Dutch national calendar ("nl").
  static HolidayCalendar netherlands() { return HolidayCalendar(); }
  /// A named variant: "nl", "nl-no-good-friday", "nl-liberation-lustrum", "nl-lustrum", "none"
  /// (E504 unknown_holiday_rules naming the variant otherwise).
  static HolidayCalendar variant(std::string_view name) {
    if (name == "nl") return HolidayCalendar();
    if (name == "nl-no-good-friday") return HolidayCalendar({.good_friday = false}, std::string(name));
    if (name == "nl-liberation-lustrum") return HolidayCalendar({.liberation_every = 5}, std::string(name));
    if (name == "nl-lustrum") return HolidayCalendar({.good_friday = false, .liberation_every = 5}, std::string(name));
    if (name == "none") return HolidayCalendar({.national = false}, std::string(name));
    std::string n(name), all;
    for (const auto& v : variants()) all += (all.empty() ? "" : ", ") + v;
    throw InputError(Errc::unknown_holiday_rules, "unknown holiday rules '" + n + "'; known: " + all, {n});
  }
  /// The names `variant()` knows.
  static std::vector<std::string> variants() {
    return {"nl", "nl-no-good-friday", "nl-liberation-lustrum", "nl-lustrum", "none"};
  }

  const std::string& name() const noexcept { return name_; }
  const CalendarRules& rules() const noexcept { return rules_; }

  /// Add a day off (a municipality's closing day, a "brugdag"). An exact duplicate (same date
  /// and name) is ignored; a second name on a holiday is kept. Returns *this.
  HolidayCalendar& add_day(Date date, std::string name) {
    if (date.is_special()) throw InputError(Errc::invalid_date, "add_day needs a real date", {name});
    detail::check_year(static_cast<int>(date.year()));
    Holiday h{date, std::move(name)};
    if (std::find(extra_.begin(), extra_.end(), h) == extra_.end()) {
      extra_.push_back(std::move(h));
      std::stable_sort(extra_.begin(), extra_.end(),
                       [](const Holiday& a, const Holiday& b) { return a.date < b.date; });
    }
    return *this;
  }
  /// The user-added days, by date.
  const std::vector<Holiday>& extra_days() const noexcept { return extra_; }

  /// Every day off in `year`, by date (national rules first, then added days, on the same date).
  /// Two names can share a date (2016: Bevrijdingsdag and Hemelvaartsdag on 5 May).
  std::vector<Holiday> holidays(int year) const {
    detail::check_year(year);
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
  /// Every day off in the period, by date.
  std::vector<Holiday> holidays(const Period& p) const {
    std::vector<Holiday> out;
    for (int y = static_cast<int>(p.start.year()); y <= static_cast<int>(p.end.year()); ++y)
      for (auto& h : holidays(y))
        if (p.contains(h.date)) out.push_back(std::move(h));
    return out;
  }

  /// The distinct days off in the period, one per date (names " / "-joined when several share it:
  /// 2016-05-05 "Bevrijdingsdag / Hemelvaartsdag"); with `weekdays_only` only those on Mon–Fri,
  /// i.e. exactly the days `working_days()` subtracts.
  std::vector<Holiday> days_off(const Period& p, bool weekdays_only = false) const {
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

  /// The name(s) of the day off on `d` (" / "-joined when several), or "" when it is none.
  std::string holiday_name(Date d) const {
    std::string s;
    for (const auto& h : holidays(static_cast<int>(d.year())))
      if (h.date == d) s += (s.empty() ? "" : " / ") + h.name;
    return s;
  }
  bool is_holiday(Date d) const {
    for (const auto& h : holidays(static_cast<int>(d.year())))
      if (h.date == d) return true;
    return false;
  }
  /// Monday to Friday and not a day off.
  bool is_working_day(Date d) const { return detail::weekday(d) && !is_holiday(d); }

  /// Working days in the period (both ends included): weekdays minus the distinct days off
  /// that fall on a weekday. 2022 in "nl": 260 − 7 = 253.
  std::int64_t working_days(const Period& p) const {
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

  /// Hours over the period for someone who frees `hours_per_week` (≥ 0) hours a week, exactly:
  /// working days × hours_per_week / 5, reduced. 2022 at 4 h/week: 253 × 4/5 = 1012/5 = 202.4 h.
  Ratio hours(const Period& p, Ratio hours_per_week) const {
    if (hours_per_week.den == 0)
      throw InputError(Errc::invalid_fraction, "hours_per_week has a zero denominator", {"hours_per_week"});
    detail::i128 num = static_cast<detail::i128>(hours_per_week.num),
                 den = static_cast<detail::i128>(hours_per_week.den);
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
  /// `hours()` in whole milli-hours (exact whenever H is a multiple of 0.005 h; else rounded half-even).
  /// 2022 at 4 h/week: 202400.
  std::int64_t milli_hours(const Period& p, Ratio hours_per_week) const {
    Ratio h = hours(p, hours_per_week);
    return static_cast<std::int64_t>(
        koers::detail::divide(static_cast<detail::i128>(h.num) * 1000, h.den, Rounding::half_even));
  }

  friend bool operator==(const HolidayCalendar&, const HolidayCalendar&) = default;

 private:
  CalendarRules rules_{};
  std::string name_ = "nl";
  std::vector<Holiday> extra_;
};

}  // namespace koers
