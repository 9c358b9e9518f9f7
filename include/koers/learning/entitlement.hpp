#pragma once
/// \file
/// Learning-time entitlement (issue 8 §2; Deventer plan §4.1 "Tijd voor leren"): who may learn how
/// much in a year, per person, team and target group, exactly.
///
/// The rules (`EntitlementRules`, defaults from the Deventer plan):
///  - every employee has 1 day a month for learning: 12 days a year for a full-time job;
///  - managers have ½ day a month more for management development (6 days a year);
///  - a day is the contract's weekly hours / 5, so part-time is pro rata by contract hours
///    (18 h/week: 12 days of 3.6 h = 43.2 h);
///  - a start or end inside the year is pro rata by working days of the chosen calendar: the share
///    is (working days employed in the year) / (working days of the year).
/// So, for one person and year: days = 12 × share (+ 6 × share for a manager), in the person's
/// own contract days; hours = days × hours_per_week / 5. Everything is an exact reduced fraction
/// (`koers::Ratio`); round only to show (`to_decimal_string`, half-up).
///
/// The roster: a table with the columns `employee_id` (a positive integer, as in the academy's
/// event log), `team`, `role` (`employee` | `manager`), `hours_per_week` (a decimal "32" / "25.5"
/// or a fraction "100/3"; more than 0 and at most 60, the Arbeidstijdenwet's weekly maximum),
/// `start_date` (YYYY-MM-DD), optional `end_date` (blank: still employed; inclusive) and optional
/// `target_groups` (ids such as `tg.klantcontact`, separated by `;`). Columns are found by name in
/// any order; other columns are ignored. Validation is row by row: each bad row is left out and
/// reported once, with the file, its 1-based data row, the field and the first rule that fails,
/// in this order — `employee_id`: blank_id, invalid_id, non_positive_id; `team`: blank_field;
/// `role`: invalid_role; `hours_per_week`: invalid_hours; `start_date`: invalid_date; `end_date`:
/// invalid_date, end_before_start; `employee_id`: duplicate_id (an id seen on an earlier valid row).
/// (`team`: blank_field — the academy log's reason for a blank required field.)
///
/// Errors: the CSV reader's (E100, E117, E118, E700-E703); E701 missing_column; E710 invalid_roster from
/// `require_valid()` (strict use) listing the bad rows; E500/E504 for the year and calendar.
#include <koers/core/calendar.hpp>
#include <koers/core/error.hpp>
#include <koers/core/hours.hpp>
#include <koers/core/money.hpp>
#include <koers/io/csv.hpp>
#include <koers/learning/row_error.hpp>

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace koers::learning {

enum class Role { employee, manager };
/// "employee" | "manager".
std::string_view to_string(Role r);

/// One person on the roster.
struct Employee {
  std::int64_t id = 0;
  std::string team;
  Role role = Role::employee;
  Ratio hours_per_week{36, 1};  ///< contract hours a week, exact
  Date start;                   ///< first day employed
  std::optional<Date> end;      ///< last day employed (inclusive); none: still employed
  std::vector<std::string> target_groups;
  std::size_t row = 0;  ///< 1-based data row in its table (0: built in code)
};

/// The valid rows of a roster and the bad ones left out.
struct Roster {
  std::string file;
  std::vector<Employee> employees;
  std::vector<RowError> errors;
  bool valid() const noexcept { return errors.empty(); }
  /// Throws InputError E710 (invalid_roster) naming every bad row when there is one.
  void require_valid() const;
};

/// Validate a roster table (a CSV file read by `koers::io::read_csv`, or DataFrame columns through
/// `koers::io::table_from_columns`) row by row (see the file comment). E701 when a required column
/// is missing (the CSV reader's E703 already refuses a column named twice).
Roster read_roster(const io::CsvTable& table);
/// Read a roster CSV file (UTF-8, header row, quoted fields, BOM and CRLF accepted) with
/// `koers::io::read_csv`, then `read_roster`.
Roster load_roster(const std::string& path);

/// The rules of §4.1; change them for another collective agreement.
struct EntitlementRules {
  Ratio days_per_month{1, 1};                ///< every employee (12 days a year full time)
  Ratio manager_extra_days_per_month{1, 2};  ///< managers, for management development
};

/// One person's entitlement in one year.
struct Entitlement {
  std::int64_t employee_id = 0;
  std::string team;
  Role role = Role::employee;
  std::vector<std::string> target_groups;
  Ratio hours_per_week{0, 1};
  Ratio day_hours{0, 1};                                     ///< hours_per_week / 5
  std::int64_t working_days_year = 0;                        ///< of the calendar year
  std::int64_t working_days_employed = 0;                    ///< of those, inside start..end
  Ratio share{0, 1};                                         ///< employed / year
  Ratio base_days{0, 1}, management_days{0, 1}, days{0, 1};  ///< in contract days
  Ratio base_hours{0, 1}, management_hours{0, 1}, hours{0, 1};
};

/// A sum over people (a team, a target group, everyone).
struct EntitlementTotal {
  std::string key;  ///< team name or target group id ("" for the total)
  std::int64_t people = 0, managers = 0;
  Ratio fte{0, 1};   ///< Σ hours_per_week × share / `full_time_hours`
  Ratio days{0, 1};  ///< Σ contract days (each person's own day length)
  Ratio base_hours{0, 1}, management_hours{0, 1}, hours{0, 1};
};

struct EntitlementReport {
  int year = 0;
  std::string calendar;
  std::int64_t working_days_year = 0;
  std::vector<Entitlement> people;              ///< roster order; people employed on no day of the year left out
  std::vector<EntitlementTotal> teams;          ///< by team name
  std::vector<EntitlementTotal> target_groups;  ///< by id; a person counts in each of their groups
  EntitlementTotal total;
  std::int64_t outside_year = 0;  ///< roster rows not employed in the year
};

/// One person's entitlement in `year` (1583..9999) by `cal` (E500 for a bad year).
Entitlement entitlement(const Employee& e, int year, const HolidayCalendar& cal, const EntitlementRules& rules = {});
/// Everyone's, with the sums per team and target group. `full_time_hours` (36, the municipal
/// collective agreement's week) only scales the FTE column.
EntitlementReport entitlement(const std::vector<Employee>& people, int year, const HolidayCalendar& cal,
                              const EntitlementRules& rules = {}, Ratio full_time_hours = {36, 1});

}  // namespace koers::learning
