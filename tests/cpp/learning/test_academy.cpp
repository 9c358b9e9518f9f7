// The academy event log (include/koers/learning/academy.hpp): the nine figures of the West Betuwe
// Academie on 23-6-2022 from the embedded example (seed 004, "Stand van zaken per: 23-6-2022"),
// the Leercafé and the gesprek workshops, the row rules in their order, the time series against
// a recount per day, and the errors.
#include "testing.hpp"

#include <koers/learning/academy.hpp>

#include <filesystem>
#include <fstream>
#include <string>

using namespace koers;
using namespace koers::learning;
using koers::testing::code_of;
namespace fs = std::filesystem;

namespace {
const fs::path example = fs::path(KOERS_SOURCE_DIR) / "python/koers/examples/data/west-betuwe-2022";

io::CsvTable csv_table(const std::string& origin, const std::string& text) { return io::parse_csv(text, origin); }

// A small log: course 1 with runs 1 (started 2022-05-02) and 2 (cancelled 2022-05-20, would start
// 2022-06-01), course 2 with run 3 (2023-01-10), course 3 without runs.
AcademyTables small(const std::string& regs_extra = "", const std::string& cancels_extra = "") {
  AcademyTables t;
  t.courses = csv_table("courses.csv", "course_id,title,kind\n1,A,x\n2,B,x\n3,C,y\n");
  t.runs = csv_table("runs.csv",
                     "run_id,course_id,start_date,planned,status,cancelled_on,capacity,days\n"
                     "1,1,2022-05-02,ja,open,,4,1\n2,1,2022-06-01,ja,open,2022-05-20,,\n3,2,2023-01-10,ja,open,,,\n");
  t.registrations =
      csv_table("registrations.csv",
                "registration_id,run_id,employee_id,registered_on\n"
                "1,1,10,2022-04-12\n2,1,11,2022-04-13\n3,1,10,2022-04-20\n4,2,12,2022-05-01\n5,3,13,2022-05-02\n" +
                    regs_extra);
  t.cancellations =
      csv_table("cancellations.csv",
                "registration_id,cancelled_on,by\n3,2022-04-25,self\n4,2022-05-20,run_cancelled\n" + cancels_extra);
  return t;
}

std::vector<std::string> reasons(const AcademyLog& log) {
  std::vector<std::string> out;
  for (const auto& e : log.errors())
    out.push_back(e.file + ":" + std::to_string(e.row) + ":" + e.field + ":" + e.reason);
  return out;
}

}  // namespace

TEST_CASE("academy: the nine figures of the Academie on 23-6-2022 (seed 004)") {
  auto log = AcademyLog::load(example / "academy");
  CHECK(log.errors().empty());
  auto k = log.kpis(parse_date("2022-06-23"), 2022);
  CHECK(k.kinds_of_training == 9);
  CHECK(k.registrations_total == 61);
  CHECK(k.runs_started == 6);
  CHECK(k.participants_in_started_runs == 25);
  REQUIRE(k.avg_participants_per_started_run);
  CHECK(k.avg_participants_per_started_run->num == 25);
  CHECK(k.avg_participants_per_started_run->den == 6);
  CHECK(k.avg_rounded() == "4.17");
  CHECK(k.avg_exact() == "25/6");
  CHECK(k.runs_planned_in_year == 47);
  CHECK(k.runs_planned_name() == "runs_planned_in_2022");
  CHECK(k.participants_cancelled == 21);
  CHECK(k.participants_cancelled_by_self == 9);
  CHECK(k.runs_cancelled == 10);
  // the launch: nothing before 12 April
  CHECK(log.first_event() == parse_date("2022-04-12"));
  CHECK(code_of([&] { log.kpis(parse_date("2022-04-11")); }) == Errc::as_of_before_launch);
  CHECK(log.kpis(parse_date("2022-04-12")).runs_started == 0);
}

TEST_CASE("academy: the Leercafé of 10 March 2022 and the gesprek workshops of 2021 (seed 004)") {
  auto lc = AcademyLog::load(example / "leercafe-2022");
  CHECK(lc.errors().empty());
  auto k = lc.kpis(parse_date("2022-03-10"));
  CHECK(k.runs_started == 15);  // the report lists 15 workshops and says 17
  CHECK(k.employees_in_started_runs == 171);
  auto ev = lc.evaluation_summary(parse_date("2022-03-10"));
  REQUIRE(ev.overall.mean);
  // "gewaardeerd met 7,7 gemiddeld": the pooled mean rounds to 7.7
  auto m = *ev.overall.mean;
  CHECK(m.num * 100 >= 765 * m.den);
  CHECK(m.num * 100 < 775 * m.den);
  auto zes = lc.kpis_by_course(parse_date("2022-03-10"));
  CHECK(zes[2].title == "De Zes Denkhoeden");
  CHECK(zes[2].kpis.participants_in_started_runs == 20);  // "twintig medewerkers"

  auto gw = AcademyLog::load(example / "gesprek-workshops-2021");
  CHECK(gw.errors().empty());
  auto g = gw.kpis(parse_date("2021-11-08"));
  CHECK(g.runs_started == 18);
  CHECK(g.online_runs_started == 3);
  CHECK(g.employees_in_started_runs == 147);  // "bijna 150 medewerkers"
}

TEST_CASE("academy: definitions on a small log — status from dates, inclusive comparisons") {
  auto log = AcademyLog::from_tables(small());
  REQUIRE(log.errors().empty());
  auto k = log.kpis(parse_date("2022-05-02"), 2022);
  CHECK(k.kinds_of_training == 2);  // courses 1 and 2 have runs; 3 has none
  CHECK(k.registrations_total == 5);
  CHECK(k.runs_started == 1);                  // run 1 starts on the as-of day itself
  CHECK(k.participants_in_started_runs == 2);  // registrations 1, 2 (3 cancelled by self)
  CHECK(k.employees_in_started_runs == 2);
  CHECK(k.runs_planned_in_year == 2);  // runs 1 and 2 (run 3 is 2023)
  CHECK(k.participants_cancelled == 1);
  CHECK(k.participants_cancelled_by_self == 1);
  CHECK(k.runs_cancelled == 0);
  auto later = log.kpis(parse_date("2022-05-20"), 2022);  // run 2 cancelled that day
  CHECK(later.runs_cancelled == 1);
  CHECK(later.runs_planned_in_year == 1);
  CHECK(later.participants_cancelled == 2);
  CHECK(later.avg_rounded() == "2.00");
  CHECK(later.avg_exact() == "2");
  auto before = log.kpis(parse_date("2022-05-01"), 2023);
  CHECK(before.runs_started == 0);
  CHECK_FALSE(before.avg_participants_per_started_run);
  CHECK(before.avg_rounded().empty());
  CHECK(before.runs_planned_in_year == 1);
  CHECK(before.runs_planned_name() == "runs_planned_in_2023");
  CHECK(log.kpis(parse_date("2022-05-02")).year == 2022);  // year 0: the as-of year
  CHECK(code_of([&] { log.kpis(parse_date("2022-05-02"), -5); }) == Errc::invalid_argument);
  CHECK(code_of([&] { log.timeseries({parse_date("2022-05-02")}, 10000); }) == Errc::invalid_argument);

  auto fill = log.fill_rates(parse_date("2022-05-02"));
  REQUIRE(fill.size() == 3);
  CHECK(fill[0].participants == 2);
  REQUIRE(fill[0].fill_rate);
  CHECK(fill[0].fill_rate->num == 1);
  CHECK(fill[0].fill_rate->den == 2);
  CHECK(fill[0].status == RunStatus::started);
  CHECK_FALSE(fill[1].fill_rate);
  auto canc = log.cancellation_rates(parse_date("2022-05-20"));
  REQUIRE(canc.size() == 3);
  CHECK(canc[0].registrations == 4);
  CHECK(canc[0].cancelled == 2);
  CHECK(canc[0].rate->num == 1);
  CHECK(canc[0].rate->den == 2);
  CHECK_FALSE(canc[2].rate);
  auto kinds = log.kpis_by_kind(parse_date("2022-05-02"));
  REQUIRE(kinds.size() == 2);
  CHECK(kinds[0].key == "x");
  CHECK(kinds[0].kpis.kinds_of_training == 2);
  CHECK(kinds[1].kpis.kinds_of_training == 0);
}

TEST_CASE("academy: the weekly sweep equals a recount on every day and week") {
  auto log = AcademyLog::load(example / "academy");
  std::vector<Date> days;
  for (Date d = *log.first_event(); d <= *log.last_event(); d += boost::gregorian::days(1)) days.push_back(d);
  auto series = log.timeseries(days, 2022);
  REQUIRE(series.size() == days.size());
  for (std::size_t i = 0; i < days.size(); ++i) {
    auto k = log.kpis(days[i], 2022);
    k.employees_in_started_runs = 0;  // not in the series
    k.online_runs_started = 0;
    INFO(to_iso(days[i]));
    CHECK(series[i] == k);
  }
  auto weeks = week_ends(*log.first_event(), *log.last_event());
  CHECK(weeks.front() == parse_date("2022-04-17"));
  CHECK(weeks.back().day_of_week().as_number() == 0);  // Sundays
  CHECK(*log.last_event() <= weeks.back());
  CHECK(weeks.back() < *log.last_event() + boost::gregorian::days(7));
  CHECK(*log.last_event() <= parse_date("2022-09-30"));  // the extraction
  // unsorted and repeated dates come back in the order asked
  auto two = log.timeseries({parse_date("2022-06-23"), parse_date("2022-04-20"), parse_date("2022-06-23")}, 2022);
  CHECK(two[0].registrations_total == 61);
  CHECK(two[2] == two[0]);
  CHECK(two[1].as_of == parse_date("2022-04-20"));
  CHECK(code_of([&] { log.timeseries({parse_date("2022-01-01")}, 2022); }) == Errc::as_of_before_launch);
}

TEST_CASE("academy: registration rules, first failing rule in the issue's order") {
  auto t = small(
      ",1,1,2022-05-01\n"     // row 6: blank registration_id
      "6x,1,1,2022-05-01\n"   // row 7: invalid_id
      "7,0,1,2022-05-01\n"    // row 8: run_id 0
      "8,1,-4,2022-05-01\n"   // row 9: employee -4
      "9,1,1,2022-02-30\n"    // row 10: no such date
      "1,1,1,2022-05-01\n"    // row 11: duplicate registration 1
      "10,99,1,2022-05-01\n"  // row 12: unknown run
      "11,2,1,2022-05-21\n"   // row 13: after run 2 was cancelled on 2022-05-20
      "12,2,1,2022-05-20\n"   // row 14: on the day itself: valid
      ",abc,-1,nodate\n");    // row 15: the first rule wins: blank_id on registration_id
  auto log = AcademyLog::from_tables(t);
  CHECK(reasons(log) ==
        std::vector<std::string>{
            "registrations.csv:6:registration_id:blank_id", "registrations.csv:7:registration_id:invalid_id",
            "registrations.csv:8:run_id:non_positive_id", "registrations.csv:9:employee_id:non_positive_id",
            "registrations.csv:10:registered_on:invalid_date", "registrations.csv:11:registration_id:duplicate_id",
            "registrations.csv:12:run_id:unknown_run_id",
            "registrations.csv:13:registered_on:registration_after_run_cancelled",
            "registrations.csv:15:registration_id:blank_id"});
  CHECK(log.registrations().size() == 6);  // nothing valid lost: 5 + row 14
  CHECK(log.errors()[4].message.find("registrations.csv, row 10 (line 11), field registered_on") == 0);
  CHECK(code_of([&] { AcademyLog::from_tables(t, AcademyOptions{true, {}}); }) == Errc::log_refused);
  try {
    AcademyLog::from_tables(t, AcademyOptions{true, {}});
  } catch (const InputError& e) {
    CHECK(e.elements() == std::vector<std::string>{"registrations.csv", "6", "registration_id"});
    CHECK(e.message().find("9 bad rows") != std::string::npos);
  }
}

TEST_CASE("academy: cancellation rules in order") {
  auto t = small("",
                 "x,2022-05-01,self\n"           // row 3: invalid id
                 "1,2022-13-01,self\n"           // row 4: bad date
                 "1,2022-05-01,me\n"             // row 5: invalid_by
                 "77,2022-05-01,self\n"          // row 6: unknown registration
                 "3,2022-04-26,organiser\n"      // row 7: registration 3 cancelled twice
                 "1,2022-04-11,self\n"           // row 8: before registration on 2022-04-12
                 "2,2022-05-03,run_cancelled\n"  // row 9: run 1 was never cancelled
                 "5,2022-05-02,self\n");         // row 10: valid (same day)
  auto log = AcademyLog::from_tables(t);
  CHECK(reasons(log) == std::vector<std::string>{"cancellations.csv:3:registration_id:invalid_id",
                                                 "cancellations.csv:4:cancelled_on:invalid_date",
                                                 "cancellations.csv:5:by:invalid_by",
                                                 "cancellations.csv:6:registration_id:unknown_registration_id",
                                                 "cancellations.csv:7:registration_id:duplicate_cancellation",
                                                 "cancellations.csv:8:cancelled_on:cancelled_before_registration",
                                                 "cancellations.csv:9:by:run_not_cancelled_on_that_date"});
  CHECK(log.kpis(parse_date("2022-05-02")).participants_cancelled == 2);
}

TEST_CASE("academy: runs, courses and evaluations rules") {
  AcademyTables t = small();
  t.courses = csv_table("courses.csv", "kind,course_id,title\nx,1,A\nx,2,B\ny,3,C\nx,1,dup\nx,4,\n,5,E\n");
  t.runs = csv_table("runs.csv",
                     "run_id,course_id,start_date,cancelled_on,capacity,days,online\n"
                     "1,1,2022-05-02,,4,1,no\n2,1,2022-06-01,2022-05-20,,,\n3,2,2023-01-10,,,,yes\n"
                     "4,9,2022-05-02,,,,\n"         // row 4: unknown course
                     "1,1,2022-05-02,,,,\n"         // row 5: duplicate run
                     "5,1,2022-5-2,,,,\n"           // row 6: not ISO
                     "6,1,2022-05-02,never,,,\n"    // row 7: bad cancelled_on
                     "7,1,2022-05-02,,0,,\n"        // row 8: capacity 0
                     "8,1,2022-05-02,,,-1,\n"       // row 9: negative days
                     "9,1,2022-05-02,,,,maybe\n");  // row 10: not a flag
  t.evaluations =
      csv_table("evaluations.csv",
                "registration_id,trainer,content,location\n1,8,7,6\n1,8,7,6\n2,11,7,6\n2,8,7.5,6\n99,8,8,8\n2,8,,6\n");
  auto log = AcademyLog::from_tables(t);
  CHECK(reasons(log) ==
        std::vector<std::string>{
            "courses.csv:4:course_id:duplicate_id", "courses.csv:5:title:blank_field", "courses.csv:6:kind:blank_field",
            "runs.csv:4:course_id:unknown_course_id", "runs.csv:5:run_id:duplicate_id",
            "runs.csv:6:start_date:invalid_date", "runs.csv:7:cancelled_on:invalid_date",
            "runs.csv:8:capacity:invalid_capacity", "runs.csv:9:days:invalid_days", "runs.csv:10:online:invalid_flag",
            "evaluations.csv:2:registration_id:duplicate_evaluation", "evaluations.csv:3:trainer:invalid_score",
            "evaluations.csv:4:content:invalid_score", "evaluations.csv:5:registration_id:unknown_registration_id",
            "evaluations.csv:6:content:invalid_score"});
  auto ev = log.evaluation_summary(parse_date("2022-05-02"), Ratio{13, 2});
  REQUIRE(ev.by_run.size() == 1);
  CHECK(ev.overall.n == 3);
  CHECK(ev.overall.mean->num == 7);
  CHECK(ev.trainer.mean->num == 8);
  CHECK(ev.by_run[0].low);  // location 6 < 6.5
  CHECK(ev.overall.sd == Approx(std::sqrt(2.0 / 3.0)));
  CHECK(ev.unevaluated_runs.empty());  // run 1 is evaluated
}

TEST_CASE("academy: the evaluations of the Academie flag the unevaluated two-day run and the low venue") {
  auto log = AcademyLog::load(example / "academy");
  auto ev = log.evaluation_summary(parse_date("2022-06-23"));
  CHECK(ev.unevaluated_runs == std::vector<std::int64_t>{6});  // Persoonlijk leiderschap, 16 June, 2 days
  bool low_venue = false;
  for (const auto& g : ev.by_run)
    if (g.key == "3") low_venue = g.low && g.location.mean && g.location.mean->to_double() < 6.0;
  CHECK(low_venue);
  CHECK(ev.by_trainer.size() >= 3);
}

TEST_CASE("academy: file errors — missing folder, file, column; columns in another order") {
  CHECK(code_of([] { AcademyLog::load(example / "no-such-log"); }) == Errc::file_unreadable);
  auto dir = fs::temp_directory_path() / "koers_test_academy";
  fs::remove_all(dir);
  fs::create_directories(dir);
  for (auto f : {"courses.csv", "runs.csv", "registrations.csv", "cancellations.csv"})
    fs::copy_file(example / "academy" / f, dir / f);
  CHECK(AcademyLog::load(dir).kpis(parse_date("2022-06-23")).registrations_total == 61);
  {  // columns reordered
    std::ofstream(dir / "cancellations.csv") << "by,registration_id,cancelled_on\n";
  }
  CHECK(AcademyLog::load(dir).kpis(parse_date("2022-06-23")).participants_cancelled == 0);
  { std::ofstream(dir / "cancellations.csv") << "registration_id,cancelled_on\n"; }
  try {
    AcademyLog::load(dir);
    FAIL("no error");
  } catch (const InputError& e) {
    CHECK(e.code() == Errc::missing_column);
    CHECK(e.message().find("cancellations.csv") != std::string::npos);
    CHECK(e.message().find("'by'") != std::string::npos);
  }
  fs::remove(dir / "cancellations.csv");
  CHECK(code_of([&] { AcademyLog::load(dir); }) == Errc::file_unreadable);
  { std::ofstream(dir / "cancellations.csv") << ""; }
  CHECK(code_of([&] { AcademyLog::load(dir); }) == Errc::empty_file);
  { std::ofstream(dir / "cancellations.csv") << "registration_id,cancelled_on,by\n1,2022-05-01,s\xE9lf\n"; }
  CHECK(code_of([&] { AcademyLog::load(dir); }) == Errc::not_utf8);
  fs::remove_all(dir);
}

TEST_CASE("academy: to_tables and restore give the same log (pickling)") {
  auto log = AcademyLog::from_tables(small(",1,1,2022-05-01\n"));
  REQUIRE(log.errors().size() == 1);
  auto again = AcademyLog::restore(log.to_tables(), log.errors());
  CHECK(again.errors() == log.errors());
  CHECK(again.kpis(parse_date("2022-05-20")) == log.kpis(parse_date("2022-05-20")));
  auto full = AcademyLog::load(example / "academy");
  auto copy = AcademyLog::restore(full.to_tables(), {});
  CHECK(copy.kpis(parse_date("2022-06-23"), 2022) == full.kpis(parse_date("2022-06-23"), 2022));
  CHECK(copy.runs()[5].days->num == 2);
  CHECK(copy.evaluations().size() == full.evaluations().size());
  auto lc = AcademyLog::load(example / "leercafe-2022");
  CHECK(AcademyLog::restore(lc.to_tables(), {}).runs()[0].days->den == 4);  // "0.25" written back exactly
}
