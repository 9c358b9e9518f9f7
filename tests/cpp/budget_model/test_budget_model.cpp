#include "testing.hpp"
#include <koers/budget/budget_model.hpp>
using namespace koers;
using namespace koers::budget;

// Source: seed 000_b2e3445de29c70ff, chapter 4, Tabel 7 (Deventer opleidingsbudget 2014).
TEST_CASE("Tabel 7 total is exact", "[budget_model]") {
  auto m = deventer_2014();
  CHECK(m.total() == Money::parse("986.822,62"));
  CHECK(m.stream("strategic").budget + m.stream("functional").budget + m.stream("personal").budget
        == Money::parse("986822.62"));
  CHECK_THROWS_AS(m.stream("nope"), BudgetError);
}

TEST_CASE("largest remainder shares sum to the whole", "[budget_model]") {
  auto parts = share_by_fte(Money::from_cents(100), {100, 100, 100});  // 3 teams of 1 FTE
  CHECK(parts[0].cents() + parts[1].cents() + parts[2].cents() == 100);
  CHECK(parts[0].cents() == 34);
  auto f = share_by_fte(Money::parse("314594.00"), {1250, 830, 2175, 60});
  CHECK(sum(f) == Money::parse("314594.00"));
}

TEST_CASE("payroll path 2 % (2014) to 3 % (2020), linear per year", "[budget_model]") {
  auto p = payroll_path(Money::from_cents(6'000'000'00), 2014, 2017);
  REQUIRE(p.size() == 4);
  CHECK(p[0].share == Ratio{2, 100});
  CHECK(p[0].months == 8);
  CHECK(p[0].budget == Money::from_cents(80'000'00));  // 6M × 2 % × 8/12
  CHECK(p[1].share == Ratio{13, 600});
  CHECK(p[1].budget == Money::from_cents(130'000'00));
  CHECK(path_share({}, 2020) == Ratio{3, 100});
}

TEST_CASE("scenario scaling is floor(budget × factor) in cents", "[budget_model]") {
  CHECK(scale_exact(Money::from_cents(31477700), "0.9").cents() == 28329930);
  CHECK(scale_exact(Money::from_cents(35745162), "0.9").cents() == 32170645);  // 32170645.8 floored
}

#include <koers/budget/scenario.hpp>

// Source: brief ("strategisch -10%"), Tabel 7 strategic 314.777,00 × 0.9 = 283.299,30.
TEST_CASE("scenarios apply, compose and compare exactly", "[scenario]") {
  auto base = deventer_2014();
  Scenario cut{"strategisch -10%", {ScaleBudget{"strategic", "0.9"}}};
  auto m = apply(base, cut);
  CHECK(m.stream("strategic").budget.cents() == 28329930);
  Scenario mv{"move", {MoveMoney{"personal", "functional", Money::parse("10.000,00")}}};
  auto both = compose(cut, mv);
  CHECK(both.name == "strategisch -10% + move");
  auto d = compare(base, both);
  REQUIRE(d.size() == 3);
  CHECK(d[0].delta == Money::parse("-31.477,70"));
  CHECK(d[0].free == Money::parse("243.299,30"));
  CHECK(d[1].delta == Money::parse("10.000,00"));
  CHECK(apply(base, both).total() == Money::parse("955.344,92"));
  Scenario bad{"bad", {ScaleBudget{"nope", "0.9"}}};
  CHECK_THROWS_AS(apply(base, bad), BudgetError);
  base.stream("functional").capped = true;
  CHECK_THROWS_AS(apply(base, mv), BudgetError);
}

#include <koers/budget/sweep.hpp>

TEST_CASE("sweep is deterministic across thread counts", "[sweep]") {
  auto base = deventer_2014();
  std::vector<Scenario> sc;
  for (int k = 0; k <= 300; ++k)
    sc.push_back({"cut " + std::to_string(k), {ScaleBudget{"strategic", "0." + std::to_string(1000 - k).substr(0, 3)}}});
  sc.push_back({"bad", {ScaleBudget{"nope", "1"}}});
  auto a = run_sweep(base, sc, {.threads = 1});
  auto b = run_sweep(base, sc, {.threads = 4});
  REQUIRE(a.size() == b.size());
  for (std::size_t i = 0; i < a.size(); ++i) { CHECK(a[i].total == b[i].total); CHECK(a[i].ok == b[i].ok); }
  CHECK_FALSE(a.back().ok);
}
