// Bindings for the academy event log (thin): koers::learning::AcademyLog and its result types,
// and the CSV table it is built from. Dates cross as ISO text ("2022-06-23", read with
// koers::parse_date: E500 on bad text); ratios as koers.Ratio. The facade is
// python/koers/academy.py.
#include "bindings.hpp"

#include <koers/learning/academy.hpp>

namespace koers::python {
namespace {
using namespace koers::learning;

std::optional<std::string> iso(const std::optional<Date>& d) {
  return d ? std::optional<std::string>(to_iso(*d)) : std::nullopt;
}
std::vector<Date> dates(const std::vector<std::string>& text) {
  std::vector<Date> out;
  out.reserve(text.size());
  for (const auto& t : text) out.push_back(parse_date(t));
  return out;
}
}  // namespace

void register_academy(py::module_& m) {
  auto release = py::call_guard<py::gil_scoped_release>();

  py::class_<io::CsvTable>(m, "CsvTable", "A parsed CSV file: header and rows of text fields.")
      .def_readonly("origin", &io::CsvTable::origin)
      .def_readonly("header", &io::CsvTable::header)
      .def_property_readonly("rows", [](const io::CsvTable& t) { return t.rows.size(); })
      .def("column", &io::CsvTable::column, "name"_a)
      .def(
          "fields", [](const io::CsvTable& t, std::size_t i) { return t.rows.at(i).fields; }, "index"_a)
      .def(
          "row_number", [](const io::CsvTable& t, std::size_t i) { return t.rows.at(i).row; }, "index"_a)
      .def(
          "line", [](const io::CsvTable& t, std::size_t i) { return t.rows.at(i).line; }, "index"_a);
  m.def(
      "read_csv", [](const std::string& path) { return io::read_csv(path); }, "path"_a, release,
      "Read a CSV file with koers's reader (BOM, CRLF, quoting, UTF-8 checked).");
  m.def(
      "parse_csv", [](const std::string& text, const std::string& origin) { return io::parse_csv(text, origin); },
      "text"_a, "origin"_a, release);
  m.def("csv_table_from_columns", &io::table_from_columns, "origin"_a, "header"_a, "columns"_a, release,
        "A CSV table from columns of text (a DataFrame's).");

  py::class_<AcademyTables>(m, "AcademyTables", "The tables of an academy event log.")
      .def(py::init<>())
      .def_readwrite("courses", &AcademyTables::courses)
      .def_readwrite("runs", &AcademyTables::runs)
      .def_readwrite("registrations", &AcademyTables::registrations)
      .def_readwrite("cancellations", &AcademyTables::cancellations)
      .def_readwrite("evaluations", &AcademyTables::evaluations);

  py::class_<RowError>(m, "RowError", "A row left out: file, 1-based data row, field, reason, message.")
      .def(py::init([](std::string file, std::size_t row, std::string field, std::string reason, std::string message) {
             return RowError{std::move(file), row, std::move(field), std::move(reason), std::move(message)};
           }),
           "file"_a, "row"_a, "field"_a, "reason"_a, "message"_a)
      .def_readonly("file", &RowError::file)
      .def_readonly("row", &RowError::row)
      .def_readonly("field", &RowError::field)
      .def_readonly("reason", &RowError::reason)
      .def_readonly("message", &RowError::message);

  py::class_<AcademyKpis>(m, "AcademyKpis", "The academy's figures as of a date.")
      .def_property_readonly("as_of", [](const AcademyKpis& k) { return to_iso(k.as_of); })
      .def_readonly("year", &AcademyKpis::year)
      .def_readonly("kinds_of_training", &AcademyKpis::kinds_of_training)
      .def_readonly("registrations_total", &AcademyKpis::registrations_total)
      .def_readonly("runs_started", &AcademyKpis::runs_started)
      .def_readonly("participants_in_started_runs", &AcademyKpis::participants_in_started_runs)
      .def_readonly("avg_participants_per_started_run", &AcademyKpis::avg_participants_per_started_run)
      .def_readonly("runs_planned_in_year", &AcademyKpis::runs_planned_in_year)
      .def_readonly("participants_cancelled", &AcademyKpis::participants_cancelled)
      .def_readonly("participants_cancelled_by_self", &AcademyKpis::participants_cancelled_by_self)
      .def_readonly("runs_cancelled", &AcademyKpis::runs_cancelled)
      .def_readonly("employees_in_started_runs", &AcademyKpis::employees_in_started_runs)
      .def_readonly("online_runs_started", &AcademyKpis::online_runs_started)
      .def("avg_rounded", &AcademyKpis::avg_rounded)
      .def("avg_exact", &AcademyKpis::avg_exact)
      .def("runs_planned_name", &AcademyKpis::runs_planned_name);
  py::class_<GroupKpis>(m, "GroupKpis")
      .def_readonly("key", &GroupKpis::key)
      .def_readonly("title", &GroupKpis::title)
      .def_readonly("kpis", &GroupKpis::kpis);
  py::class_<RunFill>(m, "RunFill")
      .def_readonly("run_id", &RunFill::run_id)
      .def_readonly("course_id", &RunFill::course_id)
      .def_property_readonly("start_date", [](const RunFill& f) { return to_iso(f.start_date); })
      .def_property_readonly("status", [](const RunFill& f) { return to_string(f.status); })
      .def_readonly("participants", &RunFill::participants)
      .def_readonly("capacity", &RunFill::capacity)
      .def_readonly("fill_rate", &RunFill::fill_rate);
  py::class_<CourseCancellation>(m, "CourseCancellation")
      .def_readonly("course_id", &CourseCancellation::course_id)
      .def_readonly("title", &CourseCancellation::title)
      .def_readonly("registrations", &CourseCancellation::registrations)
      .def_readonly("cancelled", &CourseCancellation::cancelled)
      .def_readonly("cancelled_by_self", &CourseCancellation::cancelled_by_self)
      .def_readonly("rate", &CourseCancellation::rate);
  py::class_<ScoreStats>(m, "ScoreStats")
      .def_readonly("n", &ScoreStats::n)
      .def_readonly("mean", &ScoreStats::mean)
      .def_readonly("sd", &ScoreStats::sd)
      .def_readonly("min", &ScoreStats::min)
      .def_readonly("max", &ScoreStats::max);
  py::class_<EvaluationGroup>(m, "EvaluationGroup")
      .def_readonly("key", &EvaluationGroup::key)
      .def_readonly("title", &EvaluationGroup::title)
      .def_readonly("n", &EvaluationGroup::n)
      .def_readonly("trainer", &EvaluationGroup::trainer)
      .def_readonly("content", &EvaluationGroup::content)
      .def_readonly("location", &EvaluationGroup::location)
      .def_readonly("overall", &EvaluationGroup::overall)
      .def_readonly("low", &EvaluationGroup::low);
  py::class_<EvaluationSummary>(m, "EvaluationSummary")
      .def_readonly("trainer", &EvaluationSummary::trainer)
      .def_readonly("content", &EvaluationSummary::content)
      .def_readonly("location", &EvaluationSummary::location)
      .def_readonly("overall", &EvaluationSummary::overall)
      .def_readonly("by_run", &EvaluationSummary::by_run)
      .def_readonly("by_course", &EvaluationSummary::by_course)
      .def_readonly("by_trainer", &EvaluationSummary::by_trainer)
      .def_readonly("unevaluated_runs", &EvaluationSummary::unevaluated_runs)
      .def_readonly("low_threshold", &EvaluationSummary::low_threshold);

  py::class_<Course>(m, "Course")
      .def_readonly("id", &Course::id)
      .def_readonly("title", &Course::title)
      .def_readonly("kind", &Course::kind);
  py::class_<Run>(m, "Run")
      .def_readonly("id", &Run::id)
      .def_readonly("course_id", &Run::course_id)
      .def_property_readonly("start_date", [](const Run& r) { return to_iso(r.start_date); })
      .def_property_readonly("cancelled_on", [](const Run& r) { return iso(r.cancelled_on); })
      .def_readonly("capacity", &Run::capacity)
      .def_readonly("days", &Run::days)
      .def_readonly("trainer", &Run::trainer)
      .def_readonly("online", &Run::online);
  py::class_<Registration>(m, "Registration")
      .def_readonly("id", &Registration::id)
      .def_readonly("run_id", &Registration::run_id)
      .def_readonly("employee_id", &Registration::employee_id)
      .def_property_readonly("registered_on", [](const Registration& g) { return to_iso(g.registered_on); })
      .def_property_readonly("cancelled_on", [](const Registration& g) { return iso(g.cancelled_on); })
      .def_property_readonly("cancelled_by", [](const Registration& g) {
        return g.cancelled_by ? std::optional<std::string>(to_string(*g.cancelled_by)) : std::nullopt;
      });
  py::class_<Evaluation>(m, "Evaluation")
      .def_readonly("registration_id", &Evaluation::registration_id)
      .def_readonly("trainer", &Evaluation::trainer)
      .def_readonly("content", &Evaluation::content)
      .def_readonly("location", &Evaluation::location);

  py::class_<AcademyLog>(m, "AcademyLog",
                         "An academy event log: courses, runs, registrations, cancellations, evaluations.")
      .def_static(
          "load",
          [](const std::string& dir, bool strict) {
            return AcademyLog::load(dir, {strict, {}});
          },
          "dir"_a, "strict"_a = false, release)
      .def_static(
          "from_tables",
          [](const AcademyTables& t, bool strict) {
            return AcademyLog::from_tables(t, {strict, {}});
          },
          "tables"_a, "strict"_a = false, release)
      .def("to_tables", &AcademyLog::to_tables, release)
      .def_static("restore", &AcademyLog::restore, "accepted"_a, "errors"_a, release)
      .def_property_readonly("courses", &AcademyLog::courses)
      .def_property_readonly("runs", &AcademyLog::runs)
      .def_property_readonly("registrations", &AcademyLog::registrations)
      .def_property_readonly("evaluations", &AcademyLog::evaluations)
      .def_property_readonly("errors", &AcademyLog::errors)
      .def("refuse_if_invalid", &AcademyLog::refuse_if_invalid)
      .def_property_readonly("first_event", [](const AcademyLog& l) { return iso(l.first_event()); })
      .def_property_readonly("last_event", [](const AcademyLog& l) { return iso(l.last_event()); })
      .def(
          "kpis", [](const AcademyLog& l, const std::string& d, int year) { return l.kpis(parse_date(d), year); },
          "as_of"_a, "year"_a = 0, release)
      .def(
          "timeseries",
          [](const AcademyLog& l, const std::vector<std::string>& d, int year) { return l.timeseries(dates(d), year); },
          "dates"_a, "year"_a, release)
      .def(
          "kpis_by_course",
          [](const AcademyLog& l, const std::string& d, int y) { return l.kpis_by_course(parse_date(d), y); },
          "as_of"_a, "year"_a = 0, release)
      .def(
          "kpis_by_kind",
          [](const AcademyLog& l, const std::string& d, int y) { return l.kpis_by_kind(parse_date(d), y); }, "as_of"_a,
          "year"_a = 0, release)
      .def(
          "fill_rates", [](const AcademyLog& l, const std::string& d) { return l.fill_rates(parse_date(d)); },
          "as_of"_a, release)
      .def(
          "cancellation_rates",
          [](const AcademyLog& l, const std::string& d) { return l.cancellation_rates(parse_date(d)); }, "as_of"_a,
          release)
      .def(
          "evaluation_summary",
          [](const AcademyLog& l, const std::string& d, Ratio low) { return l.evaluation_summary(parse_date(d), low); },
          "as_of"_a, "low_threshold"_a = Ratio{6, 1}, release);
  m.def(
      "week_ends",
      [](const std::string& a, const std::string& b) {
        std::vector<std::string> out;
        for (Date d : learning::week_ends(parse_date(a), parse_date(b))) out.push_back(to_iso(d));
        return out;
      },
      "start"_a, "end"_a, "The Sundays (pandas 'W') from the one on or after start to the one on or after end.");
}
}  // namespace koers::python
