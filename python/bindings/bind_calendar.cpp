// Bindings for dates, periods and the Dutch holiday calendar (thin). koers::Date
// (boost::gregorian::date) crosses as datetime.date; an ISO string "2022-04-12" is read with
// koers::parse_date (E500 on bad text). The facade is python/koers/calendar.py.
#include "bindings.hpp"

#include <koers/core/calendar.hpp>
#include <koers/core/hours.hpp>

#include "date_caster.hpp"

namespace koers::python {
void register_calendar(py::module_& m) {
  m.def("parse_date", &koers::parse_date, "text"_a, "Read an ISO date 'YYYY-MM-DD' (E500 otherwise).");
  m.def("easter_sunday", &koers::easter_sunday, "year"_a, "Gregorian Easter Sunday (anonymous Gregorian algorithm).");
  py::class_<Period>(m, "Period", "The days from start to end, both included (E501 when end < start).")
      .def(py::init<Date, Date>(), "start"_a, "end"_a)
      .def_static("year", &Period::year, "year"_a)
      .def_readonly("start", &Period::start)
      .def_readonly("end", &Period::end)
      .def("days", &Period::days)
      .def("contains", &Period::contains, "date"_a)
      .def("__eq__", [](const Period& a, const Period& b) { return a == b; })
      .def("__repr__", [](const Period& p) { return "Period('" + p.to_string() + "')"; });
  // after Period's class, so their signatures name the Python type
  m.def("weekdays", &koers::weekdays, "period"_a, "Mon-Fri in the period, holidays not subtracted.");
  m.def("weeks", &koers::weeks, "period"_a, "Days / 7, exactly (a Ratio).");
  py::class_<Holiday>(m, "Holiday", "A day off: date and Dutch name.")
      .def_readonly("date", &Holiday::date)
      .def_readonly("name", &Holiday::name)
      .def("__repr__", [](const Holiday& h) { return "Holiday('" + to_iso(h.date) + "', '" + h.name + "')"; });
  py::class_<HolidayCalendar>(m, "HolidayCalendar",
                              "The Dutch public-holiday calendar or a named variant, plus added days.")
      .def(py::init<>())
      .def_static("netherlands", &HolidayCalendar::netherlands)
      .def_static("variant", &HolidayCalendar::variant, "name"_a)
      .def_static("variants", &HolidayCalendar::variants)
      .def_property_readonly("name", &HolidayCalendar::name)
      .def("add_day", &HolidayCalendar::add_day, "date"_a, "name"_a, py::return_value_policy::reference_internal)
      .def_property_readonly("extra_days", &HolidayCalendar::extra_days)
      .def("holidays", py::overload_cast<int>(&HolidayCalendar::holidays, py::const_), "year"_a)
      .def("holidays_in", py::overload_cast<const Period&>(&HolidayCalendar::holidays, py::const_), "period"_a)
      .def("days_off", &HolidayCalendar::days_off, "period"_a, "weekdays_only"_a = false)
      .def("holiday_name", &HolidayCalendar::holiday_name, "date"_a)
      .def("is_holiday", &HolidayCalendar::is_holiday, "date"_a)
      .def("is_working_day", &HolidayCalendar::is_working_day, "date"_a)
      .def("working_days", &HolidayCalendar::working_days, "period"_a)
      .def("hours", &HolidayCalendar::hours, "period"_a, "hours_per_week"_a)
      .def("milli_hours", &HolidayCalendar::milli_hours, "period"_a, "hours_per_week"_a)
      .def("__eq__", [](const HolidayCalendar& a, const HolidayCalendar& b) { return a == b; });
  // Exact hours (koers/core/hours.hpp).
  m.def("parse_hours", &koers::parse_hours, "text"_a, "element"_a = "hours",
        "Hours from '2.5' or '10/3', exact (E502 not a number or negative, E503 bad fraction).");
  m.def("ratio_decimal", &koers::to_decimal_string, "ratio"_a, "places"_a = 2, "Rounded half-up: '202.40'.");
  m.def("ratio_fraction", &koers::to_fraction_string, "ratio"_a, "Lowest terms: '1012/5'.");
  py::class_<Capacity>(m, "Capacity", "Hours of a period: working days x hours_per_week / 5 x experts, exact.")
      .def_readonly("hours", &Capacity::hours)
      .def_readonly("working_days", &Capacity::working_days);
  m.def("capacity", &koers::capacity, "calendar"_a, "period"_a, "hours_per_week"_a, "experts"_a = 1);
}
}  // namespace koers::python
