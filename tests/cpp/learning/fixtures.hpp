#pragma once
// Small helpers for the learning tests.
#include "testing.hpp"

#include <koers/core/calendar.hpp>
#include <koers/learning/entitlement.hpp>

#include <cstdint>
#include <string>
#include <utility>
#include <vector>

namespace koers::learning::test {
/// One roster row: employed from start (ISO date) to end (none: still employed), in the target groups.
inline Employee person(std::int64_t id, const char* team, Role role, Ratio h, const char* start,
                       const char* end = nullptr, std::vector<std::string> groups = {}) {
  Employee e;
  e.id = id;
  e.team = team;
  e.role = role;
  e.hours_per_week = h;
  e.start = parse_date(start);
  if (end) e.end = parse_date(end);
  e.target_groups = std::move(groups);
  return e;
}
}  // namespace koers::learning::test
