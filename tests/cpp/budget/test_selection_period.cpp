// The koers.selection format's optional "period" and experts' "hours_per_week" (src/calendar_json.hpp).
#include "testing.hpp"

#include <koers/budget/selection_json.hpp>

using koers::budget::parse_selection;
using koers::testing::thrown;

namespace {
std::string doc(const std::string& experts, const std::string& extra = "") {
  return R"({"format": "koers.selection", "version": 1, "name": "Green Belts 2022",
             "items": [{"id": "P1", "score": 0.9, "hours": 120}, {"id": "P2", "score": 0.5, "hours": 80}],
             "experts": [)" +
         experts + "]" + extra + "}";
}
const std::string period2022 = R"(, "period": {"start": "2022-01-01", "end": "2022-12-31", "calendar": "nl"})";

}  // namespace

TEST_CASE("selection: hours_per_week over the period of the file", "[calendar][selection]") {
  // Issue: "experts with hours available (4 hours a week over the working days of a period)".
  // 2022, calendar nl: 253 working days (tests/cpp/core/test_calendar.cpp) x 4/5 = 202.4 h.
  auto s = parse_selection(doc(R"({"id": "GB1", "hours_per_week": 4}, {"id": "GB2", "hours": 150})", period2022));
  REQUIRE(s.experts.size() == 2);
  CHECK(s.experts[0].hours == 202.4);
  CHECK(std::llround(s.experts[0].hours * 1000) == 202400);  // the solver's milli-hours
  CHECK(s.experts[1].hours == 150);

  // Other calendars, added days, decimal hours a week; the calendar defaults to "nl".
  auto lustrum = parse_selection(
      doc(R"({"id": "GB1", "hours_per_week": 4})",
          R"(, "period": {"start": "2022-01-01", "end": "2022-12-31", "calendar": "nl-liberation-lustrum",
                     "extra_days": [{"date": "2022-05-27", "name": "Brugdag"}]})"));
  CHECK(lustrum.experts[0].hours == 202.4);  // +1 (Bevrijdingsdag worked) -1 (Brugdag) = 253 days
  auto deventer = parse_selection(
      doc(R"({"id": "GB1", "hours_per_week": 4.5})", R"(, "period": {"start": "2014-05-01", "end": "2014-12-31"})"));
  CHECK(std::llround(deventer.experts[0].hours * 1000) == 153000);  // 170 days x 0.9 h

  // Backwards compatible: no period, hours only; a period with plain hours is allowed too.
  auto old = parse_selection(doc(R"({"id": "GB1", "hours": 202.4})"));
  CHECK(old.experts[0].hours == 202.4);
  CHECK(parse_selection(doc(R"({"id": "GB1", "hours": 10})", period2022)).experts[0].hours == 10);

  // 15 Green Belts at 4 h/week: 15 x 202.4 = 3036 h in total.
  std::string fifteen;
  for (int i = 1; i <= 15; ++i)
    fifteen += (i > 1 ? "," : "") + std::string(R"({"id": "GB)") + std::to_string(i) + R"(", "hours_per_week": 4})";
  auto all = parse_selection(doc(fifteen, period2022));
  std::int64_t milli = 0;
  for (const auto& e : all.experts) milli += std::llround(e.hours * 1000);
  CHECK(milli == 3036000);

  // Written back as plain hours (the period is a reading aid, not part of koers::budget::Selection).
  auto again = parse_selection(koers::budget::to_json(s));
  CHECK(again.experts == s.experts);
}

TEST_CASE("selection: a bad period or hours_per_week names its JSON path", "[calendar][selection]") {
  using koers::Errc;
  auto c = thrown<koers::InputError>([] { parse_selection(doc(R"({"id": "GB1", "hours_per_week": 4})")); });
  CHECK(c.code == Errc::missing_field);
  CHECK(c.element() == "/period");
  c = thrown<koers::InputError>(
      [] { parse_selection(doc(R"({"id": "GB1", "hours_per_week": 4, "hours": 10})", period2022)); });
  CHECK(c.code == Errc::invalid_value);
  CHECK(c.element() == "/experts/0/hours_per_week");
  c = thrown<koers::InputError>([] { parse_selection(doc(R"({"id": "GB1"})", period2022)); });
  CHECK(c.code == Errc::missing_field);
  CHECK(c.element() == "/experts/0/hours");
  c = thrown<koers::InputError>([] { parse_selection(doc(R"({"id": "GB1", "hours_per_week": -4})", period2022)); });
  CHECK(c.code == Errc::invalid_hours);
  c = thrown<koers::InputError>([] {
    parse_selection(doc(R"({"id": "GB1", "hours": 4})", R"(, "period": {"start": "2022-02-30", "end": "2022-12-31"})"));
  });
  CHECK(c.code == Errc::invalid_date);
  CHECK(c.element() == "/period/start");
  c = thrown<koers::InputError>([] {
    parse_selection(doc(R"({"id": "GB1", "hours": 4})", R"(, "period": {"start": "2022-12-31", "end": "2022-01-01"})"));
  });
  CHECK(c.code == Errc::invalid_period);
  CHECK(c.element() == "/period");
  c = thrown<koers::InputError>([] {
    parse_selection(doc(R"({"id": "GB1", "hours": 4})",
                        R"(, "period": {"start": "2022-01-01", "end": "2022-12-31", "calendar": "be"})"));
  });
  CHECK(c.code == Errc::unknown_holiday_rules);
  CHECK(c.element() == "/period/calendar");
  c = thrown<koers::InputError>([] {
    parse_selection(doc(R"({"id": "GB1", "hours": 4})",
                        R"(, "period": {"start": "2022-01-01", "end": "2022-12-31", "weeks": 52})"));
  });
  CHECK(c.code == Errc::unknown_field);
  CHECK(c.element() == "/period/weeks");
  c = thrown<koers::InputError>(
      [] { parse_selection(doc(R"({"id": "GB1", "hours": 4})", R"(, "period": {"start": "2022-01-01"})")); });
  CHECK(c.code == Errc::missing_field);
  CHECK(c.element() == "/period/end");
  c = thrown<koers::InputError>([] { parse_selection(doc(R"({"id": "GB1", "hours": 4})", R"(, "period": "2022")")); });
  CHECK(c.code == Errc::wrong_type);
}
