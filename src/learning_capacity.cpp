// Expert capacity with a leave table (koers/learning/capacity.hpp).
#include <koers/learning/capacity.hpp>

#include <map>

namespace koers::learning {

namespace {
std::string trim(const std::string& s) {
  std::size_t b = s.find_first_not_of(" \t\r\n"), e = s.find_last_not_of(" \t\r\n");
  return b == std::string::npos ? std::string() : s.substr(b, e - b + 1);
}
}  // namespace

LeaveTable read_leave(const TextTable& t) {
  LeaveTable out;
  out.file = t.file;
  const std::string file = t.file.empty() ? "leave" : t.file;
  std::map<std::string, std::size_t> col;
  for (std::size_t i = 0; i < t.header.size(); ++i) {
    std::string h = trim(t.header[i]);
    if (!col.emplace(h, i).second)
      throw InputError(Errc::duplicate_column, file + ": column '" + h + "' is named twice in the header", {file, h});
  }
  for (const char* need : {"employee_id", "start_date", "end_date"})
    if (!col.count(need))
      throw InputError(Errc::missing_column, file + ": the leave table has no column '" + std::string(need) +
                       "' (needs employee_id, start_date, end_date)", {file, need});
  const std::size_t c_id = col["employee_id"], c_start = col["start_date"], c_end = col["end_date"];
  for (std::size_t r = 0; r < t.rows.size(); ++r) {
    const auto& row = t.rows[r];
    const auto n = r < t.row_numbers.size() ? t.row_numbers[r] : static_cast<std::int64_t>(r + 1);
    if (row.size() != t.header.size())
      throw InputError(Errc::size_mismatch, file + ": row " + std::to_string(n) + " has " + std::to_string(row.size()) +
                       " fields, the header " + std::to_string(t.header.size()), {file, std::to_string(n)});
    auto bad = [&](const char* field, const char* reason, const std::string& why) {
      out.errors.push_back({file, n, field, reason, file + " row " + std::to_string(n) + " " + field + ": " + why});
    };
    Leave l;
    l.row = n;
    l.employee_id = trim(row[c_id]);
    if (l.employee_id.empty()) { bad("employee_id", "blank_id", "the employee id is blank"); continue; }
    std::string s = trim(row[c_start]), e = trim(row[c_end]);
    try { l.start = parse_date(s); } catch (const InputError& x) { bad("start_date", "invalid_date", x.message()); continue; }
    try { l.end = parse_date(e); } catch (const InputError& x) { bad("end_date", "invalid_date", x.message()); continue; }
    if (l.end < l.start) { bad("end_date", "end_before_start", e + " is before the start " + s); continue; }
    out.leave.push_back(std::move(l));
  }
  return out;
}

std::vector<ExpertCapacity> expert_capacity(const std::vector<ExpertHours>& experts, const Period& p,
                                            const HolidayCalendar& cal, const LeaveTable& leave) {
  std::map<std::string, std::size_t> at;
  for (std::size_t i = 0; i < experts.size(); ++i)
    if (!at.emplace(experts[i].id, i).second)
      throw InputError(Errc::duplicate_name, "expert '" + experts[i].id + "' is given twice", {experts[i].id});
  std::vector<std::vector<Period>> per(experts.size());
  const std::string file = leave.file.empty() ? "leave" : leave.file;
  for (const auto& l : leave.leave) {
    auto it = at.find(l.employee_id);
    if (it == at.end())
      throw InputError(Errc::unknown_employee, file + " row " + std::to_string(l.row) + " employee_id: '" + l.employee_id +
                       "' is not one of the experts", {file, std::to_string(l.row), "employee_id", l.employee_id});
    per[it->second].emplace_back(l.start, l.end);
  }
  std::vector<ExpertCapacity> out;
  out.reserve(experts.size());
  for (std::size_t i = 0; i < experts.size(); ++i) {
    Capacity c = person_capacity(cal, p, experts[i].hours_per_week, per[i]);
    ExpertCapacity x;
    x.id = experts[i].id;
    x.hours_per_week = exact_ratio(experts[i].hours_per_week.num, experts[i].hours_per_week.den, x.id);
    x.working_days = c.working_days;
    x.leave_days = c.leave_days;
    x.available_days = c.working_days - c.leave_days;
    x.hours = c.hours;
    out.push_back(std::move(x));
  }
  return out;
}

}  // namespace koers::learning
