#pragma once
/// \file
/// `koers::budget::CostModel`: what one intervention costs — fixed, per run, per participant or a
/// mix — who pays it (the intervention's own stream, and the part of the per-participant cost each
/// participant pays from their individual career budget, the ILB, i.e. the personal-development
/// stream), and what it costs per participant and per learning hour.
///
/// Everything is exact: amounts are `koers::Money` (int64 cents), shares, hours and the unit costs
/// are `koers::Ratio` (reduced fractions of cents or hours); the unit costs also come rounded to
/// whole cents by a named rule (`CostOptions::rounding`, half-even by default). Never a double for
/// money.
///
/// Rules (docs/budget.md, "Costing the plan"):
/// - total = fixed + per_run × runs + per_participant × participants;
/// - ILB per participant = floor(per_participant × ilb_share) whole cents (an employee's ILB is
///   never charged a fraction of a cent more than the share); ILB part = that × participants;
///   own part = total − ILB part (fixed and per-run costs are never charged to the ILB), so the
///   two parts add up to the total exactly;
/// - per participant = total / participants; learning hours = participants × hours per
///   participant; per learning hour = total / learning hours (exact Ratios of cents, and rounded);
/// - participants from target groups: round_half_up(Σ sizes × uptake), whole people
///   (`participants_from_groups`); the sizes are added as given (the graph does not say whether
///   groups overlap).
/// Errors name the element: E107 negative amounts, runs, participants, sizes or hours, a share
/// outside 0..1, a negative uptake; E114 an amount past 64 bits; E404 a stated total (a file's
/// cost_cents) that differs from the computed total; E207 a per-participant price without a
/// participant count.
#include <koers/core/error.hpp>
#include <koers/core/money.hpp>

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace koers::budget {

/// Cost of one intervention (every amount ≥ 0).
struct CostModel {
  Money fixed;                                 ///< once (design, venue, licence)
  Money per_run;                               ///< per run (a session, a trainer's day)
  std::int64_t runs = 1;                       ///< number of runs
  Money per_participant;                       ///< per participant
  std::optional<std::int64_t> participants;    ///< planned participants (absent: the caller's count)
  Ratio ilb_share{0, 1};                       ///< part of per_participant paid from each ILB, 0..1
  std::optional<Ratio> hours_per_participant;  ///< learning hours of one participant (exact)
  std::optional<Money> stated_total;           ///< a file's cost_cents: must equal the total (E404)
  friend bool operator==(const CostModel&, const CostModel&) = default;
};

/// How unit costs are rounded to whole cents.
struct CostOptions {
  Rounding rounding = Rounding::half_even;  ///< per participant / per learning hour, in cents
};

/// The cost of one intervention, split by who pays, with exact unit costs.
struct CostBreakdown {
  std::optional<std::int64_t> participants;  ///< the count used (absent: unknown)
  Money fixed_part, run_part, participant_part;
  Money total;                           ///< fixed_part + run_part + participant_part
  Money ilb_per_participant;             ///< floor(per_participant × ilb_share)
  Money ilb;                             ///< ilb_per_participant × participants
  Money own;                             ///< total − ilb: the intervention's own stream
  std::optional<Ratio> per_participant;  ///< total / participants, in cents (absent: 0 or unknown)
  std::optional<Money> per_participant_rounded;
  std::optional<Ratio> learning_hours;  ///< participants × hours per participant
  std::optional<Ratio> per_hour;        ///< total / learning hours, in cents
  std::optional<Money> per_hour_rounded;
  Rounding rounding = Rounding::half_even;  ///< the rule of the rounded figures
};

/// The name of a rounding rule, as in files and tables ("half_even").
std::string to_string(Rounding r);

/// Exact hours from a number as written: the shortest decimal that reads back as the same double
/// (7.5 → 15/2, 0.1 → 1/10, 31.5 → 63/2). E107 for negative or non-finite hours.
Ratio exact_hours(double hours, const std::string& element = "hours");

/// Participants from target-group sizes: round_half_up(Σ sizes × uptake), whole people.
/// E107 for a negative size or uptake, E114 past 64 bits.
std::int64_t participants_from_groups(const std::vector<std::int64_t>& sizes, Ratio uptake = {1, 1},
                                      const std::string& element = "intervention");

/// The cost of `m`. `participants` is used when `m.participants` is absent (e.g. from the target
/// groups); `element` names the intervention in errors. See the file comment for the rules.
CostBreakdown cost(const CostModel& m, std::optional<std::int64_t> participants = std::nullopt,
                   const std::string& element = "intervention", const CostOptions& o = {});

}  // namespace koers::budget
