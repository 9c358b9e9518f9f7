// Budget models: streams, shares by FTE, the payroll budget and path, exact scaling; the budget
// model of a portfolio's streams. Declarations: include/koers/budget/budget_model.hpp.
#include <koers/budget/budget_model.hpp>
#include <koers/budget/portfolio.hpp>

#include <cstdint>
#include <numeric>
#include <string>
#include <string_view>
#include <vector>

namespace koers::budget {

BudgetModel budget_model(const Portfolio& portfolio) {
  BudgetModel m;
  m.name = portfolio.name;
  for (const auto& s : portfolio.streams) {
    Stream out{s.id, s.budget, {}, s.name};
    if (s.reserved.cents() != 0) out.reserved.push_back({"reserved", s.reserved});
    m.streams.push_back(std::move(out));
  }
  return m;
}

}  // namespace koers::budget

namespace koers::budget {

std::vector<Money> share_by_fte(Money whole, const std::vector<std::int64_t>& fte_hundredths) {
  return whole.allocate(fte_hundredths);
}

Money payroll_budget(Money payroll, Ratio share, int months) {
  Ratio r{share.num * months, share.den * 12};
  return payroll.scaled(r, Rounding::half_even);
}

Ratio path_share(const PathOptions& o, int year) {
  if (o.to_year <= o.from_year) throw InputError(Errc::invalid_argument, "path: to_year must follow from_year");
  const std::int64_t span = o.to_year - o.from_year, k = year - o.from_year;
  // common denominator: from.den * to.den * span
  const std::int64_t den = o.from_share.den * o.to_share.den * span;
  const std::int64_t a = o.from_share.num * o.to_share.den * span;
  const std::int64_t b = (o.to_share.num * o.from_share.den - o.from_share.num * o.to_share.den) * k;
  std::int64_t num = a + b, g = std::gcd(num < 0 ? -num : num, den);
  if (g == 0) g = 1;
  return Ratio{num / g, den / g};
}

std::vector<PathYear> payroll_path(Money payroll, int first, int last, const PathOptions& o) {
  std::vector<PathYear> out;
  for (int y = first; y <= last; ++y) {
    PathYear p;
    p.year = y;
    p.share = path_share(o, y);
    p.months = (y == o.from_year) ? o.first_year_months : 12;
    p.budget = payroll_budget(payroll, p.share, p.months);
    out.push_back(p);
  }
  return out;
}

Money scale_exact(Money budget, std::string_view factor) {
  return budget.scaled(Ratio::parse(factor), Rounding::floor);
}

Money Stream::free() const {
  Money f = budget;
  for (const auto& r : reserved) f -= r.amount;
  if (f.cents() < 0) throw_error(Errc::invalid_argument, "stream '" + id + "': reserved lines exceed budget", {id});
  return f;
}

Money BudgetModel::total() const {
  Money t;
  for (const auto& s : streams) t += s.budget;
  return t;
}

Stream& BudgetModel::stream(const std::string& id) {
  for (auto& s : streams)
    if (s.id == id) return s;
  throw BudgetError(Errc::unknown_stream, "unknown budget stream '" + id + "'", {id});
}

const Stream& BudgetModel::stream(const std::string& id) const { return const_cast<BudgetModel*>(this)->stream(id); }

}  // namespace koers::budget
