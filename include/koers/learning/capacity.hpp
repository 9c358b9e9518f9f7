#pragma once
/// \file
/// Expert capacity with leave (issue 8 §2, "Expert capacity for the selection"): the hours each
/// expert (a West Betuwe Green Belt freeing 4 h a week, seeds/004) has over a period — 2022, or the
/// two-year project August 2021 – July 2023 — from the holiday calendar and a leave table per person.
///
/// hours = (working days of the period − working days on leave) × hours_per_week / 5, exact
/// (`koers::person_capacity`); overlapping leave counts once, leave outside the period is clipped.
///
/// The leave table: columns `employee_id` (the expert's id as text: "GB01", or a roster id "17"),
/// `start_date`, `end_date` (inclusive), any others ignored; each bad row once, first failing rule:
/// `employee_id` blank_id; `start_date` invalid_date; `end_date` invalid_date, end_before_start.
/// A leave row for an id that is not an expert is E711 (unknown_employee), naming file, row and id:
/// silently dropping leave would overstate the capacity.
#include <koers/core/calendar.hpp>
#include <koers/core/hours.hpp>
#include <koers/io/csv.hpp>
#include <koers/learning/entitlement.hpp>
#include <koers/learning/row_error.hpp>

#include <cstdint>
#include <string>
#include <vector>

namespace koers::learning {

/// One stretch of leave of one person.
struct Leave {
  std::string employee_id;
  Date start, end;      ///< both included
  std::size_t row = 0;  ///< 1-based data row in its table (0: built in code)
};

/// The valid rows of a leave table and the bad ones left out.
struct LeaveTable {
  std::string file;
  std::vector<Leave> leave;
  std::vector<RowError> errors;
  bool valid() const noexcept { return errors.empty(); }
};

/// Validate a leave table (`koers::io::read_csv` or `io::table_from_columns`) row by row (E701
/// for a missing column).
LeaveTable read_leave(const io::CsvTable& table);
/// Read a leave CSV file with `koers::io::read_csv`, then `read_leave`.
LeaveTable load_leave(const std::string& path);

/// An expert: id and the hours a week freed for the work.
struct ExpertHours {
  std::string id;
  Ratio hours_per_week{4, 1};
};

/// One expert's capacity over the period.
struct ExpertCapacity {
  std::string id;
  Ratio hours_per_week{0, 1};
  std::int64_t working_days = 0;
  std::int64_t leave_days = 0;      ///< working days on leave
  std::int64_t available_days = 0;  ///< working_days − leave_days
  Ratio hours{0, 1};                ///< available_days × hours_per_week / 5
};

/// Every expert's capacity over `p` (in the experts' order). E711 for a leave row whose id is no
/// expert's; E112 for an expert id given twice; E502 for negative hours.
std::vector<ExpertCapacity> expert_capacity(const std::vector<ExpertHours>& experts, const Period& p,
                                            const HolidayCalendar& cal, const LeaveTable& leave = {});

}  // namespace koers::learning
