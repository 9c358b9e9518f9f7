// The academy event log (include/koers/learning/academy.hpp): loading with row validation, the
// KPIs as of a date (per log, course, kind), the weekly sweep, fill and cancellation rates and
// the evaluations.
#include <koers/learning/academy.hpp>

#include "learning_rows.hpp"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <filesystem>
#include <map>
#include <numeric>
#include <unordered_map>
#include <unordered_set>

namespace koers::learning {
namespace {

using boost::gregorian::date_duration;

// ---- exact ratios -----------------------------------------------------------------------
Ratio reduced(std::int64_t n, std::int64_t d) {
  std::int64_t g = std::gcd(n, d);
  if (g == 0) g = 1;
  return Ratio{n / g, d / g};
}
std::string fraction_text(Ratio r) {
  return r.den == 1 ? std::to_string(r.num) : std::to_string(r.num) + "/" + std::to_string(r.den);
}
/// Non-negative r rounded half-up to `places` decimals.
std::string decimal_text(Ratio r, int places) {
  koers::detail::i128 scale = 1;
  for (int i = 0; i < places; ++i) scale *= 10;
  koers::detail::i128 q =
      koers::detail::divide(static_cast<koers::detail::i128>(r.num) * scale, r.den, Rounding::half_up);
  std::string whole = std::to_string(static_cast<std::int64_t>(q / scale));
  std::string frac = std::to_string(static_cast<std::int64_t>(q % scale));
  if (places == 0) return whole;
  return whole + "." + std::string(static_cast<std::size_t>(places) - frac.size(), '0') + frac;
}

// ---- row validation: RowReader, each_row, optional_column (src/learning_rows.hpp) ---------
using namespace koers::learning::rows;

}  // namespace

std::string to_string(RunStatus s) {
  switch (s) {
    case RunStatus::planned: return "planned";
    case RunStatus::started: return "started";
    case RunStatus::cancelled: return "cancelled";
  }
  return "?";
}
std::string to_string(CancelledBy b) {
  switch (b) {
    case CancelledBy::self: return "self";
    case CancelledBy::organiser: return "organiser";
    case CancelledBy::run_cancelled: return "run_cancelled";
  }
  return "?";
}

std::string AcademyKpis::avg_rounded() const {
  return avg_participants_per_started_run ? decimal_text(*avg_participants_per_started_run, 2) : std::string{};
}
std::string AcademyKpis::avg_exact() const {
  return avg_participants_per_started_run ? fraction_text(*avg_participants_per_started_run) : std::string{};
}
bool operator==(const AcademyKpis& a, const AcademyKpis& b) {
  auto same_avg = a.avg_participants_per_started_run.has_value() == b.avg_participants_per_started_run.has_value() &&
                  (!a.avg_participants_per_started_run ||
                   *a.avg_participants_per_started_run == *b.avg_participants_per_started_run);
  return a.as_of == b.as_of && a.year == b.year && a.kinds_of_training == b.kinds_of_training &&
         a.registrations_total == b.registrations_total && a.runs_started == b.runs_started &&
         a.participants_in_started_runs == b.participants_in_started_runs && same_avg &&
         a.runs_planned_in_year == b.runs_planned_in_year && a.participants_cancelled == b.participants_cancelled &&
         a.participants_cancelled_by_self == b.participants_cancelled_by_self && a.runs_cancelled == b.runs_cancelled &&
         a.employees_in_started_runs == b.employees_in_started_runs && a.online_runs_started == b.online_runs_started;
}

// ---- loading ------------------------------------------------------------------------------

AcademyLog AcademyLog::load(const std::string& dir_name, const AcademyOptions& options) {
  const std::filesystem::path dir(dir_name);
  std::error_code ec;
  if (!std::filesystem::is_directory(dir, ec))
    throw InputError(Errc::file_unreadable, dir.string() + " is not a folder with an academy event log",
                     {dir.string()});
  AcademyTables t;
  t.courses = io::read_csv(dir / "courses.csv", options.csv);
  t.runs = io::read_csv(dir / "runs.csv", options.csv);
  t.registrations = io::read_csv(dir / "registrations.csv", options.csv);
  t.cancellations = io::read_csv(dir / "cancellations.csv", options.csv);
  if (std::filesystem::exists(dir / "evaluations.csv", ec))
    t.evaluations = io::read_csv(dir / "evaluations.csv", options.csv);
  return from_tables(t, options);
}

AcademyLog AcademyLog::from_tables(const AcademyTables& t, const AcademyOptions& options) {
  AcademyLog log;
  // every required column first, so a missing one is reported before any row
  auto cc = t.courses.require({"course_id", "title", "kind"});
  auto rc = t.runs.require({"run_id", "course_id", "start_date", "cancelled_on"});
  std::size_t r_capacity = optional_column(t.runs, "capacity"), r_days = optional_column(t.runs, "days"),
              r_trainer = optional_column(t.runs, "trainer"), r_online = optional_column(t.runs, "online");
  auto gc = t.registrations.require({"registration_id", "run_id", "employee_id", "registered_on"});
  auto xc = t.cancellations.require({"registration_id", "cancelled_on", "by"});
  std::vector<std::size_t> ec;
  if (t.evaluations) ec = t.evaluations->require({"registration_id", "trainer", "content", "location"});

  std::unordered_map<std::int64_t, std::size_t> course_at, run_at, reg_at;
  each_row(t.courses, log.errors_, [&](RowReader& rd) {
    Course c;
    c.id = rd.id(cc[0]);
    c.title = rd.non_blank(cc[1]);
    c.kind = rd.non_blank(cc[2]);
    if (course_at.count(c.id)) rd.fail(cc[0], "duplicate_id", "course " + std::to_string(c.id) + " is given before");
    course_at.emplace(c.id, log.courses_.size());
    log.courses_.push_back(std::move(c));
  });
  each_row(t.runs, log.errors_, [&](RowReader& rd) {
    Run r;
    r.id = rd.id(rc[0]);
    r.course_id = rd.id(rc[1]);
    r.start_date = rd.date(rc[2]);
    r.cancelled_on = rd.optional_date(rc[3]);
    if (r_capacity != none && !rd.text(r_capacity).empty()) {
      const std::string& s = rd.text(r_capacity);
      std::int64_t v = 0;
      auto [p, e] = std::from_chars(s.data(), s.data() + s.size(), v);
      if (e != std::errc() || p != s.data() + s.size() || v <= 0)
        rd.fail(r_capacity, "invalid_capacity", "'" + s + "' is not a whole number of places above 0");
      r.capacity = v;
    }
    if (r_days != none && !rd.text(r_days).empty()) {
      const std::string& s = rd.text(r_days);
      // digits with at most one '.', a bare point allowed ("0.5", "2", ".5"): no sign, comma or space
      const DecimalRead d = read_decimal(s, DecimalSyntax{.sign = false, .comma = false, .spaces = false});
      const bool ok = static_cast<bool>(d);
      const Ratio v = ok ? to_ratio(d.value) : Ratio{};
      if (!ok || v.num <= 0)
        rd.fail(r_days, "invalid_days", "'" + s + "' is not a number of days above 0 such as 0.5 or 2");
      r.days = reduced(v.num, v.den);
    }
    if (r_trainer != none) r.trainer = rd.text(r_trainer);
    if (r_online != none) {
      std::string s = rd.text(r_online);
      for (auto& ch : s) ch = static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
      if (s == "yes" || s == "true" || s == "1" || s == "ja")
        r.online = true;
      else if (s.empty() || s == "no" || s == "false" || s == "0" || s == "nee")
        r.online = false;
      else
        rd.fail(r_online, "invalid_flag", "'" + rd.text(r_online) + "' is not yes or no");
    }
    if (run_at.count(r.id)) rd.fail(rc[0], "duplicate_id", "run " + std::to_string(r.id) + " is given before");
    auto c = course_at.find(r.course_id);
    if (c == course_at.end())
      rd.fail(rc[1], "unknown_course_id", "course " + std::to_string(r.course_id) + " is not in courses.csv");
    r.course = c->second;
    run_at.emplace(r.id, log.runs_.size());
    log.runs_.push_back(std::move(r));
  });
  each_row(t.registrations, log.errors_, [&](RowReader& rd) {
    Registration g;
    g.id = rd.id(gc[0]);
    g.run_id = rd.id(gc[1]);
    g.employee_id = rd.id(gc[2]);
    g.registered_on = rd.date(gc[3]);
    if (reg_at.count(g.id)) rd.fail(gc[0], "duplicate_id", "registration " + std::to_string(g.id) + " is given before");
    auto r = run_at.find(g.run_id);
    if (r == run_at.end()) rd.fail(gc[1], "unknown_run_id", "run " + std::to_string(g.run_id) + " is not in runs.csv");
    const Run& run = log.runs_[r->second];
    if (run.cancelled_on && *run.cancelled_on < g.registered_on)
      rd.fail(gc[3], "registration_after_run_cancelled",
              "registered on " + to_iso(g.registered_on) + ", after run " + std::to_string(run.id) +
                  " was cancelled on " + to_iso(*run.cancelled_on));
    g.run = r->second;
    reg_at.emplace(g.id, log.registrations_.size());
    log.registrations_.push_back(g);
  });
  std::vector<bool> cancelled(log.registrations_.size(), false);
  each_row(t.cancellations, log.errors_, [&](RowReader& rd) {
    std::int64_t id = rd.id(xc[0]);
    Date on = rd.date(xc[1]);
    const std::string& by = rd.text(xc[2]);
    CancelledBy b;
    if (by == "self")
      b = CancelledBy::self;
    else if (by == "organiser")
      b = CancelledBy::organiser;
    else if (by == "run_cancelled")
      b = CancelledBy::run_cancelled;
    else
      rd.fail(xc[2], "invalid_by", "'" + by + "' is not self, organiser or run_cancelled");
    auto g = reg_at.find(id);
    if (g == reg_at.end())
      rd.fail(xc[0], "unknown_registration_id", "registration " + std::to_string(id) + " is not in registrations.csv");
    Registration& reg = log.registrations_[g->second];
    if (cancelled[g->second])
      rd.fail(xc[0], "duplicate_cancellation", "registration " + std::to_string(id) + " is cancelled before");
    if (on < reg.registered_on)
      rd.fail(xc[1], "cancelled_before_registration",
              "cancelled on " + to_iso(on) + ", before the registration of " + to_iso(reg.registered_on));
    const Run& run = log.runs_[reg.run];
    if (b == CancelledBy::run_cancelled && !(run.cancelled_on && *run.cancelled_on == on))
      rd.fail(xc[2], "run_not_cancelled_on_that_date",
              "run " + std::to_string(run.id) +
                  (run.cancelled_on ? " was cancelled on " + to_iso(*run.cancelled_on) : " was not cancelled") +
                  ", not on " + to_iso(on));
    cancelled[g->second] = true;
    reg.cancelled_on = on;
    reg.cancelled_by = b;
  });
  if (t.evaluations) {
    std::vector<bool> evaluated(log.registrations_.size(), false);
    each_row(*t.evaluations, log.errors_, [&](RowReader& rd) {
      Evaluation e;
      e.registration_id = rd.id(ec[0]);
      auto score = [&](std::size_t col) {
        const std::string& s = rd.text(col);
        int v = 0;
        auto [p, er] = std::from_chars(s.data(), s.data() + s.size(), v);
        if (s.empty() || er != std::errc() || p != s.data() + s.size() || v < 1 || v > 10)
          rd.fail(col, "invalid_score", "'" + s + "' is not a score 1..10");
        return v;
      };
      e.trainer = score(ec[1]);
      e.content = score(ec[2]);
      e.location = score(ec[3]);
      auto g = reg_at.find(e.registration_id);
      if (g == reg_at.end())
        rd.fail(ec[0], "unknown_registration_id",
                "registration " + std::to_string(e.registration_id) + " is not in registrations.csv");
      if (evaluated[g->second])
        rd.fail(ec[0], "duplicate_evaluation",
                "registration " + std::to_string(e.registration_id) + " is evaluated before");
      evaluated[g->second] = true;
      e.registration = g->second;
      log.evaluations_.push_back(e);
    });
  }
  // the span of the log
  auto see = [&](Date d, bool recorded = true) {
    if (!log.first_event_ || d < *log.first_event_) log.first_event_ = d;
    if (recorded && (!log.last_event_ || *log.last_event_ < d)) log.last_event_ = d;
  };
  for (const auto& r : log.runs_) {
    see(r.start_date, false);  // a start is a plan: it may lie beyond the extraction
    if (r.cancelled_on) see(*r.cancelled_on);
  }
  for (const auto& g : log.registrations_) {
    see(g.registered_on);
    if (g.cancelled_on) see(*g.cancelled_on);
  }
  if (options.strict) log.refuse_if_invalid();
  return log;
}

AcademyTables AcademyLog::to_tables() const {
  auto exact_decimal = [](Ratio r) {  // days were read from decimals: den = 2^a 5^b
    int places = 0;
    koers::detail::i128 scale = 1;
    while ((static_cast<koers::detail::i128>(r.num) * scale) % r.den != 0 && places < 18) {
      scale *= 10;
      ++places;
    }
    return decimal_text(r, places);
  };
  auto opt = [](const std::optional<Date>& d) { return d ? to_iso(*d) : std::string{}; };
  AcademyTables t;
  t.courses.origin = "courses.csv";
  t.courses.header = {"course_id", "title", "kind"};
  for (const auto& c : courses_)
    t.courses.rows.push_back(
        {t.courses.rows.size() + 1, t.courses.rows.size() + 2, {std::to_string(c.id), c.title, c.kind}});
  t.runs.origin = "runs.csv";
  t.runs.header = {"run_id", "course_id", "start_date", "cancelled_on", "capacity", "days", "trainer", "online"};
  for (const auto& r : runs_)
    t.runs.rows.push_back({t.runs.rows.size() + 1,
                           t.runs.rows.size() + 2,
                           {std::to_string(r.id), std::to_string(r.course_id), to_iso(r.start_date),
                            opt(r.cancelled_on), r.capacity ? std::to_string(*r.capacity) : "",
                            r.days ? exact_decimal(*r.days) : "", r.trainer, r.online ? "yes" : "no"}});
  t.registrations.origin = "registrations.csv";
  t.registrations.header = {"registration_id", "run_id", "employee_id", "registered_on"};
  t.cancellations.origin = "cancellations.csv";
  t.cancellations.header = {"registration_id", "cancelled_on", "by"};
  for (const auto& g : registrations_) {
    t.registrations.rows.push_back(
        {t.registrations.rows.size() + 1,
         t.registrations.rows.size() + 2,
         {std::to_string(g.id), std::to_string(g.run_id), std::to_string(g.employee_id), to_iso(g.registered_on)}});
    if (g.cancelled_on)
      t.cancellations.rows.push_back({t.cancellations.rows.size() + 1,
                                      t.cancellations.rows.size() + 2,
                                      {std::to_string(g.id), to_iso(*g.cancelled_on), to_string(*g.cancelled_by)}});
  }
  if (!evaluations_.empty()) {
    io::CsvTable e;
    e.origin = "evaluations.csv";
    e.header = {"registration_id", "trainer", "content", "location"};
    for (const auto& v : evaluations_)
      e.rows.push_back({e.rows.size() + 1,
                        e.rows.size() + 2,
                        {std::to_string(v.registration_id), std::to_string(v.trainer), std::to_string(v.content),
                         std::to_string(v.location)}});
    t.evaluations = std::move(e);
  }
  return t;
}

AcademyLog AcademyLog::restore(const AcademyTables& accepted, std::vector<RowError> errors) {
  AcademyLog log = from_tables(accepted);
  if (!log.errors_.empty())
    throw InputError(Errc::invalid_argument, "restore: the tables hold a bad row: " + log.errors_.front().message,
                     {log.errors_.front().file});
  log.errors_ = std::move(errors);
  return log;
}

void AcademyLog::refuse_if_invalid() const {
  if (errors_.empty()) return;
  const auto& e = errors_.front();
  throw InputError(Errc::log_refused,
                   "the event log is refused (strict): " + std::to_string(errors_.size()) + " bad row" +
                       (errors_.size() == 1 ? "" : "s") + "; first: " + e.message + " [" + e.reason + "]",
                   {e.file, std::to_string(e.row), e.field});
}

namespace {
void check_year(int year) {
  if (year != 0 && (year < 1400 || year > 9999))
    throw InputError(Errc::invalid_argument, "year " + std::to_string(year) + " is outside 1400..9999", {"year"});
}
}  // namespace

void AcademyLog::check_as_of(Date as_of) const {
  if (first_event_ && as_of < *first_event_)
    throw InputError(Errc::as_of_before_launch,
                     "as-of date " + to_iso(as_of) + " is before the log's first event on " + to_iso(*first_event_),
                     {to_iso(as_of)});
}

// ---- KPIs -----------------------------------------------------------------------------------

std::vector<AcademyKpis> AcademyLog::grouped(Date d, int year, const std::vector<std::size_t>& group_of_course,
                                             std::size_t groups) const {
  check_as_of(d);
  check_year(year);
  if (year == 0) year = d.year();
  std::vector<AcademyKpis> out(groups);
  for (auto& k : out) {
    k.as_of = d;
    k.year = year;
  }
  std::vector<bool> course_has_run(courses_.size(), false);
  std::vector<RunStatus> status(runs_.size());
  for (std::size_t i = 0; i < runs_.size(); ++i) {
    const Run& r = runs_[i];
    course_has_run[r.course] = true;
    auto& k = out[group_of_course[r.course]];
    status[i] = r.status_at(d);
    if (status[i] == RunStatus::started) {
      ++k.runs_started;
      if (r.online) ++k.online_runs_started;
    }
    if (status[i] == RunStatus::cancelled)
      ++k.runs_cancelled;
    else if (r.start_date.year() == year)
      ++k.runs_planned_in_year;
  }
  for (std::size_t c = 0; c < courses_.size(); ++c)
    if (course_has_run[c]) ++out[group_of_course[c]].kinds_of_training;
  std::vector<std::unordered_set<std::int64_t>> employees(groups);
  for (const auto& g : registrations_) {
    if (d < g.registered_on) continue;
    auto& k = out[group_of_course[runs_[g.run].course]];
    ++k.registrations_total;
    if (g.cancelled_on && *g.cancelled_on <= d) {
      ++k.participants_cancelled;
      if (g.cancelled_by == CancelledBy::self) ++k.participants_cancelled_by_self;
    } else if (status[g.run] == RunStatus::started) {
      ++k.participants_in_started_runs;
      employees[group_of_course[runs_[g.run].course]].insert(g.employee_id);
    }
  }
  for (std::size_t i = 0; i < groups; ++i) {
    auto& k = out[i];
    k.employees_in_started_runs = static_cast<std::int64_t>(employees[i].size());
    if (k.runs_started > 0)
      k.avg_participants_per_started_run = reduced(k.participants_in_started_runs, k.runs_started);
  }
  return out;
}

AcademyKpis AcademyLog::kpis(Date as_of, int year) const {
  return grouped(as_of, year, std::vector<std::size_t>(courses_.size(), 0), 1).front();
}

std::vector<GroupKpis> AcademyLog::kpis_by_course(Date as_of, int year) const {
  std::vector<std::size_t> g(courses_.size());
  std::iota(g.begin(), g.end(), std::size_t{0});
  auto k = grouped(as_of, year, g, courses_.size());
  std::vector<GroupKpis> out;
  for (std::size_t c = 0; c < courses_.size(); ++c)
    out.push_back(GroupKpis{std::to_string(courses_[c].id), courses_[c].title, k[c]});
  return out;
}

std::vector<GroupKpis> AcademyLog::kpis_by_kind(Date as_of, int year) const {
  std::map<std::string, std::size_t> kinds;
  for (const auto& c : courses_) kinds.emplace(c.kind, 0);
  std::size_t i = 0;
  for (auto& [kind, idx] : kinds) idx = i++;
  std::vector<std::size_t> g(courses_.size());
  for (std::size_t c = 0; c < courses_.size(); ++c) g[c] = kinds[courses_[c].kind];
  auto k = grouped(as_of, year, g, kinds.size());
  std::vector<GroupKpis> out;
  for (const auto& [kind, idx] : kinds) out.push_back(GroupKpis{kind, kind, k[idx]});
  return out;
}

std::vector<AcademyKpis> AcademyLog::timeseries(const std::vector<Date>& dates, int year) const {
  for (Date d : dates) check_as_of(d);
  check_year(year);
  if (dates.empty()) return {};
  // the distinct dates, sorted; each event lands in the first date on or after it
  std::vector<Date> sorted_dates = dates;
  std::sort(sorted_dates.begin(), sorted_dates.end());
  sorted_dates.erase(std::unique(sorted_dates.begin(), sorted_dates.end()), sorted_dates.end());
  std::vector<std::int64_t> sorted;
  sorted.reserve(sorted_dates.size());
  for (Date d : sorted_dates) sorted.push_back(static_cast<std::int64_t>(d.day_number()));
  const std::size_t q = sorted.size();
  enum Kpi { regs, started, participants, planned, cancelled, by_self, runs_cancelled, count };
  std::vector<std::int64_t> delta(static_cast<std::size_t>(count) * (q + 1), 0);
  auto add = [&](Kpi k, std::int64_t day, std::int64_t v) {
    std::size_t at = static_cast<std::size_t>(std::lower_bound(sorted.begin(), sorted.end(), day) - sorted.begin());
    delta[at * count + k] += v;  // at == q: after the last date, never summed
  };
  auto dn = [](Date d) { return static_cast<std::int64_t>(d.day_number()); };
  constexpr std::int64_t never = std::numeric_limits<std::int64_t>::max();
  std::vector<std::int64_t> base(count, 0);
  std::int64_t kinds = 0;
  {
    std::vector<bool> has(courses_.size(), false);
    for (const auto& r : runs_) has[r.course] = true;
    kinds = std::count(has.begin(), has.end(), true);
  }
  std::vector<std::int64_t> run_start(runs_.size()), run_end(runs_.size());
  for (std::size_t i = 0; i < runs_.size(); ++i) {
    const Run& r = runs_[i];
    std::int64_t s = dn(r.start_date), c = r.cancelled_on ? dn(*r.cancelled_on) : never;
    run_start[i] = s;
    run_end[i] = c;  // started on [s, c)
    if (s < c) {
      add(started, s, 1);
      if (c != never) add(started, c, -1);
    }
    if (c != never) add(runs_cancelled, c, 1);
    if (r.start_date.year() == year) {
      ++base[planned];
      if (c != never) add(planned, c, -1);
    }
  }
  for (const auto& g : registrations_) {
    std::int64_t reg = dn(g.registered_on), end = g.cancelled_on ? dn(*g.cancelled_on) : never;
    add(regs, reg, 1);
    if (g.cancelled_on) {
      add(cancelled, end, 1);
      if (g.cancelled_by == CancelledBy::self) add(by_self, end, 1);
    }
    std::int64_t a = std::max(reg, run_start[g.run]), b = std::min(end, run_end[g.run]);
    if (a < b) {
      add(participants, a, 1);
      if (b != never) add(participants, b, -1);
    }
  }
  std::vector<AcademyKpis> at_sorted(q);
  std::vector<std::int64_t> run(base);
  for (std::size_t i = 0; i < q; ++i) {
    for (int k = 0; k < count; ++k) run[static_cast<std::size_t>(k)] += delta[i * count + static_cast<std::size_t>(k)];
    AcademyKpis& o = at_sorted[i];
    o.as_of = sorted_dates[i];
    o.year = year;
    o.kinds_of_training = kinds;
    o.registrations_total = run[regs];
    o.runs_started = run[started];
    o.participants_in_started_runs = run[participants];
    o.runs_planned_in_year = run[planned];
    o.participants_cancelled = run[cancelled];
    o.participants_cancelled_by_self = run[by_self];
    o.runs_cancelled = run[runs_cancelled];
    if (o.runs_started > 0)
      o.avg_participants_per_started_run = reduced(o.participants_in_started_runs, o.runs_started);
  }
  std::vector<AcademyKpis> out;
  out.reserve(dates.size());
  for (Date d : dates)
    out.push_back(at_sorted[static_cast<std::size_t>(std::lower_bound(sorted_dates.begin(), sorted_dates.end(), d) -
                                                     sorted_dates.begin())]);
  return out;
}

std::vector<RunFill> AcademyLog::fill_rates(Date d) const {
  check_as_of(d);
  std::vector<RunFill> out(runs_.size());
  for (std::size_t i = 0; i < runs_.size(); ++i) {
    const Run& r = runs_[i];
    out[i] = RunFill{r.id, r.course_id, r.start_date, r.status_at(d), 0, r.capacity, std::nullopt};
  }
  for (const auto& g : registrations_)
    if (g.registered_on <= d && !(g.cancelled_on && *g.cancelled_on <= d)) ++out[g.run].participants;
  for (auto& f : out)
    if (f.capacity) f.fill_rate = reduced(f.participants, *f.capacity);
  return out;
}

std::vector<CourseCancellation> AcademyLog::cancellation_rates(Date d) const {
  check_as_of(d);
  std::vector<CourseCancellation> out(courses_.size());
  for (std::size_t c = 0; c < courses_.size(); ++c) {
    out[c].course_id = courses_[c].id;
    out[c].title = courses_[c].title;
  }
  for (const auto& g : registrations_) {
    if (d < g.registered_on) continue;
    auto& o = out[runs_[g.run].course];
    ++o.registrations;
    if (g.cancelled_on && *g.cancelled_on <= d) {
      ++o.cancelled;
      if (g.cancelled_by == CancelledBy::self) ++o.cancelled_by_self;
    }
  }
  for (auto& o : out)
    if (o.registrations > 0) o.rate = reduced(o.cancelled, o.registrations);
  return out;
}

// ---- evaluations ------------------------------------------------------------------------------

namespace {
struct Acc {
  std::int64_t n = 0, sum = 0, sum_sq = 0;
  int min = 11, max = 0;
  void add(int v) {
    ++n;
    sum += v;
    sum_sq += static_cast<std::int64_t>(v) * v;
    min = std::min(min, v);
    max = std::max(max, v);
  }
  ScoreStats stats() const {
    ScoreStats s;
    s.n = n;
    if (n == 0) return s;
    s.mean = reduced(sum, n);
    // population variance = (n Σx² − (Σx)²) / n², exact in integers, then one square root
    double var = static_cast<double>(n * sum_sq - sum * sum) / static_cast<double>(n * n);
    s.sd = std::sqrt(std::max(0.0, var));
    s.min = min;
    s.max = max;
    return s;
  }
};
struct GroupAcc {
  std::int64_t n = 0;
  Acc trainer, content, location, overall;
  void add(const Evaluation& e) {
    ++n;
    trainer.add(e.trainer);
    content.add(e.content);
    location.add(e.location);
    overall.add(e.trainer);
    overall.add(e.content);
    overall.add(e.location);
  }
  EvaluationGroup group(std::string key, std::string title, Ratio low) const {
    EvaluationGroup g{std::move(key),   std::move(title), n,    trainer.stats(), content.stats(),
                      location.stats(), overall.stats(),  false};
    auto below = [&](const ScoreStats& s) {
      return s.mean && static_cast<koers::detail::i128>(s.mean->num) * low.den <
                           static_cast<koers::detail::i128>(low.num) * s.mean->den;
    };
    g.low = below(g.trainer) || below(g.content) || below(g.location) || below(g.overall);
    return g;
  }
};
}  // namespace

EvaluationSummary AcademyLog::evaluation_summary(Date as_of, Ratio low_threshold) const {
  check_as_of(as_of);
  if (low_threshold.den <= 0)
    throw InputError(Errc::invalid_argument, "the low-score threshold needs a positive denominator", {"low_threshold"});
  EvaluationSummary s;
  s.low_threshold = low_threshold;
  GroupAcc all;
  std::vector<GroupAcc> per_run(runs_.size()), per_course(courses_.size());
  std::map<std::string, GroupAcc> per_trainer;
  for (const auto& e : evaluations_) {
    std::size_t run = registrations_[e.registration].run;
    all.add(e);
    per_run[run].add(e);
    per_course[runs_[run].course].add(e);
    per_trainer[runs_[run].trainer.empty() ? "(not given)" : runs_[run].trainer].add(e);
  }
  auto g = all.group("", "", low_threshold);
  s.trainer = g.trainer;
  s.content = g.content;
  s.location = g.location;
  s.overall = g.overall;
  for (std::size_t i = 0; i < runs_.size(); ++i) {
    const Run& r = runs_[i];
    if (per_run[i].n > 0)
      s.by_run.push_back(per_run[i].group(std::to_string(r.id), courses_[r.course].title, low_threshold));
    bool day_or_more = r.days && r.days->num >= r.days->den;
    if (day_or_more && per_run[i].n == 0 && r.status_at(as_of) == RunStatus::started)
      s.unevaluated_runs.push_back(r.id);
  }
  for (std::size_t c = 0; c < courses_.size(); ++c)
    if (per_course[c].n > 0)
      s.by_course.push_back(per_course[c].group(std::to_string(courses_[c].id), courses_[c].title, low_threshold));
  for (const auto& [name, acc] : per_trainer) s.by_trainer.push_back(acc.group(name, name, low_threshold));
  return s;
}

std::vector<Date> week_ends(Date from, Date to) {
  if (to < from)
    throw InputError(Errc::invalid_period, "the end " + to_iso(to) + " is before the start " + to_iso(from),
                     {to_iso(to)});
  auto sunday_on_or_after = [](Date d) { return d + date_duration((7 - d.day_of_week().as_number()) % 7); };
  std::vector<Date> out;
  for (Date d = sunday_on_or_after(from), last = sunday_on_or_after(to); d <= last; d += date_duration(7))
    out.push_back(d);
  return out;
}

std::string AcademyKpis::runs_planned_name() const { return "runs_planned_in_" + std::to_string(year); }

}  // namespace koers::learning
