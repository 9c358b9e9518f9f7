// Learning-time entitlement (koers/learning/entitlement.hpp). Rules: Deventer plan §4.1 (seeds/000,
// "1 dag per maand (met een totaal van 12 dagen per jaar op basis van fulltime dienstverband)"; managers
// "een halve dag per maand" more). Working days of 2022 (253) by hand in tests/cpp/core/test_calendar.cpp;
// July-December 2022: 131 weekdays (Jul 21, Aug 23, Sep 22, Oct 21, Nov 22, Dec 22) minus Tweede Kerstdag
// = 130; January-March 2022: 21 + 20 + 23 = 64 weekdays, no weekday holiday.
#include "fixtures.hpp"

#include <koers/io/csv.hpp>
#include <koers/learning/entitlement.hpp>

using koers::HolidayCalendar;
using koers::parse_date;
using koers::Ratio;
using namespace koers::learning;
using koers::learning::test::person;
using koers::testing::code_of;

namespace {
koers::io::CsvTable roster_table(std::vector<std::vector<std::string>> rows,
                                 std::vector<std::string> header = {"employee_id", "team", "role", "hours_per_week",
                                                                    "start_date", "end_date", "target_groups"}) {
  std::vector<std::vector<std::string>> columns(header.size());
  for (const auto& r : rows)
    for (std::size_t c = 0; c < header.size(); ++c) columns[c].push_back(r.at(c));
  return koers::io::table_from_columns("data/roster.csv", std::move(header), columns);
}
}  // namespace

TEST_CASE("entitlement: full time, part time, managers, a whole year", "[learning][entitlement]") {
  auto nl = HolidayCalendar::netherlands();
  auto ft = entitlement(person(1, "A", Role::employee, {36, 1}, "2010-01-01"), 2022, nl);
  CHECK(ft.working_days_year == 253);
  CHECK(ft.share == Ratio{1, 1});
  CHECK(ft.days == Ratio{12, 1});
  CHECK(ft.day_hours == Ratio{36, 5});
  CHECK(ft.hours == Ratio{432, 5});  // 12 x 7.2 = 86.4 h
  CHECK(ft.management_hours == Ratio{0, 1});
  auto mg = entitlement(person(2, "A", Role::manager, {36, 1}, "2010-01-01"), 2022, nl);
  CHECK(mg.base_days == Ratio{12, 1});
  CHECK(mg.management_days == Ratio{6, 1});  // half a day a month
  CHECK(mg.days == Ratio{18, 1});
  CHECK(mg.management_hours == Ratio{216, 5});
  CHECK(mg.hours == Ratio{648, 5});  // 129.6 h
  auto pt = entitlement(person(3, "B", Role::employee, {18, 1}, "2010-01-01"), 2022, nl);
  CHECK(pt.days == Ratio{12, 1});    // 12 of their own days ...
  CHECK(pt.hours == Ratio{216, 5});  // ... of 3.6 h: 43.2 h, half the full-time hours
  auto odd = entitlement(person(4, "B", Role::manager, koers::parse_hours("100/3"), "2010-01-01"), 2022, nl);
  CHECK(odd.hours == Ratio{120, 1});  // 18 days x (100/3)/5 h = 18 x 20/3 = 120 h
}

TEST_CASE("entitlement: a start or end inside the year, pro rata by working days", "[learning][entitlement]") {
  auto nl = HolidayCalendar::netherlands();
  auto late = entitlement(person(1, "A", Role::employee, {36, 1}, "2022-07-01"), 2022, nl);
  CHECK(late.working_days_employed == 130);
  CHECK(late.share == Ratio{130, 253});
  CHECK(late.days == Ratio{1560, 253});
  CHECK(late.hours == Ratio{11232, 253});  // 12 x 130/253 x 36/5
  auto early = entitlement(person(2, "A", Role::employee, {18, 1}, "2015-03-01", "2022-03-31"), 2022, nl);
  CHECK(early.working_days_employed == 64);
  CHECK(early.hours == Ratio{13824, 1265});  // 12 x 64/253 x 18/5
  // One working day: 12 x 1/253 days.
  auto one = entitlement(person(3, "A", Role::manager, {36, 1}, "2022-04-28", "2022-04-28"), 2022, nl);
  CHECK(one.working_days_employed == 1);
  CHECK(one.days == Ratio{18, 253});
  // Employed only on a Saturday: in the year, zero working days, nothing.
  auto sat = entitlement(person(4, "A", Role::employee, {36, 1}, "2022-12-31"), 2022, nl);
  CHECK(sat.working_days_employed == 0);
  CHECK(sat.hours == Ratio{0, 1});
  // The calendar matters for the share: nl-lustrum has 255 working days in 2022 (test_hours.cpp).
  auto lu =
      entitlement(person(5, "A", Role::employee, {36, 1}, "2022-07-01"), 2022, HolidayCalendar::variant("nl-lustrum"));
  CHECK(lu.share == Ratio{130, 255});
}

TEST_CASE("entitlement report: sums per team, target group and total", "[learning][entitlement]") {
  auto nl = HolidayCalendar::netherlands();
  std::vector<Employee> people = {
      person(1, "Burgerzaken", Role::manager, {36, 1}, "2010-01-01", nullptr, {"tg.leidinggevende"}),
      person(2, "Burgerzaken", Role::employee, {18, 1}, "2010-01-01", nullptr, {"tg.klantcontact"}),
      person(3, "Financien", Role::employee, {36, 1}, "2022-07-01", nullptr, {"tg.klantcontact", "tg.schrijvers"}),
      person(4, "Financien", Role::employee, {36, 1}, "2023-01-01"),                // not yet employed
      person(5, "Financien", Role::employee, {36, 1}, "2000-01-01", "2021-12-31"),  // gone
  };
  auto r = entitlement(people, 2022, nl);
  CHECK(r.working_days_year == 253);
  CHECK(r.people.size() == 3);
  CHECK(r.outside_year == 2);
  REQUIRE(r.teams.size() == 2);
  CHECK(r.teams[0].key == "Burgerzaken");
  CHECK(r.teams[0].people == 2);
  CHECK(r.teams[0].managers == 1);
  CHECK(r.teams[0].hours == Ratio{864, 5});  // 129.6 + 43.2
  CHECK(r.teams[0].fte == Ratio{3, 2});      // 36/36 + 18/36
  CHECK(r.teams[1].hours == Ratio{11232, 253});
  REQUIRE(r.target_groups.size() == 3);
  CHECK(r.target_groups[0].key == "tg.klantcontact");
  CHECK(r.target_groups[0].hours == koers::ratio_add({216, 5}, {11232, 253}));
  CHECK(r.target_groups[1].key == "tg.leidinggevende");
  CHECK(r.target_groups[1].management_hours == Ratio{216, 5});
  CHECK(r.total.people == 3);
  CHECK(r.total.hours == koers::ratio_add({864, 5}, {11232, 253}));
  CHECK(r.total.days == koers::ratio_add({30, 1}, {1560, 253}));
  CHECK(code_of([&] { entitlement(people, 1200, nl); }) == koers::Errc::invalid_date);
}

TEST_CASE("read_roster: columns by name, every bad row once with its first failing rule", "[learning][roster]") {
  auto ok = read_roster(roster_table({{"1", "A", "manager", "36", "2020-01-01", "", "tg.a; tg.b;;tg.a"}}));
  REQUIRE(ok.valid());
  REQUIRE(ok.employees.size() == 1);
  CHECK(ok.employees[0].role == Role::manager);
  CHECK(ok.employees[0].target_groups == std::vector<std::string>{"tg.a", "tg.b"});
  CHECK(!ok.employees[0].end);
  // Another order, no optional columns, extra columns ignored.
  auto other = read_roster(roster_table({{"2022-01-01", "25.5", "7", "B", "employee", "x"}},
                                        {"start_date", "hours_per_week", "employee_id", "team", "role", "note"}));
  REQUIRE(other.valid());
  CHECK(other.employees[0].id == 7);
  CHECK(other.employees[0].hours_per_week == Ratio{51, 2});

  auto r = read_roster(roster_table({
      {"", "A", "employee", "36", "2020-01-01", "", ""},              // 1 blank_id
      {"x1", "A", "employee", "36", "2020-01-01", "", ""},            // 2 invalid_id
      {"0", "A", "employee", "36", "2020-01-01", "", ""},             // 3 non_positive_id
      {"-4", "A", "employee", "36", "2020-01-01", "", ""},            // 4 non_positive_id
      {"5", "", "employee", "36", "2020-01-01", "", ""},              // 5 blank_field
      {"6", "A", "boss", "36", "2020-01-01", "", ""},                 // 6 invalid_role
      {"7", "A", "employee", "-36", "2020-01-01", "", ""},            // 7 invalid_hours (negative)
      {"8", "A", "employee", "0", "2020-01-01", "", ""},              // 8 invalid_hours (zero)
      {"9", "A", "employee", "61", "2020-01-01", "", ""},             // 9 invalid_hours (over 60)
      {"10", "A", "employee", "36/0", "2020-01-01", "", ""},          // 10 invalid_hours (zero denominator)
      {"11", "A", "employee", "36", "2022-02-30", "", ""},            // 11 invalid_date
      {"12", "A", "employee", "36", "2020-01-01", "2021-13-01", ""},  // 12 invalid_date (end)
      {"13", "A", "employee", "36", "2020-01-01", "2019-12-31", ""},  // 13 end_before_start
      {"14", "A", "employee", "36", "2020-01-01", "", ""},            // 14 valid
      {"14", "B", "manager", "32", "2021-01-01", "", ""},             // 15 duplicate_id
      {"", "", "boss", "-1", "bad", "", ""},                          // 16 blank_id only (the first rule)
  }));
  CHECK(r.employees.size() == 1);
  const std::vector<std::pair<std::string, std::string>> want = {{"employee_id", "blank_id"},
                                                                 {"employee_id", "invalid_id"},
                                                                 {"employee_id", "non_positive_id"},
                                                                 {"employee_id", "non_positive_id"},
                                                                 {"team", "blank_field"},
                                                                 {"role", "invalid_role"},
                                                                 {"hours_per_week", "invalid_hours"},
                                                                 {"hours_per_week", "invalid_hours"},
                                                                 {"hours_per_week", "invalid_hours"},
                                                                 {"hours_per_week", "invalid_hours"},
                                                                 {"start_date", "invalid_date"},
                                                                 {"end_date", "invalid_date"},
                                                                 {"end_date", "end_before_start"},
                                                                 {"employee_id", "duplicate_id"},
                                                                 {"employee_id", "blank_id"}};
  REQUIRE(r.errors.size() == want.size());
  std::vector<std::size_t> rows = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 15, 16};
  for (std::size_t i = 0; i < want.size(); ++i) {
    CHECK(r.errors[i].file == "roster.csv");  // the file name, without its folder
    CHECK(r.errors[i].row == rows[i]);
    CHECK(r.errors[i].field == want[i].first);
    CHECK(r.errors[i].reason == want[i].second);
  }
  CHECK(code_of([&] { r.require_valid(); }) == koers::Errc::invalid_roster);
  CHECK_NOTHROW(ok.require_valid());
}

TEST_CASE("read_roster: table-level errors", "[learning][roster]") {
  CHECK(code_of([] {
          read_roster(roster_table({}, {"employee_id", "team", "role", "hours_per_week"}));
        }) == koers::Errc::missing_column);
  CHECK(code_of([] {
          read_roster(roster_table({}, {"employee_id", "team", "role", "hours_per_week", "start_date", "team"}));
        }) == koers::Errc::duplicate_column);
  auto empty = read_roster(roster_table({}));
  CHECK(empty.valid());
  CHECK(empty.employees.empty());
}
