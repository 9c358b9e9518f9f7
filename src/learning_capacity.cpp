// Expert capacity with a leave table (koers/learning/capacity.hpp).
#include <koers/learning/capacity.hpp>

#include "learning_rows.hpp"

#include <map>

namespace koers::learning {

using namespace koers::learning::rows;

LeaveTable read_leave(const io::CsvTable& t) {
  LeaveTable out;
  out.file = file_name(t);
  const auto req = t.require({"employee_id", "start_date", "end_date"});
  each_row(t, out.errors, [&](const RowReader& rd) {
    Leave l;
    l.row = rd.row->row;
    const std::string& id = rd.text(req[0]);
    std::size_t b = id.find_first_not_of(" \t"), z = id.find_last_not_of(" \t");
    if (b == std::string::npos) rd.fail(req[0], "blank_id", "the id is blank");
    l.employee_id = id.substr(b, z - b + 1);
    l.start = rd.date(req[1]);
    l.end = rd.date(req[2]);
    if (l.end < l.start)
      rd.fail(req[2], "end_before_start", rd.text(req[2]) + " is before the start " + rd.text(req[1]));
    out.leave.push_back(std::move(l));
  });
  return out;
}

LeaveTable load_leave(const std::string& path) { return read_leave(io::read_csv(path)); }

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
      throw InputError(
          Errc::unknown_employee,
          file + " row " + std::to_string(l.row) + " employee_id: '" + l.employee_id + "' is not one of the experts",
          {file, std::to_string(l.row), "employee_id", l.employee_id});
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
