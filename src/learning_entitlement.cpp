// Learning-time entitlement and the roster's row validation (koers/learning/entitlement.hpp).
#include <koers/learning/entitlement.hpp>

#include "learning_rows.hpp"

#include <algorithm>
#include <map>
#include <set>

namespace koers::learning {

std::string_view to_string(Role r) { return r == Role::manager ? "manager" : "employee"; }

void Roster::require_valid() const {
  if (errors.empty()) return;
  std::string msg = (file.empty() ? std::string("roster") : file) + ": " + std::to_string(errors.size()) +
                    " invalid row" + (errors.size() == 1 ? "" : "s");
  std::vector<std::string> elements;
  for (std::size_t i = 0; i < errors.size(); ++i) {
    const auto& e = errors[i];
    if (i < 5)
      msg += (i == 0 ? ": " : "; ") + std::string("row ") + std::to_string(e.row) + " " + e.field + " " + e.reason;
    elements.push_back(e.file + ":" + std::to_string(e.row) + ":" + e.field + ":" + e.reason);
  }
  if (errors.size() > 5) msg += "; ...";
  throw InputError(Errc::invalid_roster, msg, elements);
}

using namespace koers::learning::rows;

Roster read_roster(const io::CsvTable& t) {
  Roster out;
  out.file = file_name(t);
  const auto req = t.require({"employee_id", "team", "role", "hours_per_week", "start_date"});
  const std::size_t c_id = req[0], c_team = req[1], c_role = req[2], c_hours = req[3], c_start = req[4];
  const std::size_t c_end = optional_column(t, "end_date"), c_groups = optional_column(t, "target_groups");
  std::set<std::int64_t> seen;
  each_row(t, out.errors, [&](const RowReader& rd) {
    Employee e;
    e.row = rd.row->row;
    e.id = rd.id(c_id);
    e.team = rd.non_blank(c_team);
    const std::string& role = rd.text(c_role);
    if (role == "employee")
      e.role = Role::employee;
    else if (role == "manager")
      e.role = Role::manager;
    else
      rd.fail(c_role, "invalid_role", "'" + role + "' is not employee or manager");
    const std::string& hours = rd.text(c_hours);
    try {
      e.hours_per_week = parse_hours(hours, "hours_per_week");
    } catch (const InputError& x) { rd.fail(c_hours, "invalid_hours", x.message()); }
    if (e.hours_per_week.num <= 0 || ratio_less(Ratio{60, 1}, e.hours_per_week))
      rd.fail(c_hours, "invalid_hours", "'" + hours + "' must be more than 0 and at most 60 hours a week");
    e.start = rd.date(c_start);
    if (c_end != none) {
      e.end = rd.optional_date(c_end);
      if (e.end && *e.end < e.start)
        rd.fail(c_end, "end_before_start", rd.text(c_end) + " is before the start " + rd.text(c_start));
    }
    if (c_groups != none) {
      const std::string& g = rd.text(c_groups);
      std::size_t from = 0;
      while (from <= g.size()) {
        std::size_t semi = g.find(';', from);
        std::string part = g.substr(from, semi == std::string::npos ? std::string::npos : semi - from);
        std::size_t b = part.find_first_not_of(" \t"), z = part.find_last_not_of(" \t");
        part = b == std::string::npos ? std::string() : part.substr(b, z - b + 1);
        if (!part.empty() && std::find(e.target_groups.begin(), e.target_groups.end(), part) == e.target_groups.end())
          e.target_groups.push_back(part);
        if (semi == std::string::npos) break;
        from = semi + 1;
      }
    }
    if (!seen.insert(e.id).second) rd.fail(c_id, "duplicate_id", "the id " + rd.text(c_id) + " is on an earlier row");
    out.employees.push_back(std::move(e));
  });
  return out;
}

Roster load_roster(const std::string& path) { return read_roster(io::read_csv(path)); }

Entitlement entitlement(const Employee& e, int year, const HolidayCalendar& cal, const EntitlementRules& rules) {
  Period y = Period::year(year);
  Entitlement out;
  out.employee_id = e.id;
  out.team = e.team;
  out.role = e.role;
  out.target_groups = e.target_groups;
  const std::string el = "employee " + std::to_string(e.id);
  out.hours_per_week = exact_ratio(e.hours_per_week.num, e.hours_per_week.den, el);
  if (out.hours_per_week.num < 0)
    throw InputError(Errc::invalid_hours, el + ": hours_per_week must not be negative", {el});
  out.day_hours = ratio_div(out.hours_per_week, Ratio{5, 1}, el);
  out.working_days_year = cal.working_days(y);
  Date from = std::max(e.start, y.start);
  Date to = e.end ? std::min(*e.end, y.end) : y.end;
  out.working_days_employed = to < from ? 0 : cal.working_days(Period(from, to));
  out.share =
      out.working_days_year == 0 ? Ratio{0, 1} : exact_ratio(out.working_days_employed, out.working_days_year, el);
  out.base_days = ratio_mul(ratio_mul(rules.days_per_month, Ratio{12, 1}, el), out.share, el);
  out.management_days = e.role == Role::manager
                            ? ratio_mul(ratio_mul(rules.manager_extra_days_per_month, Ratio{12, 1}, el), out.share, el)
                            : Ratio{0, 1};
  out.days = ratio_add(out.base_days, out.management_days, el);
  out.base_hours = ratio_mul(out.base_days, out.day_hours, el);
  out.management_hours = ratio_mul(out.management_days, out.day_hours, el);
  out.hours = ratio_add(out.base_hours, out.management_hours, el);
  return out;
}

EntitlementReport entitlement(const std::vector<Employee>& people, int year, const HolidayCalendar& cal,
                              const EntitlementRules& rules, Ratio full_time_hours) {
  if (full_time_hours.num <= 0 || full_time_hours.den <= 0)
    throw InputError(Errc::invalid_hours, "full_time_hours must be more than 0", {"full_time_hours"});
  EntitlementReport out;
  out.year = year;
  out.calendar = cal.name();
  Period y = Period::year(year);
  out.working_days_year = cal.working_days(y);
  std::map<std::string, EntitlementTotal> teams, groups;
  auto add = [&](EntitlementTotal& t, const Entitlement& p) {
    const std::string el = t.key.empty() ? std::string("total") : t.key;
    t.people += 1;
    t.managers += p.role == Role::manager ? 1 : 0;
    t.fte = ratio_add(t.fte, ratio_div(ratio_mul(p.hours_per_week, p.share, el), full_time_hours, el), el);
    t.days = ratio_add(t.days, p.days, el);
    t.base_hours = ratio_add(t.base_hours, p.base_hours, el);
    t.management_hours = ratio_add(t.management_hours, p.management_hours, el);
    t.hours = ratio_add(t.hours, p.hours, el);
  };
  for (const auto& e : people) {
    if (y.end < e.start || (e.end && *e.end < y.start)) {
      ++out.outside_year;
      continue;
    }
    Entitlement p = entitlement(e, year, cal, rules);
    auto& t = teams[p.team];
    t.key = p.team;
    add(t, p);
    for (const auto& g : p.target_groups) {
      auto& tg = groups[g];
      tg.key = g;
      add(tg, p);
    }
    add(out.total, p);
    out.people.push_back(std::move(p));
  }
  for (auto& [k, v] : teams) out.teams.push_back(std::move(v));
  for (auto& [k, v] : groups) out.target_groups.push_back(std::move(v));
  return out;
}

}  // namespace koers::learning
