#pragma once
/// \file
/// Counters of a running exact search, written by the solver's thread and read by another
/// (`koers::budget::SolveProgress` wraps them for users).
#include <atomic>
#include <cstdint>

namespace koers::detail {

struct SearchCounters {
  std::atomic<std::int64_t> nodes{0};  ///< search nodes so far
  std::atomic<bool> found{false};      ///< an incumbent exists
  std::atomic<std::int64_t> best{0};   ///< the incumbent's value, in the solver's integer units
  std::atomic<bool> cancel{false};     ///< set by the observer: stop as at a limit
};

}  // namespace koers::detail
