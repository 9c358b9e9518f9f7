// Expert capacity with leave (koers/learning/capacity.hpp) and the koers.selection experts' "leave"
// (src/calendar_json.hpp). Seeds/004: 15 Green Belts, "per expert minimaal 4 uur per week", project
// of two years ending August 2023. Working days: 2022 = 253 (test_calendar.cpp); 2021-08-01..2023-07-31
// = 521 weekdays − 13 weekday holidays = 508 (tests/python/test_cli_calendar.py lists them).
#include "testing.hpp"

#include <koers/budget/selection_json.hpp>
#include <koers/learning/capacity.hpp>

#include <cmath>

using koers::HolidayCalendar;
using koers::Period;
using koers::Ratio;
using koers::testing::thrown;
using namespace koers::learning;

namespace {
koers::io::CsvTable leave_table(std::vector<std::vector<std::string>> rows,
                                std::vector<std::string> header = {"employee_id", "start_date", "end_date", "note"}) {
  std::vector<std::vector<std::string>> columns(header.size());
  for (const auto& r : rows)
    for (std::size_t c = 0; c < header.size(); ++c) columns[c].push_back(r.at(c));
  return koers::io::table_from_columns("leave.csv", std::move(header), columns);
}
}  // namespace

TEST_CASE("expert capacity: 15 Green Belts over 2022 and over the project, with leave", "[learning][capacity]") {
  auto nl = HolidayCalendar::netherlands();
  std::vector<ExpertHours> gb;
  for (int i = 1; i <= 15; ++i) gb.push_back({(i < 10 ? "GB0" : "GB") + std::to_string(i), {4, 1}});
  auto leave = read_leave(leave_table({{"GB01", "2022-07-18", "2022-07-29", "zomer"},
                                       {"GB02", "2022-12-25", "2022-12-30", "kerst"},
                                       {"GB02", "2022-12-27", "2023-01-06", "kerst, overlapping"}}));
  REQUIRE(leave.valid());
  auto y = expert_capacity(gb, Period::year(2022), nl, leave);
  REQUIRE(y.size() == 15);
  CHECK(y[0].leave_days == 10);
  CHECK(y[0].hours == Ratio{972, 5});  // 243 x 4/5
  CHECK(y[1].leave_days == 4);         // 27..30 Dec (26 is Tweede Kerstdag); 2023 clipped off
  CHECK(y[1].hours == Ratio{996, 5});  // 249 x 4/5
  CHECK(y[2].leave_days == 0);
  CHECK(y[2].hours == Ratio{1012, 5});
  Ratio total{0, 1};
  for (const auto& c : y) total = koers::ratio_add(total, c.hours);
  CHECK(total == Ratio{15124, 5});  // 15 x 202.4 h minus 14 leave days x 0.8 h
  auto project = expert_capacity(gb, Period::parse("2021-08-01", "2023-07-31"), nl, leave);
  CHECK(project[2].working_days == 508);
  CHECK(project[2].hours == Ratio{2032, 5});  // 508 x 4/5 = 406.4 h
  CHECK(project[1].leave_days == 9);          // 27-30 Dec 2022 and 2-6 Jan 2023 (1 Jan a Sunday)
}

TEST_CASE("leave table: row rules, unknown employees refused", "[learning][capacity]") {
  auto t = read_leave(leave_table({{"", "2022-01-03", "2022-01-04", ""},
                                   {"GB01", "2022-02-30", "2022-03-01", ""},
                                   {"GB01", "2022-03-01", "2022-13-01", ""},
                                   {"GB01", "2022-03-02", "2022-03-01", ""},
                                   {"GB01", "2022-03-01", "2022-03-01", ""}}));
  REQUIRE(t.errors.size() == 4);
  CHECK(t.errors[0].reason == "blank_id");
  CHECK(t.errors[1].field == "start_date");
  CHECK(t.errors[1].reason == "invalid_date");
  CHECK(t.errors[2].field == "end_date");
  CHECK(t.errors[2].reason == "invalid_date");
  CHECK(t.errors[3].reason == "end_before_start");
  CHECK(t.errors[3].row == 4);
  CHECK(t.leave.size() == 1);
  auto unknown = read_leave(leave_table({{"GB99", "2022-03-01", "2022-03-04", ""}}));
  auto c = thrown<koers::InputError>([&] {
    expert_capacity({{"GB01", {4, 1}}}, Period::year(2022), HolidayCalendar(), unknown);
  });
  CHECK(c.code == koers::Errc::unknown_employee);
  REQUIRE(c.elements.size() == 4);
  CHECK(c.elements[0] == "leave.csv");
  CHECK(c.elements[1] == "1");
  CHECK(c.elements[3] == "GB99");
  CHECK(thrown<koers::InputError>([] {
          expert_capacity({{"A", {4, 1}}, {"A", {4, 1}}}, Period::year(2022), HolidayCalendar());
        }).code == koers::Errc::duplicate_name);
  CHECK(thrown<koers::InputError>([] {
          read_leave(leave_table({}, {"employee_id", "start_date"}));
        }).code == koers::Errc::missing_column);
}

TEST_CASE("selection file: an expert's leave is taken off its hours_per_week hours",
          "[learning][capacity][selection]") {
  using koers::budget::parse_selection;
  auto doc = [](const std::string& expert) {
    return R"({"format": "koers.selection", "version": 1, "items": [{"id": "P1", "score": 1, "hours": 80}],
               "period": {"start": "2022-01-01", "end": "2022-12-31"}, "experts": [)" +
           expert + "]}";
  };
  auto s = parse_selection(
      doc(R"({"id": "GB01", "hours_per_week": 4, "leave": [{"start": "2022-07-18", "end": "2022-07-29"}]})"));
  CHECK(std::llround(s.experts[0].hours * 1000) == 194400);  // 243 x 0.8 h
  auto none = parse_selection(doc(R"({"id": "GB01", "hours_per_week": 4, "leave": []})"));
  CHECK(std::llround(none.experts[0].hours * 1000) == 202400);
  auto c = thrown<koers::InputError>([&] {
    parse_selection(
        doc(R"({"id": "GB01", "hours_per_week": 4, "leave": [{"start": "2022-07-29", "end": "2022-07-18"}]})"));
  });
  CHECK(c.code == koers::Errc::invalid_period);
  CHECK(c.elements.at(0) == "/experts/0/leave/0");
  c = thrown<koers::InputError>([&] {
    parse_selection(
        doc(R"({"id": "GB01", "hours_per_week": 4, "leave": [{"start": "2022-02-30", "end": "2022-03-01"}]})"));
  });
  CHECK(c.code == koers::Errc::invalid_date);
  CHECK(c.elements.at(0) == "/experts/0/leave/0/start");
  c = thrown<koers::InputError>([&] { parse_selection(doc(R"({"id": "GB01", "hours": 100, "leave": []})")); });
  CHECK(c.code == koers::Errc::invalid_value);
  CHECK(c.elements.at(0) == "/experts/0/leave");
}
