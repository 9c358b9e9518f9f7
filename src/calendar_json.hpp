#pragma once
// Internal (never installed): reading a period and hours-per-week from koers JSON files with the
// calendar of koers/core/calendar.hpp. Used by the koers.selection reader (src/budget_json.cpp):
//
//   "period": {"start": "2022-01-01", "end": "2022-12-31",         (required, ISO dates)
//              "calendar": "nl",                                   (optional, a variant name)
//              "extra_days": [{"date": "2022-05-27", "name": "Brugdag"}]}   (optional)
//   experts[i]: exactly one of "hours" (total) or "hours_per_week" (needs the period):
//              hours = working days of the period × hours_per_week / 5, to the milli-hour;
//              with "hours_per_week" optionally "leave": [{"start", "end"}] (inclusive; the working
//              days on leave are taken off: koers::person_capacity, overlaps counted once).
//
// Errors carry the JSON path: E500 bad date, E501 end before start, E504 unknown calendar, E502
// negative hours, E104 unknown field, E105 missing field (or the period hours_per_week needs).
#include <koers/core/calendar.hpp>
#include <koers/core/hours.hpp>

#include "json_util.hpp"

#include <cmath>
#include <optional>
#include <string>

namespace koers::detail {

/// The period of a file and the calendar its hours are counted in.
struct FilePeriod {
  Period period;
  HolidayCalendar calendar;
};

/// Rethrow a calendar InputError with the JSON path in front.
template <class F>
auto at_path(const std::string& path, F&& f) {
  try {
    return f();
  } catch (const InputError& e) { throw InputError(e.code(), path + ": " + e.message(), {path}); }
}

/// The optional object `key` ("period") of `top`, or nullopt when absent.
inline std::optional<FilePeriod> read_period(ObjectReader& top, const std::string& key = "period") {
  const json* pj = top.object(key);
  if (!pj) return std::nullopt;
  ObjectReader r(*pj, top.at(key));
  auto start = *r.str("start", true), end = *r.str("end", true);
  Date s = at_path(r.at("start"), [&] { return parse_date(start); });
  Date e = at_path(r.at("end"), [&] { return parse_date(end); });
  Period period = at_path(r.path(), [&] { return Period(s, e); });
  std::string name = r.str_or("calendar", "nl");
  HolidayCalendar cal = at_path(r.at("calendar"), [&] { return HolidayCalendar::variant(name); });
  if (const json* xs = r.array("extra_days"))
    for (std::size_t i = 0; i < xs->size(); ++i) {
      ObjectReader x((*xs)[i], r.at("extra_days") + "/" + std::to_string(i));
      auto d = *x.str("date", true);
      auto n = *x.str("name", true);
      at_path(x.at("date"), [&] {
        cal.add_day(parse_date(d), n);
        return 0;
      });
      x.finish();
    }
  r.finish();
  return FilePeriod{period, cal};
}

/// An expert's hours from object `r`: exactly one of "hours" or "hours_per_week" (read to 0.001 h),
/// the latter counted over `period` (required then).
inline double read_hours(ObjectReader& r, const std::optional<FilePeriod>& period,
                         const std::string& period_path = "/period") {
  const json* h = r.get("hours", false);
  const json* w = r.get("hours_per_week", false);
  if (h && w)
    ObjectReader::fail(Errc::invalid_value, r.at("hours_per_week"), "give either hours or hours_per_week, not both");
  if (!h && !w) ObjectReader::fail(Errc::missing_field, r.at("hours"), "is required (or hours_per_week with a period)");
  if (h && r.get("leave", false))
    ObjectReader::fail(Errc::invalid_value, r.at("leave"), "needs hours_per_week (hours are a total)");
  const std::string key = h ? "hours" : "hours_per_week";
  double v = ObjectReader::as_number(h ? *h : *w, r.at(key));
  if (v < 0) ObjectReader::fail(Errc::invalid_hours, r.at(key), "must not be negative");
  if (h) return v;
  if (!period) ObjectReader::fail(Errc::missing_field, period_path, "is required when " + r.at(key) + " is given");
  if (v > 1.0e9) ObjectReader::fail(Errc::invalid_value, r.at(key), "is too large");
  Ratio per_week = w->is_number_integer() ? Ratio{w->get<std::int64_t>(), 1} : Ratio{std::llround(v * 1000), 1000};
  std::vector<Period> leave;
  if (const json* ls = r.array("leave"))
    for (std::size_t i = 0; i < ls->size(); ++i) {
      ObjectReader x((*ls)[i], r.at("leave") + "/" + std::to_string(i));
      auto a = *x.str("start", true), b = *x.str("end", true);
      Date s = at_path(x.at("start"), [&] { return parse_date(a); });
      Date e = at_path(x.at("end"), [&] { return parse_date(b); });
      leave.push_back(at_path(x.path(), [&] { return Period(s, e); }));
      x.finish();
    }
  Ratio cap = person_capacity(period->calendar, period->period, per_week, leave).hours;
  return static_cast<double>(koers::detail::divide(static_cast<i128>(cap.num) * 1000, cap.den, Rounding::half_even)) /
         1000.0;
}

}  // namespace koers::detail
