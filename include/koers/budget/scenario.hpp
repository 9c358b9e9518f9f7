#pragma once
/// \file
/// `koers::budget::Scenario`: a named list of declarative changes applied to a BudgetModel,
/// composable (`compose`) and compared stream by stream (`compare`). All amounts in cents.
#include <koers/budget/budget_model.hpp>

#include <string>
#include <variant>
#include <vector>

namespace koers::budget {

/// budget := floor(budget × factor), factor a decimal string ("0.9").
struct ScaleBudget { std::string stream; std::string factor; };
/// budget := amount.
struct SetBudget { std::string stream; Money amount; };
/// Move `amount` from one stream to another (total unchanged).
struct MoveMoney { std::string from; std::string to; Money amount; };
/// budget := payroll × share (12 months, half-even cents).
struct PayrollShare { std::string stream; Money payroll; Ratio share; };

using Change = std::variant<ScaleBudget, SetBudget, MoveMoney, PayrollShare>;

/// A named set of changes on a base model.
struct Scenario {
  std::string name;
  std::vector<Change> changes;
};

/// a then b, named "a + b".
inline Scenario compose(const Scenario& a, const Scenario& b) {
  Scenario s{a.name + " + " + b.name, a.changes};
  s.changes.insert(s.changes.end(), b.changes.begin(), b.changes.end());
  return s;
}

namespace detail {
inline void set_checked(Stream& s, Money v, const std::string& scen) {
  if (v.cents() < 0) throw BudgetError(Errc::invalid_scenario, "scenario '" + scen + "': stream '" + s.id + "' would become negative", {s.id});
  if (s.capped && v > s.budget) throw BudgetError(Errc::invalid_scenario, "scenario '" + scen + "': capped stream '" + s.id + "' may not grow", {s.id});
  s.budget = v;
}
}  // namespace detail

/// Apply a scenario to a copy of `base`. Throws BudgetError (unknown_stream, invalid_scenario).
inline BudgetModel apply(const BudgetModel& base, const Scenario& sc) {
  BudgetModel m = base;
  for (const auto& c : sc.changes) {
    if (auto p = std::get_if<ScaleBudget>(&c)) {
      auto& s = m.stream(p->stream);
      detail::set_checked(s, scale_exact(s.budget, p->factor), sc.name);
    } else if (auto p = std::get_if<SetBudget>(&c)) {
      detail::set_checked(m.stream(p->stream), p->amount, sc.name);
    } else if (auto p = std::get_if<MoveMoney>(&c)) {
      auto& f = m.stream(p->from);
      auto& t = m.stream(p->to);
      detail::set_checked(f, f.budget - p->amount, sc.name);
      detail::set_checked(t, t.budget + p->amount, sc.name);
    } else if (auto p = std::get_if<PayrollShare>(&c)) {
      detail::set_checked(m.stream(p->stream), payroll_budget(p->payroll, p->share), sc.name);
    }
  }
  return m;
}

/// One line of a comparison: a stream in the base and in the scenario.
struct StreamDiff {
  std::string stream;
  Money base_budget, budget, reserved, free, delta;
};

/// Line-by-line comparison of `base` with `apply(base, sc)`.
inline std::vector<StreamDiff> compare(const BudgetModel& base, const Scenario& sc) {
  auto m = apply(base, sc);
  std::vector<StreamDiff> out;
  for (const auto& s : m.streams) {
    Money res;
    for (const auto& r : s.reserved) res += r.amount;
    const Money b0 = base.stream(s.id).budget;
    out.push_back({s.id, b0, s.budget, res, s.budget - res, s.budget - b0});
  }
  return out;
}

}  // namespace koers::budget
