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
    // an amount past 64 bits names the scenario, the change and the stream (E114)
    auto overflow = [&](const char* change, const std::string& stream, const InputError& e) {
      if (e.code() != Errc::money_overflow) throw;
      throw InputError(Errc::money_overflow, "scenario '" + sc.name + "': " + change + " of stream '" + stream + "': " +
                       e.message(), {sc.name, stream});
    };
    if (auto p = std::get_if<ScaleBudget>(&c)) {
      auto& s = m.stream(p->stream);
      Money v;
      try {
        v = scale_exact(s.budget, p->factor);
      } catch (const InputError& e) {
        overflow("scale_budget", s.id, e);
      }
      detail::set_checked(s, v, sc.name);
    } else if (auto p = std::get_if<SetBudget>(&c)) {
      detail::set_checked(m.stream(p->stream), p->amount, sc.name);
    } else if (auto p = std::get_if<MoveMoney>(&c)) {
      auto& f = m.stream(p->from);
      auto& t = m.stream(p->to);
      Money from, to;
      try {
        from = f.budget - p->amount;
        to = t.budget + p->amount;
      } catch (const InputError& e) {
        overflow("move", p->to, e);
      }
      detail::set_checked(f, from, sc.name);
      detail::set_checked(t, to, sc.name);
    } else if (auto p = std::get_if<PayrollShare>(&c)) {
      Money v;
      try {
        v = payroll_budget(p->payroll, p->share);
      } catch (const InputError& e) {
        overflow("payroll_share", p->stream, e);
      }
      detail::set_checked(m.stream(p->stream), v, sc.name);
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
