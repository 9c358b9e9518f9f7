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

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace koers {

/// A calendar day (proleptic Gregorian, years 1400..9999 as Boost.Date_Time allows).
using Date = boost::gregorian::date;

/// First and last year the holiday rules are defined for (the Gregorian computus).
inline constexpr int calendar_first_year = 1583;
inline constexpr int calendar_last_year = 9999;

namespace detail {
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
Date parse_date(std::string_view text);

/// "2022-04-12". Throws InputError E500 for a special (not-a-date) value.
std::string to_iso(Date d);

/// The days from `start` to `end`, both included. Constructing checks end ≥ start (E501).
struct Period {
  Date start;
  Date end;
  Period(Date start_, Date end_);
  /// From two ISO dates (E500 for a bad date, E501 for an end before the start).
  static Period parse(std::string_view start, std::string_view end);
  /// 1 January .. 31 December of `year`.
  static Period year(int year);
  /// Calendar days in the period (both ends included): ≥ 1.
  std::int64_t days() const { return detail::jdn(end) - detail::jdn(start) + 1; }
  bool contains(Date d) const { return !(d < start) && !(end < d); }
  /// "2022-01-01..2022-12-31"
  std::string to_string() const;
  friend bool operator==(const Period&, const Period&) = default;
};

/// Weeks in the period, exactly: days / 7 (2022: 365/7).
Ratio weeks(const Period& p);

/// Mon–Fri in the period, holidays not subtracted (2022: 260).
std::int64_t weekdays(const Period& p);

/// Gregorian Easter Sunday of `year` (1583..9999, else E500), by the anonymous Gregorian
/// algorithm (Meeus, Astronomical Algorithms, 2nd ed., ch. 8; Jones 1876 / Butcher 1876).
Date easter_sunday(int year);

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
  explicit HolidayCalendar(CalendarRules rules, std::string name = "custom");
  /// The Dutch national calendar ("nl").
  static HolidayCalendar netherlands() { return HolidayCalendar(); }
  /// A named variant: "nl", "nl-no-good-friday", "nl-liberation-lustrum", "nl-lustrum", "none"
  /// (E504 unknown_holiday_rules naming the variant otherwise).
  static HolidayCalendar variant(std::string_view name);
  /// The names `variant()` knows.
  static std::vector<std::string> variants();

  const std::string& name() const noexcept { return name_; }
  const CalendarRules& rules() const noexcept { return rules_; }

  /// Add a day off (a municipality's closing day, a "brugdag"). An exact duplicate (same date
  /// and name) is ignored; a second name on a holiday is kept. Returns *this.
  HolidayCalendar& add_day(Date date, std::string name);
  /// The user-added days, by date.
  const std::vector<Holiday>& extra_days() const noexcept { return extra_; }

  /// Every day off in `year`, by date (national rules first, then added days, on the same date).
  /// Two names can share a date (2016: Bevrijdingsdag and Hemelvaartsdag on 5 May).
  std::vector<Holiday> holidays(int year) const;
  /// Every day off in the period, by date.
  std::vector<Holiday> holidays(const Period& p) const;

  /// The distinct days off in the period, one per date (names " / "-joined when several share it:
  /// 2016-05-05 "Bevrijdingsdag / Hemelvaartsdag"); with `weekdays_only` only those on Mon–Fri,
  /// i.e. exactly the days `working_days()` subtracts.
  std::vector<Holiday> days_off(const Period& p, bool weekdays_only = false) const;

  /// The name(s) of the day off on `d` (" / "-joined when several), or "" when it is none.
  std::string holiday_name(Date d) const;
  bool is_holiday(Date d) const;
  /// Monday to Friday and not a day off.
  bool is_working_day(Date d) const { return detail::weekday(d) && !is_holiday(d); }

  /// Working days in the period (both ends included): weekdays minus the distinct days off
  /// that fall on a weekday. 2022 in "nl": 260 − 7 = 253.
  std::int64_t working_days(const Period& p) const;

  /// Hours over the period for someone who frees `hours_per_week` (≥ 0) hours a week, exactly:
  /// working days × hours_per_week / 5, reduced. 2022 at 4 h/week: 253 × 4/5 = 1012/5 = 202.4 h.
  Ratio hours(const Period& p, Ratio hours_per_week) const;
  /// `hours()` in whole milli-hours (exact whenever H is a multiple of 0.005 h; else rounded half-even).
  /// 2022 at 4 h/week: 202400.
  std::int64_t milli_hours(const Period& p, Ratio hours_per_week) const;

  friend bool operator==(const HolidayCalendar&, const HolidayCalendar&) = default;

 private:
  CalendarRules rules_{};
  std::string name_ = "nl";
  std::vector<Holiday> extra_;
};

}  // namespace koers
