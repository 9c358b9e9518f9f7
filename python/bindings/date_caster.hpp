#pragma once
// koers::Date (boost::gregorian::date) <-> datetime.date for every binding that passes dates; an
// ISO string "2022-04-12" is read with koers::parse_date (E500 on bad text). Include it in each
// bind_<area>.cpp that uses koers::Date (one specialisation for all of them).
#include "bindings.hpp"

#include <koers/core/calendar.hpp>

#include <datetime.h>

namespace pybind11::detail {
/// boost::gregorian::date <-> datetime.date (a datetime or pandas Timestamp gives its date part).
template <>
struct type_caster<koers::Date> {
  PYBIND11_TYPE_CASTER(koers::Date, const_name("datetime.date"));
  bool load(handle src, bool) {
    if (!src) return false;
    if (!PyDateTimeAPI) { PyDateTime_IMPORT; }
    if (PyUnicode_Check(src.ptr())) {
      value = koers::parse_date(src.cast<std::string>());
      return true;
    }
    if (!PyDate_Check(src.ptr())) return false;
    int y = PyDateTime_GET_YEAR(src.ptr()), m = PyDateTime_GET_MONTH(src.ptr()), d = PyDateTime_GET_DAY(src.ptr());
    if (y < 1400)
      throw koers::InputError(
          koers::Errc::invalid_date,
          "'" + py::str(src).cast<std::string>() + "' is not a valid date (years before 1400 are not supported)",
          {py::str(src).cast<std::string>()});
    value = koers::Date(static_cast<unsigned short>(y), static_cast<unsigned short>(m), static_cast<unsigned short>(d));
    return true;
  }
  static handle cast(const koers::Date& d, return_value_policy, handle) {
    if (!PyDateTimeAPI) { PyDateTime_IMPORT; }
    auto ymd = d.year_month_day();
    return PyDate_FromDate(ymd.year, ymd.month.as_number(), ymd.day.as_number());
  }
};
}  // namespace pybind11::detail
