// Exact hours (koers/core/hours.hpp) and the "nl-lustrum" rules (issue 8 §1).
// Working-day counts are by hand from the 2016, 2022 and 2025 calendars (each counted below);
// 4 h/week over 2022 = 202.4 h is the figure of tests/cpp/core/test_calendar.cpp.
#include "testing.hpp"

#include <koers/core/calendar.hpp>
#include <koers/core/hours.hpp>

#include <string>

using koers::HolidayCalendar;
using koers::parse_hours;
using koers::Period;
using koers::Ratio;
using koers::testing::code_of;

TEST_CASE("nl-lustrum: no Goede Vrijdag, Bevrijdingsdag only in years divisible by 5", "[calendar][lustrum]") {
  auto lu = HolidayCalendar::variant("nl-lustrum");
  CHECK(lu.name() == "nl-lustrum");
  CHECK(lu.rules().good_friday == false);
  CHECK(lu.rules().liberation_every == 5);
  // 2022: 260 weekdays; nl subtracts 7 (see test_calendar.cpp); Goede Vrijdag (Fri 15/4) and
  // Bevrijdingsdag (Thu 5/5) are working days here: 253 + 2 = 255.
  CHECK(lu.working_days(Period::year(2022)) == 255);
  CHECK(lu.is_working_day(koers::parse_date("2022-04-15")));
  CHECK(lu.is_working_day(koers::parse_date("2022-05-05")));
  // 2025 (starts on a Wednesday, 52 weeks + 1 day: 261 weekdays). Weekday holidays in nl: Nieuwjaarsdag
  // (Wed 1/1), Goede Vrijdag (18/4), Tweede Paasdag (21/4), Bevrijdingsdag (Mon 5/5), Hemelvaartsdag
  // (Thu 29/5), Tweede Pinksterdag (9/6), both Kerstdagen (Thu 25/12, Fri 26/12) = 8; Koningsdag is
  // Saturday 26/4. nl: 253; nl-lustrum keeps Bevrijdingsdag (2025 % 5 == 0) and drops Goede Vrijdag: 254.
  CHECK(koers::weekdays(Period::year(2025)) == 261);
  CHECK(HolidayCalendar::netherlands().working_days(Period::year(2025)) == 253);
  CHECK(lu.working_days(Period::year(2025)) == 254);
  CHECK_FALSE(lu.is_working_day(koers::parse_date("2025-05-05")));
  // 2016 (no lustrum year): 5 May is Hemelvaartsdag anyway, so it stays a day off; nl subtracts 7
  // distinct weekday days (test_calendar.cpp), nl-lustrum one fewer (Goede Vrijdag 25/3): 261 - 6.
  CHECK(lu.working_days(Period::year(2016)) == 255);
  CHECK(lu.holiday_name(koers::parse_date("2016-05-05")) == "Hemelvaartsdag");
  CHECK(lu.holidays(2016).size() == 9);  // 11 nl names minus Goede Vrijdag and Bevrijdingsdag
  CHECK(HolidayCalendar::variants().size() == 5);
}

TEST_CASE("days_off: one entry per date, exactly the days working_days subtracts", "[calendar][lustrum]") {
  auto nl = HolidayCalendar::netherlands();
  auto y2016 = Period::year(2016);
  auto all = nl.days_off(y2016);
  CHECK(nl.holidays(2016).size() == 11);
  REQUIRE(all.size() == 10);  // 5 May carries two names
  int on_may5 = 0;
  for (const auto& h : all)
    if (koers::to_iso(h.date) == "2016-05-05") {
      ++on_may5;
      CHECK(h.name == "Bevrijdingsdag / Hemelvaartsdag");
    }
  CHECK(on_may5 == 1);
  auto weekday = nl.days_off(y2016, true);
  CHECK(static_cast<std::int64_t>(weekday.size()) == koers::weekdays(y2016) - nl.working_days(y2016));
  for (auto rules : {"nl", "nl-lustrum", "nl-no-good-friday", "nl-liberation-lustrum", "none"})
    for (int y : {2014, 2016, 2020, 2021, 2022, 2023, 2025}) {
      auto c = HolidayCalendar::variant(rules);
      auto p = Period::year(y);
      CHECK(static_cast<std::int64_t>(c.days_off(p, true).size()) == koers::weekdays(p) - c.working_days(p));
    }
}

TEST_CASE("parse_hours reads decimals and fractions exactly, never a float", "[calendar][hours]") {
  CHECK(parse_hours("4") == Ratio{4, 1});
  CHECK(parse_hours("2.5") == Ratio{5, 2});
  CHECK(parse_hours("2,5") == Ratio{5, 2});
  CHECK(parse_hours(" 4.50 ") == Ratio{9, 2});
  CHECK(parse_hours("10/3") == Ratio{10, 3});
  CHECK(parse_hours("7.5/2") == Ratio{15, 4});
  CHECK(parse_hours("0") == Ratio{0, 1});
  CHECK(parse_hours("0.1").den == 10);  // 1/10 exactly, not 0.1000000000000000055
  auto r = parse_hours("20/6");
  CHECK((r.num == 10 && r.den == 3));  // lowest terms
  using koers::Errc;
  for (const char* bad : {"", "  ", "abc", "nan", "inf", "1e3", "4.5.1", "--4", "4h", "0x10", "+"})
    CHECK(code_of([&] { parse_hours(bad); }) == Errc::invalid_hours);
  for (const char* bad : {"-4", "-0.5", "-10/3", "10/-3"})
    CHECK(code_of([&] { parse_hours(bad); }) == Errc::invalid_hours);
  CHECK(code_of([] { parse_hours("99999999999999999999"); }) == Errc::invalid_hours);
  for (const char* bad : {"10/0", "10/0.0", "10/", "/3", "1/2/3", "10/x", "a/3"})
    CHECK(code_of([&] { parse_hours(bad); }) == Errc::invalid_fraction);
  try {
    parse_hours("-4", "hours_per_week");
    FAIL("no error");
  } catch (const koers::InputError& e) { CHECK(e.element() == "hours_per_week"); }
}

TEST_CASE("Exact ratio arithmetic and half-up decimal text", "[calendar][hours]") {
  using koers::to_decimal_string;
  using koers::to_fraction_string;
  CHECK(to_decimal_string({1012, 5}) == "202.40");
  CHECK(to_fraction_string({1012, 5}) == "1012/5");
  CHECK(to_fraction_string({2024, 10}) == "1012/5");
  CHECK(to_fraction_string({202, 1}) == "202");
  CHECK(to_decimal_string({8349, 40}) == "208.73");  // 208.725 half-up (half-even would give 208.72)
  CHECK(to_decimal_string({8351, 40}) == "208.78");  // 208.775
  CHECK(to_decimal_string({506, 3}) == "168.67");
  CHECK(to_decimal_string({0, 1}) == "0.00");
  CHECK(to_decimal_string({1, 200}) == "0.01");  // 0.005 rounds up
  CHECK(to_decimal_string({1, 201}) == "0.00");
  CHECK(to_decimal_string({-8349, 40}) == "-208.73");  // away from zero
  CHECK(to_decimal_string({25, 6}, 0) == "4");
  CHECK(to_decimal_string({5, 2}, 0) == "3");
  CHECK(koers::ratio_add({1, 3}, {1, 6}) == Ratio{1, 2});
  CHECK(koers::ratio_sub({1, 3}, {1, 2}) == Ratio{-1, 6});
  CHECK(koers::ratio_mul({36, 5}, {12, 1}) == Ratio{432, 5});
  CHECK(koers::ratio_div({36, 1}, {5, 1}) == Ratio{36, 5});
  CHECK(koers::ratio_less({1, 3}, {1, 2}));
  CHECK_FALSE(koers::ratio_less({1, 2}, {1, 2}));
  CHECK(code_of([] { koers::ratio_div({1, 1}, {0, 1}); }) == koers::Errc::invalid_fraction);
  CHECK(code_of([] { koers::exact_ratio(1, 0); }) == koers::Errc::invalid_fraction);
  CHECK(code_of([] { koers::ratio_mul({INT64_MAX, 1}, {2, 1}); }) == koers::Errc::invalid_hours);
}

TEST_CASE("capacity: working days x H / 5 x experts, exact", "[calendar][hours]") {
  auto nl = HolidayCalendar::netherlands();
  auto y2022 = Period::year(2022);
  auto c = koers::capacity(nl, y2022, parse_hours("4"));
  CHECK(c.working_days == 253);
  CHECK(c.hours == Ratio{1012, 5});  // 202.4 h: one Green Belt, 2022
  CHECK(koers::capacity(nl, y2022, parse_hours("4"), 15).hours == Ratio{3036, 1});
  CHECK(koers::capacity(nl, y2022, parse_hours("10/3")).hours == Ratio{506, 3});
  CHECK(koers::capacity(nl, y2022, parse_hours("8349/2024")).hours == Ratio{8349, 40});  // 208.725
  CHECK(koers::capacity(HolidayCalendar::variant("nl-lustrum"), y2022, parse_hours("4")).hours == Ratio{204, 1});
  CHECK(code_of([&] { koers::capacity(nl, y2022, Ratio{-4, 1}); }) == koers::Errc::invalid_hours);
  CHECK(code_of([&] { koers::capacity(nl, y2022, Ratio{4, 0}); }) == koers::Errc::invalid_fraction);
  CHECK(code_of([&] { koers::capacity(nl, y2022, Ratio{4, 1}, 0); }) == koers::Errc::invalid_value);
  CHECK(code_of([&] { nl.hours(y2022, Ratio{4, 0}); }) == koers::Errc::invalid_fraction);
}

TEST_CASE("person_capacity: leave working days counted once, clipped to the period", "[calendar][hours][leave]") {
  auto nl = HolidayCalendar::netherlands();
  auto y2022 = Period::year(2022);
  auto d = [](const char* a, const char* b) { return Period::parse(a, b); };
  // Two weeks' summer leave, Mon 18 .. Fri 29 July 2022: 10 working days.
  auto c = koers::person_capacity(nl, y2022, parse_hours("4"), {d("2022-07-18", "2022-07-29")});
  CHECK(c.working_days == 253);
  CHECK(c.leave_days == 10);
  CHECK(c.hours == Ratio{972, 5});  // 243 x 4/5 = 194.4 h
  // Overlapping and adjacent leave counts once: 18..22 July + 20..29 July + 30 July..1 Aug (Sat..Mon) = 11.
  CHECK(koers::leave_working_days(
            nl, y2022, {d("2022-07-18", "2022-07-22"), d("2022-07-20", "2022-07-29"), d("2022-07-30", "2022-08-01")}) ==
        11);
  // Leave over a holiday: 25..30 Dec 2022 has 4 working days (Tweede Kerstdag Mon 26 is off).
  CHECK(koers::leave_working_days(nl, y2022, {d("2022-12-25", "2022-12-30")}) == 4);
  // Leave outside the period is clipped: 2021-12-27..2022-01-07 counts 2022-01-03..07 = 5.
  CHECK(koers::leave_working_days(nl, y2022, {d("2021-12-27", "2022-01-07")}) == 5);
  CHECK(koers::leave_working_days(nl, y2022, {d("2023-01-02", "2023-01-06")}) == 0);
  CHECK(koers::person_capacity(nl, y2022, parse_hours("4")).hours == Ratio{1012, 5});
}
