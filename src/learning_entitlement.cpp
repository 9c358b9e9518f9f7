// Learning-time entitlement and the roster's row validation (koers/learning/entitlement.hpp).
#include <koers/learning/entitlement.hpp>

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
    if (i < 5) msg += (i == 0 ? ": " : "; ") + std::string("row ") + std::to_string(e.row) + " " + e.field + " " + e.reason;
    elements.push_back(e.file + ":" + std::to_string(e.row) + ":" + e.field + ":" + e.reason);
  }
  if (errors.size() > 5) msg += "; ...";
  throw InputError(Errc::invalid_roster, msg, elements);
}

namespace {

std::string trim(const std::string& s) {
  std::size_t b = s.find_first_not_of(" \t\r\n"), e = s.find_last_not_of(" \t\r\n");
  return b == std::string::npos ? std::string() : s.substr(b, e - b + 1);
}

/// A positive integer id: "" blank_id, not digits invalid_id, 0 (or "-3") non_positive_id.
const char* id_rule(const std::string& t, std::int64_t& out) {
  if (t.empty()) return "blank_id";
  std::size_t i = (t[0] == '-' || t[0] == '+') ? 1 : 0;
  if (i == t.size()) return "invalid_id";
  __int128 v = 0;
  for (std::size_t k = i; k < t.size(); ++k) {
    if (t[k] < '0' || t[k] > '9') return "invalid_id";
    v = v * 10 + (t[k] - '0');
    if (v > std::numeric_limits<std::int64_t>::max()) return "invalid_id";
  }
  if (t[0] == '-' && v != 0) return "non_positive_id";
  if (v == 0) return "non_positive_id";
  out = static_cast<std::int64_t>(v);
  return nullptr;
}

}  // namespace

Roster read_roster(const TextTable& t) {
  Roster out;
  out.file = t.file;
  const std::string file = t.file.empty() ? "roster" : t.file;
  std::map<std::string, std::size_t> col;
  for (std::size_t i = 0; i < t.header.size(); ++i) {
    std::string h = trim(t.header[i]);
    if (!col.emplace(h, i).second)
      throw InputError(Errc::duplicate_column, file + ": column '" + h + "' is named twice in the header", {file, h});
  }
  for (const char* need : {"employee_id", "team", "role", "hours_per_week", "start_date"})
    if (!col.count(need))
      throw InputError(Errc::missing_column, file + ": the roster has no column '" + std::string(need) +
                       "' (needs employee_id, team, role, hours_per_week, start_date; optional end_date, target_groups)",
                       {file, need});
  auto opt = [&](const char* name) -> std::optional<std::size_t> {
    auto it = col.find(name);
    return it == col.end() ? std::nullopt : std::optional<std::size_t>(it->second);
  };
  const std::size_t c_id = col["employee_id"], c_team = col["team"], c_role = col["role"], c_hours = col["hours_per_week"],
                    c_start = col["start_date"];
  const auto c_end = opt("end_date"), c_groups = opt("target_groups");
  std::set<std::int64_t> seen;
  for (std::size_t r = 0; r < t.rows.size(); ++r) {
    const auto& row = t.rows[r];
    const auto n = r < t.row_numbers.size() ? t.row_numbers[r] : static_cast<std::int64_t>(r + 1);
    if (row.size() != t.header.size())
      throw InputError(Errc::size_mismatch, file + ": row " + std::to_string(n) + " has " + std::to_string(row.size()) +
                       " fields, the header " + std::to_string(t.header.size()), {file, std::to_string(n)});
    auto bad = [&](const char* field, const char* reason, const std::string& why) {
      out.errors.push_back({file, n, field, reason, file + " row " + std::to_string(n) + " " + field + ": " + why});
    };
    Employee e;
    e.row = n;
    std::string id = trim(row[c_id]);
    if (const char* why = id_rule(id, e.id)) {
      bad("employee_id", why, "'" + id + "' is not a positive integer id");
      continue;
    }
    e.team = trim(row[c_team]);
    if (e.team.empty()) { bad("team", "blank_team", "the team is blank"); continue; }
    std::string role = trim(row[c_role]);
    if (role == "employee") e.role = Role::employee;
    else if (role == "manager") e.role = Role::manager;
    else { bad("role", "invalid_role", "'" + role + "' is not employee or manager"); continue; }
    std::string hours = trim(row[c_hours]);
    try {
      e.hours_per_week = parse_hours(hours, "hours_per_week");
    } catch (const InputError& x) {
      bad("hours_per_week", "invalid_hours", x.message());
      continue;
    }
    if (e.hours_per_week.num <= 0 || ratio_less(Ratio{60, 1}, e.hours_per_week)) {
      bad("hours_per_week", "invalid_hours", "'" + hours + "' must be more than 0 and at most 60 hours a week");
      continue;
    }
    std::string start = trim(row[c_start]);
    try {
      e.start = parse_date(start);
    } catch (const InputError& x) {
      bad("start_date", "invalid_date", x.message());
      continue;
    }
    if (c_end) {
      std::string end = trim(row[*c_end]);
      if (!end.empty()) {
        try {
          e.end = parse_date(end);
        } catch (const InputError& x) {
          bad("end_date", "invalid_date", x.message());
          continue;
        }
        if (*e.end < e.start) {
          bad("end_date", "end_before_start", end + " is before the start " + start);
          continue;
        }
      }
    }
    if (c_groups) {
      std::string g = row[*c_groups];
      std::size_t from = 0;
      while (from <= g.size()) {
        std::size_t semi = g.find(';', from);
        std::string part = trim(g.substr(from, semi == std::string::npos ? std::string::npos : semi - from));
        if (!part.empty() && std::find(e.target_groups.begin(), e.target_groups.end(), part) == e.target_groups.end())
          e.target_groups.push_back(part);
        if (semi == std::string::npos) break;
        from = semi + 1;
      }
    }
    if (!seen.insert(e.id).second) {
      bad("employee_id", "duplicate_id", "id " + id + " is on an earlier row");
      continue;
    }
    out.employees.push_back(std::move(e));
  }
  return out;
}

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
  out.share = out.working_days_year == 0 ? Ratio{0, 1} : exact_ratio(out.working_days_employed, out.working_days_year, el);
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
