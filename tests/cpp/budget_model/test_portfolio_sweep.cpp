#include "testing.hpp"
#include <koers/budget/portfolio_sweep.hpp>
using namespace koers;
using namespace koers::budget;

namespace {
// A small portfolio in the shape of the Deventer plan: Tabel 7 (seed 000, ch. 4) strategic budget
// 314.777,00 with an illustrative reserve; illustrative costs and values.
Portfolio small() {
  Portfolio p;
  p.streams = {{"strategic", Money::from_cents(31477700), Money::from_cents(4000000)},
               {"functional", Money::from_cents(31459400), Money{}}};
  p.items = {
      {"a", "A", "strategic", Money::from_cents(12000000), 5},
      {"b", "B", "strategic", Money::from_cents(9000000), 4},
      {"c", "C", "strategic", Money::from_cents(8000000), 3},
      {"d", "D", "functional", Money::from_cents(20000000), 6},
      {"e", "E", "functional", Money::from_cents(15000000), 5},
  };
  p.items[0].mandatory = true;
  return p;
}
}  // namespace

TEST_CASE("portfolio sweep equals single solves and does not depend on threads", "[portfolio_sweep]") {
  auto p = small();
  std::vector<PortfolioScenario> sc;
  for (int k = 0; k <= 60; ++k) {
    PortfolioScenario s;
    s.name = "cut " + std::to_string(k);
    int f = 1000 - 5 * k;  // 0 .. 30 % in steps of 0.5 %
    s.scale_budget = {{"strategic", std::to_string(f / 1000) + "." + std::to_string(f % 1000 + 1000).substr(1)}};
    sc.push_back(s);
  }
  PortfolioScenario bad;
  bad.name = "bad";
  bad.scale_budget = {{"strategic", "-1"}};
  sc.push_back(bad);
  PortfolioScenario drop;
  drop.name = "drop a";
  drop.drop_items = {"a"};
  sc.push_back(drop);

  SweepProgress prog;
  auto one = sweep_portfolio(p, sc, {.threads = 1});
  auto four = sweep_portfolio(p, sc, {.threads = 4, .progress = &prog});
  CHECK(prog.done == sc.size());
  REQUIRE(one.size() == sc.size());
  for (std::size_t i = 0; i < sc.size(); ++i) {
    CHECK(one[i].name == four[i].name);
    CHECK(one[i].status == four[i].status);
    CHECK(one[i].optimum == four[i].optimum);
    CHECK(one[i].selected == four[i].selected);
  }
  // row 0 = the base: the same as optimise()
  auto direct = optimise(apply(p, sc[0]), {.check_unique = false, .check_binding = false});
  CHECK(one[0].optimum == direct.optimum);
  CHECK(one[0].selected == direct.selected);
  CHECK(one[0].budget[0].cents() == 31477700);
  // 10 % cut: floor(31477700 × 0.9) = 28329930
  CHECK(one[20].budget[0].cents() == 28329930);
  CHECK(one[sc.size() - 2].status == "error");
  CHECK(one[sc.size() - 2].error_code == static_cast<int>(Errc::invalid_scenario));
  CHECK(one.back().status == "optimal");
  // at a 30 % cut the capacity is 22034390 − 4000000 = 18034390 (A, the mandatory item, fits)
  CHECK(one[60].capacity[0].cents() == 22034390 - 4000000);
  CHECK(one[60].status == "optimal");
}

TEST_CASE("portfolio sweep reports an infeasible scenario with its conflict", "[portfolio_sweep]") {
  auto p = small();
  PortfolioScenario s;
  s.name = "too small";
  s.set_budget = {{"strategic", Money::from_cents(10000000)}};
  auto rows = sweep_portfolio(p, {s}, {.threads = 2});
  REQUIRE(rows.size() == 1);
  CHECK(rows[0].status == "infeasible");
  REQUIRE(rows[0].conflict);
  CHECK(rows[0].conflict->stream == "strategic");
  CHECK(rows[0].conflict->required.cents() == 12000000);
  CHECK(rows[0].conflict->capacity.cents() == 6000000);
  CHECK(rows[0].selected.empty());
}

TEST_CASE("cancelled sweep leaves rows cancelled", "[portfolio_sweep]") {
  auto p = small();
  std::vector<PortfolioScenario> sc(10);
  for (std::size_t i = 0; i < sc.size(); ++i) sc[i].name = "s" + std::to_string(i);
  SweepProgress prog;
  prog.cancel = true;
  auto rows = sweep_portfolio(p, sc, {.threads = 2, .progress = &prog});
  CHECK(rows[0].status == "cancelled");
  CHECK(rows[9].name == "s9");
}
