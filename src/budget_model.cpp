// The budget model of a portfolio's streams (koers/budget/budget_model.hpp).
#include <koers/budget/budget_model.hpp>
#include <koers/budget/portfolio.hpp>

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
