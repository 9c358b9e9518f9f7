// Bindings for learning time (thin): the roster, its row errors and the entitlement report cross as
// types (Ratio for exact hours, datetime.date for dates); the facade is python/koers/learning.py.
#include "bindings.hpp"

#include "date_caster.hpp"

#include <koers/learning/capacity.hpp>
#include <koers/learning/demand.hpp>
#include <koers/learning/entitlement.hpp>

namespace koers::python {
void register_learning(py::module_& m) {
  using namespace koers::learning;
  py::enum_<Role>(m, "Role").value("employee", Role::employee).value("manager", Role::manager);
  py::class_<Employee>(m, "Employee", "One person on the roster.")
      .def(py::init<>())
      .def_readwrite("id", &Employee::id)
      .def_readwrite("team", &Employee::team)
      .def_readwrite("role", &Employee::role)
      .def_readwrite("hours_per_week", &Employee::hours_per_week)
      .def_readwrite("start", &Employee::start)
      .def_readwrite("end", &Employee::end)
      .def_readwrite("target_groups", &Employee::target_groups)
      .def_readwrite("row", &Employee::row);
  // Row errors cross as (file, row, field, reason, message) tuples: koers::learning::RowError is shared
  // with the academy log, whose bindings may register the type itself.
  auto row_errors = [](const std::vector<RowError>& es) {
    py::list out;
    for (const auto& e : es) out.append(py::make_tuple(e.file, e.row, e.field, e.reason, e.message));
    return out;
  };
  py::class_<Roster>(m, "Roster", "The valid rows of a roster and the bad rows left out.")
      .def_readonly("file", &Roster::file)
      .def_readonly("employees", &Roster::employees)
      .def_property_readonly("errors", [row_errors](const Roster& r) { return row_errors(r.errors); })
      .def("require_valid", &Roster::require_valid);
  m.def("load_roster", &load_roster, "path"_a, "Read and validate a roster CSV file.");
  m.def(
      "read_roster_columns",
      [](std::string origin, std::vector<std::string> header, const std::vector<std::vector<std::string>>& columns) {
        return read_roster(io::table_from_columns(std::move(origin), std::move(header), columns));
      },
      "origin"_a, "header"_a, "columns"_a, "Validate a roster given as columns of text (a DataFrame's).");
  py::class_<EntitlementRules>(m, "EntitlementRules")
      .def(py::init<>())
      .def_readwrite("days_per_month", &EntitlementRules::days_per_month)
      .def_readwrite("manager_extra_days_per_month", &EntitlementRules::manager_extra_days_per_month);
  py::class_<Entitlement>(m, "Entitlement", "One person's learning time in one year, exact.")
      .def_readonly("employee_id", &Entitlement::employee_id)
      .def_readonly("team", &Entitlement::team)
      .def_readonly("role", &Entitlement::role)
      .def_readonly("target_groups", &Entitlement::target_groups)
      .def_readonly("hours_per_week", &Entitlement::hours_per_week)
      .def_readonly("day_hours", &Entitlement::day_hours)
      .def_readonly("working_days_year", &Entitlement::working_days_year)
      .def_readonly("working_days_employed", &Entitlement::working_days_employed)
      .def_readonly("share", &Entitlement::share)
      .def_readonly("base_days", &Entitlement::base_days)
      .def_readonly("management_days", &Entitlement::management_days)
      .def_readonly("days", &Entitlement::days)
      .def_readonly("base_hours", &Entitlement::base_hours)
      .def_readonly("management_hours", &Entitlement::management_hours)
      .def_readonly("hours", &Entitlement::hours);
  py::class_<EntitlementTotal>(m, "EntitlementTotal", "A sum over a team, a target group or everyone.")
      .def_readonly("key", &EntitlementTotal::key)
      .def_readonly("people", &EntitlementTotal::people)
      .def_readonly("managers", &EntitlementTotal::managers)
      .def_readonly("fte", &EntitlementTotal::fte)
      .def_readonly("days", &EntitlementTotal::days)
      .def_readonly("base_hours", &EntitlementTotal::base_hours)
      .def_readonly("management_hours", &EntitlementTotal::management_hours)
      .def_readonly("hours", &EntitlementTotal::hours);
  py::class_<EntitlementReport>(m, "EntitlementReport")
      .def_readonly("year", &EntitlementReport::year)
      .def_readonly("calendar", &EntitlementReport::calendar)
      .def_readonly("working_days_year", &EntitlementReport::working_days_year)
      .def_readonly("people", &EntitlementReport::people)
      .def_readonly("teams", &EntitlementReport::teams)
      .def_readonly("target_groups", &EntitlementReport::target_groups)
      .def_readonly("total", &EntitlementReport::total)
      .def_readonly("outside_year", &EntitlementReport::outside_year);
  m.def("entitlement_report",
        py::overload_cast<const std::vector<Employee>&, int, const HolidayCalendar&, const EntitlementRules&, Ratio>(
            &entitlement),
        "people"_a, "year"_a, "calendar"_a, "rules"_a = EntitlementRules{}, "full_time_hours"_a = Ratio{36, 1});

  // expert capacity with leave (koers/learning/capacity.hpp)
  py::class_<Leave>(m, "Leave", "One stretch of leave of one person.")
      .def_readonly("employee_id", &Leave::employee_id)
      .def_readonly("start", &Leave::start)
      .def_readonly("end", &Leave::end)
      .def_readonly("row", &Leave::row);
  py::class_<LeaveTable>(m, "LeaveTable", "The valid rows of a leave table and the bad rows left out.")
      .def(py::init<>())
      .def_readonly("file", &LeaveTable::file)
      .def_readonly("leave", &LeaveTable::leave)
      .def_property_readonly("errors", [row_errors](const LeaveTable& t) { return row_errors(t.errors); });
  m.def("load_leave", &load_leave, "path"_a, "Read and validate a leave CSV file.");
  m.def(
      "read_leave_columns",
      [](std::string origin, std::vector<std::string> header, const std::vector<std::vector<std::string>>& columns) {
        return read_leave(io::table_from_columns(std::move(origin), std::move(header), columns));
      },
      "origin"_a, "header"_a, "columns"_a, "Validate a leave table given as columns of text.");
  py::class_<ExpertHours>(m, "ExpertHours")
      .def(py::init<std::string, Ratio>(), "id"_a, "hours_per_week"_a)
      .def_readonly("id", &ExpertHours::id)
      .def_readonly("hours_per_week", &ExpertHours::hours_per_week);
  py::class_<ExpertCapacity>(m, "ExpertCapacity", "One expert's hours over a period, leave taken off, exact.")
      .def_readonly("id", &ExpertCapacity::id)
      .def_readonly("hours_per_week", &ExpertCapacity::hours_per_week)
      .def_readonly("working_days", &ExpertCapacity::working_days)
      .def_readonly("leave_days", &ExpertCapacity::leave_days)
      .def_readonly("available_days", &ExpertCapacity::available_days)
      .def_readonly("hours", &ExpertCapacity::hours);
  m.def("expert_capacity", &expert_capacity, "experts"_a, "period"_a, "calendar"_a, "leave"_a = LeaveTable{});

  // the plan's demand against the entitlement (koers/learning/demand.hpp)
  py::class_<DemandLine>(m, "DemandLine")
      .def_readonly("intervention", &DemandLine::intervention)
      .def_readonly("name", &DemandLine::name)
      .def_readonly("target_groups", &DemandLine::target_groups)
      .def_readonly("participants", &DemandLine::participants)
      .def_readonly("hours_per_participant", &DemandLine::hours_per_participant)
      .def_readonly("learning_hours", &DemandLine::learning_hours)
      .def_readonly("participants_from", &DemandLine::participants_from);
  py::class_<GroupBalance>(m, "GroupBalance")
      .def_readonly("target_group", &GroupBalance::target_group)
      .def_readonly("name", &GroupBalance::name)
      .def_readonly("size", &GroupBalance::size)
      .def_readonly("people", &GroupBalance::people)
      .def_readonly("interventions", &GroupBalance::interventions)
      .def_readonly("demand", &GroupBalance::demand)
      .def_readonly("supply", &GroupBalance::supply)
      .def_readonly("over", &GroupBalance::over)
      .def_readonly("max_hours_per_member", &GroupBalance::max_hours_per_member)
      .def_readonly("supply_per_member", &GroupBalance::supply_per_member)
      .def_readonly("over_per_member", &GroupBalance::over_per_member);
  py::class_<PersonBalance>(m, "PersonBalance")
      .def_readonly("employee_id", &PersonBalance::employee_id)
      .def_readonly("team", &PersonBalance::team)
      .def_readonly("demand", &PersonBalance::demand)
      .def_readonly("supply", &PersonBalance::supply)
      .def_readonly("over", &PersonBalance::over);
  py::class_<TeamBalance>(m, "TeamBalance")
      .def_readonly("team", &TeamBalance::team)
      .def_readonly("people", &TeamBalance::people)
      .def_readonly("people_over", &TeamBalance::people_over)
      .def_readonly("demand", &TeamBalance::demand)
      .def_readonly("supply", &TeamBalance::supply)
      .def_readonly("over", &TeamBalance::over);
  py::class_<DemandReport>(m, "DemandReport")
      .def_readonly("year", &DemandReport::year)
      .def_readonly("lines", &DemandReport::lines)
      .def_readonly("groups", &DemandReport::groups)
      .def_readonly("people", &DemandReport::people)
      .def_readonly("teams", &DemandReport::teams)
      .def_readonly("demand", &DemandReport::demand)
      .def_readonly("supply", &DemandReport::supply)
      .def_readonly("over", &DemandReport::over)
      .def_readonly("unplaced", &DemandReport::unplaced)
      .def_readonly("groups_without_people", &DemandReport::groups_without_people);
  m.def("demand_vs_supply", &demand_vs_supply, "plan"_a, "supply"_a, py::call_guard<py::gil_scoped_release>());
}
}  // namespace koers::python
