#pragma once
/// \file
/// The academy event log (issue 8 §3): courses, runs, registrations, cancellations and optional
/// evaluations, validated row by row, and the academy's figures computed from it as of any date.
///
/// Input: a folder of UTF-8 CSV files with a header row (read by `koers::io::read_csv`; columns
/// by name, any order), or the same tables built from DataFrames (`io::table_from_columns`):
///  - `courses.csv`: course_id, title, kind;
///  - `runs.csv`: run_id, course_id, start_date, cancelled_on (blank: not cancelled); `planned`
///    and `status` are accepted and ignored (a snapshot at extraction time); optional
///    `capacity` (places, for the fill rate), `days` (duration, a decimal such as "0.5"),
///    `trainer` (name, for the evaluations per trainer), `online` (yes/no, true/false, 1/0);
///  - `registrations.csv`: registration_id, run_id, employee_id, registered_on;
///  - `cancellations.csv`: registration_id, cancelled_on, by (self | organiser | run_cancelled);
///  - `evaluations.csv` (optional): registration_id, trainer, content, location — the three
///    scores of the Deventer evaluation form (trainer, content, location), whole numbers 1..10.
///
/// Definitions, as of the end of day D (comparisons inclusive). A run's status at D comes from
/// its dates only: cancelled if cancelled_on <= D, else started if start_date <= D, else planned.
/// A registration exists if registered_on <= D; it is cancelled if its cancellation is dated
/// <= D, else live. The nine KPIs are those of `AcademyKpis`.
///
/// Row validation: for each bad row the file, the 1-based data row, the field and a stable
/// reason — the first rule that fails, in this order (ids: non-blank `blank_id`, an integer
/// `invalid_id`, above 0 `non_positive_id`, field by field in column order as listed):
///  - courses: course_id; title and kind non-blank (`blank_field`); course_id new (`duplicate_id`);
///  - runs: run_id, course_id; start_date a real date, cancelled_on blank or a real date
///    (`invalid_date`); capacity blank or a whole number > 0 (`invalid_capacity`); days blank or
///    a decimal > 0 (`invalid_days`); online blank or yes/no/true/false/1/0 (`invalid_flag`);
///    run_id new (`duplicate_id`); course_id known (`unknown_course_id`);
///  - registrations: registration_id, run_id, employee_id; registered_on (`invalid_date`);
///    registration_id new (`duplicate_id`); run_id known (`unknown_run_id`); registered_on not
///    after the run's cancelled_on (`registration_after_run_cancelled`);
///  - cancellations: registration_id; cancelled_on (`invalid_date`); by (`invalid_by`); the
///    registration known (`unknown_registration_id`) and cancelled once
///    (`duplicate_cancellation`); cancelled_on not before registered_on
///    (`cancelled_before_registration`); by = run_cancelled only on the run's own cancelled_on
///    (field `by`, `run_not_cancelled_on_that_date`);
///  - evaluations: registration_id; trainer, content, location whole numbers 1..10
///    (`invalid_score`); the registration known (`unknown_registration_id`) and evaluated once
///    (`duplicate_evaluation`).
/// "New" and "known" refer to the rows accepted before: a bad row is left out (and listed), so a
/// later row with its id is not a duplicate, and rows that refer to it are unknown references.
/// The files load in the order courses, runs, registrations, cancellations, evaluations.
/// With `strict`, a log with any bad row is refused whole (E705 log_refused).
///
/// Errors (thrown): the CSV reader's (E100 missing file, E117, E118, E700–E703 — a missing
/// column names the file and column); E706 as_of_before_launch for an as-of date before the
/// log's first event (the earliest date in it); E705 in strict mode.
#include <koers/core/calendar.hpp>
#include <koers/core/error.hpp>
#include <koers/core/money.hpp>
#include <koers/io/csv.hpp>
#include <koers/learning/row_error.hpp>

#include <concepts>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace koers::learning {

enum class RunStatus { planned, started, cancelled };
enum class CancelledBy { self, organiser, run_cancelled };
std::string to_string(RunStatus s);
std::string to_string(CancelledBy b);

struct Course {
  std::int64_t id = 0;
  std::string title;
  std::string kind;
};

struct Run {
  std::int64_t id = 0;
  std::int64_t course_id = 0;
  Date start_date;
  std::optional<Date> cancelled_on;
  std::optional<std::int64_t> capacity;  ///< places (fill rate); absent: unknown
  std::optional<Ratio> days;             ///< duration in days (evaluation duty from 1 day)
  std::string trainer;                   ///< "" when not given
  bool online = false;
  std::size_t course = 0;  ///< index into `AcademyLog::courses()`
  RunStatus status_at(Date d) const {
    if (cancelled_on && *cancelled_on <= d) return RunStatus::cancelled;
    return start_date <= d ? RunStatus::started : RunStatus::planned;
  }
};

struct Registration {
  std::int64_t id = 0;
  std::int64_t run_id = 0;
  std::int64_t employee_id = 0;
  Date registered_on;
  std::size_t run = 0;               ///< index into `runs()`
  std::optional<Date> cancelled_on;  ///< from its cancellation, if any
  std::optional<CancelledBy> cancelled_by;
};

struct Evaluation {
  std::int64_t registration_id = 0;
  int trainer = 0, content = 0, location = 0;  ///< scores 1..10
  std::size_t registration = 0;                ///< index into `registrations()`
};

/// The nine figures of the Academie report, as of `as_of`, plus two the other seed events need.
struct AcademyKpis {
  Date as_of;
  int year = 0;                                           ///< of runs_planned_in_<year>
  std::int64_t kinds_of_training = 0;                     ///< distinct courses with at least one run
  std::int64_t registrations_total = 0;                   ///< existing registrations, cancelled included
  std::int64_t runs_started = 0;                          ///< runs whose status is started
  std::int64_t participants_in_started_runs = 0;          ///< live registrations on started runs
  std::optional<Ratio> avg_participants_per_started_run;  ///< reduced; absent when no run started
  std::int64_t runs_planned_in_year = 0;                  ///< starting in `year`, status started or planned
  std::int64_t participants_cancelled = 0;                ///< cancellations dated <= as_of
  std::int64_t participants_cancelled_by_self = 0;
  std::int64_t runs_cancelled = 0;  ///< cancelled_on <= as_of
  // beyond the nine (not in the time series)
  std::int64_t employees_in_started_runs = 0;  ///< distinct employees among those participants
  std::int64_t online_runs_started = 0;        ///< started runs marked online
  /// "4.17": the average rounded half-up to 2 decimals; "" when absent.
  std::string avg_rounded() const;
  /// "25/6" (a whole number without "/1"); "" when absent.
  std::string avg_exact() const;
  /// "runs_planned_in_2022".
  std::string runs_planned_name() const;
  friend bool operator==(const AcademyKpis&, const AcademyKpis&);
};

/// KPIs of one course or one kind.
struct GroupKpis {
  std::string key;    ///< course id (as text) or kind
  std::string title;  ///< the course title, or the kind
  AcademyKpis kpis;
};

/// A run's fill at a date: live registrations against its places.
struct RunFill {
  std::int64_t run_id = 0;
  std::int64_t course_id = 0;
  Date start_date;
  RunStatus status = RunStatus::planned;
  std::int64_t participants = 0;  ///< live registrations (whatever the status)
  std::optional<std::int64_t> capacity;
  std::optional<Ratio> fill_rate;  ///< participants / capacity, reduced
};

/// A course's cancellations at a date.
struct CourseCancellation {
  std::int64_t course_id = 0;
  std::string title;
  std::int64_t registrations = 0;  ///< existing (cancelled included)
  std::int64_t cancelled = 0;
  std::int64_t cancelled_by_self = 0;
  std::optional<Ratio> rate;  ///< cancelled / registrations, reduced; absent for none
};

/// Mean (exact), spread and range of a set of scores.
struct ScoreStats {
  std::int64_t n = 0;
  std::optional<Ratio> mean;  ///< reduced; absent for n = 0
  double sd = 0;              ///< population standard deviation
  int min = 0, max = 0;
};

/// The evaluations of one run, course or trainer.
struct EvaluationGroup {
  std::string key;                                 ///< run id, course id (as text) or trainer name
  std::string title;                               ///< course title (runs and courses), trainer name
  std::int64_t n = 0;                              ///< evaluation forms
  ScoreStats trainer, content, location, overall;  ///< overall: the three scores pooled
  bool low = false;                                ///< a mean below the threshold (overall or one of the three)
};

struct EvaluationSummary {
  ScoreStats trainer, content, location, overall;  ///< every form
  std::vector<EvaluationGroup> by_run, by_course, by_trainer;
  /// Started runs (as of the date) of a day or more without a single evaluation.
  std::vector<std::int64_t> unevaluated_runs;
  Ratio low_threshold{6, 1};
};

struct AcademyOptions {
  bool strict = false;  ///< refuse a log with any bad row (E705)
  io::CsvOptions csv;
};

/// The tables of a log (parsed CSV or built from DataFrames); `evaluations` may be absent.
struct AcademyTables {
  io::CsvTable courses, runs, registrations, cancellations;
  std::optional<io::CsvTable> evaluations;
};

class AcademyLog {
 public:
  AcademyLog() = default;
  /// Load `dir`/{courses,runs,registrations,cancellations}.csv and, when present, evaluations.csv.
  static AcademyLog load(const std::string& dir, const AcademyOptions& options = {});
  /// The same for a path object (`std::filesystem::path`, or anything with `.string()`), without
  /// `<filesystem>` in this header.
  template <class Path>
  requires requires(const Path& p) {
    { p.string() } -> std::convertible_to<std::string>;
  }
  static AcademyLog load(const Path& dir, const AcademyOptions& options = {}) {
    return load(std::string(dir.string()), options);
  }
  /// The same from tables (their `origin` names the file in the errors: "registrations.csv").
  static AcademyLog from_tables(const AcademyTables& tables, const AcademyOptions& options = {});

  /// The accepted rows as tables (file names as origins; runs with every optional column), and
  /// `restore` to rebuild a log from them with the errors of its first load — for pickling.
  AcademyTables to_tables() const;
  static AcademyLog restore(const AcademyTables& accepted, std::vector<RowError> errors);

  const std::vector<Course>& courses() const { return courses_; }
  const std::vector<Run>& runs() const { return runs_; }
  const std::vector<Registration>& registrations() const { return registrations_; }
  const std::vector<Evaluation>& evaluations() const { return evaluations_; }
  /// The rows left out, in file order (courses, runs, registrations, cancellations, evaluations).
  const std::vector<RowError>& errors() const { return errors_; }
  /// Throws E705 (log_refused) naming the first bad row when `errors()` is not empty.
  void refuse_if_invalid() const;
  /// The earliest date in the log (registrations, cancellations, run starts and cancellations);
  /// absent for a log without runs or registrations.
  std::optional<Date> first_event() const { return first_event_; }
  /// The latest recorded event: a registration or a cancellation (of a registration or a run).
  /// Run starts are plans and may lie beyond it (the extraction).
  std::optional<Date> last_event() const { return last_event_; }

  /// The KPIs as of `as_of` (end of day); `year` of runs_planned_in_<year> (0: as_of's year).
  /// E706 when as_of is before `first_event()`.
  AcademyKpis kpis(Date as_of, int year = 0) const;
  /// The nine KPIs at each date (any order; the result in the same order), computed in one pass
  /// over the events into the sorted dates and one cumulative sweep — not one recount per date.
  /// employees_in_started_runs and online_runs_started are left 0. E706 as for `kpis`.
  std::vector<AcademyKpis> timeseries(const std::vector<Date>& dates, int year) const;
  /// The KPIs per course (every course, in file order) and per kind (sorted by kind).
  std::vector<GroupKpis> kpis_by_course(Date as_of, int year = 0) const;
  std::vector<GroupKpis> kpis_by_kind(Date as_of, int year = 0) const;
  /// Every run's fill at `as_of`, in file order.
  std::vector<RunFill> fill_rates(Date as_of) const;
  /// Every course's cancellation rate at `as_of`, in file order.
  std::vector<CourseCancellation> cancellation_rates(Date as_of) const;
  /// Evaluations per run, course and trainer; low means below `low_threshold`; runs of a day or
  /// more that have started by `as_of` without evaluations are listed.
  EvaluationSummary evaluation_summary(Date as_of, Ratio low_threshold = Ratio{6, 1}) const;

 private:
  void check_as_of(Date as_of) const;
  std::vector<AcademyKpis> grouped(Date as_of, int year, const std::vector<std::size_t>& group_of_course,
                                   std::size_t groups) const;
  std::vector<Course> courses_;
  std::vector<Run> runs_;
  std::vector<Registration> registrations_;
  std::vector<Evaluation> evaluations_;
  std::vector<RowError> errors_;
  std::optional<Date> first_event_, last_event_;
};

/// The Sundays (week ends, pandas "W") from the one on or after `from` to the one on or after `to`.
std::vector<Date> week_ends(Date from, Date to);

}  // namespace koers::learning
