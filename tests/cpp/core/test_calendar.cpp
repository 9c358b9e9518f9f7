#include "testing.hpp"

#include <koers/core/calendar.hpp>

using koers::Date;
using koers::HolidayCalendar;
using koers::parse_date;
using koers::Period;
using koers::Ratio;
using koers::testing::code_of;

namespace {
Date d(const char* iso) { return parse_date(iso); }
std::string name_on(const HolidayCalendar& c, int year, const std::string& name) {
  for (const auto& h : c.holidays(year))
    if (h.name == name) return koers::to_iso(h.date);
  return "";
}
}  // namespace

TEST_CASE("Gregorian Easter Sunday matches published dates", "[calendar][easter]") {
  // Source: J. Meeus, Astronomical Algorithms (2nd ed., 1998), ch. 8 "Date of Easter",
  // worked examples 1991, 1992, 1993, 1954, 2000, 1818; extremes 22 March (1818, 2285) and
  // 25 April (1886, 1943, 2038) from the same chapter. 2014, 2016, 2022, 2024, 2025: US Naval
  // Observatory, "Date of Easter" (aa.usno.navy.mil/data/easter), as printed in Dutch calendars.
  const std::pair<int, const char*> vectors[] = {
      {1991, "1991-03-31"}, {1992, "1992-04-19"}, {1993, "1993-04-11"}, {1954, "1954-04-18"}, {2000, "2000-04-23"},
      {1818, "1818-03-22"}, {2285, "2285-03-22"}, {1886, "1886-04-25"}, {1943, "1943-04-25"}, {2038, "2038-04-25"},
      {2014, "2014-04-20"}, {2016, "2016-03-27"}, {2022, "2022-04-17"}, {2024, "2024-03-31"}, {2025, "2025-04-20"},
  };
  for (auto [year, iso] : vectors) {
    INFO(year);
    CHECK(koers::to_iso(koers::easter_sunday(year)) == iso);
  }
  // Always a Sunday between 22 March and 25 April (the computus' range), checked for every year.
  for (int y = 1583; y <= 9999; ++y) {
    Date e = koers::easter_sunday(y);
    REQUIRE(e.day_of_week().as_number() == 0);
    REQUIRE(!(e < Date(static_cast<unsigned short>(y), 3, 22)));
    REQUIRE(!(Date(static_cast<unsigned short>(y), 4, 25) < e));
  }
  CHECK(code_of([] { koers::easter_sunday(1500); }) == koers::Errc::invalid_date);
}

TEST_CASE("Koningsdag and Koninginnedag follow the Sunday rule", "[calendar]") {
  // Source: Algemene termijnenwet art. 3 and the Besluit van 2013 (Koningsdag from 2014: 27 April,
  // 26 April when the 27th is a Sunday); Koninginnedag 1949-2013: 30 April; on a Sunday it moved
  // to Saturday 29 April from 1980 and to Monday 1 May before 1980 (Wikipedia nl "Koninginnedag",
  // section Datum; overzicht-feestdagen.nl/feestdagen/Koningsdag.html).
  auto nl = HolidayCalendar::netherlands();
  CHECK(name_on(nl, 2014, "Koningsdag") == "2014-04-26");  // 27 April 2014 was a Sunday
  CHECK(name_on(nl, 2022, "Koningsdag") == "2022-04-27");
  CHECK(name_on(nl, 2025, "Koningsdag") == "2025-04-26");  // 27 April 2025 is a Sunday
  CHECK(name_on(nl, 2013, "Koninginnedag") == "2013-04-30");
  CHECK(name_on(nl, 2006, "Koninginnedag") == "2006-04-29");  // 30 April 2006 was a Sunday
  CHECK(name_on(nl, 1989, "Koninginnedag") == "1989-04-29");  // Sunday, Beatrix: the Saturday before
  CHECK(name_on(nl, 1967, "Koninginnedag") == "1967-05-01");  // Sunday, Juliana: the Monday after
  CHECK(name_on(nl, 1978, "Koninginnedag") == "1978-05-01");
  CHECK(name_on(nl, 1979, "Koninginnedag") == "1979-04-30");
  CHECK(name_on(nl, 2013, "Koningsdag") == "");
  CHECK(name_on(nl, 2014, "Koninginnedag") == "");
  CHECK(name_on(nl, 1948, "Koninginnedag") == "");  // before 1949: not modelled (documented)
}

TEST_CASE("The Dutch holidays of 2022 with their names", "[calendar]") {
  // Source: Rijksoverheid, "Officiële feestdagen 2022"; Easter 2022-04-17 (USNO).
  auto hs = HolidayCalendar::netherlands().holidays(2022);
  std::vector<std::pair<std::string, std::string>> got;
  for (const auto& h : hs) got.emplace_back(koers::to_iso(h.date), h.name);
  std::vector<std::pair<std::string, std::string>> expected = {
      {"2022-01-01", "Nieuwjaarsdag"},   {"2022-04-15", "Goede Vrijdag"},      {"2022-04-17", "Eerste Paasdag"},
      {"2022-04-18", "Tweede Paasdag"},  {"2022-04-27", "Koningsdag"},         {"2022-05-05", "Bevrijdingsdag"},
      {"2022-05-26", "Hemelvaartsdag"},  {"2022-06-05", "Eerste Pinksterdag"}, {"2022-06-06", "Tweede Pinksterdag"},
      {"2022-12-25", "Eerste Kerstdag"}, {"2022-12-26", "Tweede Kerstdag"},
  };
  CHECK(got == expected);
  auto nl = HolidayCalendar::netherlands();
  CHECK(nl.is_holiday(d("2022-04-27")));
  CHECK(!nl.is_working_day(d("2022-04-27")));
  CHECK(nl.is_working_day(d("2022-04-12")));   // a Tuesday
  CHECK(!nl.is_working_day(d("2022-04-16")));  // a Saturday
  CHECK(nl.holiday_name(d("2022-05-26")) == "Hemelvaartsdag");
  CHECK(nl.holiday_name(d("2022-05-27")) == "");
}

TEST_CASE("Named variants: no Goede Vrijdag, Bevrijdingsdag every fifth year, none", "[calendar]") {
  auto no_gf = HolidayCalendar::variant("nl-no-good-friday");
  CHECK(no_gf.name() == "nl-no-good-friday");
  CHECK(name_on(no_gf, 2022, "Goede Vrijdag") == "");
  CHECK(no_gf.is_working_day(d("2022-04-15")));
  auto lustrum = HolidayCalendar::variant("nl-liberation-lustrum");
  CHECK(name_on(lustrum, 2022, "Bevrijdingsdag") == "");
  CHECK(name_on(lustrum, 2025, "Bevrijdingsdag") == "2025-05-05");
  CHECK(name_on(lustrum, 2020, "Bevrijdingsdag") == "2020-05-05");
  CHECK(name_on(HolidayCalendar::netherlands(), 2022, "Bevrijdingsdag") == "2022-05-05");
  CHECK(lustrum.is_working_day(d("2022-05-05")));   // a Thursday
  CHECK(!lustrum.is_working_day(d("2025-05-05")));  // a Monday in a lustrum year
  CHECK(HolidayCalendar::variant("none").holidays(2022).empty());
  CHECK(HolidayCalendar::variant("nl") == HolidayCalendar::netherlands());
  CHECK(code_of([] { HolidayCalendar::variant("be"); }) == koers::Errc::unknown_holiday_rules);
}

TEST_CASE("Two holidays on one day are listed twice but counted once", "[calendar]") {
  // 2016: Easter 27 March, so Hemelvaartsdag = 5 May = Bevrijdingsdag (a Thursday).
  auto nl = HolidayCalendar::netherlands();
  CHECK(nl.holiday_name(d("2016-05-05")) == "Bevrijdingsdag / Hemelvaartsdag");
  auto lustrum = HolidayCalendar::variant("nl-liberation-lustrum");
  // By hand: 2016 (leap year, starts on a Friday) = 52 weeks + Fri + Sat, so 261 weekdays.
  // Distinct weekday holidays: Nieuwjaarsdag (Fri 1/1), Goede Vrijdag (25/3), Tweede Paasdag
  // (28/3), Koningsdag (Wed 27/4), 5/5 (both names), Tweede Pinksterdag (16/5), Tweede
  // Kerstdag (Mon 26/12) = 7. 2016 is no lustrum year, yet the lustrum variant loses nothing:
  // 5 May is still Hemelvaartsdag.
  CHECK(koers::weekdays(Period::year(2016)) == 261);
  CHECK(nl.working_days(Period::year(2016)) == 261 - 7);
  CHECK(lustrum.working_days(Period::year(2016)) == 261 - 7);
}

TEST_CASE("Working days in 2022 and in the Deventer programme period", "[calendar]") {
  // By hand: 2022 has 365 days starting on a Saturday = 52 weeks + 1 Saturday, so 260 weekdays.
  // Holidays on a weekday: Goede Vrijdag (Fri 15/4), Tweede Paasdag (Mon 18/4), Koningsdag
  // (Wed 27/4), Bevrijdingsdag (Thu 5/5), Hemelvaartsdag (Thu 26/5), Tweede Pinksterdag
  // (Mon 6/6), Tweede Kerstdag (Mon 26/12) = 7; Nieuwjaarsdag (Sat), Eerste Paasdag,
  // Eerste Pinksterdag and Eerste Kerstdag (Sundays) fall in the weekend. 260 - 7 = 253.
  auto y2022 = Period::year(2022);
  CHECK(koers::weekdays(y2022) == 260);
  CHECK(HolidayCalendar::netherlands().working_days(y2022) == 253);
  CHECK(HolidayCalendar::variant("nl-no-good-friday").working_days(y2022) == 254);
  CHECK(HolidayCalendar::variant("nl-liberation-lustrum").working_days(y2022) == 254);
  CHECK(HolidayCalendar::variant("none").working_days(y2022) == 260);
  CHECK(koers::weeks(y2022) == Ratio{365, 7});
  CHECK(y2022.days() == 365);

  // Deventer strategisch leer & ontwikkelplan 2014-2017 (seeds/000): programme start
  // 2014-05-01 (a Thursday) .. 2014-12-31 = 245 days = exactly 35 weeks, so 175 weekdays.
  // Weekday holidays in it: Bevrijdingsdag (Mon 5/5), Hemelvaartsdag (Thu 29/5), Tweede
  // Pinksterdag (Mon 9/6), Eerste and Tweede Kerstdag (Thu 25/12, Fri 26/12) = 5 -> 170.
  auto deventer = Period::parse("2014-05-01", "2014-12-31");
  CHECK(deventer.days() == 245);
  CHECK(koers::weekdays(deventer) == 175);
  CHECK(HolidayCalendar::netherlands().working_days(deventer) == 170);
  CHECK(HolidayCalendar::variant("nl-liberation-lustrum").working_days(deventer) == 171);
  CHECK(koers::weeks(deventer) == Ratio{35, 1});

  // One day, a weekend, a period across a year end.
  CHECK(HolidayCalendar::netherlands().working_days(Period::parse("2022-04-12", "2022-04-12")) == 1);
  CHECK(HolidayCalendar::netherlands().working_days(Period::parse("2022-04-16", "2022-04-17")) == 0);
  // 2021-12-27 (Mon) .. 2022-01-07 (Fri): 10 weekdays, no weekday holiday (1/1/2022 is a Saturday).
  CHECK(HolidayCalendar::netherlands().working_days(Period::parse("2021-12-27", "2022-01-07")) == 10);
}

TEST_CASE("Working days agree with a day-by-day count over 2000-2030", "[calendar]") {
  for (const char* v : {"nl", "nl-no-good-friday", "nl-liberation-lustrum"}) {
    auto c = HolidayCalendar::variant(v);
    c.add_day(d("2019-12-24"), "Kerstavond (gemeente dicht)");
    Period p = Period::parse("2000-01-01", "2030-12-31");
    std::int64_t n = 0;
    for (Date x = p.start; !(p.end < x); x += boost::gregorian::days(1)) n += c.is_working_day(x) ? 1 : 0;
    INFO(v);
    CHECK(c.working_days(p) == n);
  }
}

TEST_CASE("User-added days", "[calendar]") {
  auto c = HolidayCalendar::netherlands();
  c.add_day(d("2022-05-27"), "Brugdag na Hemelvaart").add_day(d("2022-05-27"), "Brugdag na Hemelvaart");
  CHECK(c.extra_days().size() == 1);
  CHECK(c.holiday_name(d("2022-05-27")) == "Brugdag na Hemelvaart");
  CHECK(c.working_days(Period::year(2022)) == 252);
  c.add_day(d("2022-04-27"), "Gemeentehuis dicht");  // on Koningsdag: listed, not counted twice
  CHECK(c.working_days(Period::year(2022)) == 252);
  CHECK(c.holidays(2022).size() == 13);
  c.add_day(d("2022-04-16"), "Zaterdag");  // a Saturday: no effect
  CHECK(c.working_days(Period::year(2022)) == 252);
  CHECK(c.holidays(2023).size() == 11);
}

TEST_CASE("Hours for Green Belts who free 4 hours a week", "[calendar]") {
  // Issue: experts have "4 hours a week over the working days of a period". 2022 (nl):
  // 253 working days x 4/5 h = 202.4 h for one Green Belt; 15 Green Belts: 3036 h.
  auto nl = HolidayCalendar::netherlands();
  auto y2022 = Period::year(2022);
  CHECK(nl.hours(y2022, {4, 1}) == Ratio{1012, 5});
  CHECK(nl.hours(y2022, {4, 1}).num == 1012);  // reduced
  CHECK(nl.milli_hours(y2022, {4, 1}) == 202400);
  CHECK(nl.hours(y2022, {60, 1}) == Ratio{3036, 1});  // 15 x 4 h/week
  CHECK(nl.milli_hours(y2022, {60, 1}) == 15 * 202400);
  // Deventer 2014-05-01..2014-12-31: 170 x 0.8 = 136 h.
  CHECK(nl.hours(Period::parse("2014-05-01", "2014-12-31"), {4, 1}) == Ratio{136, 1});
  // 4.5 h/week: 253 x 0.9 = 227.7 h; 36 hours a week = full time: 253 x 7.2 = 1821.6 h.
  CHECK(nl.milli_hours(y2022, Ratio::parse("4.5")) == 227700);
  CHECK(nl.hours(y2022, {36, 1}) == Ratio{9108, 5});
  CHECK(nl.hours(y2022, {0, 1}) == Ratio{0, 1});
  CHECK(code_of([&] { nl.hours(y2022, {-4, 1}); }) == koers::Errc::invalid_hours);
  // 1 h/week, one day: 1/5 h = 200 milli-hours; 1/3 h/week: 1/15 h = 66.67 -> 67 (half-even).
  CHECK(nl.milli_hours(Period::parse("2022-04-12", "2022-04-12"), {1, 1}) == 200);
  CHECK(nl.milli_hours(Period::parse("2022-04-12", "2022-04-12"), {1, 3}) == 67);
}

TEST_CASE("Invalid dates and periods throw E500 and E501 naming the text", "[calendar]") {
  for (const char* bad : {"2022-02-30", "abc", "", "2022-13-01", "2022-00-10", "2022-4-12", "2022-04-12 ",
                          " 2022-04-12", "12-04-2022", "2022/04/12", "2021-02-29", "1399-12-31", "2022-04-1x"}) {
    INFO(bad);
    try {
      parse_date(bad);
      FAIL("no exception");
    } catch (const koers::InputError& e) {
      CHECK(e.code() == koers::Errc::invalid_date);
      CHECK(e.element() == bad);
      CHECK(std::string(e.what()).find(std::string("'") + bad + "'") != std::string::npos);
    }
  }
  CHECK(koers::to_iso(parse_date("2024-02-29")) == "2024-02-29");  // a leap day exists
  CHECK(koers::to_iso(parse_date("2000-02-29")) == "2000-02-29");
  CHECK(code_of([] { parse_date("1900-02-29"); }) == koers::Errc::invalid_date);
  try {
    Period::parse("2022-12-31", "2022-01-01");
    FAIL("no exception");
  } catch (const koers::InputError& e) {
    CHECK(e.code() == koers::Errc::invalid_period);
    CHECK(e.element() == "2022-12-31..2022-01-01");
  }
  CHECK(code_of([] { Period::parse("2022-02-30", "2022-12-31"); }) == koers::Errc::invalid_date);
  CHECK(code_of([] { HolidayCalendar::netherlands().holidays(1500); }) == koers::Errc::invalid_date);
}
