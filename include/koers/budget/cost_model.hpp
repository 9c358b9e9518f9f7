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

#include <charconv>
#include <cstdint>
#include <limits>
#include <numeric>
#include <optional>
#include <string>
#include <system_error>
#include <vector>

namespace koers::budget {

/// Cost of one intervention (every amount ≥ 0).
struct CostModel {
  Money fixed;                                  ///< once (design, venue, licence)
  Money per_run;                                ///< per run (a session, a trainer's day)
  std::int64_t runs = 1;                        ///< number of runs
  Money per_participant;                        ///< per participant
  std::optional<std::int64_t> participants;     ///< planned participants (absent: the caller's count)
  Ratio ilb_share{0, 1};                        ///< part of per_participant paid from each ILB, 0..1
  std::optional<Ratio> hours_per_participant;   ///< learning hours of one participant (exact)
  std::optional<Money> stated_total;            ///< a file's cost_cents: must equal the total (E404)
  friend bool operator==(const CostModel&, const CostModel&) = default;
};

/// How unit costs are rounded to whole cents.
struct CostOptions {
  Rounding rounding = Rounding::half_even;  ///< per participant / per learning hour, in cents
};

/// The cost of one intervention, split by who pays, with exact unit costs.
struct CostBreakdown {
  std::optional<std::int64_t> participants;   ///< the count used (absent: unknown)
  Money fixed_part, run_part, participant_part;
  Money total;                                ///< fixed_part + run_part + participant_part
  Money ilb_per_participant;                  ///< floor(per_participant × ilb_share)
  Money ilb;                                  ///< ilb_per_participant × participants
  Money own;                                  ///< total − ilb: the intervention's own stream
  std::optional<Ratio> per_participant;       ///< total / participants, in cents (absent: 0 or unknown)
  std::optional<Money> per_participant_rounded;
  std::optional<Ratio> learning_hours;        ///< participants × hours per participant
  std::optional<Ratio> per_hour;              ///< total / learning hours, in cents
  std::optional<Money> per_hour_rounded;
  Rounding rounding = Rounding::half_even;    ///< the rule of the rounded figures
};

/// The name of a rounding rule, as in files and tables ("half_even").
inline std::string to_string(Rounding r) {
  switch (r) {
    case Rounding::floor: return "floor";
    case Rounding::ceil: return "ceil";
    case Rounding::half_up: return "half_up";
    case Rounding::half_even: return "half_even";
    case Rounding::toward_zero: return "toward_zero";
  }
  return "?";
}

namespace detail {
/// num/den reduced, as an int64 Ratio; E114 naming `element` when it does not fit.
inline Ratio reduced(koers::detail::i128 num, koers::detail::i128 den, const std::string& element, const char* what) {
  if (den < 0) { num = -num; den = -den; }
  const koers::detail::i128 a = koers::detail::gcd128(num, den);
  if (a > 1) { num /= a; den /= a; }
  constexpr koers::detail::i128 hi = std::numeric_limits<std::int64_t>::max(), lo = std::numeric_limits<std::int64_t>::min();
  if (num > hi || num < lo || den > hi)
    throw_error(Errc::money_overflow, element + ": " + what + " is out of the 64-bit range", {element});
  return Ratio{static_cast<std::int64_t>(num), static_cast<std::int64_t>(den)};
}
inline Money cents128(koers::detail::i128 v, const std::string& element, const char* what) {
  constexpr koers::detail::i128 hi = std::numeric_limits<std::int64_t>::max(), lo = std::numeric_limits<std::int64_t>::min();
  if (v > hi || v < lo)
    throw_error(Errc::money_overflow, element + ": " + what + " is beyond 64-bit cents", {element});
  return Money::from_cents(static_cast<std::int64_t>(v));
}
inline void not_negative(std::int64_t v, const std::string& element, const char* what) {
  if (v < 0)
    throw_error(Errc::invalid_value, element + ": " + what + " must not be negative (" + std::to_string(v) + ")", {element});
}
}  // namespace detail

/// Exact hours from a number as written: the shortest decimal that reads back as the same double
/// (7.5 → 15/2, 0.1 → 1/10, 31.5 → 63/2). E107 for negative or non-finite hours.
inline Ratio exact_hours(double hours, const std::string& element = "hours") {
  if (!(hours >= 0) || hours > 1e15)
    throw_error(Errc::invalid_value, element + ": learning hours must be a finite number >= 0", {element});
  char buf[64];
  auto [end, ec] = std::to_chars(buf, buf + sizeof buf, hours, std::chars_format::fixed);
  if (ec != std::errc{}) throw_error(Errc::invalid_value, element + ": learning hours cannot be read", {element});
  try {
    return Ratio::parse(std::string(buf, end));
  } catch (const InputError&) {
    throw_error(Errc::money_overflow, element + ": learning hours " + std::string(buf, end) + " have too many decimals", {element});
  }
}

/// Participants from target-group sizes: round_half_up(Σ sizes × uptake), whole people.
/// E107 for a negative size or uptake, E114 past 64 bits.
inline std::int64_t participants_from_groups(const std::vector<std::int64_t>& sizes, Ratio uptake = {1, 1},
                                             const std::string& element = "intervention") {
  if (uptake.den <= 0 || uptake.num < 0)
    throw_error(Errc::invalid_value, element + ": uptake must be a fraction >= 0 (" + uptake.to_string() + ")", {element});
  koers::detail::i128 total = 0;
  for (auto s : sizes) {
    detail::not_negative(s, element, "a target-group size");
    total += s;
  }
  koers::detail::i128 v = koers::detail::divide(total * uptake.num, uptake.den, Rounding::half_up);
  if (v > std::numeric_limits<std::int64_t>::max())
    throw_error(Errc::money_overflow, element + ": participants are out of the 64-bit range", {element});
  return static_cast<std::int64_t>(v);
}

/// The cost of `m`. `participants` is used when `m.participants` is absent (e.g. from the target
/// groups); `element` names the intervention in errors. See the file comment for the rules.
inline CostBreakdown cost(const CostModel& m, std::optional<std::int64_t> participants = std::nullopt,
                          const std::string& element = "intervention", const CostOptions& o = {}) {
  using detail::not_negative;
  not_negative(m.fixed.cents(), element, "the fixed cost");
  not_negative(m.per_run.cents(), element, "the cost per run");
  not_negative(m.runs, element, "the number of runs");
  not_negative(m.per_participant.cents(), element, "the cost per participant");
  if (m.participants) not_negative(*m.participants, element, "the number of participants");
  if (participants) not_negative(*participants, element, "the number of participants");
  if (m.stated_total) not_negative(m.stated_total->cents(), element, "cost_cents");
  const Ratio& s = m.ilb_share;
  if (s.den <= 0 || s.num < 0 || s.num > s.den)
    throw_error(Errc::invalid_value, element + ": the ILB share must be between 0 and 1 (" + s.to_string() + ")", {element});
  if (m.hours_per_participant) {
    const Ratio& h = *m.hours_per_participant;
    if (h.den <= 0 || h.num < 0)
      throw_error(Errc::invalid_value, element + ": learning hours must not be negative (" + h.to_string() + ")", {element});
  }

  CostBreakdown b;
  b.rounding = o.rounding;
  b.participants = m.participants ? m.participants : participants;
  if (!b.participants && m.per_participant.cents() != 0)
    throw_error(Errc::missing_required, element + ": a cost per participant (" + m.per_participant.to_string() +
                      ") needs a number of participants (give participants, or target groups with a size)", {element});
  const koers::detail::i128 n = b.participants.value_or(0);
  b.fixed_part = m.fixed;
  b.run_part = detail::cents128(static_cast<koers::detail::i128>(m.per_run.cents()) * m.runs, element, "the cost per run × runs");
  b.participant_part = detail::cents128(m.per_participant.cents() * n, element, "the cost per participant × participants");
  b.total = detail::cents128(static_cast<koers::detail::i128>(b.fixed_part.cents()) + b.run_part.cents() + b.participant_part.cents(),
                             element, "the total cost");
  if (m.stated_total && *m.stated_total != b.total)
    throw BudgetError(Errc::inconsistent_cost,
                      element + ": cost_cents " + std::to_string(m.stated_total->cents()) + " is not the cost model's total " +
                          std::to_string(b.total.cents()) + " (fixed " + std::to_string(b.fixed_part.cents()) + " + per run " +
                          std::to_string(m.per_run.cents()) + " × " + std::to_string(m.runs) + " + per participant " +
                          std::to_string(m.per_participant.cents()) + " × " + std::to_string(static_cast<long long>(n)) + ")",
                      {element});
  b.ilb_per_participant = Money::from_cents(static_cast<std::int64_t>(
      koers::detail::divide(static_cast<koers::detail::i128>(m.per_participant.cents()) * s.num, s.den, Rounding::floor)));
  b.ilb = detail::cents128(b.ilb_per_participant.cents() * n, element, "the ILB part");
  b.own = b.total - b.ilb;
  if (n > 0) {
    b.per_participant = detail::reduced(b.total.cents(), n, element, "the cost per participant");
    b.per_participant_rounded = Money::from_cents(static_cast<std::int64_t>(koers::detail::divide(b.total.cents(), n, o.rounding)));
  }
  if (m.hours_per_participant && b.participants) {
    const Ratio& h = *m.hours_per_participant;
    b.learning_hours = detail::reduced(n * h.num, h.den, element, "the learning hours");
    if (b.learning_hours->num > 0) {
      const koers::detail::i128 num = static_cast<koers::detail::i128>(b.total.cents()) * b.learning_hours->den, den = b.learning_hours->num;
      b.per_hour = detail::reduced(num, den, element, "the cost per learning hour");
      b.per_hour_rounded = detail::cents128(koers::detail::divide(num, den, o.rounding), element, "the cost per learning hour");
    }
  }
  return b;
}

}  // namespace koers::budget
